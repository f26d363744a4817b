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
        if (s.hasValue()) return s.toIntArray();
        if (s.op() != null && s.op().op() == ArrayOps.SHAPE) return s.op().input(0).shape().dims();
        if (s.shape().get(0) == Shape.UNKNOWN) return null;
        int[] dims = new int[s.shape().get(0)];
        java.util.Arrays.fill(dims, Shape.UNKNOWN);
        return dims;
    }

    /** {@link #dims} as a shape (an unknown rank where the length is unknown). */
    public static Shape shape(Tensor s) {
        int[] dims = dims(s);
        return dims == null ? Shape.unknownRank() : Shape.ofOwned(dims);
    }
}
