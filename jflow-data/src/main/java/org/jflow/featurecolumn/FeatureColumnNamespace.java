package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Tensor;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code tf.feature_column} ({@code tf.featureColumn} in the aggregate {@code tf}): each member forwards to
 * {@link FeatureColumns}, where the columns are documented.
 */
public final class FeatureColumnNamespace {
    public FeatureColumn.Numeric numericColumn(String key) { return FeatureColumns.numericColumn(key); }

    public FeatureColumn.Numeric numericColumn(String key, int[] shape, double defaultValue,
                                               UnaryOperator<Tensor> normalizerFn) {
        return FeatureColumns.numericColumn(key, shape, defaultValue, normalizerFn);
    }

    public FeatureColumn.Numeric numericColumn(String key, int[] shape, double defaultValue, DType dtype,
                                               UnaryOperator<Tensor> normalizerFn) {
        return FeatureColumns.numericColumn(key, shape, defaultValue, dtype, normalizerFn);
    }

    public FeatureColumn.Bucketized bucketizedColumn(FeatureColumn.Numeric sourceColumn, double... boundaries) {
        return FeatureColumns.bucketizedColumn(sourceColumn, boundaries);
    }

    public FeatureColumn.Categorical categoricalColumnWithIdentity(String key, long numBuckets) {
        return FeatureColumns.categoricalColumnWithIdentity(key, numBuckets);
    }

    public FeatureColumn.Categorical categoricalColumnWithIdentity(String key, long numBuckets, long defaultValue) {
        return FeatureColumns.categoricalColumnWithIdentity(key, numBuckets, defaultValue);
    }

    public FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, List<String> vocabulary) {
        return FeatureColumns.categoricalColumnWithVocabularyList(key, vocabulary);
    }

    public FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, List<String> vocabulary,
                                                                         long defaultValue, long numOovBuckets) {
        return FeatureColumns.categoricalColumnWithVocabularyList(key, vocabulary, defaultValue, numOovBuckets);
    }

    public FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, long... vocabulary) {
        return FeatureColumns.categoricalColumnWithVocabularyList(key, vocabulary);
    }

    public FeatureColumn.Categorical categoricalColumnWithVocabularyFile(String key, Path vocabularyFile) {
        return FeatureColumns.categoricalColumnWithVocabularyFile(key, vocabularyFile);
    }

    public FeatureColumn.Categorical categoricalColumnWithVocabularyFile(String key, Path vocabularyFile,
            int vocabularySize, long numOovBuckets, long defaultValue, DType dtype) {
        return FeatureColumns.categoricalColumnWithVocabularyFile(key, vocabularyFile, vocabularySize, numOovBuckets,
                defaultValue, dtype);
    }

    public FeatureColumn.Categorical categoricalColumnWithHashBucket(String key, long hashBucketSize) {
        return FeatureColumns.categoricalColumnWithHashBucket(key, hashBucketSize);
    }

    public FeatureColumn.Dense indicatorColumn(FeatureColumn.Categorical categoricalColumn) {
        return FeatureColumns.indicatorColumn(categoricalColumn);
    }

    public EmbeddingColumn embeddingColumn(FeatureColumn.Categorical categoricalColumn, int dimension) {
        return FeatureColumns.embeddingColumn(categoricalColumn, dimension);
    }

    public EmbeddingColumn embeddingColumn(FeatureColumn.Categorical categoricalColumn, int dimension,
                                           String combiner) {
        return FeatureColumns.embeddingColumn(categoricalColumn, dimension, combiner);
    }

    public FeatureColumn.Categorical crossedColumn(List<?> keys, long hashBucketSize) {
        return FeatureColumns.crossedColumn(keys, hashBucketSize);
    }

    public FeatureColumn.Categorical crossedColumn(List<?> keys, long hashBucketSize, long hashKey) {
        return FeatureColumns.crossedColumn(keys, hashBucketSize, hashKey);
    }

    public List<EmbeddingColumn> sharedEmbeddings(List<? extends FeatureColumn.Categorical> categoricalColumns,
                                                  int dimension, String combiner) {
        return FeatureColumns.sharedEmbeddings(categoricalColumns, dimension, combiner);
    }
}
