package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.IndexError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Max pooling over NaN and -inf as TF's CPU kernels, and tf.stack of an empty list; expected: golden/edge_values.py. */
class EdgeValuesTest {
    private static final Golden TF = Golden.load("edge_values");
    private static final float NAN = Float.NaN;
    private static final Tensor MIXED = image(new float[][] {{1, NAN}, {3, 2}});
    private static final Tensor ALL_NAN = image(new float[][] {{NAN, NAN}, {NAN, NAN}});
    private static final Tensor NAN_FIRST = image(new float[][] {{NAN, 1}, {NAN, NAN}});

    private static Tensor image(float[][] v) { return tf.reshape(tf.constant(v), 1, 2, 2, 1); }

    private static void assertValues(String key, Tensor actual) {
        double[] expected = TF.doubles(key);
        assertArrayEquals(expected, tf.cast(actual, DType.FLOAT64).toDoubleArray(), 0, key);
    }

    @Test
    void maxPoolSkipsNanAndStartsFromTheLowestValue() {
        assertValues("max_pool2d_mixed", tf.nn.maxPool2d(MIXED, 2, 1, "VALID"));
        assertValues("max_pool2d_all_nan", tf.nn.maxPool2d(ALL_NAN, 2, 1, "VALID"));
        assertValues("max_pool2d_nan_first_1x1", tf.nn.maxPool2d(NAN_FIRST, 1, 1, "VALID"));
        assertValues("max_pool2d_float64_mixed", tf.nn.maxPool2d(tf.cast(MIXED, DType.FLOAT64), 2, 1, "VALID"));
        assertValues("max_pool1d", tf.nn.maxPool1d(tf.reshape(tf.constant(new float[] {NAN, 1, 2, NAN}), 1, 4, 1), 2, 2, "VALID"));
        assertValues("max_pool1d_minus_inf", tf.nn.maxPool1d(
                tf.reshape(tf.constant(new float[] {Float.NEGATIVE_INFINITY, 1}), 1, 2, 1), 1, 1, "VALID"));
        assertValues("max_pool3d", tf.nn.maxPool3d(tf.reshape(tf.constant(new float[] {NAN, 1}), 1, 2, 1, 1, 1),
                new int[] {2, 1, 1}, new int[] {1, 1, 1}, "VALID"));
    }

    private static Tensor poolGradient(Tensor x) {
        try (var tape = tf.GradientTape()) {
            tape.watch(x);
            return tape.gradient(tf.nn.maxPool2d(x, 2, 1, "VALID"), x);
        }
    }

    @Test
    void maxPoolGradientGoesToTheFirstElementUnlessAGreaterOneFollows() {
        assertValues("max_pool2d_grad_mixed", poolGradient(MIXED));
        assertValues("max_pool2d_grad_all_nan", poolGradient(ALL_NAN));
        assertValues("max_pool2d_grad_nan_first", poolGradient(NAN_FIRST));
    }

    @Test
    void stackOfAnEmptyListIsAnEmptyFloatVectorAtAxisZeroAndAnIndexErrorElsewhere() {
        Map<String, Object> empty = TF.map("stack_empty");
        Tensor t = tf.stack(List.of());
        int[] dims = java.util.Arrays.stream(Golden.flatten(empty.get("shape"))).mapToInt(d -> (int) d).toArray();
        assertEquals(Shape.of(dims), t.shape());
        assertEquals(empty.get("dtype"), t.dtype().tfName());
        Map<String, Object> e = TF.map("stack_empty_axis_1");
        IndexError thrown = assertThrows(IndexError.class, () -> tf.stack(List.of(), 1));
        assertEquals(e.get("message"), thrown.getMessage());
    }
}
