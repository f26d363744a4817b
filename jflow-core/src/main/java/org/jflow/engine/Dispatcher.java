package org.jflow.engine;

import org.jflow.Tensor;

/**
 * The single path from an op call to its kernel: the shape rule first (so bad inputs fail before
 * any work), then the kernel (or, while a graph is traced, a node), then the active gradient
 * tapes. Autodiff and tracing hook in here, nowhere else.
 */
public final class Dispatcher {
    private Dispatcher() {}

    public static Tensor[] execute(Op op, Attrs attrs, Tensor... inputs) {
        TensorSpec[] outputs = op.infer(inputs, attrs);
        Tracer tracer = Tracer.Stack.current();
        Tensor[] result = tracer == null ? Kernels.run(op, attrs, inputs, outputs)
                : tracer.add(op, attrs, inputs, outputs);
        return Recorder.Stack.any() ? Recorder.Stack.record(op, attrs, inputs, result) : result;
    }

    /** For ops with one output. */
    public static Tensor execute1(Op op, Attrs attrs, Tensor... inputs) {
        return execute(op, attrs, inputs)[0];
    }
}
