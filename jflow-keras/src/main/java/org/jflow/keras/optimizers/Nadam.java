package org.jflow.keras.optimizers;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;

import java.util.List;
import java.util.Map;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Nadam (Dozat), Adam with Nesterov momentum and Keras' momentum schedule
 * {@code u_t = beta1 (1 - 0.5 * 0.96^t)}, whose running product is shared by all variables.
 * Defaults: 0.001, 0.9, 0.999, 1e-7.
 */
public final class Nadam extends MomentOptimizer<Nadam> {
    private static final double MOMENTUM_DECAY = 0.96;

    private List<Variable> momentums;
    private List<Variable> velocities;
    private Variable uProduct;

    public Nadam() { this(0.001); }

    public Nadam(double learningRate) { super("nadam", learningRate); }

    public Nadam(LearningRateSchedule learningRate) { super("nadam", learningRate); }

    @Override
    protected void createSlots(List<Variable> vars) {
        DType dtype = vars.isEmpty() ? DType.FLOAT32 : vars.getFirst().dtype();
        momentums = addOptimizerVariables(vars, "momentum");
        velocities = addOptimizerVariables(vars, "velocity");
        uProduct = addVariable(scalar(dtype, 1.0), "u_product");
    }

    /** Advances the momentum-schedule product once per apply, before the per-variable steps (Keras' order). */
    @Override
    protected void updateSteps(List<? extends TensorLike> grads, List<Variable> vars, Tensor learningRate) {
        Tensor decay = pow(scalar(uProduct.dtype(), MOMENTUM_DECAY), step(1, uProduct.dtype()));
        uProduct.assign(mul(mul(uProduct, beta1), sub(1.0, mul(0.5, decay))));
        super.updateSteps(grads, vars, learningRate);
    }

    @Override
    protected void updateStep(Tensor gradient, Variable variable, Tensor learningRate) {
        DType dtype = variable.dtype();
        Tensor lr = cast(learningRate, dtype);
        Tensor decay = scalar(dtype, MOMENTUM_DECAY);
        Tensor beta1T = scalar(dtype, beta1);
        Tensor beta2T = scalar(dtype, beta2);
        Tensor uT = mul(beta1T, sub(1.0, mul(0.5, pow(decay, step(1, dtype)))));
        Tensor uT1 = mul(beta1T, sub(1.0, mul(0.5, pow(decay, step(2, dtype)))));
        Tensor uProductT = cast(uProduct, dtype);
        Tensor uProductT1 = mul(uProductT, uT1);
        Tensor beta2Power = pow(beta2T, step(1, dtype));
        Variable m = slot(momentums, variable);
        Variable v = slot(velocities, variable);
        m.assignAdd(mul(sub(gradient, m), sub(1, beta1T)));
        v.assignAdd(mul(sub(square(gradient), v), sub(1, beta2T)));
        Tensor mHat = add(div(mul(uT1, m), sub(1, uProductT1)),
                div(mul(sub(1, uT), gradient), sub(1, uProductT)));
        Tensor vHat = div(v, sub(1, beta2Power));
        variable.assignSub(div(mul(mHat, lr), add(sqrt(vHat), epsilon)));
    }

    public static Nadam fromConfig(Map<String, ?> config) { return configure(new Nadam(), config); }
}
