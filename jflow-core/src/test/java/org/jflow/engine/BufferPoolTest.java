package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferPoolTest {
    private static final int N = 4 * BufferPool.MIN_SLOTS;

    private static Tensor input(float scale) {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) v[i] = 0.1f + scale * (i % 1000) / 1000f;
        return Tensor.wrap(DType.FLOAT32, Shape.of(N), v);
    }

    /** Unreachable results and a collection, so that their buffers go back to the pool. */
    private static void churn(Tensor x) throws InterruptedException {
        for (int i = 0; i < 20; i++) tf.exp(x);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
    }

    @Test
    void unreachableResultsGiveTheirBuffersBackForReuse() throws InterruptedException {
        Tensor x = input(1);
        long before = BufferPool.reuses();
        churn(x);
        for (int i = 0; i < 10; i++) tf.add(x, x);
        assertTrue(BufferPool.reuses() > before, "no buffer was reused");
    }

    @Test
    void tensorsStillHeldAreNeverOverwritten() throws InterruptedException {
        Tensor x = input(1), y = input(2);
        List<Tensor> held = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (Tensor t : List.of(tf.exp(x), tf.add(x, y), tf.nn.relu(tf.subtract(x, y)), tf.sigmoid(y),
                    tf.reshape(tf.multiply(x, y), Shape.of(N / 4, 4)), tf.cast(tf.cast(x, DType.FLOAT64), DType.FLOAT32))) {
                held.add(t);
                expected.add(t.toFloatArray());
            }
            churn(tf.add(x, 1f));
        }
        for (int i = 0; i < held.size(); i++) assertArrayEquals(expected.get(i), held.get(i).toFloatArray(), "tensor " + i);
    }

    @Test
    void aViewKeepsTheBufferOfItsDeadSourceFromReuse() throws InterruptedException {
        Tensor x = input(1);
        Tensor view = tf.reshape(tf.exp(x), Shape.of(N / 2, 2)); // the source result is unreachable from here on
        float[] expected = view.toFloatArray();
        churn(x);
        for (int i = 0; i < 20; i++) tf.sqrt(x);
        assertArrayEquals(expected, view.toFloatArray());
    }

    @Test
    void pooledResultsHaveTheSameBitsAsFreshOnes() throws InterruptedException {
        Tensor x = input(3), y = input(1);
        float[] fresh = tf.divide(tf.exp(x), y).toFloatArray();
        churn(x);
        long before = BufferPool.reuses();
        float[] pooled = tf.divide(tf.exp(x), y).toFloatArray();
        assertTrue(BufferPool.reuses() > before, "the second run did not reuse buffers");
        assertTrue(Arrays.equals(fresh, pooled));
    }

    @Test
    void aUsersOwnArrayIsNeverHandedOut() throws InterruptedException {
        float[] mine = new float[N];
        Tensor.wrap(DType.FLOAT32, Shape.of(N), mine); // unreachable at once
        churn(input(1));
        for (int i = 0; i < 40; i++) assertNotSame(mine, Buffers.allocateUninitialized(DType.FLOAT32, N));
    }

    @Test
    void smallBuffersAreNotPooled() {
        Object a = Buffers.allocateUninitialized(DType.FLOAT32, 16);
        assertTrue(a instanceof float[] f && f.length == 16);
        assertTrue(!BufferPool.pooled(float.class, BufferPool.MIN_SLOTS - 1));
    }
}
