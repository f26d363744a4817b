package org.jflow.featurecolumn;

import org.jflow.Tensor;

import java.util.Map;

/**
 * TF's {@code embedding_column} and {@code shared_embeddings}: its weights are a {@code [numBuckets, dimension]}
 * matrix that the caller (Keras' {@code DenseFeatures}) creates, TF's variable {@code <weightsName>/embedding_weights},
 * with TF's default initializer {@code truncated_normal(mean 0, stddev 1/sqrt(dimension))}, and passes to
 * {@link #dense} under {@link #weightsName()}: the column's name, or the collection name of shared embeddings
 * ({@code bought_watched_shared_embedding}), whose columns all read one matrix.
 */
public final class EmbeddingColumn implements FeatureColumn.Dense {
    private final Columns.Embedding column;

    EmbeddingColumn(Columns.Embedding column) { this.column = column; }

    @Override public String name() { return column.name(); }

    @Override public int width() { return column.dimension(); }

    public String combiner() { return column.combiner(); }

    /** The key of this column's matrix in {@link #dense}'s weights; shared embeddings have one key. */
    public String weightsName() { return column.weightsName(); }

    /** The weights' shape: {@code [numBuckets, dimension]}. */
    public int[] weightsShape() {
        return new int[] {Math.toIntExact(column.categorical().numBuckets()), column.dimension()};
    }

    /** TF's default initializer's standard deviation, {@code 1 / sqrt(dimension)} (a truncated normal of mean 0). */
    public double initializerStddev() { return 1 / Math.sqrt(column.dimension()); }

    @Override public Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights) {
        return column.dense(features, weights);
    }
}
