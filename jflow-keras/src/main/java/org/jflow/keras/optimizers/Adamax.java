package org.jflow.keras.optimizers;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Adamax, Adam with the infinity norm: {@code m += (g - m)(1 - beta1)}, {@code u = max(beta2 u, |g|)},
 * {@code w -= lr m / ((1 - beta1^t)(u + epsilon))}. Defaults: 0.001, 0.9, 0.999, 1e-7.
 */
public final class Adamax extends MomentOptimizer<Adamax> {
    private List<Variable> momentums;
    private List<Variable> norms;

    public Adamax() { this(0.001); }

    public Adamax(double learningRate) { super("adamax", learningRate); }

    public Adamax(LearningRateSchedule learningRate) { super("adamax", learningRate); }

    @Override
    protected void createSlots(List<Variable> vars) {
        momentums = addOptimizerVariables(vars, "momentum");
        norms = addOptimizerVariables(vars, "norm");
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        DType dtype = variable.dtype();
        Tensor lr = cast(learningRate, dtype);
        Tensor beta1Power = pow(scalar(dtype, beta1), step(1, dtype));
        Variable m = slot(momentums, variable);
        Variable u = slot(norms, variable);
        m.assignAdd(mul(sub(gradient, m), 1 - beta1));
        u.assign(maximum(mul(beta2, u), abs(gradient)));
        variable.assignSub(div(mul(lr, m), mul(sub(1, beta1Power), add(u, epsilon))));
    }

    public static Adamax fromConfig(Map<String, ?> config) { return configure(new Adamax(), config); }
}
