package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tf.math.lgamma, digamma, polygamma, zeta, igamma, igammac and tf.linalg.pinv against TF 2.21
 * (golden/special_functions.py): float32 within a few ulps of TF's, float64 to 1e-12 relative.
 */
class SpecialFunctionsTest {
    private static final Golden TF = Golden.load("special_functions");
    private static final float[] X = {-2.5f, -1, 0, 0.1f, 0.5f, 1, 1.5f, 2, 3.7f, 10, 30.5f, 1e4f};
    private static final Tensor A = tf.constant(new float[] {0.5f, 1, 2, 5, 0.1f, 3});
    private static final Tensor T = tf.constant(new float[] {0.2f, 1, 3, 4, 2, 0});

    private static void assertClose(String key, Tensor actual, double relative) {
        double[] expected = TF.doubles(key), got = tf.cast(actual, DType.FLOAT64).toDoubleArray();
        assertEquals(expected.length, got.length, key);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Double.isFinite(expected[i]) ? relative * Math.max(1, Math.abs(expected[i])) : 0;
            assertEquals(expected[i], got[i], tolerance, key + " at " + i);
        }
    }

    @Test
    void lgammaAndDigammaMatchTfIncludingPoles() {
        Tensor x = tf.constant(X), xd = tf.cast(x, DType.FLOAT64);
        assertClose("lgamma", tf.math.lgamma(x), 5e-7);
        assertClose("lgamma_float64", tf.math.lgamma(xd), 1e-12);
        assertClose("digamma", tf.math.digamma(x), 5e-7);
        assertClose("digamma_float64", tf.math.digamma(xd), 1e-12);
    }

    @Test
    void polygammaAndZetaMatchTf() {
        Tensor x = tf.constant(X), xd = tf.cast(x, DType.FLOAT64);
        assertClose("polygamma_1", tf.math.polygamma(tf.onesLike(x), x), 5e-7);
        assertClose("polygamma_3_float64", tf.math.polygamma(tf.multiply(tf.onesLike(xd), 3), xd), 1e-12);
        assertClose("zeta_2", tf.math.zeta(tf.multiply(tf.onesLike(x), 2), x), 5e-7);
    }

    @Test
    void incompleteGammasMatchTf() {
        assertClose("igamma", tf.math.igamma(A, T), 5e-7);
        assertClose("igammac", tf.math.igammac(A, T), 5e-7);
        assertClose("igamma_float64", tf.math.igamma(tf.cast(A, DType.FLOAT64), tf.cast(T, DType.FLOAT64)), 1e-12);
    }

    /** Where a + 1 == a the terms stop shrinking: TF stops after Eigen's 2000 terms; JFlow hung in Cephes' loops. */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void incompleteGammasOfHugeArgumentsStopAsTfDoes() {
        Tensor huge = tf.constant(new double[] {1e30, 1e20, 1e10});
        // a log(x) - x - lgamma(a) cancels 2.3e11 down to about -1 at 1e10: one ulp of lgamma moves the result by 3e-5
        assertClose("igamma_huge_float64", tf.math.igamma(huge, huge), 1e-4);
        assertClose("igammac_huge_float64", tf.math.igammac(huge, huge), 1e-4);
    }

    private static Tensor gradient(UnaryOperator<Tensor> f, float... at) {
        Tensor v = tf.constant(at);
        try (var tape = tf.GradientTape()) {
            tape.watch(v);
            return tape.gradient(f.apply(v), v);
        }
    }

    @Test
    void gradientsAreTfs() {
        assertClose("lgamma_gradient", gradient(tf.math::lgamma, 0.5f, 1, 3.7f, 10), 5e-7);
        assertClose("digamma_gradient", gradient(tf.math::digamma, 0.5f, 1, 3.7f, 10), 5e-7);
        assertClose("igamma_x_gradient", gradient(v -> tf.math.igamma(A, v), 0.2f, 1, 3, 4, 2, 0.5f), 5e-7);
    }

    @Test
    void pinvMatchesTfAndDropsTinySingularValues() {
        assertClose("pinv", tf.linalg.pinv(tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}})), 1e-5);
        assertClose("pinv_singular_float64", tf.linalg.pinv(tf.constant(new double[][] {{1, 2}, {2, 4}})), 1e-12);
    }
}
