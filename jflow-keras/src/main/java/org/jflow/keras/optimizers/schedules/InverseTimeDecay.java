package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;

import java.util.Map;

import static org.jflow.keras.internal.TensorMath.*;

/** {@code initial_learning_rate / (1 + decay_rate * step / decay_steps)}, the quotient floored when {@code staircase}. */
public final class InverseTimeDecay extends RateDecay {
    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
        this(initialLearningRate, decaySteps, decayRate, staircase, "InverseTimeDecay");
    }

    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
        super(initialLearningRate, decaySteps, decayRate, staircase, name);
    }

    @Override
    Tensor rateAt(Tensor p) {
        return div(float32(initialLearningRate), add(float32(1), mul(float32(decayRate), p)));
    }

    public static InverseTimeDecay fromConfig(Map<String, ?> c) {
        Args a = Args.of(c, "InverseTimeDecay");
        return new InverseTimeDecay(a.initialLearningRate(), a.decaySteps(), a.decayRate(), a.staircase(), a.name());
    }
}
