package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.device.Devices;

/**
 * A broadcasting op of two same-dtype inputs ({@code x:T, y:T}): TF's dtype checks and shape rule,
 * and a kernel given as one {@link BroadcastLoop.Run} per call.
 */
abstract class BinaryOp extends Op {
    final TypeList types;
    /** The dtypes TF's op allows but no TF CPU kernel takes (from the kernel table). */
    private final java.util.Set<DType> withoutCpuKernel;
    /** TF's signature text, for the refusals. */
    final String signature;

    BinaryOp(String name, TypeList types, String signature, String... attrs) {
        super(name, Signature.of(signature, attrs));
        this.types = types;
        this.withoutCpuKernel = types.withoutCpuKernel(name);
        this.signature = signature;
    }

    /** An op declared by {@code declared} whose {@link #infer} checks its inputs itself ({@link ElementwiseGradient}). */
    BinaryOp(String name, Signature declared, TypeList types, String signature) {
        super(name, declared);
        this.types = types;
        this.withoutCpuKernel = types.withoutCpuKernel(name);
        this.signature = signature;
    }

    /** The output dtype for inputs of dtype {@code in}. */
    abstract DType outputType(DType in);

    /** The loop body writing {@code o} (of the output dtype) from {@code x} and {@code y} (of dtype {@code in}). */
    abstract BroadcastLoop.Run kernel(DType in, Object x, Object y, Object o);

    /** {@link #kernel(DType, Object, Object, Object)} for a call with {@code attrs}; ops with attributes override it. */
    BroadcastLoop.Run kernel(DType in, Object x, Object y, Object o, Attrs attrs) { return kernel(in, x, y, o); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        checkTypes(in);
        return new TensorSpec[] {new TensorSpec(outputType(in[0].dtype()), Broadcast.shape(in[0].shape(), in[1].shape(), name()))};
    }

    final void checkTypes(Tensor[] in) {
        DType a = in[0].dtype(), b = in[1].dtype();
        if (types == TypeList.BOOL) { // a fixed input type: TF names the first input that breaks it
            if (a != DType.BOOL) throw mismatch(0, DType.BOOL, a);
            if (b != DType.BOOL) throw mismatch(1, DType.BOOL, b);
            return;
        }
        if (a != b) throw mismatch(1, a, b);
        if (!types.accepts(a)) throw types.refusal(a, name(), signature);
        if (withoutCpuKernel.contains(a)) Devices.kernels().requireCpuKernel(name(), a);
    }

    private InvalidArgumentError mismatch(int input, DType expected, DType actual) {
        return new InvalidArgumentError("cannot compute " + name() + " as input #" + input + "(zero-based) was expected to be a "
                + expected.kernelName() + " tensor but is a " + actual.kernelName() + " tensor");
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        return compute(in, attrs, out, in[0].shape(), in[1].shape());
    }

    /** The loop over the operands laid out as {@code a} and {@code b} against the output's shape. */
    final Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out, Shape a, Shape b) {
        Shape shape = out[0].shape();
        DType dtype = out[0].dtype();
        Object o = Buffers.allocateUninitialized(dtype, shape.size()); // the loop writes every element
        BroadcastLoop.forEach(a, b, shape, kernel(in[0].dtype(), in[0].data(), in[1].data(), o, attrs));
        return new Tensor[] {Tensor.wrap(dtype, shape, o)};
    }
}
