package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ResourceExhaustedError;

/**
 * The one place that turns "this tensor cannot be held" into TF's errors: a tensor larger than a Java
 * array or the heap is TF's {@code ResourceExhaustedError} ("OOM when allocating tensor with shape[...]")
 * raised before anything is allocated, and a shape whose element count passes 2**63 - 1 is TF's
 * {@code InvalidArgumentError}. The JVM stays usable: nothing was allocated.
 */
public final class Allocation {
    /** The most slots a Java array holds on common JVMs. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Allocation() {}

    /** TF's text for a failed CPU allocation ({@code BFCAllocator} / {@code cpu_allocator}), with the op. */
    public static ResourceExhaustedError outOfMemory(long[] dims, DType dtype, String op) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ",").append(dims[i]);
        return new ResourceExhaustedError("OOM when allocating tensor with shape[" + sb + "] and type "
                + dtype.kernelName() + " on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu").withOp(op);
    }

    /**
     * Checks that tensors of these dims and dtype can be held, as TF's {@code TensorShape} and allocator
     * would: more than 2**63 - 1 elements is an {@code InvalidArgumentError}, more than the heap (or a
     * Java array) can hold a {@code ResourceExhaustedError}. Negative dims are left to the op's rule.
     */
    public static void require(long[] dims, DType dtype, String op) {
        long elements = 1;
        boolean overflow = false;
        for (long d : dims) {
            if (d < 0) return;
            // TF's MultiplyWithoutOverflow, dim by dim
            if (elements != 0 && d > Long.MAX_VALUE / elements) overflow = true;
            else elements *= d;
        }
        if (overflow) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ",").append(dims[i]);
            throw new InvalidArgumentError("Shape [" + sb + "] would have more than 2**63 - 1 elements").withOp(op);
        }
        long slots = elements > MAX_ARRAY ? Long.MAX_VALUE : elements * dtype.slots();
        // a string slot is a reference
        long bytesPerSlot = dtype == DType.STRING ? 8 : dtype.byteSize() / dtype.slots();
        long bytes = slots > MAX_ARRAY ? Long.MAX_VALUE : slots * bytesPerSlot;
        if (slots > MAX_ARRAY || bytes > Runtime.getRuntime().maxMemory()) throw outOfMemory(dims, dtype, op);
    }

    /**
     * A user's int64 shape for a {@code dtype} tensor that op {@code op} creates, as JFlow's int dims:
     * {@link #require(long[], DType, String)}'s errors first (a dim past int32 with no zero beside it is
     * TF's OOM), then an {@code UnimplementedError} for a dim past 2**31 - 1 of an empty tensor, which only
     * {@code Fill} ({@link #fillDims}) creates; never a dim wrapped around to another size.
     */
    public static int[] intDims(long[] dims, DType dtype, String op) {
        require(dims, dtype, op);
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE) {
                String shape = java.util.Arrays.toString(dims).replace(" ", "");
                throw new org.jflow.errors.UnimplementedError("Dimension " + i + " of shape " + shape
                        + " is past 2**31 - 1, the largest JFlow shapes hold").withOp(op);
            }
            out[i] = (int) Math.max(dims[i], Integer.MIN_VALUE);
        }
        return out;
    }

    /**
     * {@code Fill}'s {@code dims} attribute for a user's int64 shape: {@link #intDims}, or the int64 dims themselves
     * for an empty shape with a dim past 2**31 - 1, which TF creates ({@code tf.zeros([2**32 + 5, 0])}) and
     * {@link Shape#ofLong} holds.
     */
    public static Object fillDims(long[] dims, DType dtype, String op) {
        require(dims, dtype, op);
        boolean wide = false, negative = false;
        for (long d : dims) {
            wide |= d > Integer.MAX_VALUE;
            negative |= d < 0;
        }
        return wide && !negative ? dims.clone() : intDims(dims, dtype, op);
    }

    /** Runs {@code kernel}; a heap that runs out there is the op's {@code ResourceExhaustedError}. */
    static Tensor[] guarded(java.util.function.Supplier<Tensor[]> kernel, TensorSpec[] outputs, String op) {
        try {
            return kernel.get();
        } catch (OutOfMemoryError e) {
            throw exhausted(outputs, op, e);
        }
    }

    /**
     * A kernel ran out of heap: TF's {@code ResourceExhaustedError} for the op's largest known output, or the
     * {@code OutOfMemoryError} itself where no output's size is known.
     */
    static ResourceExhaustedError exhausted(TensorSpec[] outputs, String op, OutOfMemoryError e) {
        TensorSpec largest = null;
        for (TensorSpec s : outputs) {
            if (s.shape().isFullyDefined() && (largest == null || elements(s) > elements(largest))) largest = s;
        }
        if (largest == null) throw e;
        return outOfMemory(dims(largest.shape()), largest.dtype(), op);
    }

    /** {@link #require(long[], DType, String)} for each fully known output of an op, before its kernel runs. */
    public static void require(TensorSpec[] outputs, String op) {
        for (TensorSpec s : outputs) {
            if (s.shape() != null && s.shape().isFullyDefined() && !small(s.shape())) require(dims(s.shape()), s.dtype(), op);
        }
    }

    /** Elements below 2^20: such an output always fits, so the hot path of small ops skips the full check. */
    private static boolean small(Shape shape) {
        if (shape.isWide()) return true; // empty
        long elements = 1;
        for (int d : shape.dimsView()) {
            elements *= d;
            if (elements >= 1 << 20) return false;
        }
        return true;
    }

    private static long[] dims(Shape shape) { return shape.longDims(); }

    private static long elements(TensorSpec s) {
        long n = 1;
        for (int d : s.shape().dimsView()) n *= d;
        return n;
    }
}
