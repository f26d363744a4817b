package org.jflow;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** tf.RaggedTensor from tf.strings.split of a vector, and tf.eye with a batch shape; expected: golden/ragged_and_eye.py. */
class RaggedTensorTest {
    private static final Golden TF = Golden.load("ragged_and_eye");

    private static long[] longs(String key) { return java.util.Arrays.stream(TF.doubles(key)).mapToLong(d -> (long) d).toArray(); }

    @Test
    void splitOfAVectorIsARaggedTensorPrintedAsTfPrintsIt() {
        RaggedTensor words = tf.strings.split(new String[] {"hello world", "", "a b c"});
        assertEquals(TF.string("split_str"), words.toString());
        assertEquals(TF.string("split_shape"), words.shape().toString());
        assertArrayEquals(longs("split_row_splits"), words.rowSplits().toLongArray());
        assertEquals(TF.get("split_to_list"), words.toList());
    }

    @Test
    void numericRaggedTensorsPrintPythonNumbers() {
        RaggedTensor floats = RaggedTensor.fromRowSplits(tf.constant(new float[] {1.5f, 2f, 0.1f}), new long[] {0, 2, 2, 3});
        assertEquals(TF.string("floats_str"), floats.toString());
        RaggedTensor ints = RaggedTensor.fromRowSplits(tf.constant(new int[] {1, 2, 3}), new long[] {0, 1, 3});
        assertEquals(TF.string("ints_str"), ints.toString());
        assertEquals(List.of(List.of(1), List.of(2, 3)), ints.toList());
    }

    @Test
    void eyeWithABatchShapeRepeatsTheMatrix() {
        Tensor batch = tf.eye(2, new int[] {3});
        assertArrayEquals(longs("eye_batch_shape"), java.util.Arrays.stream(batch.shape().dims()).asLongStream().toArray());
        assertArrayEquals(TF.doubles("eye_batch"), tf.cast(batch, DType.FLOAT64).toDoubleArray(), 0);
        Tensor wide = tf.eye(2, 3, new int[] {2, 1}, DType.INT32);
        assertArrayEquals(longs("eye_wide_batch_shape"), java.util.Arrays.stream(wide.shape().dims()).asLongStream().toArray());
        assertArrayEquals(TF.doubles("eye_wide_batch"), tf.cast(wide, DType.FLOAT64).toDoubleArray(), 0);
        assertEquals(TF.string("eye_wide_batch_dtype"), wide.dtype().tfName());
    }
}
