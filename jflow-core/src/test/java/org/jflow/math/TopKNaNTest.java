package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * tf.math.top_k with k below the row length, rows holding NaN, +-inf, +-0 and repeats, sorted and unsorted,
 * in float32/float64/float16/bfloat16: TF 2.21's indices and values (k == 1 from Eigen's packet maximum,
 * other k from gtl::TopN's heap, unsorted results in heap order). Expected: golden/topk_nan.py.
 */
class TopKNaNTest {
    private static final Golden TF = Golden.load("topk_nan");

    static List<String> cases() { return List.copyOf(TF.cases().keySet()); }

    private static double[] decode(Object golden) {
        return ((List<?>) golden).stream().mapToDouble(v -> v == null ? Double.NaN
                : v.equals("inf") ? Double.POSITIVE_INFINITY
                : v.equals("-inf") ? Double.NEGATIVE_INFINITY : ((Number) v).doubleValue()).toArray();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void topKAsTensorFlow(String name) {
        Map<String, Object> c = TF.map(name);
        double[] x = decode(c.get("x"));
        int k = ((Number) c.get("k")).intValue();
        Shape shape = name.startsWith("matrix") ? Shape.of(3, x.length / 3) : Shape.of(x.length);
        Tensor t = tf.cast(Tensor.wrap(DType.FLOAT64, shape, x), DType.of((String) c.get("dtype")));
        TopK r = tf.math.topK(t, k, (Boolean) c.get("sorted"));
        int[] expected = ((List<?>) c.get("indices")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        assertArrayEquals(expected, r.indices().toIntArray(), name + " indices");
        assertArrayEquals(decode(c.get("values")), tf.cast(r.values(), DType.FLOAT64).toDoubleArray(), 0, name + " values");
    }
}
