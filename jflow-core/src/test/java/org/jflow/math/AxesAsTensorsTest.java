package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawMath;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code Sum}'s reduction_indices and {@code UnsortedSegmentSum}'s num_segments given as tensors
 * (TF's form, which gradients pass where they are known only when the graph runs) give what the
 * attributes give, with TF's checks.
 */
class AxesAsTensorsTest {
    private final Tensor x = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void sumOverATensorOfAxesEqualsTheAttribute() {
        assertArrayEquals(RawMath.sum(x, new int[] {1}, false).toFloatArray(), RawMath.sum(x, Raw.ints(1), false).toFloatArray());
        assertArrayEquals(new float[] {21}, RawMath.sum(x, Raw.ints(0, -1), false).toFloatArray());
        assertEquals("(2, 1)", RawMath.sum(x, Raw.ints(1), true).shape().toString());
        assertEquals("(2, 3)", RawMath.sum(x, Raw.ints(), false).shape().toString());
        Tensor int64 = RawMath.cast(Raw.ints(0), DType.INT64);
        assertArrayEquals(new float[] {5, 7, 9}, RawMath.sum(x, int64, false).toFloatArray());
        assertThrows(InvalidArgumentError.class, () -> RawMath.sum(x, Raw.ints(2), false));
        assertThrows(InvalidArgumentError.class, () -> RawMath.sum(x, tf.constant(new float[] {0}), false));
    }

    @Test
    void unsortedSegmentSumWithATensorCountEqualsTheAttribute() {
        Tensor ids = Raw.ints(2, 0);
        assertArrayEquals(RawMath.unsortedSegmentSum(x, ids, 3).toFloatArray(),
                RawMath.unsortedSegmentSum(x, ids, Raw.scalar(DType.INT32, 3)).toFloatArray());
        assertEquals("(3, 3)", RawMath.unsortedSegmentSum(x, ids, Raw.scalar(DType.INT64, 3)).shape().toString());
        assertThrows(InvalidArgumentError.class, () -> RawMath.unsortedSegmentSum(x, ids, Raw.scalar(DType.INT32, -1)));
        assertThrows(InvalidArgumentError.class, () -> RawMath.unsortedSegmentSum(x, ids, Raw.ints(3)));
    }
}
