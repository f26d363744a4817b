package org.jflow.device;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.TensorSpec;

/**
 * A kernel: computes an op's outputs on one device type from inputs already on that device, as
 * TF's {@code OpKernel::Compute}. The CPU kernel of every op is its {@link org.jflow.engine.Op#compute}.
 */
@FunctionalInterface
public interface Kernel {
    Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs);
}
