package org.jflow.featurecolumn;

import org.jflow.Tensor;

import java.util.Map;

/**
 * TF's {@code tf.feature_column} column: a named transformation of a map of feature tensors, made of raw ops
 * only, so that it runs eagerly and inside a traced function alike (Keras' {@code DenseFeatures} traces it).
 */
public interface FeatureColumn {
    /** TF's column name ({@code age_bucketized}, {@code sex_indicator}, {@code a_X_b}); dense columns sort by it. */
    String name();

    /** A column that gives a float32 {@code [batch, width]} tensor: numeric, bucketized, indicator, embedding. */
    interface Dense extends FeatureColumn {
        /** The number of values per example ({@code variable_shape}'s size). */
        int width();

        /**
         * The float32 {@code [batch, width]} tensor of this column; {@code weights} holds the tensors of the
         * columns that have weights (an embedding column's {@code [numBuckets, dimension]} matrix), by column name.
         */
        Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights);
    }

    /**
     * A column of ids in {@code [0, numBuckets)}: identity, vocabulary, hash bucket, bucketized, crossed. The ids of
     * a batch are int64 {@code [batch, k]} with -1 where TF's sparse ids have no entry (an empty string, an id -1,
     * a value outside the vocabulary without out-of-vocabulary buckets or default).
     */
    interface Categorical extends FeatureColumn {
        long numBuckets();

        Tensor ids(Map<String, Tensor> features);
    }

    /** A numeric column: its shape, the value parsing fills in, and the dtype it is parsed as. */
    interface Numeric extends Dense {
        int[] shape();

        double defaultValue();

        org.jflow.DType dtype();
    }

    /** A bucketized column: dense (its one-hot buckets) and categorical (its bucket ids, for crosses). */
    interface Bucketized extends Dense, Categorical {}
}
