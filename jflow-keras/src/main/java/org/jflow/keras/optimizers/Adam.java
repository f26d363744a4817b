package org.jflow.keras.optimizers;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Adam (Kingma and Ba), with the bias corrections folded into the step size:
 * {@code m += (g - m)(1 - beta1)}, {@code v += (g^2 - v)(1 - beta2)},
 * {@code w -= m * lr * sqrt(1 - beta2^t) / (1 - beta1^t) / (sqrt(v) + epsilon)}; AMSGrad uses the
 * running maximum of {@code v}. Defaults: 0.001, 0.9, 0.999, 1e-7.
 */
public class Adam extends MomentOptimizer<Adam> {
    private boolean amsgrad;
    private List<Variable> momentums;
    private List<Variable> velocities;
    private List<Variable> velocityHats;

    public Adam() { this(0.001); }

    public Adam(double learningRate) { super("adam", learningRate); }

    public Adam(LearningRateSchedule learningRate) { super("adam", learningRate); }

    protected Adam(String name, double learningRate) { super(name, learningRate); }

    protected Adam(String name, LearningRateSchedule learningRate) { super(name, learningRate); }

    public Adam amsgrad(boolean amsgrad) { this.amsgrad = amsgrad; return this; }

    public boolean amsgrad() { return amsgrad; }

    @Override
    protected void createSlots(List<Variable> vars) {
        momentums = addOptimizerVariables(vars, "momentum");
        velocities = addOptimizerVariables(vars, "velocity");
        if (amsgrad) velocityHats = addOptimizerVariables(vars, "velocity_hat");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        DType dtype = variable.dtype();
        Tensor lr = cast(learningRate, dtype);
        Tensor localStep = step(1, dtype);
        Tensor beta1Power = pow(scalar(dtype, beta1), localStep);
        Tensor beta2Power = pow(scalar(dtype, beta2), localStep);
        Variable m = slot(momentums, variable);
        Variable v = slot(velocities, variable);
        Tensor alpha = div(mul(lr, sqrt(sub(1, beta2Power))), sub(1, beta1Power));
        m.assignAdd(mul(sub(gradient, m), 1 - beta1));
        v.assignAdd(mul(sub(square(gradient), v), 1 - beta2));
        Variable second = v;
        if (amsgrad) {
            second = slot(velocityHats, variable);
            second.assign(maximum(second, v));
        }
        variable.assignSub(div(mul(m, alpha), add(sqrt(second), epsilon)));
    }

    @Override
    protected void putConfig(Map<String, Object> config) {
        super.putConfig(config);
        config.put("amsgrad", amsgrad);
    }

    @Override
    protected void readConfig(Map<String, ?> config) {
        super.readConfig(config);
        amsgrad(KerasConfig.getBoolean(config, "amsgrad", false));
    }

    @Override
    protected Set<String> configKeys() {
        Set<String> keys = new java.util.HashSet<>(super.configKeys());
        keys.add("amsgrad");
        return keys;
    }

    public static Adam fromConfig(Map<String, ?> config) { return configure(new Adam(), config); }
}
