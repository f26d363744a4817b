package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;
import org.jflow.keras.KerasConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * {@code (initial - end) * (1 - step / decay_steps) ^ power + end} with the step capped at
 * {@code decay_steps}, or with {@code cycle} the decay length stretched to the first multiple of
 * {@code decay_steps} not below the step. Optional arguments are fluent: {@code .power(0.5).cycle(true)}.
 */
public final class PolynomialDecay extends LearningRateSchedule {
    private static final Set<String> KEYS =
            Set.of("initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle", "name");

    private final double initialLearningRate;
    private final long decaySteps;
    private final double endLearningRate;
    private double power = 1.0;
    private boolean cycle;
    private String name = "PolynomialDecay";

    public PolynomialDecay(double initialLearningRate, long decaySteps) { this(initialLearningRate, decaySteps, 0.0001); }

    public PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate) {
        Schedules.checkPositive("decay_steps", decaySteps);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.endLearningRate = endLearningRate;
    }

    public PolynomialDecay power(double power) { this.power = power; return this; }

    public PolynomialDecay cycle(boolean cycle) { this.cycle = cycle; return this; }

    public PolynomialDecay name(String name) { this.name = name; return this; }

    @Override
    public Tensor call(Object step) {
        Tensor initial = float32(initialLearningRate);
        Tensor end = float32(endLearningRate);
        Tensor globalStep = float32Step(step);
        Tensor steps = float32(decaySteps);
        if (cycle) {
            Tensor multiplier = where(equal(globalStep, 0), float32(1), ceil(div(globalStep, steps)));
            steps = mul(steps, multiplier);
        } else {
            globalStep = minimum(globalStep, steps);
        }
        Tensor p = div(globalStep, steps);
        return add(mul(sub(initial, end), pow(sub(1f, p), float32(power))), end);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("end_learning_rate", endLearningRate);
        c.put("power", power);
        c.put("cycle", cycle);
        c.put("name", name);
        return c;
    }

    public static PolynomialDecay fromConfig(Map<String, ?> c) {
        KerasConfig.checkKnown(c, KEYS);
        return new PolynomialDecay(KerasConfig.getDouble(c, "initial_learning_rate", Double.NaN),
                KerasConfig.getLong(c, "decay_steps", 0), KerasConfig.getDouble(c, "end_learning_rate", 0.0001))
                .power(KerasConfig.getDouble(c, "power", 1.0))
                .cycle(KerasConfig.getBoolean(c, "cycle", false))
                .name(KerasConfig.getString(c, "name", "PolynomialDecay"));
    }
}
