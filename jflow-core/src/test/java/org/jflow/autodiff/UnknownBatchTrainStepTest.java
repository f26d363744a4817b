package org.jflow.autodiff;

import org.jflow.GradientTape;
import org.jflow.Index;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A train step traced once with an unknown batch dimension serves every batch size, gradients
 * included, as TF's gradient functions build dynamic shapes ({@code Shape},
 * {@code BroadcastGradientArgs}, {@code Reshape} to a shape tensor) where dims are unknown: a
 * Keras-like model of an embedding lookup (GatherV2 of a batch of ids), a strided slice of its
 * positions, a dense layer with a broadcast bias, and a mean squared error.
 */
class UnknownBatchTrainStepTest {
    private static final int VOCABULARY = 11, LENGTH = 4, WIDTH = 3;

    private final SplittableRandom rnd = new SplittableRandom(20261207L);
    private final Variable embeddings = new Variable(random(VOCABULARY, WIDTH));
    private final Variable kernel = new Variable(random((LENGTH - 1) * WIDTH, 2));
    private final Variable bias = new Variable(random(1, 2));

    private float[][] random(int rows, int cols) {
        float[][] v = new float[rows][cols];
        for (float[] row : v) for (int j = 0; j < cols; j++) row[j] = (float) rnd.nextDouble(-1, 1);
        return v;
    }

    /** The loss and its gradients for the embeddings, the kernel and the bias. */
    private Object[] trainStep(Tensor ids, Tensor targets) {
        try (GradientTape tape = tf.GradientTape()) {
            Tensor embedded = tf.gather(embeddings, ids); // [batch, LENGTH, WIDTH]
            Tensor tail = embedded.get(Index.all(), Index.range(1, null)); // the positions after the first
            Tensor features = tf.reshape(tail, -1, (LENGTH - 1) * WIDTH);
            Tensor predictions = tf.add(tf.matmul(features, kernel), bias); // the bias broadcast over the batch
            Tensor loss = tf.reduceMean(tf.square(tf.subtract(predictions, targets)));
            List<Tensor> grads = tape.gradient(loss, List.of(embeddings, kernel, bias));
            return new Object[] {loss, grads.get(0), grads.get(1), grads.get(2)};
        }
    }

    @Test
    void oneTraceServesEveryBatchSizeWithTheEagerGradients() {
        var traced = tf.function((Tensor ids, Tensor targets) -> trainStep(ids, targets),
                f -> f.inputSignature(tf.TensorSpec(new int[] {-1, LENGTH}, tf.int32), tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
        for (int batch : new int[] {32, 17, 5}) {
            int[][] ids = new int[batch][LENGTH];
            for (int[] row : ids) for (int j = 0; j < LENGTH; j++) row[j] = rnd.nextInt(VOCABULARY); // repeated ids sum their rows
            Tensor x = tf.constant(ids), y = tf.constant(random(batch, 2));
            Object[] expected = trainStep(x, y);
            Object[] actual = (Object[]) traced.call(x, y);
            for (int i = 0; i < expected.length; i++) {
                Tensor e = (Tensor) expected[i], a = (Tensor) actual[i];
                assertEquals(e.shape(), a.shape(), "batch " + batch + ", output " + i);
                assertArrayEquals(e.toFloatArray(), a.toFloatArray(), "batch " + batch + ", output " + i);
            }
        }
        assertEquals(1, traced.tracingCount());
        // the bias' gradient is summed over the axes BroadcastGradientArgs finds when the graph runs, as in TF
        Tensor ids = tf.zeros(new int[] {1, LENGTH}, tf.int32), targets = tf.zeros(1, 2);
        List<String> types = traced.getConcreteFunction(ids, targets).graph().operations().stream().map(Node::type).toList();
        assertTrue(types.contains("BroadcastGradientArgs"), types.toString());
        assertEquals(1, traced.tracingCount());
    }

    /** d/dx of d/db sum(x * b * b): the inner gradient is a Sum over BroadcastGradientArgs' axes, differentiated again. */
    private static Object[] secondOrder(Tensor x, Tensor b) {
        try (GradientTape outer = tf.GradientTape()) {
            outer.watch(x);
            Tensor db;
            try (GradientTape inner = tf.GradientTape()) {
                inner.watch(b);
                db = inner.gradient(tf.reduceSum(tf.multiply(tf.multiply(x, b), b)), b);
            }
            Tensor weighted = tf.reduceSum(tf.multiply(db, tf.constant(new float[][] {{1, -2, 3}})));
            return new Object[] {db, outer.gradient(weighted, x)};
        }
    }

    @Test
    void secondOrderThroughABroadcastGradientTracesOnceAndMatchesEager() {
        var traced = tf.function((Tensor x, Tensor b) -> secondOrder(x, b),
                f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 3}, tf.float32), tf.TensorSpec(new int[] {1, 3}, tf.float32)));
        Tensor b = tf.constant(new float[][] {{0.5f, -1.5f, 2}});
        for (int batch : new int[] {4, 1}) {
            Tensor x = tf.constant(random(batch, 3));
            Object[] expected = secondOrder(x, b), actual = (Object[]) traced.call(x, b);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(((Tensor) expected[i]).shape(), ((Tensor) actual[i]).shape(), "batch " + batch + ", output " + i);
                assertArrayEquals(((Tensor) expected[i]).toFloatArray(), ((Tensor) actual[i]).toFloatArray(), "batch " + batch);
            }
        }
        assertEquals(1, traced.tracingCount());
    }
}
