package org.jflow.errors;

import org.jflow.DType;
import org.jflow.Golden;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad calls raise TF's exception class with TF's message text; expected: golden/error_texts.py (TF 2.21). */
class ErrorTextTest {
    private static final Golden TF = Golden.load("error_texts");
    private static final Map<String, Executable> CASES = Map.ofEntries(
            Map.entry("add_n_shapes", () -> tf.addN(List.of(tf.ones(2), tf.ones(3)))),
            Map.entry("reflect_padding", () -> tf.pad(tf.ones(3), new int[][] {{3, 3}}, "REFLECT")),
            Map.entry("symmetric_padding", () -> tf.pad(tf.ones(3), new int[][] {{4, 0}}, "SYMMETRIC")),
            Map.entry("relu_bool", () -> tf.nn.relu(tf.constant(new boolean[] {true}))),
            Map.entry("relu6_bool", () -> tf.nn.relu6(tf.constant(new boolean[] {true}))),
            Map.entry("elu_bool", () -> tf.nn.elu(tf.constant(new boolean[] {true}))),
            Map.entry("leaky_relu_bool", () -> tf.nn.leakyRelu(tf.constant(new boolean[] {true}))),
            Map.entry("softmax_int", () -> tf.nn.softmax(tf.constant(new int[] {1, 2}))),
            Map.entry("log_softmax_int", () -> tf.nn.logSoftmax(tf.constant(new int[] {1, 2}))),
            Map.entry("sum_string", () -> tf.reduceSum(tf.constant(new String[] {"a"}))),
            Map.entry("mean_bool", () -> tf.reduceMean(tf.constant(new boolean[] {true}))),
            Map.entry("max_string", () -> tf.reduceMax(tf.constant(new String[] {"a"}))),
            Map.entry("fill_vector_value", () -> tf.fill(new int[] {2}, tf.constant(new int[] {1, 2}))),
            Map.entry("index_scalar", () -> tf.constant(1).get(0)),
            Map.entry("eye_negative_rows", () -> tf.eye(-1)),
            Map.entry("eye_negative_columns", () -> tf.eye(2, -1)),
            Map.entry("broadcast_to_incompatible", () -> tf.broadcastTo(tf.ones(3), 2, 2)),
            Map.entry("broadcast_to_rank", () -> tf.broadcastTo(tf.ones(2, 3), 3)),
            Map.entry("broadcast_to_smaller", () -> tf.broadcastTo(tf.ones(3), 1)),
            Map.entry("batch_matmul_sizes", () -> tf.matmul(tf.ones(2, 3, 4), tf.ones(2, 5, 4))),
            Map.entry("batch_matmul_batch_dims", () -> tf.matmul(tf.ones(2, 3, 4), tf.ones(3, 4, 5))),
            Map.entry("batch_matmul_int8", () -> tf.matmul(cube(DType.INT8), cube(DType.INT8))),
            Map.entry("batch_matmul_bool", () -> tf.matmul(cube(DType.BOOL), cube(DType.BOOL))));

    private static org.jflow.Tensor cube(DType t) { return tf.ones(new int[] {2, 2, 2}, t); }

    @ParameterizedTest
    @ValueSource(strings = {"add_n_shapes", "reflect_padding", "symmetric_padding", "relu_bool", "relu6_bool", "elu_bool",
            "leaky_relu_bool", "softmax_int", "log_softmax_int", "sum_string", "mean_bool", "max_string", "fill_vector_value",
            "index_scalar", "eye_negative_rows", "eye_negative_columns", "broadcast_to_incompatible", "broadcast_to_rank",
            "broadcast_to_smaller", "batch_matmul_sizes", "batch_matmul_batch_dims", "batch_matmul_int8",
            "batch_matmul_bool"})
    void errorHasTfsClassAndMessage(String name) {
        Map<String, Object> expected = TF.map(name);
        Throwable e = assertThrows(Throwable.class, CASES.get(name));
        assertEquals(expected.get("type"), e.getClass().getSimpleName(), name);
        assertEquals(expected.get("message"), e.getMessage(), name);
    }
}
