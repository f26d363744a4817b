package org.jflow.keras.optimizers;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Adadelta (Zeiler): running averages of {@code g^2} and of the squared updates;
 * {@code delta = -sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps) * g}, {@code w += lr * delta}.
 * Defaults: 0.001, rho 0.95, epsilon 1e-7.
 */
public final class Adadelta extends Optimizer {
    private double rho = 0.95;
    private double epsilon = 1e-7;
    private List<Variable> accumulatedGrads;
    private List<Variable> accumulatedDeltaVars;

    public Adadelta() { this(0.001); }

    public Adadelta(double learningRate) { super("adadelta", learningRate); }

    public Adadelta(LearningRateSchedule learningRate) { super("adadelta", learningRate); }

    public Adadelta rho(double rho) { this.rho = rho; return this; }

    public Adadelta epsilon(double epsilon) { this.epsilon = epsilon; return this; }

    @Override
    protected void createSlots(List<Variable> vars) {
        accumulatedGrads = addOptimizerVariables(vars, "accumulated_grad");
        accumulatedDeltaVars = addOptimizerVariables(vars, "accumulated_delta_var");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        Tensor lr = cast(learningRate, variable.dtype());
        Variable accumulatedGrad = slot(accumulatedGrads, variable);
        Variable accumulatedDelta = slot(accumulatedDeltaVars, variable);
        accumulatedGrad.assign(add(mul(accumulatedGrad, rho), mul(1 - rho, square(gradient))));
        Tensor delta = neg(div(mul(rms(accumulatedDelta), gradient), rms(accumulatedGrad)));
        accumulatedDelta.assign(add(mul(rho, accumulatedDelta), mul(1 - rho, square(delta))));
        variable.assignAdd(mul(lr, delta));
    }

    private Tensor rms(Variable x) { return sqrt(add(x, epsilon)); }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("epsilon", epsilon);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        rho(KerasConfig.getDouble(config, "rho", 0.95));
        epsilon(KerasConfig.getDouble(config, "epsilon", 1e-7));
    }

    @Override
    protected Set<String> configKeys() { return Set.of("rho", "epsilon"); }

    public static Adadelta fromConfig(Map<String, ?> config) { return configure(new Adadelta(), config); }
}
