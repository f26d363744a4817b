package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** Golden cases G-M1..G-M6 (001a.md 3.7), 000.md G17, and tile, pad, reverse. */
class MergeSplitTest {
    static final Tensor A = tf.constant(new float[][] {{1, 2}, {3, 4}});
    static final Tensor B = tf.constant(new float[][] {{5, 6}, {7, 8}});
    static final Tensor C = tf.constant(new float[][] {{9, 10}, {11, 12}});

    @Test
    void concatAlongBothAxes() { // G-M1, G-M2
        Tensor c0 = tf.concat(List.of(A, B, C), 0);
        assertEquals(Shape.of(6, 2), c0.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, c0.toFloatArray());
        Tensor c1 = tf.concat(new Tensor[] {A, B, C}, 1);
        assertEquals(Shape.of(2, 6), c1.shape());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10, 3, 4, 7, 8, 11, 12}, c1.toFloatArray());
        assertArrayEquals(c1.toFloatArray(), tf.concat(List.of(A, B, C), -1).toFloatArray());
    }

    @Test
    void concatShapesAndErrors() { // 000.md G17
        assertEquals(Shape.of(6, 35, 8), tf.concat(List.of(tf.ones(4, 35, 8), tf.ones(2, 35, 8)), 0).shape());
        assertEquals(Shape.of(4, 35, 8), tf.concat(List.of(tf.ones(4, 32, 8), tf.ones(4, 3, 8)), 1).shape());
        assertEquals("ConcatOp : Dimensions of inputs should match: shape[0] = [4,35,8] vs. shape[1] = [3,33,8] [Op:ConcatV2] name: concat",
                assertThrows(InvalidArgumentError.class, () -> tf.concat(List.of(tf.ones(4, 35, 8), tf.ones(3, 33, 8)), 0)).getMessage());
        Tensor bias = tf.concat(List.of(tf.zeros(2, 1), new float[][] {{1f}}), 0);
        assertArrayEquals(new float[] {0, 0, 1}, bias.toFloatArray());
    }

    @Test
    void stackAddsAnAxis() { // G-M3, G-M4
        Tensor s0 = tf.stack(List.of(A, B, C));
        assertEquals(Shape.of(3, 2, 2), s0.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, s0.toFloatArray());
        Tensor s1 = tf.stack(List.of(A, B, C), 1);
        assertEquals(Shape.of(2, 3, 2), s1.shape());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10, 3, 4, 7, 8, 11, 12}, s1.toFloatArray());
        Tensor s2 = tf.stack(new Object[] {A, B}, 2);
        assertEquals(Shape.of(2, 2, 2), s2.shape());
        assertArrayEquals(new float[] {1, 5, 2, 6, 3, 7, 4, 8}, s2.toFloatArray());
        assertEquals("Shapes of all inputs must match: values[0].shape = [2,2] != values[1].shape = [2] [Op:Pack]",
                assertThrows(InvalidArgumentError.class, () -> tf.stack(List.of(A, new float[] {1, 2}))).getMessage());
    }

    @Test
    void unstackIsTheInverseOfStack() {
        List<Tensor> u = tf.unstack(tf.stack(List.of(A, B, C), 1), 1);
        assertEquals(3, u.size());
        assertArrayEquals(B.toFloatArray(), u.get(1).toFloatArray());
        assertEquals(Shape.of(2, 2), u.get(2).shape());
        assertArrayEquals(new float[] {3, 4}, tf.unstack(A).get(1).toFloatArray());
    }

    @Test
    void unpackRefusesANumOtherThanTheDim() { // found by jflow-conformance
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> org.jflow.engine.Dispatcher.execute(ArrayOps.UNPACK,
                org.jflow.engine.Attrs.of("num", 2, "axis", 1), tf.zeros(2, 3)));
        assertEquals("Input shape axis 1 must equal 2, got shape [2,3] [Op:Unpack]", e.getMessage());
    }

    @Test
    void splitByCountAndBySizes() { // G-M5, G-M6
        Tensor c = tf.concat(List.of(A, B, C), 0);
        for (List<Tensor> parts : List.of(tf.split(c, 3, 0), tf.split(c, new int[] {2, 2, 2}, 0))) {
            assertEquals(3, parts.size());
            assertEquals(Shape.of(2, 2), parts.get(0).shape());
            assertArrayEquals(A.toFloatArray(), parts.get(0).toFloatArray());
            assertArrayEquals(B.toFloatArray(), parts.get(1).toFloatArray());
            assertArrayEquals(C.toFloatArray(), parts.get(2).toFloatArray());
        }
        List<Tensor> cols = tf.split(c, new int[] {1, -1}, 1);
        assertEquals(Shape.of(6, 1), cols.get(1).shape());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, cols.get(1).toFloatArray());
        assertEquals("Number of ways to split should evenly divide the split dimension, but got split_dim 0 (size = 6) and num_split 4 [Op:Split]",
                assertThrows(InvalidArgumentError.class, () -> tf.split(c, 4)).getMessage());
        assertThrows(InvalidArgumentError.class, () -> tf.split(c, new int[] {2, 2}));
    }

    @Test
    void tileRepeats() {
        Tensor t = tf.tile(new int[][] {{1, 2}, {3, 4}}, 2, 3);
        assertEquals(Shape.of(4, 6), t.shape());
        assertArrayEquals(new int[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, t.toIntArray());
        assertEquals(Shape.of(0, 2), tf.tile(new int[][] {{1, 2}}, 0, 1).shape());
    }

    @Test
    void padModes() {
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        int[][] p = {{1, 1}, {2, 2}};
        assertArrayEquals(new int[] {
                0, 0, 0, 0, 0, 0, 0,
                0, 0, 1, 2, 3, 0, 0,
                0, 0, 4, 5, 6, 0, 0,
                0, 0, 0, 0, 0, 0, 0}, tf.pad(t, p).toIntArray());
        assertArrayEquals(new int[] {
                6, 5, 4, 5, 6, 5, 4,
                3, 2, 1, 2, 3, 2, 1,
                6, 5, 4, 5, 6, 5, 4,
                3, 2, 1, 2, 3, 2, 1}, tf.pad(t, p, "REFLECT").toIntArray());
        assertArrayEquals(new int[] {
                2, 1, 1, 2, 3, 3, 2,
                2, 1, 1, 2, 3, 3, 2,
                5, 4, 4, 5, 6, 6, 5,
                5, 4, 4, 5, 6, 6, 5}, tf.pad(t, p, "SYMMETRIC").toIntArray());
        Tensor k = tf.pad(t, new int[][] {{0, 0}, {1, 0}}, "CONSTANT", 9);
        assertEquals(Shape.of(2, 4), k.shape());
        assertArrayEquals(new int[] {9, 1, 2, 3, 9, 4, 5, 6}, k.toIntArray());
        assertThrows(InvalidArgumentError.class, () -> tf.pad(t, new int[][] {{2, 0}, {0, 0}}, "REFLECT"));
        assertArrayEquals(new float[] {0, 1, 2, 2, 1}, tf.pad(new float[] {0, 1, 2}, new int[][] {{0, 2}}, "symmetric").toFloatArray());
    }

    @Test
    void reverseAlongAxes() {
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {3, 2, 1, 6, 5, 4}, tf.reverse(t, 1).toIntArray());
        assertArrayEquals(new int[] {4, 5, 6, 1, 2, 3}, tf.reverse(t, 0).toIntArray());
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1}, tf.reverse(t, 0, -1).toIntArray());
    }

    @Test
    void copiesWorkForEveryDType() {
        for (DType d : new DType[] {DType.FLOAT64, DType.INT64, DType.INT8, DType.UINT8, DType.INT16, DType.FLOAT16, DType.BFLOAT16, DType.BOOL}) {
            Tensor t = castLike(d);
            Tensor r = tf.transpose(tf.concat(List.of(t, t), 1));
            assertEquals(d, r.dtype());
            assertEquals(Shape.of(4, 2), r.shape());
            assertArrayEquals(new double[] {1, 0, 0, 1, 1, 0, 0, 1}, r.toDoubleArray());
        }
    }

    private static Tensor castLike(DType d) {
        Object buf = org.jflow.engine.Buffers.convert(new int[] {1, 0, 0, 1}, DType.INT32, d);
        return Tensor.wrap(d, Shape.of(2, 2), buf);
    }
}
