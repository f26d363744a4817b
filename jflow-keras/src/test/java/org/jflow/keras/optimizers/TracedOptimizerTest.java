package org.jflow.keras.optimizers;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.PolymorphicFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Optimizers inside tf.function: the whole train step (forward, gradient, update) is one graph. */
class TracedOptimizerTest {
    @Test
    void minimizeInsideAFunctionMatchesTheTutorialBitForBit() {
        // 001a G-AD8 without the loop in the graph: each call of the traced step is one SGD update.
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));
        Supplier<Tensor> y = () -> tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
        SGD sgd = new SGD(0.01);
        PolymorphicFunction<Tensor> step = tf.function(() -> {
            sgd.minimize(y, List.of(x));
            return y.get();
        });
        Tensor last = null;
        for (int i = 0; i < 1000; i++) last = step.call();
        assertEquals(0.99999857f, x.value().floatValue());
        assertEquals(0f, last.floatValue());
        assertEquals(1000L, sgd.iterations().value().longValue());
        assertEquals(1, step.tracingCount());
    }

    @Test
    void adamStepsTracedEqualAdamStepsEager() {
        // Adam creates its moment slots on the first (traced) step: TF's variable-lifting rule.
        float[][] init = {{0.5f, -1.0f}, {2.0f, 0.25f}};
        Variable eagerW = new Variable(init);
        Variable tracedW = new Variable(init);
        Tensor data = tf.constant(new float[][] {{1, 2}, {3, 4}});
        Adam eager = new Adam(0.1);
        Adam traced = new Adam(0.1);
        PolymorphicFunction<Tensor> step = tf.function((Tensor xs) -> {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor loss = tf.reduceSum(tf.square(tf.matmul(xs, tracedW)));
                traced.applyGradients(tape.gradient(loss, List.of(tracedW)), List.of(tracedW));
                return loss;
            }
        });
        for (int i = 0; i < 3; i++) {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor loss = tf.reduceSum(tf.square(tf.matmul(data, eagerW)));
                eager.applyGradients(tape.gradient(loss, List.of(eagerW)), List.of(eagerW));
            }
            step.call(data);
        }
        assertArrayEquals(eagerW.value().toFloatArray(), tracedW.value().toFloatArray());
        // As TF, a first trace that created variables is traced again with creation forbidden.
        assertEquals(2, step.tracingCount());
    }

    @Test
    void minimizeLoopInsideOneFunctionCall() {
        // 001a G-AD7/G-AD8: `for _ in tf.range(epoch): optimizer.minimize(f, [x])` in one tf.function call.
        Variable x = tf.Variable(0.0, o -> o.name("x").dtype(tf.float32));
        Supplier<Tensor> y = () -> tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
        SGD sgd = new SGD(0.01);
        PolymorphicFunction<Tensor> train = tf.function((Tensor epochs) -> {
            tf.forRange(epochs, i -> sgd.minimize(y, List.of(x)));
            return y.get();
        });
        assertEquals(0f, train.call(1000).floatValue());
        assertEquals(0.99999857f, x.value().floatValue());
        assertEquals(1000L, sgd.iterations().value().longValue());
    }
}
