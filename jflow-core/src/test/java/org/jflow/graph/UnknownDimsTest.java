package org.jflow.graph;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Traces with an input signature whose batch dimension is unknown ({@code [None, 2]}), as the
 * tutorials' DNNModel does: shape rules and gradients must work on partial shapes, and the
 * results must equal the eager ones.
 */
class UnknownDimsTest {
    private final Variable w1 = new Variable(new float[][] {{0.1f, -0.2f, 0.3f, 0.4f}, {0.5f, 0.6f, -0.7f, 0.8f}});
    private final Variable b1 = new Variable(new float[][] {{0.01f, 0.02f, 0.03f, 0.04f}});
    private final Variable w2 = new Variable(new float[][] {{0.3f}, {-0.1f}, {0.2f}, {0.5f}});
    private final Variable b2 = new Variable(new float[][] {{0.1f}});

    private Tensor forward(Tensor x) {
        Tensor h = tf.nn.relu(tf.add(tf.matmul(x, w1), b1));
        return tf.nn.sigmoid(tf.add(tf.matmul(h, w2), b2));
    }

    private Object[] lossAndGrads(Tensor x, Tensor y) {
        try (GradientTape tape = tf.GradientTape()) {
            Tensor p = tf.reshape(forward(x), -1);
            Tensor loss = tf.reduceMean(tf.square(tf.subtract(p, tf.reshape(y, -1))));
            List<Tensor> grads = tape.gradient(loss, List.of(w1, b1, w2, b2));
            return new Object[] {loss, grads.get(0), grads.get(1), grads.get(2), grads.get(3)};
        }
    }

    @Test
    void forwardAndGradientsWithUnknownBatch() {
        var traced = tf.function((Tensor x, Tensor y) -> lossAndGrads(x, y),
                f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32), tf.TensorSpec(new int[] {-1, 1}, tf.float32)));
        Tensor x3 = tf.constant(new float[][] {{1, 2}, {-1, 0.5f}, {0.3f, -2}});
        Tensor y3 = tf.constant(new float[][] {{1}, {0}, {1}});
        Tensor x1 = tf.constant(new float[][] {{2, -1}});
        Tensor y1 = tf.constant(new float[][] {{0}});
        for (Tensor[] xy : new Tensor[][] {{x3, y3}, {x1, y1}}) {
            Object[] expected = lossAndGrads(xy[0], xy[1]);
            Object[] actual = (Object[]) traced.call(xy[0], xy[1]);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(((Tensor) expected[i]).toFloatArray(), ((Tensor) actual[i]).toFloatArray(), "output " + i);
                assertEquals(((Tensor) expected[i]).shape(), ((Tensor) actual[i]).shape(), "output " + i);
            }
        }
        // Gradient rules use dynamic shapes where dims are unknown, as TF's: one trace serves every batch size.
        assertEquals(1, traced.tracingCount());
    }

    @Test
    void forwardPassWithUnknownBatchTracesOnce() {
        var call = tf.function(this::forward, f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
        Tensor x3 = tf.constant(new float[][] {{1, 2}, {-1, 0.5f}, {0.3f, -2}});
        Tensor x1 = tf.constant(new float[][] {{2, -1}});
        assertArrayEquals(forward(x3).toFloatArray(), call.call(x3).toFloatArray());
        assertArrayEquals(forward(x1).toFloatArray(), call.call(x1).toFloatArray());
        assertEquals(1, call.tracingCount());
        assertEquals("(None, 1)", call.getConcreteFunction(x1).outputs().get(0).shape().toString());
    }

    @Test
    void commonOpsKeepTheKnownDims() {
        var f = tf.function((Tensor x) -> new Object[] {
            tf.reduceSum(x, 1), tf.reduceMean(x, 0), tf.nn.softmax(x), tf.concat(List.of(x, x), 1),
            tf.transpose(x), tf.reshape(x, -1, 4), tf.expandDims(x, 0), tf.shape(x), tf.cast(x, tf.int32)},
                o -> o.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
        Object[] outs = (Object[]) f.getConcreteFunction(tf.zeros(4, 2)).structuredOutputs();
        String[] shapes = {"(None,)", "(2,)", "(None, 2)", "(None, 4)", "(2, None)", "(None, 4)", "(1, None, 2)", "(2,)", "(None, 2)"};
        for (int i = 0; i < shapes.length; i++) assertEquals(shapes[i], ((Tensor) outs[i]).shape().toString(), "output " + i);
        Object[] values = (Object[]) f.call(tf.ones(4, 2));
        assertArrayEquals(new int[] {4, 2}, ((Tensor) values[7]).toIntArray());
        assertArrayEquals(new float[] {2, 2, 2, 2}, ((Tensor) values[0]).toFloatArray());
        assertEquals(1, f.tracingCount());
    }
}
