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
 * RMSprop (Hinton): {@code v = rho v + (1 - rho) g^2}, {@code w -= lr g / sqrt(v + epsilon)}; centered
 * subtracts the squared running mean of {@code g} from {@code v}; momentum accumulates the increments.
 * Defaults: 0.001, rho 0.9, momentum 0, epsilon 1e-7, not centered.
 */
public final class RMSprop extends Optimizer {
    private double rho = 0.9;
    private double momentum;
    private double epsilon = 1e-7;
    private boolean centered;
    private List<Variable> velocities;
    private List<Variable> momentums = List.of();
    private List<Variable> averageGradients = List.of();

    public RMSprop() { this(0.001); }

    public RMSprop(double learningRate) { super("rmsprop", learningRate); }

    public RMSprop(LearningRateSchedule learningRate) { super("rmsprop", learningRate); }

    public RMSprop rho(double rho) { this.rho = rho; return this; }

    public RMSprop momentum(double momentum) { this.momentum = momentum; return this; }

    public RMSprop epsilon(double epsilon) { this.epsilon = epsilon; return this; }

    public RMSprop centered(boolean centered) { this.centered = centered; return this; }

    @Override
    protected void createSlots(List<Variable> vars) {
        velocities = addOptimizerVariables(vars, "velocity");
        if (momentum > 0) momentums = addOptimizerVariables(vars, "momentum");
        if (centered) averageGradients = addOptimizerVariables(vars, "average_gradient");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        Tensor lr = cast(learningRate, variable.dtype());
        Variable velocity = slot(velocities, variable);
        velocity.assign(add(mul(rho, velocity), mul(1 - rho, square(gradient))));
        Tensor denominator;
        if (centered) {
            Variable averageGrad = slot(averageGradients, variable);
            averageGrad.assign(add(mul(rho, averageGrad), mul(1 - rho, gradient)));
            denominator = add(sub(velocity, square(averageGrad)), epsilon);
        } else {
            denominator = add(velocity, epsilon);
        }
        Tensor increment = div(mul(lr, gradient), sqrt(denominator));
        if (momentum > 0) {
            Variable m = slot(momentums, variable);
            m.assign(add(mul(momentum, m), increment));
            variable.assignSub(m);
        } else {
            variable.assignSub(increment);
        }
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("centered", centered);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        rho(KerasConfig.getDouble(config, "rho", 0.9));
        momentum(KerasConfig.getDouble(config, "momentum", 0.0));
        epsilon(KerasConfig.getDouble(config, "epsilon", 1e-7));
        centered(KerasConfig.getBoolean(config, "centered", false));
    }

    @Override
    protected Set<String> configKeys() { return Set.of("rho", "momentum", "epsilon", "centered"); }

    public static RMSprop fromConfig(Map<String, ?> config) { return configure(new RMSprop(), config); }
}
