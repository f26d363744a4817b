package org.jflow.keras.optimizers.schedules;

import org.jflow.Tensor;
import org.jflow.keras.KerasConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * SGDR: cosine decay from the initial rate to {@code alpha} times it over {@code first_decay_steps},
 * then warm restarts, each period {@code t_mul} times longer and starting {@code m_mul} times lower.
 * Optional arguments are fluent: {@code .tMul(2.0).mMul(1.0).alpha(0.0)}.
 */
public final class CosineDecayRestarts extends LearningRateSchedule {
    private static final Set<String> KEYS =
            Set.of("initial_learning_rate", "first_decay_steps", "t_mul", "m_mul", "alpha", "name");

    private final double initialLearningRate;
    private final long firstDecaySteps;
    private double tMul = 2.0;
    private double mMul = 1.0;
    private double alpha;
    private String name = "SGDRDecay";

    public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
        Schedules.checkPositive("first_decay_steps", firstDecaySteps);
        this.initialLearningRate = initialLearningRate;
        this.firstDecaySteps = firstDecaySteps;
    }

    public CosineDecayRestarts tMul(double tMul) { this.tMul = tMul; return this; }

    public CosineDecayRestarts mMul(double mMul) { this.mMul = mMul; return this; }

    public CosineDecayRestarts alpha(double alpha) { this.alpha = alpha; return this; }

    public CosineDecayRestarts name(String name) { this.name = name; return this; }

    @Override
    public Tensor call(Object step) {
        Tensor alphaT = float32(alpha);
        Tensor tMulT = float32(tMul);
        Tensor completed = div(float32Step(step), float32(firstDecaySteps));
        Tensor restart;
        if (tMulT.floatValue() == 1f) {
            restart = floor(completed);
            completed = sub(completed, restart);
        } else {
            // the restart index i solves sum_{k<i} t_mul^k <= completed fraction, a geometric series
            restart = floor(div(log(sub(1f, mul(completed, sub(1f, tMulT)))), log(tMulT)));
            Tensor periodScale = pow(tMulT, restart);
            Tensor elapsedPeriods = div(sub(1f, periodScale), sub(1f, tMulT));
            completed = div(sub(completed, elapsedPeriods), periodScale);
        }
        Tensor mFactor = pow(float32(mMul), restart);
        Tensor cosine = mul(mul(0.5f, mFactor), add(1f, cos(mul((float) Math.PI, completed))));
        Tensor decayed = add(mul(sub(1f, alphaT), cosine), alphaT);
        return mul(float32(initialLearningRate), decayed);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("first_decay_steps", firstDecaySteps);
        c.put("t_mul", tMul);
        c.put("m_mul", mMul);
        c.put("alpha", alpha);
        c.put("name", name);
        return c;
    }

    public static CosineDecayRestarts fromConfig(Map<String, ?> c) {
        KerasConfig.checkKnown(c, KEYS);
        return new CosineDecayRestarts(KerasConfig.getDouble(c, "initial_learning_rate", Double.NaN),
                KerasConfig.getLong(c, "first_decay_steps", 0))
                .tMul(KerasConfig.getDouble(c, "t_mul", 2.0))
                .mMul(KerasConfig.getDouble(c, "m_mul", 1.0))
                .alpha(KerasConfig.getDouble(c, "alpha", 0.0))
                .name(KerasConfig.getString(c, "name", "SGDRDecay"));
    }
}
