package org.jflow.keras.optimizers;

import org.jflow.IndexedSlices;
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
 * Gradient descent, {@code w -= learning_rate * g}; with momentum {@code m = momentum * m - lr * g},
 * {@code w += m}; with Nesterov {@code w += momentum * m - lr * g}. Defaults: learning rate 0.01, momentum 0.
 */
public final class SGD extends Optimizer {
    private double momentum;
    private boolean nesterov;
    private List<Variable> momentums = List.of();

    public SGD() { this(0.01); }

    public SGD(double learningRate) { super("SGD", learningRate); }

    public SGD(LearningRateSchedule learningRate) { super("SGD", learningRate); }

    /** Keras' positional form {@code SGD(learning_rate, momentum, nesterov)}. */
    public SGD(double learningRate, double momentum, boolean nesterov) {
        this(learningRate);
        momentum(momentum).nesterov(nesterov);
    }

    public double momentum() { return momentum; }

    public SGD momentum(double momentum) {
        if (momentum < 0 || momentum > 1) throw new ValueError("`momentum` must be a float between [0, 1].");
        this.momentum = momentum;
        return this;
    }

    public boolean nesterov() { return nesterov; }

    public SGD nesterov(boolean nesterov) { this.nesterov = nesterov; return this; }

    @Override
    protected void createSlots(List<Variable> vars) {
        if (momentum != 0) momentums = addOptimizerVariables(vars, "momentum");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        Tensor lr = cast(learningRate, variable.dtype());
        if (momentums.isEmpty()) {
            variable.assignSub(mul(gradient, lr));
            return;
        }
        Variable m = slot(momentums, variable);
        m.assign(sub(mul(m, momentum), mul(gradient, lr)));
        if (nesterov) {
            variable.assignAdd(sub(mul(m, momentum), mul(gradient, lr)));
        } else {
            variable.assignAdd(m);
        }
    }

    /** Without momentum, Keras' {@code assign_sub} of IndexedSlices: a scatter-sub of {@code lr * g} into the touched rows only. */
    @Override
    protected void updateStep(IndexedSlices gradient, Variable variable, Tensor learningRate) {
        if (!momentums.isEmpty()) {
            super.updateStep(gradient, variable, learningRate);
            return;
        }
        Tensor step = mul(gradient.values(), cast(learningRate, variable.dtype()));
        variable.scatterSub(new IndexedSlices(step, gradient.indices(), variable.shape()));
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        config.put("momentum", momentum);
        config.put("nesterov", nesterov);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        momentum(KerasConfig.getDouble(config, "momentum", 0.0));
        nesterov(KerasConfig.getBoolean(config, "nesterov", false));
    }

    @Override
    protected Set<String> configKeys() { return Set.of("momentum", "nesterov"); }

    public static SGD fromConfig(Map<String, ?> config) { return configure(new SGD(), config); }
}
