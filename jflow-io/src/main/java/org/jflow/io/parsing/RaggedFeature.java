package org.jflow.io.parsing;

import org.jflow.DType;

/**
 * {@code tf.io.RaggedFeature(dtype)} without partitions: a 1-D tensor per example, so {@code parse_example} gives a
 * {@link org.jflow.RaggedTensor} of one row per example. Its row splits are int64 (JFlow's ragged tensors hold
 * int64 splits; TF's default {@code row_splits_dtype} is int32, which prints the same).
 */
public record RaggedFeature(DType dtype) {
    public RaggedFeature { Features.checkDType(dtype); }
}
