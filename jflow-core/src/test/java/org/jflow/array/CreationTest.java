package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** Golden cases G-C1..G-C6, G-C10 (001a.md 3.4) and TF's creation defaults. */
class CreationTest {
    @Test
    void rangeWithDeltaIsInt32() { // G-C2
        Tensor r = tf.range(1, 10, 2);
        assertEquals(DType.INT32, r.dtype());
        assertArrayEquals(new int[] {1, 3, 5, 7, 9}, r.toIntArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, tf.range(5).toIntArray());
        assertArrayEquals(new int[] {5, 3, 1}, tf.range(5, 0, -2).toIntArray());
        assertEquals(0, tf.range(3, 3).size());
    }

    @Test
    void floatRangeIsFloat32() {
        Tensor r = tf.range(0.0, 1.0, 0.25);
        assertEquals(DType.FLOAT32, r.dtype());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f}, r.toFloatArray());
        assertEquals(DType.INT64, tf.range(0L, 4L, 1L, DType.INT64).dtype());
    }

    @Test
    void rangeErrors() {
        assertEquals("Requires delta != 0: 0 [Op:Range]", assertThrows(InvalidArgumentError.class, () -> tf.range(1, 5, 0)).getMessage());
        assertEquals("Requires start <= limit when delta > 0: 5/1 [Op:Range]",
                assertThrows(InvalidArgumentError.class, () -> tf.range(5, 1)).getMessage());
        assertEquals("Requires start >= limit when delta < 0: 1/5 [Op:Range]",
                assertThrows(InvalidArgumentError.class, () -> tf.range(1, 5, -1)).getMessage());
    }

    @Test
    void linspaceMatchesFloat32Steps() { // G-C3
        Tensor l = tf.linspace(0.0, 2 * 3.14, 100);
        assertEquals(DType.FLOAT32, l.dtype());
        float[] v = l.toFloatArray();
        assertEquals(100, v.length);
        float step = 6.28f / 99f;
        assertEquals(0f, v[0]);
        assertEquals(0.0634343475f, v[1]);
        assertEquals(0.126868695f, v[2]);
        assertEquals(6.15313148f, v[97]);
        assertEquals(6.21656609f, v[98]);
        assertEquals(6.28f, v[99]);
        for (int i = 1; i < 99; i++) assertEquals(i * step, v[i]);
        assertArrayEquals(new float[] {3f}, tf.linspace(3.0, 7.0, 1).toFloatArray());
        assertEquals("Requires num > 0: 0 [Op:LinSpace]",
                assertThrows(InvalidArgumentError.class, () -> tf.linspace(0.0, 1.0, 0)).getMessage());
    }

    @Test
    void zerosOnesAndLikes() { // G-C4, G-C5
        Tensor z = tf.zeros(3, 3);
        assertEquals(DType.FLOAT32, z.dtype());
        assertEquals(Shape.of(3, 3), z.shape());
        assertArrayEquals(new float[9], z.toFloatArray());
        Tensor a = tf.ones(3, 3);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, a.toFloatArray());
        Tensor b = tf.zerosLike(a, tf.float32);
        assertEquals(Shape.of(3, 3), b.shape());
        assertArrayEquals(new float[9], b.toFloatArray());
        Tensor i = tf.onesLike(tf.constant(new int[] {4, 5}));
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {1, 1}, i.toIntArray());
        assertEquals(DType.INT64, tf.zeros(Shape.of(2), DType.INT64).dtype());
        assertEquals(Shape.scalar(), tf.ones().shape());
        assertArrayEquals(new String[] {"", ""}, tf.zeros(Shape.of(2), DType.STRING).toStringArray());
        assertArrayEquals(new boolean[] {true}, tf.ones(new int[] {1}, DType.BOOL).toBooleanArray());
    }

    @Test
    void fillTakesTheValuesDType() { // G-C6
        Tensor f = tf.fill(new int[] {3, 2}, 5);
        assertEquals(DType.INT32, f.dtype());
        assertEquals(Shape.of(3, 2), f.shape());
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5}, f.toIntArray());
        Tensor n = tf.fill(Shape.of(2, 2), Float.NaN);
        assertEquals(DType.FLOAT32, n.dtype());
        assertTrue(Float.isNaN(n.toFloatArray()[3]));
        assertArrayEquals(new String[] {"a", "a"}, tf.fill(new int[] {2}, "a").toStringArray());
    }

    @Test
    void eye() { // G-C10
        Tensor e = tf.eye(3, 3);
        assertEquals(DType.FLOAT32, e.dtype());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, e.toFloatArray());
        Tensor r = tf.eye(2, 3, tf.int32);
        assertEquals(Shape.of(2, 3), r.shape());
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 0}, r.toIntArray());
    }

    @Test
    void meshgridXyAndIj() { // G-18 of 000.md
        List<Tensor> g = tf.meshgrid(new int[] {0, 1, 2}, new int[] {0, 1});
        assertEquals(Shape.of(2, 3), g.get(0).shape());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, g.get(0).toIntArray());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, g.get(1).toIntArray());
        List<Tensor> ij = tf.meshgrid(new int[] {0, 1, 2}, new int[] {0, 1}, "ij");
        assertEquals(Shape.of(3, 2), ij.get(0).shape());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, ij.get(0).toIntArray());
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, ij.get(1).toIntArray());
    }

    @Test
    void meshgridOfThreeInputs() {
        List<Tensor> g = tf.meshgrid(List.of(new int[] {1, 2}, new int[] {3, 4, 5}, new int[] {6}), "xy");
        assertEquals(Shape.of(3, 2, 1), g.get(0).shape());
        assertArrayEquals(new int[] {1, 2, 1, 2, 1, 2}, g.get(0).toIntArray());
        assertArrayEquals(new int[] {3, 3, 4, 4, 5, 5}, g.get(1).toIntArray());
        assertArrayEquals(new int[] {6, 6, 6, 6, 6, 6}, g.get(2).toIntArray());
    }

    @Test
    void oneHot() {
        Tensor o = tf.oneHot(new int[] {0, 2, -1, 1}, 3);
        assertEquals(DType.FLOAT32, o.dtype());
        assertEquals(Shape.of(4, 3), o.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, o.toFloatArray());
        Tensor onOff = tf.oneHot(new int[] {0, 2}, 3, 5, -1);
        assertEquals(DType.INT32, onOff.dtype());
        assertArrayEquals(new int[] {5, -1, -1, -1, -1, 5}, onOff.toIntArray());
        Tensor axis0 = tf.oneHot(new int[] {0, 2}, 3, opt -> opt.axis(0).dtype(tf.int64));
        assertEquals(Shape.of(3, 2), axis0.shape());
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 1}, axis0.toLongArray());
        Tensor batch = tf.oneHot(new int[][] {{0, 1}, {1, 0}}, 2);
        assertEquals(Shape.of(2, 2, 2), batch.shape());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 1, 0}, batch.toFloatArray());
    }

    @Test
    void sequenceMask() {
        Tensor m = tf.sequenceMask(new int[] {1, 3, 2}, 5);
        assertEquals(DType.BOOL, m.dtype());
        assertEquals(Shape.of(3, 5), m.shape());
        assertArrayEquals(new boolean[] {true, false, false, false, false, true, true, true, false, false,
                true, true, false, false, false}, m.toBooleanArray());
        Tensor d = tf.sequenceMask(new int[] {1, 3, 2});
        assertEquals(Shape.of(3, 3), d.shape());
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1, 1, 1, 0}, tf.sequenceMask(new int[] {1, 3, 2}, 3, tf.float32).toFloatArray());
    }

    @Test
    void identityKeepsTheValue() {
        Tensor t = tf.constant(new int[] {1, 2});
        assertArrayEquals(new int[] {1, 2}, tf.identity(t).toIntArray());
    }

    @Test
    void onesLikeRefusesStringsAsTf() { // found by jflow-conformance
        Tensor strings = tf.constant(new String[] {"a", "b"});
        assertArrayEquals(new String[] {"", ""}, tf.zerosLike(strings).toStringArray());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.onesLike(strings));
        assertTrue(e.getMessage().startsWith("Value for attr 'T' of string is not in the list of allowed values"), e.getMessage());
    }

    @Test
    void floatRangeIsStartPlusIndexTimesDeltaAsTf218() { // found by jflow-conformance: no accumulated drift
        assertEquals(0.1 * 6, tf.range(0.0, 1.0, 0.1, DType.FLOAT64).toDoubleArray()[6]);
        assertEquals(0.1f * 7, tf.range(0.0, 1.0, 0.1).toFloatArray()[7]);
    }
}
