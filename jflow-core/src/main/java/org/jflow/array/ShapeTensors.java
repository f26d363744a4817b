package org.jflow.array;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;

/** Shapes given as tensors (the shape inputs of TF's Reshape, BroadcastTo, RandomUniform), as shape rules see them. */
public final class ShapeTensors {
    private ShapeTensors() {}

    /**
     * The dims a shape tensor (an int32/int64 vector) holds as far as tracing knows them, TF's
     * {@code MakeShapeFromShapeTensor}: its value where known, the (partial) shape of {@code x} for
     * {@code tf.shape(x)}, else as many unknown dims as it has entries; null for an unknown rank.
     */
    public static int[] dims(Tensor s) {
        if (!s.shape().hasRank()) return null;
        if (s.rank() != 1) throw new InvalidArgumentError("shape must be a vector, got " + s.shape().toErrorString());
        if (s.hasValue()) return values(s);
        if (s.op() != null && s.op().op() == ArrayOps.SHAPE) return s.op().input(0).shape().dims();
        if (s.shape().get(0) == Shape.UNKNOWN) return null;
        int[] dims = new int[s.shape().get(0)];
        java.util.Arrays.fill(dims, Shape.UNKNOWN);
        return dims;
    }

    /** An int64 shape's values as int dims; one past int32 is refused, not wrapped around to another size. */
    private static int[] values(Tensor s) {
        if (s.dtype() != org.jflow.DType.INT64) return s.toIntArray();
        long[] v = s.toLongArray();
        int[] dims = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != (int) v[i]) {
                String shape = java.util.Arrays.toString(v).replace(" ", "");
                throw new org.jflow.errors.UnimplementedError("Dimension " + i + " of shape " + shape
                        + " is past 2**31 - 1, the largest JFlow shapes hold");
            }
            dims[i] = (int) v[i];
        }
        return dims;
    }

    /** {@link #dims} as a shape (an unknown rank where the length is unknown). */
    public static Shape shape(Tensor s) {
        int[] dims = dims(s);
        return dims == null ? Shape.unknownRank() : Shape.ofOwned(dims);
    }
}
