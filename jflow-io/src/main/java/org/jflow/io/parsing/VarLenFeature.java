package org.jflow.io.parsing;

import org.jflow.DType;

/** {@code tf.io.VarLenFeature(dtype)}: all values of the feature, as a {@link org.jflow.io.sparse.SparseTensor}. */
public record VarLenFeature(DType dtype) {
    public VarLenFeature { Features.checkDType(dtype); }
}
