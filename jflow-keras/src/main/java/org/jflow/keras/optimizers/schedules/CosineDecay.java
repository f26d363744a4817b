package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;
import org.jflow.keras.KerasConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Keras 3's cosine decay with optional linear warmup: without {@code warmupTarget}, decays from
 * the initial rate to {@code alpha} times it over {@code decay_steps}; with it, first rises linearly
 * from the initial rate to the target over {@code warmup_steps}, then decays from the target.
 * Optional arguments are fluent: {@code .alpha(0.1).warmupTarget(0.1).warmupSteps(1000)}.
 */
public final class CosineDecay extends LearningRateSchedule {
    private static final Set<String> KEYS =
            Set.of("initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps");

    private final double initialLearningRate;
    private final long decaySteps;
    private double alpha;
    private String name = "CosineDecay";
    private Double warmupTarget;
    private long warmupSteps;

    public CosineDecay(double initialLearningRate, long decaySteps) {
        Schedules.checkPositive("decay_steps", decaySteps);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
    }

    public CosineDecay alpha(double alpha) { this.alpha = alpha; return this; }

    public CosineDecay name(String name) { this.name = name; return this; }

    /** The rate reached at the end of warmup; null (the default) skips warmup. */
    public CosineDecay warmupTarget(Double warmupTarget) { this.warmupTarget = warmupTarget; return this; }

    public CosineDecay warmupSteps(long warmupSteps) { this.warmupSteps = warmupSteps; return this; }

    @Override
    public Tensor call(Object step) {
        Tensor initial = float32(initialLearningRate);
        Tensor steps = float32(decaySteps);
        Tensor globalStep = float32Step(step);
        if (warmupTarget == null) return decayed(minimum(globalStep, steps), steps, initial);
        Tensor target = float32(warmupTarget);
        Tensor warmup = float32(warmupSteps);
        globalStep = minimum(globalStep, add(steps, warmup));
        // Keras takes this branch with ops.cond on the scalar step; eager evaluation reads it directly
        if (globalStep.floatValue() < warmup.floatValue()) {
            Tensor completed = div(globalStep, warmup);
            return add(mul(sub(target, initial), completed), initial);
        }
        return decayed(sub(globalStep, warmup), steps, target);
    }

    private Tensor decayed(Tensor step, Tensor steps, Tensor from) {
        Tensor completed = div(step, steps);
        Tensor cosine = mul(0.5f, add(1f, cos(mul((float) Math.PI, completed))));
        Tensor decayed = add(mul((float) (1 - alpha), cosine), (float) alpha);
        return mul(from, decayed);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("alpha", alpha);
        c.put("name", name);
        c.put("warmup_target", warmupTarget);
        c.put("warmup_steps", warmupSteps);
        return c;
    }

    public static CosineDecay fromConfig(Map<String, ?> c) {
        KerasConfig.checkKnown(c, KEYS);
        return new CosineDecay(KerasConfig.getDouble(c, "initial_learning_rate", Double.NaN), KerasConfig.getLong(c, "decay_steps", 0))
                .alpha(KerasConfig.getDouble(c, "alpha", 0.0))
                .name(KerasConfig.getString(c, "name", "CosineDecay"))
                .warmupTarget(KerasConfig.getNullableDouble(c, "warmup_target"))
                .warmupSteps(KerasConfig.getLong(c, "warmup_steps", 0));
    }
}
