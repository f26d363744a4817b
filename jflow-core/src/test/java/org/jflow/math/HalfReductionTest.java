package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tf.reduce_sum, tf.reduce_mean and tf.math.reduce_euclidean_norm of float16 and bfloat16 along the inner, outer and a middle axis give TF 2.21's
 * results bit for bit. Expected: golden/half_reductions.py, whose inputs this test rebuilds from the same formula.
 */
class HalfReductionTest {
    private static final Golden TF = Golden.load("half_reductions");

    static List<String> cases() { return List.copyOf(TF.cases().keySet()); }

    private static float[] values(int n, String dist) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            long s = ((i * 2654435761L + 12345L) & 0xFFFFFFFFL) >>> 12;
            v[i] = dist.equals("uniform") ? (s % 2048) / 2048f : ((s % 4096) - 2048) / 256f;
        }
        return v;
    }

    /** The result's 16-bit patterns as the golden file writes them. */
    private static String hex(Tensor t) {
        short[] bits = (short[]) t.data();
        StringBuilder out = new StringBuilder();
        for (short b : bits) out.append(HexFormat.of().toHexDigits(b));
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void halfReductionsMatchTensorFlowBitForBit(String name) {
        Map<String, Object> c = TF.map(name);
        int[] shape = ((List<?>) c.get("shape")).stream().mapToInt(d -> ((Number) d).intValue()).toArray();
        int axis = ((Number) c.get("axis")).intValue();
        float[] v = values(Shape.of(shape).size(), (String) c.get("dist"));
        Tensor x = tf.cast(Tensor.wrap(DType.FLOAT32, Shape.of(shape), v), DType.of((String) c.get("dtype")));
        assertEquals(c.get("sum"), hex(tf.reduceSum(x, axis)), name + " sum");
        assertEquals(c.get("mean"), hex(tf.reduceMean(x, axis)), name + " mean");
        assertEquals(c.get("norm"), hex(tf.math.reduceEuclideanNorm(x, axis)), name + " norm");
    }
}
