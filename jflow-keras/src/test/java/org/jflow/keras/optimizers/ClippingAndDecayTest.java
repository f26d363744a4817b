package org.jflow.keras.optimizers;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.keras.optimizers.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.keras.optimizers.Steps.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The steps the base optimizer adds around each update rule: clipping, weight decay, null gradients, schedules. */
class ClippingAndDecayTest {
    private static float[] sgdStep(Optimizer optimizer, float[] init, float[] grad) {
        Variable x = new Variable(init);
        optimizer.applyGradients(List.of(tf.constant(grad)), List.of(x));
        return x.value().toFloatArray();
    }

    @Test
    void clipnormRescalesEachGradientToTheNorm() {
        // |[3, 4]| = 5 -> [0.6, 0.8]
        assertClose(new float[] {-0.6f, -0.8f}, sgdStep(new SGD(1.0).clipnorm(1.0), new float[2], new float[] {3f, 4f}));
        assertClose(new float[] {-0.3f, -0.4f}, sgdStep(new SGD(1.0).clipnorm(10.0), new float[2], new float[] {0.3f, 0.4f}));
    }

    @Test
    void variableConstraintsApplyAfterTheUpdate() {
        // Keras: after applying gradients, variable.assign(variable.constraint(variable)); SGD(1) on grad [2, -3]
        // moves [1, 1] to [-1, 4], which the non-negativity constraint projects to [0, 4]
        Variable x = new Variable(new float[] {1, 1}, o -> o.constraint(v -> tf.maximum(v, 0f)));
        new SGD(1.0).applyGradients(List.of(tf.constant(new float[] {2, -3})), List.of(x));
        assertArrayEquals(new float[] {0, 4}, x.value().toFloatArray());
    }

    @Test
    void clipvalueClipsEachElement() {
        assertArrayEquals(new float[] {-0.5f, 0.1f, 0.5f},
                sgdStep(new SGD(1.0).clipvalue(0.5), new float[3], new float[] {2f, -0.1f, -3f}));
    }

    @Test
    void globalClipnormScalesAllGradientsTogether() {
        Variable a = new Variable(new float[2]);
        Variable b = new Variable(new float[1]);
        new SGD(1.0).globalClipnorm(1.0).applyGradients(
                List.of(tf.constant(new float[] {3f, 0f}), tf.constant(new float[] {4f})), List.of(a, b));
        assertClose(new float[] {-0.6f, 0f}, a.value().toFloatArray());
        assertClose(new float[] {-0.8f}, b.value().toFloatArray());
    }

    @Test
    void onlyOneClippingOption() {
        var e = assertThrows(ValueError.class, () -> new SGD().clipnorm(1.0).clipvalue(0.5));
        assertEquals("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=1.0, "
                + "clipvalue=0.5, global_clipnorm=None", e.getMessage());
    }

    @Test
    void weightDecayShrinksWeightsBeforeTheUpdate() {
        float w = 2f, lr = 0.1f, wd = 0.5f, g = 1f;
        float expected = (w - w * wd * lr) - g * lr;
        assertClose(new float[] {expected}, sgdStep(new SGD(0.1).weightDecay(0.5), new float[] {w}, new float[] {g}));
    }

    @Test
    void excludedVariablesAreNotDecayed() {
        Variable kernel = new Variable(new float[] {2f}, o -> o.name("dense/kernel"));
        Variable bias = new Variable(new float[] {2f}, o -> o.name("dense/bias"));
        Variable other = new Variable(new float[] {2f}, o -> o.name("other"));
        Optimizer sgd = new SGD(0.1).weightDecay(0.5).excludeFromWeightDecay(List.of(other), List.of("bias"));
        Tensor zero = tf.constant(new float[] {0f});
        sgd.applyGradients(List.of(zero, zero, zero), List.of(kernel, bias, other));
        assertClose(new float[] {2f - 2f * 0.5f * 0.1f}, kernel.value().toFloatArray());
        assertArrayEquals(new float[] {2f}, bias.value().toFloatArray());
        assertArrayEquals(new float[] {2f}, other.value().toFloatArray());
    }

    @Test
    void nullGradientsAreSkipped() {
        Variable a = new Variable(1f);
        Variable b = new Variable(1f);
        SGD sgd = new SGD(0.5);
        sgd.applyGradients(Arrays.asList(null, tf.constant(1f)), List.of(a, b));
        assertEquals(1f, a.value().floatValue());
        assertEquals(0.5f, b.value().floatValue());
        assertEquals(1L, sgd.iterations().value().longValue());
        var e = assertThrows(ValueError.class, () -> sgd.applyGradients(Arrays.asList(null, null), List.of(a, b)));
        assertEquals("No gradients provided for any variable.", e.getMessage());
    }

    @Test
    void variablesOutsideTheFirstBuildAreRefused() {
        SGD sgd = new SGD();
        sgd.applyGradients(List.of(tf.constant(1f)), List.of(new Variable(1f)));
        var e = assertThrows(ValueError.class,
                () -> sgd.applyGradients(List.of(tf.constant(1f)), List.of(new Variable(1f))));
        assertTrue(e.getMessage().startsWith("Unknown variable: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("you should recreate a new optimizer instance."), e.getMessage());
    }

    @Test
    void applyWithoutVariablesNeedsABuiltOptimizer() {
        SGD sgd = new SGD(0.5);
        assertThrows(ValueError.class, () -> sgd.apply(List.of(tf.constant(1f))));
        Variable x = new Variable(1f);
        sgd.build(List.of(x));
        sgd.apply(List.of(tf.constant(1f)));
        assertEquals(0.5f, x.value().floatValue());
    }

    @Test
    void scheduleIsEvaluatedAtTheCurrentIteration() {
        // lr = 0.1 * 0.5^step: 0.1 at step 0, 0.05 at step 1
        SGD sgd = new SGD(new ExponentialDecay(0.1, 1, 0.5));
        Variable x = new Variable(0f);
        sgd.applyGradients(List.of(tf.constant(1f)), List.of(x));
        assertClose(new float[] {-0.1f}, x.value().toFloatArray());
        sgd.applyGradients(List.of(tf.constant(1f)), List.of(x));
        assertClose(new float[] {-0.1f - 0.05f}, x.value().toFloatArray());
        assertClose(new float[] {0.025f}, sgd.currentLearningRate().toFloatArray());
        var e = assertThrows(TypeError.class, sgd::learningRate);
        assertTrue(e.getMessage().startsWith("This optimizer was created with a `LearningRateSchedule`"));
    }

    @Test
    void float64VariablesUpdateInFloat64() {
        Variable x = new Variable(new double[] {1.0});
        new SGD(0.1).applyGradients(List.of(tf.constant(new double[] {1.0})), List.of(x));
        assertEquals(org.jflow.DType.FLOAT64, x.dtype());
        assertEquals(1.0 - (double) 0.1f, x.value().toDoubleArray()[0], 1e-15);
    }
}
