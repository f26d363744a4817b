package org.jflow.random;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.UnimplementedError;
import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Int64 shape arguments of the random ops are read as TF reads them: a dim past int32 is TF's OOM error
 * naming the op, never a dim wrapped around to another size (golden/hostile.py).
 */
class RandomShapeArgumentsTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");
    private static final long HUGE = 1L << 40;

    private static Tensor shape(long... dims) { return tf.constant(dims); }

    @Test
    void shapesPastInt32AreTfsOutOfMemoryErrorNotAWrappedShape() {
        TF.assertRaises("uniform2^40", () -> tf.random.uniform(shape(HUGE)));
        TF.assertRaises("normal2^40", () -> tf.random.normal(shape(HUGE)));
        TF.assertRaises("truncatedNormal2^40", () -> tf.random.truncatedNormal(shape(HUGE)));
        TF.assertRaises("uniformInt2^40", () -> tf.random.uniform(shape(HUGE), 0, 10, DType.INT32));
        TF.assertRaises("uniform2^40", () -> tf.random.uniform(new long[] {HUGE}));
    }

    @Test
    void anEmptySampleWithADimPastInt32IsRefusedNotWrapped() {
        // TF holds shape (2**32 + 5, 0); JFlow's random ops take int dims, and say so rather than give (5, 0)
        // (tf.zeros/ones/fill create such an empty tensor: array.WideShapeTest)
        Tensor wide = shape((1L << 32) + 5, 0);
        UnimplementedError e = assertThrows(UnimplementedError.class, () -> tf.random.uniform(wide));
        assertTrue(e.getMessage().contains("[4294967301,0]"), e.getMessage());
        assertThrows(UnimplementedError.class, () -> tf.random.statelessUniform(wide, new int[] {1, 2}));
        assertThrows(UnimplementedError.class, () -> Generator.fromSeed(1).normal(wide));
    }

    @Test
    void shapesWithinInt32StillDraw() {
        assertTrue(tf.random.uniform(shape(2, 3)).shape().equals(Shape.of(2, 3)));
    }
}
