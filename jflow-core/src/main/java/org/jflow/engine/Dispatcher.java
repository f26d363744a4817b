package org.jflow.engine;

import org.jflow.Tensor;
import org.jflow.errors.OpError;

/**
 * The single path from an op call to its kernel: the attributes checked against the op's
 * {@link Signature} (and given its defaults), the inputs checked against it (their number, and TF's
 * types for TF's ops: {@link TfDef}), the shape rule (so bad inputs fail before any work),
 * then the kernel (or, while a graph is traced, a node), then the active gradient tapes. Autodiff
 * and tracing hook in here, nowhere else. A TF error raised on the way names the op, as TF's eager
 * runtime appends {@code [Op:Name]} ({@link OpError#withOp}).
 */
public final class Dispatcher {
    private Dispatcher() {}

    public static Tensor[] execute(Op op, Attrs attrs, Tensor... inputs) {
        Tensor[] result;
        try {
            attrs = op.signature().check(op.name(), attrs);
            op.signature().checkInputs(op.name(), inputs);
            TensorSpec[] outputs = op.infer(inputs, attrs);
            Tracer tracer = Tracer.Stack.current();
            result = tracer == null ? Kernels.run(op, attrs, inputs, outputs) : tracer.add(op, attrs, inputs, outputs);
        } catch (OpError e) {
            throw e.withOp(op.name());
        }
        return Recorder.Stack.any() ? Recorder.Stack.record(op, attrs, inputs, result) : result;
    }

    /** For ops with one output. */
    public static Tensor execute1(Op op, Attrs attrs, Tensor... inputs) {
        return execute(op, attrs, inputs)[0];
    }
}
