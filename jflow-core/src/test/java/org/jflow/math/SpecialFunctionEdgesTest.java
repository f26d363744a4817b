package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The special functions at their edges as TF 2.21 (found by the conformance rows); golden/special_edges.py. */
class SpecialFunctionEdgesTest {
    private static final Golden TF = Golden.load("special_edges");
    private static final float INF = Float.POSITIVE_INFINITY;

    private static void assertGolden(String key, Tensor actual) {
        List<?> expected = (List<?>) TF.get(key);
        double[] got = tf.cast(actual, DType.FLOAT64).toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            Object e = expected.get(i);
            double want = e == null ? Double.NaN : "-0".equals(e) ? -0.0 : ((Number) e).doubleValue();
            assertEquals(want, got[i], 0, key + "[" + i + "]"); // assertEquals tells -0.0 from 0.0 and matches NaN
        }
    }

    private static Tensor f(float... v) { return tf.constant(v); }

    @Test
    void edgesMatchTensorFlow() {
        assertGolden("igamma_a0", tf.math.igamma(f(0, 0, -1), f(1, 0, 0)));
        assertGolden("igammac_a0", tf.math.igammac(f(0, 0), f(1, 0)));
        assertGolden("lgamma_1_2", tf.math.lgamma(f(1, 2)));
        assertGolden("zeta_q_inf", tf.math.zeta(f(2, 3), f(INF, INF)));
        assertGolden("polygamma_x_inf", tf.math.polygamma(f(2, 3), f(INF, INF)));
        assertGolden("igamma_infinities", tf.math.igamma(f(INF, INF, INF, 2), f(0.5f, 2, INF, INF)));
        assertGolden("igammac_infinities", tf.math.igammac(f(INF, INF, INF, 2), f(0.5f, 2, INF, INF)));
        assertGolden("zeta_s_inf", tf.math.zeta(f(INF, INF, INF, INF), f(0.5f, 1, 2, 3)));
    }

    @Test
    void lgammaAndDigammaHaveNoBfloat16Kernel() {
        Tensor x = tf.cast(f(1.5f), DType.BFLOAT16);
        for (String op : new String[] {"lgamma", "digamma"}) {
            Map<String, Object> expected = TF.map(op + "_bfloat16");
            Throwable e = assertThrows(Throwable.class, () -> {
                if (op.equals("lgamma")) tf.math.lgamma(x);
                else tf.math.digamma(x);
            });
            assertEquals(expected.get("error"), e.getClass().getSimpleName(), op);
        }
    }
}
