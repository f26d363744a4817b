package org.jflow.keras.optimizers;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.ValueError;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Adagrad (Duchi et al.): {@code a += g^2}, {@code w -= lr g / sqrt(a + epsilon)}, the accumulator
 * starting at {@code initial_accumulator_value}. Defaults: 0.001, 0.1, 1e-7.
 */
public final class Adagrad extends Optimizer {
    private double initialAccumulatorValue = 0.1;
    private double epsilon = 1e-7;
    private List<Variable> accumulators;

    public Adagrad() { this(0.001); }

    public Adagrad(double learningRate) { super("adagrad", learningRate); }

    public Adagrad(LearningRateSchedule learningRate) { super("adagrad", learningRate); }

    public Adagrad initialAccumulatorValue(double value) {
        if (value < 0) throw new ValueError("`initial_accumulator_value` must be non-negative. Received: " + value);
        this.initialAccumulatorValue = value;
        return this;
    }

    public Adagrad epsilon(double epsilon) { this.epsilon = epsilon; return this; }

    @Override
    protected void createSlots(List<Variable> vars) {
        accumulators = addOptimizerVariables(vars, "accumulator", initialAccumulatorValue);
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        Tensor lr = cast(learningRate, variable.dtype());
        Variable accumulator = slot(accumulators, variable);
        accumulator.assignAdd(square(gradient));
        variable.assignSub(div(mul(lr, gradient), sqrt(add(accumulator, epsilon))));
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("epsilon", epsilon);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        initialAccumulatorValue(KerasConfig.getDouble(config, "initial_accumulator_value", 0.1));
        epsilon(KerasConfig.getDouble(config, "epsilon", 1e-7));
    }

    @Override
    protected Set<String> configKeys() { return Set.of("initial_accumulator_value", "epsilon"); }

    public static Adagrad fromConfig(Map<String, ?> config) { return configure(new Adagrad(), config); }
}
