package org.jflow.array;

import org.jflow.DType;
import org.jflow.errors.ResourceExhaustedError;
import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sizes at the edges of int32/int64 and invalid sizes raise TF's errors, never Java's or a wrapped result
 * (golden/hostile.py).
 */
class ExtremeArgumentsTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");

    @Test
    void rangeOverTheWholeInt64LineIsTooLong() {
        TF.assertRaises("rangeMinMax", () -> tf.range(Long.MIN_VALUE, Long.MAX_VALUE, 1L, DType.INT64));
    }

    @Test
    void tileAndPadSizesDoNotOverflow() {
        TF.assertRaises("tileMax", () -> tf.tile(tf.ones(2, 2), Integer.MAX_VALUE, Integer.MAX_VALUE));
        ResourceExhaustedError e = assertThrows(ResourceExhaustedError.class,
                () -> tf.pad(tf.ones(2), new int[][] {{Integer.MAX_VALUE, Integer.MAX_VALUE}}));
        assertEquals(TF.message("zeros2^40").replace("1099511627776", "4294967296").replace("Fill", "Pad"),
                e.getMessage());
    }

    @Test
    void sequenceMaskIsLinearAndChecksMaxlen() {
        TF.assertResult("sequenceMask50000",
                tf.reduceSum(tf.cast(tf.sequenceMask(tf.constant(new int[] {50000, 3})), DType.INT32)));
        TF.assertRaises("sequenceMask-5", () -> tf.sequenceMask(tf.constant(new int[] {1, 2}), -5));
    }

    @Test
    void int64ShapeArgumentsPastInt32AreNotWrappedAround() {
        TF.assertRaises("reshapePastInt32", () -> tf.reshape(tf.ones(5), tf.constant(new long[] {(1L << 32) + 5})));
        TF.assertRaises("reshapeUnknownPastInt32", () -> tf.reshape(tf.ones(5), new long[] {-1, (1L << 32) + 5}));
        String oom = TF.message("zeros2^40").replace("1099511627776", "4294967301");
        ResourceExhaustedError broadcast = assertThrows(ResourceExhaustedError.class,
                () -> tf.broadcastTo(tf.ones(1), new long[] {(1L << 32) + 5}));
        assertEquals(oom.replace("Fill", "BroadcastTo"), broadcast.getMessage());
        ResourceExhaustedError scatter = assertThrows(ResourceExhaustedError.class,
                () -> tf.scatterNd(new int[][] {{0}}, new float[] {1}, new long[] {(1L << 32) + 5}));
        assertEquals(oom.replace("Fill", "ScatterNd"), scatter.getMessage());
    }

    @Test
    void negativeSplitSizesAreInvalid() {
        TF.assertRaises("splitNegative", () -> tf.split(tf.ones(6), new int[] {8, -2}));
    }

    @Test
    void unstackChecksItsAxis() {
        TF.assertRaises("unstack-5", () -> tf.unstack(tf.ones(2, 3), -5));
    }

    @Test
    void scatterNdRejectsANegativeShape() {
        TF.assertRaises("scatterNdNegativeShape", () -> tf.scatterNd(new int[][] {{0}}, new float[] {1},
                new int[] {-3}));
    }

    @Test
    void aNullSliceIsPythonsNoneANewAxis() {
        TF.assertResult("sliceNone", tf.ones(2).slice((String) null));
    }
}
