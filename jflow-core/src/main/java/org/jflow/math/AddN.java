package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/** TF's {@code AddN}: the sum of N tensors of one dtype and one shape (no broadcasting), added left to right. */
public final class AddN extends Op {
    public static final AddN ADD_N = new AddN().withGradient((g, dy) -> {
        Tensor[] dx = new Tensor[g.inputs().length];
        java.util.Arrays.fill(dx, dy[0]);
        return dx;
    });

    private AddN() { super("AddN", Signature.of("inputs: N * T -> sum")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType dtype = in[0].dtype(); // one dtype, in T's list: TF's definition, checked by the dispatcher
        if (!TypeList.NUMBERS.accepts(dtype)) throw TypeList.NUMBERS.refusal(dtype, "AddN", "inputs:N*T -> sum:T; attr=N:int,min=1");
        Shape shape = in[0].shape();
        for (int i = 1; i < in.length; i++) {
            if (!in[i].shape().isCompatibleWith(shape)) {
                // TF's AddN kernel (aggregate_ops.cc), two spaces included
                throw new InvalidArgumentError("Inputs to operation AddN of type AddN must have the same size and shape.  Input 0: "
                        + shape.toErrorString() + " != input " + i + ": " + in[i].shape().toErrorString());
            }
        }
        return new TensorSpec[] {new TensorSpec(dtype, shape)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Shape shape = out[0].shape();
        DType dtype = out[0].dtype();
        Object sum = Buffers.copy(in[0].data());
        for (int i = 1; i < in.length; i++) {
            BroadcastLoop.forEach(shape, shape, shape, BinaryArithmetic.ADD.kernel(dtype, sum, in[i].data(), sum));
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, sum)};
    }
}
