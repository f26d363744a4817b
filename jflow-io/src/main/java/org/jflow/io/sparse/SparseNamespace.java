package org.jflow.io.sparse;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;

/**
 * {@code tf.sparse} as far as JFlow has it: the {@link SparseTensor} value and {@code to_dense}. The aggregate
 * {@code tf} of {@code jflow-tensorflow} holds one as {@code tf.sparse}.
 */
public final class SparseNamespace {
    /**
     * {@code tf.sparse.SparseTensor(indices, values, dense_shape)}: Java arrays convert as {@code tf.constant}
     * converts them, indices and the shape to int64.
     */
    public SparseTensor SparseTensor(Object indices, Object values, Object denseShape) {
        return new SparseTensor(Convert.toTensor(indices, DType.INT64), Convert.toTensor(values),
                Convert.toTensor(denseShape, DType.INT64));
    }

    /** {@code tf.sparse.to_dense(sp_input)}: zeros (or "") where no value is given. */
    public Tensor toDense(SparseTensor spInput) { return spInput.toDense(); }
}
