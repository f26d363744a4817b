package org.jflow.strings;

import org.jflow.RaggedOrDense;
import org.jflow.RaggedTensor;
import org.jflow.Tensor;

/** How TF's ragged-aware string functions shape their result: the rows of a scalar, a vector or a higher-rank input. */
final class Ragged {
    private Ragged() {}

    /**
     * The rows given by {@code splits} (one row per element of {@code input}, flattened): for a scalar input its one
     * row as a 1-D tensor, for a vector a RaggedTensor, for rank r a RaggedTensor of ragged rank r whose outer
     * dimensions keep the input's as uniform row lengths (TF's {@code RaggedTensor.from_tensor(input,
     * ragged_rank=r - 1).with_flat_values(...)}: {@code split} of a (2, 2) matrix has shape {@code (2, 2, None)}).
     */
    @SuppressWarnings("unchecked") // the caller's type picks the case, as TF's Python returns either
    static <T extends RaggedOrDense> T of(Tensor input, Tensor values, long[] splits) {
        int rank = input.rank();
        if (rank == 0) return (T) values;
        RaggedTensor r = RaggedTensor.fromRowSplits(values, splits);
        int[] dims = input.shape().dims();
        for (int k = rank - 1; k >= 1; k--) {
            long rows = 1;
            for (int j = 0; j < k; j++) rows *= dims[j];
            r = RaggedTensor.fromUniformRowLength(r, dims[k], rows);
        }
        return (T) r;
    }
}
