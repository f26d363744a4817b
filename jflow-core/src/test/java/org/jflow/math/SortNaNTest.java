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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tf.sort, tf.argsort and top_k(x, n) of rows holding NaN, +-inf, +-0 and repeats give TF 2.21's order, which
 * for NaN is the one libstdc++'s std::sort produces (NaN is not always last). Expected: golden/sort_nan.py.
 */
class SortNaNTest {
    private static final Golden TF = Golden.load("sort_nan");

    static List<String> rows() {
        return TF.cases().keySet().stream().filter(k -> !k.equals("matrix_axis0")).sorted().toList();
    }

    private static double[] decode(Object golden) {
        return ((List<?>) golden).stream().mapToDouble(v -> v == null ? Double.NaN
                : v.equals("inf") ? Double.POSITIVE_INFINITY
                : v.equals("-inf") ? Double.NEGATIVE_INFINITY : ((Number) v).doubleValue()).toArray();
    }

    private static int[] ints(Object golden) {
        return ((List<?>) golden).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static Tensor input(double[] x, String name, int... shape) {
        Tensor t = Tensor.wrap(DType.FLOAT64, Shape.of(shape), x);
        return name.endsWith("float32") ? tf.cast(t, DType.FLOAT32) : t;
    }

    @ParameterizedTest
    @MethodSource("rows")
    void rowWithNaNSortsAsTensorFlow(String name) {
        Map<String, Object> c = TF.map(name);
        double[] x = decode(c.get("x"));
        Tensor t = input(x, name, x.length);
        assertArrayEquals(ints(c.get("argsort_asc")), tf.argsort(t).toIntArray(), name + " argsort");
        assertArrayEquals(ints(c.get("argsort_desc")), tf.argsort(t, -1, "DESCENDING").toIntArray(), name + " desc");
        assertArrayEquals(ints(c.get("top_k_all")), tf.math.topK(t, x.length).indices().toIntArray(), name + " top_k");
        Tensor ascending = tf.cast(tf.sort(t), DType.FLOAT64);
        Tensor descending = tf.cast(tf.sort(t, -1, "DESCENDING"), DType.FLOAT64);
        assertArrayEquals(decode(c.get("sort_asc")), ascending.toDoubleArray(), 0, name + " sort");
        assertArrayEquals(decode(c.get("sort_desc")), descending.toDoubleArray(), 0, name + " sort desc");
    }

    @ParameterizedTest
    @MethodSource("matrix")
    void columnsWithNaNSortAsTensorFlow(String name) {
        Map<String, Object> c = TF.map(name);
        Tensor m = input(decode(c.get("x")), "float32", 20, 3);
        assertArrayEquals(ints(c.get("argsort_asc")), tf.argsort(m, 0).toIntArray());
        assertArrayEquals(ints(c.get("argsort_desc")), tf.argsort(m, 0, "DESCENDING").toIntArray());
        assertEquals(Shape.of(20, 3), tf.sort(m, 0).shape());
    }

    static List<String> matrix() { return List.of("matrix_axis0"); }
}
