package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.device.Devices;

import java.util.List;

/**
 * The floating-point plumbing shared by the nn kernels: TF's dtype checks for float-only ops, and
 * reading or writing any float dtype as float32 (float16/bfloat16 compute through float32, as
 * TF's CPU kernels do) or float64.
 */
final class Reals {
    private Reals() {}

    static final String FLOAT_TYPES = "half, bfloat16, float, double";
    static final String REAL_TYPES = FLOAT_TYPES + ", uint8, int8, int16, int32, int64";

    /** TF's message for a dtype outside an op's {@code T} list. */
    static InvalidArgumentError notAllowed(DType dtype, String allowed, String op) { return notAllowed("T", dtype, allowed, op); }

    /** TF's message for a dtype outside the list of the op's type attribute {@code attr}. */
    static InvalidArgumentError notAllowed(String attr, DType dtype, String allowed, String op) {
        return new InvalidArgumentError("Value for attr '" + attr + "' of " + dtype.kernelName()
                + " is not in the list of allowed values: " + allowed).withOp(op);
    }

    static void requireFloating(DType dtype, String op) {
        if (!dtype.isFloating()) throw notAllowed(dtype, FLOAT_TYPES, op);
    }

    /**
     * TF's checks for an op whose {@code T} list is {@code opTypes} (as TF names them): outside the
     * list an attr error, inside it without a TF CPU kernel the kernel table's NotFoundError.
     */
    static void requireKernel(DType dtype, String op, String opTypes) {
        if (!List.of(opTypes.split(", ")).contains(dtype.kernelName())) throw notAllowed(dtype, opTypes, op);
        Devices.kernels().requireCpuKernel(op, dtype);
    }

    /** TF's message when input #{@code index} does not have input #0's dtype. */
    static void requireSameDType(Tensor[] in, int index, String op) {
        DType a = in[0].dtype(), b = in[index].dtype();
        if (a != b) {
            throw new InvalidArgumentError("cannot compute " + op + " as input #" + index + "(zero-based) was expected to be a "
                    + a.kernelName() + " tensor but is a " + b.kernelName() + " tensor").withOp(op);
        }
    }

    /** Whether a float kernel should run in float64. */
    static boolean isDouble(DType dtype) { return dtype == DType.FLOAT64; }

    /** The elements as float32: the buffer itself for float32 (read only), a converted copy otherwise. */
    static float[] floats(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? (float[]) t.data() : (float[]) Buffers.convert(t.data(), t.dtype(), DType.FLOAT32);
    }

    /** The elements as float64: the buffer itself for float64 (read only), a converted copy otherwise. */
    static double[] doubles(Tensor t) {
        return t.dtype() == DType.FLOAT64 ? (double[]) t.data() : (double[]) Buffers.convert(t.data(), t.dtype(), DType.FLOAT64);
    }

    /** A tensor of {@code dtype} from float32 results (narrowed for float16/bfloat16). */
    static Tensor fromFloats(DType dtype, Shape shape, float[] v) {
        return Tensor.wrap(dtype, shape, dtype == DType.FLOAT32 ? v : Buffers.convert(v, DType.FLOAT32, dtype));
    }

    /** A tensor of {@code dtype} from float64 results. */
    static Tensor fromDoubles(DType dtype, Shape shape, double[] v) {
        return Tensor.wrap(dtype, shape, dtype == DType.FLOAT64 ? v : Buffers.convert(v, DType.FLOAT64, dtype));
    }

    /** The buffer a float kernel computes on: double[] for float64, float[] for the other float dtypes. */
    static Object computeBuffer(Tensor t) { return isDouble(t.dtype()) ? doubles(t) : floats(t); }

    /** A zeroed compute buffer of the same type as {@code like}. */
    static Object newLike(Object like, int n) { return like instanceof double[] ? new double[n] : new float[n]; }

    /**
     * A zeroed compute buffer for a kernel's result of {@code dtype} that GEMM adds into: for float32 and
     * float64 it is the output itself, so inside a graph run a dead buffer, cleared
     * ({@link Buffers#allocateZeroed}); the half types get a new one, converted after.
     */
    static Object newResult(DType dtype, Object like, int n) {
        return dtype == DType.FLOAT32 || dtype == DType.FLOAT64 ? Buffers.allocateZeroed(dtype, n) : newLike(like, n);
    }

    /** A tensor of {@code dtype} from a compute buffer. */
    static Tensor fromCompute(DType dtype, Shape shape, Object buffer) {
        return buffer instanceof double[] d ? fromDoubles(dtype, shape, d) : fromFloats(dtype, shape, (float[]) buffer);
    }

    /** Normalizes a possibly negative axis, or TF's out-of-range message. */
    static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new InvalidArgumentError("Expected axis to be in the range [" + -rank + ", " + rank + "), but got " + axis).withOp(op);
        }
        return a;
    }
}
