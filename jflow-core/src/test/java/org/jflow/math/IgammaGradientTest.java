package org.jflow.math;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** igamma and igammac differentiate in a (TF's IgammaGradA) and x as TF's _IgammaGrad; golden/igamma_gradients.py. */
class IgammaGradientTest {
    private static final Golden TF = Golden.load("igamma_gradients");

    /** float32: TF iterates in float (mean absolute error 6e-7 by Eigen's notes); float64 agrees to rounding. */
    private static void assertClose(double[] expected, Tensor actual, DType t, String what) {
        double[] got = tf.cast(actual, DType.FLOAT64).toDoubleArray();
        double rel = t == DType.FLOAT32 ? 2e-5 : 1e-11;
        for (int i = 0; i < expected.length; i++) {
            double tolerance = rel * Math.abs(expected[i]) + (t == DType.FLOAT32 ? 1e-7 : 1e-15);
            assertEquals(expected[i], got[i], tolerance, what + "[" + i + "]");
        }
    }

    private static Tensor[] gradients(boolean complement, Tensor a, Tensor x) {
        try (GradientTape tape = tf.GradientTape()) {
            tape.watch(a);
            tape.watch(x);
            Tensor y = complement ? tf.math.igammac(a, x) : tf.math.igamma(a, x);
            return tape.gradient(y, java.util.List.of(a, x)).toArray(new Tensor[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "float64"})
    void bothArgumentsGetTfsGradients(String dtype) {
        DType t = DType.of(dtype);
        Tensor a = tf.cast(tf.constant(TF.doubles("a")), t), x = tf.cast(tf.constant(TF.doubles("x")), t);
        for (String f : new String[] {"igamma", "igammac"}) {
            Tensor[] g = gradients(f.equals("igammac"), a, x);
            Map<String, Object> expected = TF.map(f + "_" + dtype);
            assertClose(Golden.flatten(expected.get("da")), g[0], t, f + " da");
            assertClose(Golden.flatten(expected.get("dx")), g[1], t, f + " dx");
        }
        Tensor gradA = Dispatcher.execute1(BinaryArithmetic.IGAMMA_GRAD_A, Attrs.EMPTY, a, x);
        assertClose(TF.doubles("grad_a_" + dtype), gradA, t, "IgammaGradA");
    }

    @Test
    void aBroadcastScalarGetsTheSummedGradient() {
        Tensor a = tf.constant(2.5f), x = tf.cast(tf.constant(TF.doubles("x")), DType.FLOAT32);
        Tensor[] g = gradients(false, a, x);
        Map<String, Object> expected = TF.map("broadcast_scalar_a");
        assertClose(Golden.flatten(expected.get("da")), g[0], DType.FLOAT32, "da");
        assertClose(Golden.flatten(expected.get("dx")), g[1], DType.FLOAT32, "dx");
    }
}
