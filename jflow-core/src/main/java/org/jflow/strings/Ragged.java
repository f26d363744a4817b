package org.jflow.strings;

import org.jflow.RaggedOrDense;
import org.jflow.RaggedTensor;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;

/** How TF's ragged-aware string functions shape their result: the rows of a scalar or of a vector. */
final class Ragged {
    private Ragged() {}

    /**
     * The rank of a string function's input, which must be 0 or 1: TF gives a rank-2 input a
     * RaggedTensor of ragged rank 2, which JFlow's one-ragged-dimension {@link RaggedTensor} cannot hold.
     */
    static int requireRankAtMost1(Tensor input, String function) {
        if (input.rank() > 1) {
            throw new ValueError("tf.strings." + function + " of a rank-" + input.rank() + " input gives a RaggedTensor"
                    + " with " + input.rank() + " ragged dimensions, which JFlow does not support; reshape the input"
                    + " to a vector first");
        }
        return input.rank();
    }

    /** The rows given by {@code splits}: for a scalar input its one row as a 1-D tensor, else a RaggedTensor. */
    @SuppressWarnings("unchecked") // the caller's type picks the case, as TF's Python returns either
    static <T extends RaggedOrDense> T of(int inputRank, Tensor values, long[] splits) {
        return (T) (inputRank == 0 ? values : RaggedTensor.fromRowSplits(values, splits));
    }
}
