package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;

import java.util.Map;

import static org.jflow.keras.internal.TensorMath.*;

/** {@code initial_learning_rate * decay_rate ^ (step / decay_steps)}, the exponent floored when {@code staircase}. */
public final class ExponentialDecay extends RateDecay {
    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
        this(initialLearningRate, decaySteps, decayRate, staircase, "ExponentialDecay");
    }

    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
        super(initialLearningRate, decaySteps, decayRate, staircase, name);
    }

    @Override
    Tensor rateAt(Tensor p) {
        return mul(float32(initialLearningRate), pow(float32(decayRate), p));
    }

    public static ExponentialDecay fromConfig(Map<String, ?> c) {
        Args a = Args.of(c, "ExponentialDecay");
        return new ExponentialDecay(a.initialLearningRate(), a.decaySteps(), a.decayRate(), a.staircase(), a.name());
    }
}
