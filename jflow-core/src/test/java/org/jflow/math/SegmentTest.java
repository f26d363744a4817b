package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class SegmentTest {
    private static final int[][] C = {{1, 2, 3, 4}, {4, 3, 2, 1}, {5, 6, 7, 8}};
    private static final int[] IDS = {0, 0, 1};

    @Test
    void sortedSegmentsFromTfDocs() {
        Tensor s = tf.segmentSum(C, IDS);
        assertEquals(Shape.of(2, 4), s.shape());
        assertEquals(DType.INT32, s.dtype());
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 6, 7, 8}, s.toIntArray());
        assertArrayEquals(new int[] {4, 3, 3, 4, 5, 6, 7, 8}, tf.segmentMax(C, IDS).toIntArray());
        assertArrayEquals(new int[] {1, 2, 2, 1, 5, 6, 7, 8}, tf.segmentMin(C, IDS).toIntArray());
        assertArrayEquals(new int[] {4, 6, 6, 4, 5, 6, 7, 8}, tf.segmentProd(C, IDS).toIntArray());
        Tensor m = tf.segmentMean(tf.constant(C, DType.FLOAT32), IDS);
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 5, 6, 7, 8}, m.toFloatArray());
    }

    @Test
    void emptySortedSegmentsHoldZeroOrIdentity() {
        assertArrayEquals(new int[] {1, 0, 2}, tf.segmentSum(new int[] {1, 2}, new int[] {0, 2}).toIntArray());
        assertArrayEquals(new float[] {1, 0, 2}, tf.segmentMax(new float[] {1, 2}, new int[] {0, 2}).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 2}, tf.segmentProd(new float[] {1, 2}, new long[] {0, 2}).toFloatArray());
        assertEquals(Shape.of(0, 3), tf.segmentSum(Tensor.wrap(DType.FLOAT32, Shape.of(0, 3), new float[0]), new int[0]).shape());
    }

    @Test
    void unsortedSegments() {
        int[][] c = {{1, 2, 3, 4}, {5, 6, 7, 8}, {4, 3, 2, 1}};
        int[] ids = {0, 1, 0};
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 6, 7, 8}, tf.unsortedSegmentSum(c, ids, 2).toIntArray());
        assertArrayEquals(new int[] {4, 3, 3, 4, 5, 6, 7, 8}, tf.unsortedSegmentMax(c, ids, 2).toIntArray());
        Tensor three = tf.unsortedSegmentSum(new float[] {1, 2, 4}, new int[] {2, -1, 2}, 3);
        assertArrayEquals(new float[] {0, 0, 5}, three.toFloatArray(), "negative ids are dropped");
        // empty segments hold the dtype's lowest finite value, as TF (found by jflow-conformance)
        assertArrayEquals(new float[] {-Float.MAX_VALUE, 3}, tf.unsortedSegmentMax(new float[] {3}, new int[] {1}, 2).toFloatArray());
        assertArrayEquals(new double[] {Double.MAX_VALUE, 3}, tf.unsortedSegmentMin(new double[] {3}, new int[] {1}, 2).toDoubleArray());
        assertEquals(Integer.MAX_VALUE, tf.unsortedSegmentMin(new int[] {3}, new int[] {1}, 2).toIntArray()[0]);
        Tensor grid = tf.unsortedSegmentSum(new int[][] {{1, 2}, {3, 4}}, new int[][] {{0, 1}, {1, 1}}, 2);
        assertArrayEquals(new int[] {1, 9}, grid.toIntArray());
    }

    @Test
    void errors() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.segmentSum(new int[] {1, 2}, new int[] {1, 0}));
        assertEquals("segment ids are not increasing [Op:SegmentSum]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.segmentSum(new int[] {1, 2}, new int[] {0}));
        assertEquals("segment_ids should be the same size as dimension 0 of input. [Op:SegmentSum]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.unsortedSegmentSum(new int[] {1, 2}, new int[] {0, 5}, 3));
        assertEquals("segment_ids[1] = 5 is out of range [0, 3) [Op:UnsortedSegmentSum]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.unsortedSegmentSum(new int[] {1, 2}, new int[] {0, 1, 2}, 3));
        assertEquals("data.shape = [2] does not start with segment_ids.shape = [3] [Op:UnsortedSegmentSum]", e.getMessage());
    }
}
