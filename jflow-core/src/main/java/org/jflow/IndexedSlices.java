package org.jflow;

import org.jflow.array.IndexOperators;
import org.jflow.errors.TypeError;
import org.jflow.math.MathOperators;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.List;

/**
 * TF's {@code tf.IndexedSlices}: a sparse tensor of shape {@code denseShape} whose row
 * {@code indices[i]} is {@code values[i]} (rows named twice add up; rows not named are zero).
 * The gradient of a gather on axis 0 ({@code tf.gather}, an embedding lookup) is one, so that an
 * optimizer can update only the looked-up rows of a large table.
 *
 * <p>It is a {@link TensorLike} whose {@link #value()} is the dense tensor (TF's
 * {@code tf.convert_to_tensor(slices)}, an unsorted segment sum), so any op accepts it.
 */
public final class IndexedSlices implements TensorLike, MathOperators, IndexOperators {
    private final Tensor values;
    private final Tensor indices;
    private final Shape denseShape;
    private Tensor dense;

    /**
     * {@code tf.IndexedSlices(values, indices, dense_shape)}: {@code indices} int32 or int64 of
     * rank 1, one per row of {@code values}, whose other dims are {@code denseShape[1:]}.
     */
    public IndexedSlices(Tensor values, Tensor indices, Shape denseShape) {
        if (indices.dtype() != DType.INT32 && indices.dtype() != DType.INT64) {
            throw new TypeError("IndexedSlices indices must be int32 or int64, got " + indices.dtype().tfName());
        }
        if (indices.rank() != 1 || values.rank() < 1 || values.shape().get(0) != indices.shape().get(0)
                || denseShape.rank() != values.rank()) {
            throw new org.jflow.errors.ValueError("IndexedSlices needs rank-1 indices with one entry per row of values and a dense shape "
                    + "of the values' rank: values " + values.shape() + ", indices " + indices.shape() + ", dense shape " + denseShape);
        }
        this.values = values;
        this.indices = indices;
        this.denseShape = denseShape;
    }

    public IndexedSlices(Object values, Object indices, int... denseShape) {
        this(org.jflow.engine.Convert.toTensor(values), org.jflow.engine.Convert.toTensor(indices), Shape.of(denseShape));
    }

    public Tensor values() { return values; }

    public Tensor indices() { return indices; }

    /** TF's {@code dense_shape}, an int32 vector. */
    public Tensor denseShape() { return Raw.ints(denseShape.dims()); }

    @Override
    public DType dtype() { return values.dtype(); }

    /** The dense shape. */
    @Override
    public Shape shape() { return denseShape; }

    /** The dense tensor (computed once, with ops, so a tape records it). */
    @Override
    public Tensor value() {
        if (dense == null) dense = RawMath.unsortedSegmentSum(values, indices, denseShape.get(0));
        return dense;
    }

    /** The same rows with values of another dtype (what {@code tf.cast} does to IndexedSlices). */
    public IndexedSlices cast(DType dtype) {
        return dtype == values.dtype() ? this : new IndexedSlices(RawMath.cast(values, dtype), indices, denseShape);
    }

    /**
     * TF's aggregation of sparse gradients: the rows of all parts, concatenated (duplicates stay,
     * they add when densified); indices of mixed int32/int64 become int64.
     */
    public static IndexedSlices concat(List<IndexedSlices> parts) {
        if (parts.size() == 1) return parts.getFirst();
        boolean mixed = parts.stream().map(p -> p.indices.dtype()).distinct().count() > 1;
        List<Tensor> v = parts.stream().map(IndexedSlices::values).toList();
        List<Tensor> i = parts.stream()
                .map(p -> mixed && p.indices.dtype() != DType.INT64 ? RawMath.cast(p.indices, DType.INT64) : p.indices).toList();
        return new IndexedSlices(RawArray.concatV2(v, 0), RawArray.concatV2(i, 0), parts.getFirst().denseShape);
    }

    /** As TF prints it ({@code str}): {@code IndexedSlices(indices=tf.Tensor(...), values=tf.Tensor(...), dense_shape=tf.Tensor(...))}. */
    @Override
    public String toString() {
        return "IndexedSlices(indices=" + indices + ", values=" + values + ", dense_shape=" + denseShape() + ")";
    }
}
