package org.jflow.keras.optimizers;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.ValueError;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.PythonRepr;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * FTRL-Proximal (McMahan et al.) with Keras' online L2, shrinkage L2 and {@code beta}:
 * {@code n' = n + g^2}, {@code z += g' - (n'^-p - n^-p) / lr * w},
 * {@code w = (clip(z, -l1, l1) - z) / (n'^-p / lr + 2 l2)}, where {@code p} is
 * {@code learning_rate_power} and {@code g' = g + 2 l2_shrinkage w}.
 */
public final class Ftrl extends Optimizer {
    private double learningRatePower = -0.5;
    private double initialAccumulatorValue = 0.1;
    private double l1RegularizationStrength;
    private double l2RegularizationStrength;
    private double l2ShrinkageRegularizationStrength;
    private double beta;
    private List<Variable> accumulators;
    private List<Variable> linears;

    public Ftrl() { this(0.001); }

    public Ftrl(double learningRate) { super("ftrl", learningRate); }

    public Ftrl(LearningRateSchedule learningRate) { super("ftrl", learningRate); }

    public Ftrl learningRatePower(double power) {
        if (power > 0) throw new ValueError("`learning_rate_power` needs to be negative or zero. Received: learning_rate_power=" + py(power) + ".");
        this.learningRatePower = power;
        return this;
    }

    public Ftrl initialAccumulatorValue(double value) {
        this.initialAccumulatorValue = nonNegative("initial_accumulator_value", value);
        return this;
    }

    public Ftrl l1RegularizationStrength(double l1) { this.l1RegularizationStrength = nonNegative("l1_regularization_strength", l1); return this; }

    public Ftrl l2RegularizationStrength(double l2) { this.l2RegularizationStrength = nonNegative("l2_regularization_strength", l2); return this; }

    public Ftrl l2ShrinkageRegularizationStrength(double l2) {
        if (l2 < 0) {
            throw new ValueError("`l2_shrinkage_regularization_strength` needs to be positive or zero. Received: "
                    + "l2_shrinkage_regularization_strength=" + py(l2) + ".");
        }
        this.l2ShrinkageRegularizationStrength = l2;
        return this;
    }

    public Ftrl beta(double beta) { this.beta = beta; return this; }

    private static double nonNegative(String argument, double value) {
        if (value < 0) throw new ValueError("`" + argument + "` needs to be positive or zero. Received: " + argument + "=" + py(value) + ".");
        return value;
    }

    private static String py(double value) { return PythonRepr.of(value); }

    @Override
    protected void createSlots(List<Variable> vars) {
        accumulators = addOptimizerVariables(vars, "accumulator", initialAccumulatorValue);
        linears = addOptimizerVariables(vars, "linear");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        Tensor lr = cast(learningRate, variable.dtype());
        Variable accum = slot(accumulators, variable);
        Variable linear = slot(linears, variable);
        Tensor l2 = add(scalar(variable.dtype(), l2RegularizationStrength), div(beta, mul(2.0, lr)));
        Tensor gradToUse = add(gradient, mul(2 * l2ShrinkageRegularizationStrength, variable));
        Tensor newAccum = add(accum, square(gradient));
        Tensor sigma = div(sub(pow(newAccum, -learningRatePower), pow(accum, -learningRatePower)), lr);
        linear.assignAdd(sub(gradToUse, mul(sigma, variable)));
        Tensor quadratic = add(div(pow(newAccum, -learningRatePower), lr), mul(2, l2));
        Tensor linearClipped = clipByValue(linear, -l1RegularizationStrength, l1RegularizationStrength);
        variable.assign(div(sub(linearClipped, linear), quadratic));
        accum.assign(newAccum);
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("learning_rate_power", learningRatePower);
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("l1_regularization_strength", l1RegularizationStrength);
        config.put("l2_regularization_strength", l2RegularizationStrength);
        config.put("l2_shrinkage_regularization_strength", l2ShrinkageRegularizationStrength);
        config.put("beta", beta);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        learningRatePower(KerasConfig.getDouble(config, "learning_rate_power", -0.5));
        initialAccumulatorValue(KerasConfig.getDouble(config, "initial_accumulator_value", 0.1));
        l1RegularizationStrength(KerasConfig.getDouble(config, "l1_regularization_strength", 0.0));
        l2RegularizationStrength(KerasConfig.getDouble(config, "l2_regularization_strength", 0.0));
        l2ShrinkageRegularizationStrength(KerasConfig.getDouble(config, "l2_shrinkage_regularization_strength", 0.0));
        beta(KerasConfig.getDouble(config, "beta", 0.0));
    }

    @Override
    protected Set<String> configKeys() {
        return Set.of("learning_rate_power", "initial_accumulator_value", "l1_regularization_strength",
                "l2_regularization_strength", "l2_shrinkage_regularization_strength", "beta");
    }

    public static Ftrl fromConfig(Map<String, ?> config) { return configure(new Ftrl(), config); }
}
