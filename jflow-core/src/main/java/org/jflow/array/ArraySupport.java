package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;

import java.util.List;

/** Argument conversions shared by the array facade. */
final class ArraySupport {
    private ArraySupport() {}

    /** A scalar of {@code dtype} holding {@code v}; zero of string is the empty string, as in TF. */
    static Tensor scalar(double v, DType dtype) {
        Object buf = Buffers.allocate(dtype, 1);
        if (dtype == DType.STRING) {
            if (v != 0) throw new org.jflow.errors.TypeError("Expected a numeric dtype, got string");
        } else {
            Buffers.setDouble(buf, dtype, 0, v);
        }
        return Tensor.wrap(dtype, Shape.scalar(), buf);
    }

    /** A shape or int list argument: {@code int[]}, {@link Shape}, an int tensor, or a list of ints. */
    static int[] ints(Object v) {
        return switch (v) {
            case int[] a -> a.clone();
            case Shape s -> {
                if (!s.isFullyDefined()) throw new ValueError("Cannot convert a partially known TensorShape " + s + " to a Tensor.");
                yield s.dims();
            }
            case TensorLike t -> t.value().toIntArray();
            default -> Convert.toTensor(v).toIntArray();
        };
    }

    /**
     * A shape argument of op {@code op} creating a {@code dtype} tensor, read as TF reads an int64 shape: a
     * dimension past int32 or an element count past the heap is TF's OOM error, not a wrapped-around
     * dimension ({@code zeros([2**32 + 5])} is not a shape (5,)); negative dims are left to the op's rule.
     */
    static int[] shape(Object v, DType dtype, String op) {
        return Allocation.intDims(longs(v), dtype, op);
    }

    /** A shape or int list argument read in int64, as TF reads an int64 shape tensor. */
    static long[] longs(Object v) {
        return switch (v) {
            case int[] a -> java.util.Arrays.stream(a).asLongStream().toArray();
            case long[] a -> a.clone();
            case Shape s -> java.util.Arrays.stream(ints(s)).asLongStream().toArray();
            case TensorLike t -> t.value().toLongArray();
            default -> Convert.toTensor(v).toLongArray();
        };
    }

    /**
     * {@code tf.reshape}'s shape argument: a dim past int32 cannot match the input's size (JFlow holds at most
     * 2**31 - 1 elements), which is Reshape's error with the int64 product, not a wrapped-around shape.
     */
    static int[] reshapeDims(Tensor x, Object shape) {
        long[] dims = longs(shape);
        long known = 1;
        boolean unknown = false, wide = false;
        for (long d : dims) {
            if (d == -1) unknown = true;
            else known *= d;
            wide |= d != (int) d;
        }
        if (!wide) return ints(shape);
        throw new org.jflow.errors.InvalidArgumentError("Input to reshape is a tensor with " + x.size()
                + " values, but the requested shape " + (unknown ? "requires a multiple of " : "has ") + known).withOp("Reshape");
    }

    /** Converts a list of values; literals take the dtype of the first tensor among them. */
    static Tensor[] tensors(List<?> values) {
        DType like = null;
        for (Object o : values) {
            if (o instanceof TensorLike t) {
                like = t.dtype();
                break;
            }
        }
        Tensor[] out = new Tensor[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = like == null ? Convert.toTensor(values.get(i)) : Convert.toTensorLike(values.get(i), like);
        }
        return out;
    }

    static int[] flatPaddings(int[][] paddings) {
        int[] flat = new int[2 * paddings.length];
        for (int i = 0; i < paddings.length; i++) {
            if (paddings[i].length != 2) {
                throw new ValueError("paddings must be a list of [before, after] pairs, got " + java.util.Arrays.toString(paddings[i]));
            }
            flat[2 * i] = paddings[i][0];
            flat[2 * i + 1] = paddings[i][1];
        }
        return flat;
    }

    /**
     * {@code tf.sequence_mask}: {@code mask[..., j] = j < lengths[...]}, written once per output element;
     * {@code maxlen} null is TF's None (the largest length). TF builds {@code range(maxlen)} first, so a
     * negative maxlen is Range's error.
     */
    static Tensor sequenceMask(Tensor lengths, Integer maxlen, DType dtype) {
        if (!lengths.dtype().isInteger()) {
            throw new org.jflow.errors.TypeError("lengths must be an integer tensor, got " + lengths.dtype().tfName());
        }
        long[] len = lengths.toLongArray();
        long m = 0;
        if (maxlen == null) {
            for (long l : len) m = Math.max(m, l);
        } else {
            if (maxlen < 0) Dispatcher.execute1(ArrayOps.RANGE, Attrs.of("start", 0, "limit", maxlen, "delta", 1,
                    "Tidx", DType.INT32));
            m = maxlen;
        }
        int[] d = lengths.shape().dimsView();
        long[] dims = java.util.Arrays.copyOf(java.util.Arrays.stream(d).asLongStream().toArray(), d.length + 1);
        dims[d.length] = m;
        Allocation.require(dims, dtype, "Less");
        int width = (int) m;
        Object mask = Buffers.allocate(dtype, Math.multiplyExact(len.length, width));
        for (int i = 0; i < len.length; i++) {
            long ones = Math.max(0, Math.min(width, len[i]));
            for (int j = 0; j < ones; j++) Buffers.setDouble(mask, dtype, i * width + j, 1);
        }
        int[] shape = java.util.Arrays.copyOf(d, d.length + 1);
        shape[d.length] = width;
        return Tensor.wrap(dtype, Shape.of(shape), mask);
    }
}
