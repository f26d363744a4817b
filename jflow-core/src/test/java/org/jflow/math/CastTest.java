package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.UnimplementedError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** tf.cast between every pair of numeric and bool dtypes, with C++ conversion semantics. */
class CastTest {
    @Test
    void floatsTruncateTowardZero() {
        Tensor f = tf.constant(new float[] {2.7f, -2.7f, 0.5f});
        Tensor i = tf.cast(f, DType.INT32);
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {2, -2, 0}, i.toIntArray());
        assertArrayEquals(new long[] {2, -2, 0}, tf.cast(f, DType.INT64).toLongArray());
        assertArrayEquals(new int[] {2, -2, 0}, tf.cast(f, DType.INT8).toIntArray());
    }

    @Test
    void castOfAVariableAndOfListsGT3() {
        Tensor h = tf.constant(new int[] {123, 456});
        Tensor f = tf.cast(h, tf.float32);
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new float[] {123, 456}, f.toFloatArray(), 0f);
        Variable theta = tf.Variable(new float[][] {{1.2f}, {2.9f}});
        assertArrayEquals(new int[] {1, 2}, tf.cast(theta, DType.INT8).toIntArray());
        assertArrayEquals(new float[] {0, 1, 2, 0, 1, 2}, tf.cast(List.of(List.of(0, 1, 2), List.of(0, 1, 2)), DType.FLOAT32).toFloatArray(), 0f);
        assertEquals(2, tf.cast(2.5, DType.INT32).intValue());
        assertEquals(DType.FLOAT64, tf.cast(1, "double").dtype());
    }

    @Test
    void complexToBoolLooksAtTheRealPartAsTf() { // found by jflow-conformance
        Tensor c = tf.complex(tf.constant(new float[] {0, 1, 0}), tf.constant(new float[] {1, 0, 0}));
        assertArrayEquals(new boolean[] {false, true, false}, tf.cast(c, DType.BOOL).toBooleanArray());
    }

    @Test
    void sameDTypeIsTheInputItself() {
        Tensor t = tf.constant(new float[] {1});
        assertSame(t, tf.cast(t, DType.FLOAT32));
    }

    @Test
    void integersWrapWhenNarrowed() {
        Tensor i = tf.constant(new int[] {300, -1, 128, 65537});
        assertArrayEquals(new int[] {44, -1, -128, 1}, tf.cast(i, DType.INT8).toIntArray());
        assertArrayEquals(new int[] {44, 255, 128, 1}, tf.cast(i, DType.UINT8).toIntArray());
        assertArrayEquals(new int[] {300, -1, 128, 1}, tf.cast(i, DType.INT16).toIntArray());
        assertArrayEquals(new long[] {255}, tf.cast(tf.constant(new int[] {255}, DType.UINT8), DType.INT64).toLongArray());
    }

    @Test
    void boolsConvertBothWays() {
        Tensor f = tf.constant(new float[] {0, -0f, 0.1f, Float.NaN, -3});
        assertArrayEquals(new boolean[] {false, false, true, true, true}, tf.cast(f, DType.BOOL).toBooleanArray());
        Tensor b = tf.constant(new boolean[] {true, false});
        assertArrayEquals(new float[] {1, 0}, tf.cast(b, DType.FLOAT32).toFloatArray(), 0f);
        assertArrayEquals(new int[] {1, 0}, tf.cast(b, DType.UINT8).toIntArray());
        assertArrayEquals(new boolean[] {true, false, true}, tf.cast(new int[] {5, 0, -1}, DType.BOOL).toBooleanArray());
    }

    @Test
    void nanAndOverflowBecomeTheIntegerIndefinite() {
        Tensor f = tf.constant(new float[] {Float.NaN, 3e9f, -3e9f});
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE}, tf.cast(f, DType.INT32).toIntArray());
    }

    @Test
    void halfPrecisionRoundsToNearestEven() {
        Tensor h = tf.cast(new float[] {1.00048828125f, 65520, 0.1f}, DType.FLOAT16);
        assertEquals(DType.FLOAT16, h.dtype());
        assertArrayEquals(new float[] {1, Float.POSITIVE_INFINITY, 0.099975586f}, h.toFloatArray(), 0f);
        assertArrayEquals(new int[] {1, Integer.MIN_VALUE, 0}, tf.cast(h, DType.INT32).toIntArray());
        Tensor bf = tf.cast(new double[] {1.00390625, 3.14159}, DType.BFLOAT16);
        assertArrayEquals(new float[] {1, 3.140625f}, bf.toFloatArray(), 0f);
        assertArrayEquals(new double[] {1, 3.140625}, tf.cast(bf, DType.FLOAT64).toDoubleArray(), 0);
    }

    @Test
    void largeInt64ToFloatRoundsOnce() {
        long big = (1L << 53) + 1;
        assertArrayEquals(new double[] {9007199254740992.0}, tf.cast(new long[] {big}, DType.FLOAT64).toDoubleArray(), 0);
        assertArrayEquals(new long[] {1L << 40}, tf.cast(tf.cast(new long[] {1L << 40}, DType.FLOAT32), DType.INT64).toLongArray());
    }

    @Test
    void stringsDoNotCast() {
        UnimplementedError e = assertThrows(UnimplementedError.class, () -> tf.cast("1", DType.FLOAT32));
        assertEquals("Cast string to float is not supported [Op:Cast]", e.getMessage());
        assertThrows(UnimplementedError.class, () -> tf.cast(1, DType.STRING));
    }
}
