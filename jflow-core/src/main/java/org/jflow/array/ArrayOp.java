package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * Shared helpers of the array ops: TF-style errors, one-output specs, and the complex fallback:
 * the ops only move elements, so on complex tensors they run once on the real parts and once on
 * the imaginary parts (their kernels address single slots, not interleaved pairs).
 */
abstract class ArrayOp extends Op {
    ArrayOp(String name, Signature signature) { super(name, signature); }

    /** TF's error of this op; the dispatcher appends {@code [Op:Name]}. */
    final InvalidArgumentError error(String message) {
        return new InvalidArgumentError(message);
    }

    /**
     * An output shape computed in int64 as TF's kernels compute it (so an overflow wraps as it does there):
     * a negative dim is TensorShape's error, and a tensor too large to hold TF's OOM error ({@link Allocation}).
     * An unknown dim (traced on unknown sizes) stays unknown and is checked when the graph runs.
     */
    final Shape checkedShape(long[] dims, DType dtype) {
        long elements = 1;
        for (long d : dims) { // TF's TensorShape::AddDimWithStatus, dim by dim
            if (d == Shape.UNKNOWN) continue;
            if (d < 0) throw error("Expected a non-negative size, got " + d);
            long product = elements * d;
            if (d != 0 && Math.multiplyHigh(elements, d) != 0 | product < 0) {
                throw error("Encountered overflow when multiplying " + elements + " with " + d + ", result: "
                        + product);
            }
            elements = product;
        }
        Allocation.require(dims, dtype, name());
        int[] out = new int[dims.length];
        for (int k = 0; k < dims.length; k++) out[k] = (int) dims[k];
        return Shape.ofOwned(out);
    }

    static TensorSpec[] spec(DType dtype, Shape shape) { return new TensorSpec[] {new TensorSpec(dtype, shape)}; }

    static Tensor[] one(Tensor t) { return new Tensor[] {t}; }

    /** {@code axis} in {@code [-rank, rank)} made non-negative, or TF's range error. */
    final int normalizeAxis(int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw error("Expected axis in the range [" + -rank + ", " + rank + "), but got " + axis);
        }
        return axis < 0 ? axis + rank : axis;
    }

    final void requireIndexType(Tensor indices) {
        DType d = indices.dtype();
        if (d != DType.INT32 && d != DType.INT64) {
            throw error("Value for attr 'Tindices' of " + d.kernelName() + " is not in the list of allowed values: int32, int64");
        }
    }

    static boolean anyComplex(Tensor[] in) {
        for (Tensor t : in) if (t.dtype().isComplex()) return true;
        return false;
    }

    /** This op's kernel run on the real and on the imaginary parts of the complex inputs, its complex outputs joined back. */
    final Tensor[] byParts(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        TensorSpec[] partSpecs = new TensorSpec[out.length];
        for (int i = 0; i < out.length; i++) partSpecs[i] = new TensorSpec(out[i].dtype().realDType(), out[i].shape());
        Tensor[] re = compute(parts(in, false), attrs, partSpecs), im = compute(parts(in, true), attrs, partSpecs);
        Tensor[] joined = new Tensor[out.length];
        for (int k = 0; k < out.length; k++) {
            DType d = out[k].dtype();
            joined[k] = d.isComplex() ? Tensor.wrap(d, re[k].shape(), Buffers.join(re[k].data(), im[k].data(), d)) : re[k];
        }
        return joined;
    }

    private static Tensor[] parts(Tensor[] in, boolean imag) {
        Tensor[] p = in.clone();
        for (int k = 0; k < in.length; k++) {
            DType d = in[k].dtype();
            if (d.isComplex()) p[k] = Tensor.wrap(d.realDType(), in[k].shape(), Buffers.part(in[k].data(), d, imag));
        }
        return p;
    }

    /** {@code t}'s elements under another shape, sharing the buffer (tensors are immutable). */
    static Tensor view(Tensor t, Shape shape) { return Tensor.wrap(t.dtype(), shape, t.data()); }
}
