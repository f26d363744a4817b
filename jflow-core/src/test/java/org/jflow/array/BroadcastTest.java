package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** Golden cases G-B2..G-B4 (001a.md 3.11). */
class BroadcastTest {
    static final Tensor A = tf.constant(new int[] {1, 2, 3});
    static final Tensor B = tf.constant(new int[][] {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}});

    @Test
    void broadcastTo() { // G-B2
        Tensor t = tf.broadcastTo(A, B.shape());
        assertEquals(DType.INT32, t.dtype());
        assertEquals(Shape.of(3, 3), t.shape());
        assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3}, t.toIntArray());
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3}, tf.broadcastTo(new int[][] {{1}, {2}, {3}}, 3, 2).toIntArray());
        assertEquals("Incompatible shapes: [3] vs. [3,2] [Op:BroadcastTo]",
                assertThrows(InvalidArgumentError.class, () -> tf.broadcastTo(A, 3, 2)).getMessage());
    }

    @Test
    void staticShape() { // G-B3
        assertEquals("TensorShape([3, 3])", tf.broadcastStaticShape(A.shape(), B.shape()).toRepr());
        assertThrows(ValueError.class, () -> tf.broadcastStaticShape(Shape.of(2, 3), Shape.of(3, 2)));
    }

    @Test
    void dynamicShape() { // G-B4
        Tensor s = tf.broadcastDynamicShape(tf.shape(new int[] {1, 2, 3}), tf.shape(new int[][] {{1}, {2}, {3}}));
        assertEquals(DType.INT32, s.dtype());
        assertEquals(Shape.of(2), s.shape());
        assertArrayEquals(new int[] {3, 3}, s.toIntArray());
        assertEquals("Incompatible shapes: [2] vs. [3] [Op:BroadcastArgs]",
                assertThrows(InvalidArgumentError.class, () -> tf.broadcastDynamicShape(new int[] {2}, new int[] {3})).getMessage());
    }
}
