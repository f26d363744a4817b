package org.jflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * RaggedTensors with several ragged dimensions (from_nested_row_splits, from_row_splits of a ragged tensor,
 * tf.strings.split and unicode_decode of rank-2 and rank-3 inputs) print, shape, list and densify as TF 2.21;
 * from_row_splits rejects bad splits with TF's errors. Expected: golden/ragged_nested.py.
 */
class RaggedNestedTest {
    private static final Golden TF = Golden.load("ragged_nested");
    private static final Map<String, Supplier<RaggedTensor>> CASES = new LinkedHashMap<>();

    static {
        Tensor five = tf.constant(new int[] {1, 2, 3, 4, 5});
        CASES.put("nested_ints", () -> RaggedTensor.fromNestedRowSplits(five, new long[] {0, 2, 3}, new long[] {0, 2, 2, 5}));
        CASES.put("nested_uniform_outer", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new int[] {1, 2, 3, 4, 5, 6}),
                new long[] {0, 2, 4}, new long[] {0, 1, 2, 4, 6}));
        CASES.put("nested_all_uniform", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new int[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new long[] {0, 2, 4}, new long[] {0, 2, 4, 6, 8}));
        CASES.put("nested_floats", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new float[] {1.5f, 2f, 0.1f}),
                new long[] {0, 1, 3}, new long[] {0, 2, 2, 3}));
        CASES.put("three_levels", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new int[] {1, 2, 3, 4}),
                new long[] {0, 1, 2}, new long[] {0, 2, 3}, new long[] {0, 1, 3, 4}));
        CASES.put("empty_inner", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new int[0]),
                new long[] {0, 2, 3}, new long[] {0, 0, 0, 0}));
        CASES.put("empty_outer", () -> RaggedTensor.fromNestedRowSplits(tf.constant(new int[0]), new long[] {0, 0, 0}, new long[] {0}));
        Tensor matrix = tf.constant(new int[][] {{1, 2}, {3, 4}, {5, 6}});
        CASES.put("matrix_values", () -> RaggedTensor.fromNestedRowSplits(matrix, new long[] {0, 2, 3}));
        CASES.put("matrix_values_nested", () -> RaggedTensor.fromNestedRowSplits(matrix, new long[] {0, 1, 2}, new long[] {0, 2, 3}));
        long[] fives = new long[13];
        for (int i = 0; i < fives.length; i++) fives[i] = 5L * i;
        CASES.put("long_rows", () -> RaggedTensor.fromNestedRowSplits(tf.range(60), new long[] {0, 3, 7, 12}, fives));
        CASES.put("row_splits_of_ragged", () -> RaggedTensor.fromRowSplits(
                RaggedTensor.fromRowSplits(five, new long[] {0, 2, 2, 5}), new long[] {0, 1, 3}));
        CASES.put("split_rank2", () -> tf.strings.split(tf.constant(new String[][] {{"a b", "c"}, {"d e f", ""}})));
        CASES.put("split_rank2_three_rows", () -> tf.strings.split(
                tf.constant(new String[][] {{"a b", "c"}, {"d e f", ""}, {"x", "y z"}})));
        CASES.put("split_rank3", () -> tf.strings.split(tf.constant(new String[][][] {
                {{"a b", "c"}, {"d", ""}}, {{"e", "f g h"}, {"i", "j"}}})));
        CASES.put("split_empty_columns", () -> tf.strings.split(Tensor.wrap(DType.STRING, Shape.of(2, 0), new byte[0][])));
        CASES.put("split_no_rows", () -> tf.strings.split(Tensor.wrap(DType.STRING, Shape.of(0, 3), new byte[0][])));
        CASES.put("decode_rank2", () -> tf.strings.unicodeDecode(tf.constant(new String[][] {{"hé", "x"}, {"", "ab"}}), "UTF-8"));
        Tensor three = tf.constant(new int[] {1, 2, 3});
        CASES.put("error_zero", () -> RaggedTensor.fromRowSplits(three, new long[] {1, 3}));
        CASES.put("error_monotonic", () -> RaggedTensor.fromRowSplits(three, new long[] {0, 3, 2, 3}));
        CASES.put("error_monotonic_long", () -> RaggedTensor.fromRowSplits(three, new long[] {0, 3, 2, 3, 3, 1, 2, 3, 3}));
        CASES.put("error_nvals", () -> RaggedTensor.fromRowSplits(three, new long[] {0, 2}));
        CASES.put("error_empty", () -> RaggedTensor.fromRowSplits(three, new long[0]));
    }

    static List<String> cases() { return List.copyOf(TF.cases().keySet()); }

    /** Golden numbers are doubles; JFlow's lists hold Integer, Long, Float or String. */
    private static Object plain(Object v) {
        if (v instanceof List<?> l) return l.stream().map(RaggedNestedTest::plain).toList();
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    private static List<Object> flat(Tensor t) {
        return java.util.stream.IntStream.range(0, t.size()).mapToObj(k -> plain(t.element(k))).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nestedRaggedTensorAsTensorFlow(String name) {
        Map<String, Object> c = TF.map(name);
        Supplier<RaggedTensor> call = CASES.get(name);
        if (c.containsKey("error")) {
            Throwable e = assertThrows(Throwable.class, call::get);
            assertEquals(c.get("error"), e.getClass().getSimpleName(), name);
            assertEquals(c.get("message"), e.getMessage(), name);
            return;
        }
        RaggedTensor r = call.get();
        assertEquals(c.get("repr"), r.toString(), name);
        assertEquals(c.get("shape"), r.shape().toString(), name);
        assertEquals(((Number) c.get("ragged_rank")).intValue(), r.raggedRank(), name);
        assertEquals(c.get("to_list"), plain(r.toList()), name);
        if (c.containsKey("to_tensor")) {
            Tensor dense = r.toTensor();
            assertEquals(c.get("to_tensor"), flat(dense), name);
            assertEquals(plain(c.get("to_tensor_shape")), plain(java.util.Arrays.stream(dense.shape().dims()).boxed().toList()), name);
        }
        assertEquals(c.get("flat_values"), flat(r.flatValues()), name);
        assertEquals(plain(c.get("nested_row_splits")),
                plain(r.nestedRowSplits().stream().map(s -> java.util.Arrays.stream(s.toLongArray()).boxed().toList()).toList()), name);
    }
}
