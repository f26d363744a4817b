package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;
import org.jflow.keras.KerasConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * The schedules Keras configures alike ({@code initial_learning_rate}, {@code decay_steps},
 * {@code decay_rate}, {@code staircase}): they differ only in how the rate falls with
 * {@code step / decay_steps}.
 */
abstract class RateDecay extends LearningRateSchedule {
    static final Set<String> KEYS = Set.of("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name");

    final double initialLearningRate;
    final long decaySteps;
    final double decayRate;
    final boolean staircase;
    private final String name;

    RateDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
        Schedules.checkPositive("decay_steps", decaySteps);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
        this.staircase = staircase;
        this.name = name;
    }

    /** The rate at {@code p = step / decay_steps} (floored when staircase). */
    abstract Tensor rateAt(Tensor p);

    @Override
    public final Tensor call(Object step) {
        Tensor p = div(float32Step(step), float32(decaySteps));
        return rateAt(staircase ? floor(p) : p);
    }

    @Override
    public final Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        c.put("name", name);
        return c;
    }

    /** A Keras config's arguments, checked, for a subclass's {@code fromConfig}. */
    record Args(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
        static Args of(Map<String, ?> c, String defaultName) {
            KerasConfig.checkKnown(c, KEYS);
            return new Args(KerasConfig.getDouble(c, "initial_learning_rate", Double.NaN),
                    KerasConfig.getLong(c, "decay_steps", 0), KerasConfig.getDouble(c, "decay_rate", Double.NaN),
                    KerasConfig.getBoolean(c, "staircase", false), KerasConfig.getString(c, "name", defaultName));
        }
    }
}
