package org.jflow.autodiff;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;

/** The ops of autodiff itself. */
public final class AutodiffOps {
    private AutodiffOps() {}

    /** {@code StopGradient}: the input's value, through which no gradient flows (tapes do not record it). */
    public static final Op STOP_GRADIENT = new Op("StopGradient", Signature.of("input -> output")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) { return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())}; }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            return new Tensor[] {Tensor.wrap(in[0].dtype(), in[0].shape(), in[0].data())};
        }
    }.notDifferentiable();

    public static final Op CUSTOM_GRADIENT = CustomGradient.CUSTOM_GRADIENT;
}
