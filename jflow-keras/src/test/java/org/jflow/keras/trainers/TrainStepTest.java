package org.jflow.keras.trainers;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.PolymorphicFunction;
import org.jflow.keras.optimizers.Adam;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keras 3's TensorFlow trainer pattern on the engine: {@code trainStep(x, y, sampleWeight)} traced
 * once with an unknown batch dimension (as Keras traces with the dataset's element spec), the
 * model's variables, an optimizer that creates its slots on the first trace, and metric variables
 * updated in the step, over batches whose last one is partial. Every step equals the same step run
 * eagerly on a twin model.
 */
class TrainStepTest {
    /** A two-layer classifier's weights and a mean-loss metric's state (Keras' Mean: total and count). */
    private static final class Model {
        final Variable w1 = new Variable(tf.random.statelessNormal(new int[] {4, 8}, new int[] {1, 2}));
        final Variable b1 = new Variable(tf.zeros(8));
        final Variable w2 = new Variable(tf.random.statelessNormal(new int[] {8, 3}, new int[] {3, 4}));
        final Variable b2 = new Variable(tf.zeros(3));
        final Variable total = tf.Variable(0.0, "total");
        final Variable count = tf.Variable(0.0, "count");
        final Adam optimizer = new Adam(0.01);

        List<Variable> trainable() { return List.of(w1, b1, w2, b2); }

        /** One step: forward, weighted loss (Keras' sum_over_batch_size), gradients, Adam update, metric update. */
        Tensor trainStep(Tensor x, Tensor y, Tensor sampleWeight) {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor h = tf.nn.relu(tf.add(tf.matmul(x, w1), b1));
                Tensor logits = tf.add(tf.matmul(h, w2), b2);
                Tensor perExample = tf.multiply(tf.nn.sparseSoftmaxCrossEntropyWithLogits(y, logits), sampleWeight);
                Tensor loss = tf.reduceMean(perExample);
                optimizer.applyGradients(tape.gradient(loss, trainable()), trainable());
                total.assignAdd(tf.reduceSum(perExample));
                count.assignAdd(tf.reduceSum(sampleWeight));
                return loss;
            }
        }
    }

    @Test
    void trainStepTracesOnceForEveryBatchSizeIncludingThePartialLast() {
        int n = 37, batch = 16;
        Tensor x = tf.random.statelessUniform(new int[] {n, 4}, new int[] {5, 6});
        Tensor y = tf.random.statelessUniform(new int[] {n}, new int[] {7, 8}, o -> o.minval(0).maxval(3).dtype(tf.int32));
        Tensor w = tf.random.statelessUniform(new int[] {n}, new int[] {9, 10}, o -> o.minval(0.5).maxval(1.5));
        Model traced = new Model(), eager = new Model();
        PolymorphicFunction<Tensor> trainStep = tf.function(traced::trainStep, o -> o.inputSignature(
                tf.TensorSpec(new int[] {-1, 4}, tf.float32), tf.TensorSpec(new int[] {-1}, tf.int32), tf.TensorSpec(new int[] {-1}, tf.float32)));
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int start = 0; start < n; start += batch) {
                String rows = start + ":" + Math.min(n, start + batch);
                Tensor xb = x.slice(rows), yb = y.slice(rows), wb = w.slice(rows);
                float expected = eager.trainStep(xb, yb, wb).floatValue();
                assertEquals(expected, trainStep.call(xb, yb, wb).floatValue(), 1e-6f, "loss, batch " + rows);
            }
        }
        // TF traces a first call that creates variables (Adam's slots) twice and keeps the second trace.
        assertEquals(2, trainStep.tracingCount());
        assertEquals(1, trainStep.cachedTraces());
        assertEquals("(None, 4)", trainStep.getConcreteFunction(x, y, w).inputs().get(0).shape().toString());
        assertEquals(6L, traced.optimizer.iterations().value().longValue());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(eager.trainable().get(i).value().toFloatArray(), traced.trainable().get(i).value().toFloatArray(), 1e-6f,
                    "weight " + i);
        }
        assertEquals(eager.count.value().floatValue(), traced.count.value().floatValue(), 1e-4f);
        assertEquals(eager.total.value().floatValue(), traced.total.value().floatValue(), 1e-4f);
    }
}
