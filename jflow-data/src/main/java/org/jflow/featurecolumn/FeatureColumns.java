package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.errors.NotFoundError;
import org.jflow.raw.RawArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * TF's {@code tf.feature_column}: the column constructors with TF's defaults and names, and {@link #denseFeatures},
 * what Keras' {@code DenseFeatures} (and TF 1's {@code input_layer}) computes. Every column is raw ops on the
 * batch, so it runs eagerly and inside a traced function.
 */
public final class FeatureColumns {
    private FeatureColumns() {}

    /** {@code numeric_column(key)}: one float32 value per example. */
    public static FeatureColumn.Numeric numericColumn(String key) { return numericColumn(key, new int[] {1}, 0, null); }

    /** {@code numeric_column(key, shape, default_value, normalizer_fn=...)} of dtype float32. */
    public static FeatureColumn.Numeric numericColumn(String key, int[] shape, double defaultValue,
                                                      UnaryOperator<Tensor> normalizerFn) {
        return numericColumn(key, shape, defaultValue, DType.FLOAT32, normalizerFn);
    }

    /**
     * {@code numeric_column(key, shape, default_value, dtype, normalizer_fn)}: the default value and dtype are what
     * parsing uses; the column's value is the normalizer on the raw feature, cast to float32, as TF computes it.
     */
    public static FeatureColumn.Numeric numericColumn(String key, int[] shape, double defaultValue, DType dtype,
                                                      UnaryOperator<Tensor> normalizerFn) {
        if (!dtype.isFloating() && !dtype.isInteger()) {
            throw new ValueError("dtype must be convertible to float. dtype: " + dtype + ", key: " + key);
        }
        return new Columns.Numeric(key, shape.clone(), defaultValue, dtype, normalizerFn);
    }

    /** {@code bucketized_column(source_column, boundaries)}: boundaries sorted ascending, as TF requires. */
    public static FeatureColumn.Bucketized bucketizedColumn(FeatureColumn.Numeric sourceColumn, double... boundaries) {
        float[] b = new float[boundaries.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) boundaries[i];
            if (i > 0 && boundaries[i] <= boundaries[i - 1]) {
                throw new ValueError("boundaries must be a sorted list.");
            }
        }
        return new Columns.Bucketized(sourceColumn, b);
    }

    /** {@code categorical_column_with_identity(key, num_buckets)}: other ids fail in TF; here they stay as given. */
    public static FeatureColumn.Categorical categoricalColumnWithIdentity(String key, long numBuckets) {
        return new Columns.Identity(key, numBuckets, null);
    }

    /** {@code categorical_column_with_identity(key, num_buckets, default_value)}. */
    public static FeatureColumn.Categorical categoricalColumnWithIdentity(String key, long numBuckets,
                                                                          long defaultValue) {
        return new Columns.Identity(key, numBuckets, defaultValue);
    }

    /** {@code categorical_column_with_vocabulary_list(key, vocabulary_list)} of strings. */
    public static FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, List<String> vocabulary) {
        return categoricalColumnWithVocabularyList(key, vocabulary, -1, 0);
    }

    /** The same with TF's {@code default_value} (-1: none) and {@code num_oov_buckets} (which exclude a default). */
    public static FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, List<String> vocabulary,
                                                                                long defaultValue, long numOovBuckets) {
        return vocabulary(key, Columns.strings(vocabulary), defaultValue, numOovBuckets);
    }

    /** {@code categorical_column_with_vocabulary_list(key, [1, 2, 3])}: an int64 vocabulary. */
    public static FeatureColumn.Categorical categoricalColumnWithVocabularyList(String key, long... vocabulary) {
        List<Long> v = new ArrayList<>();
        for (long x : vocabulary) v.add(x);
        return vocabulary(key, Columns.longs(v), -1, 0);
    }

    /**
     * {@code categorical_column_with_vocabulary_file(key, vocabulary_file, vocabulary_size, num_oov_buckets,
     * default_value, dtype)}: one entry a line (the first {@code vocabularySize} lines; -1 for all), string or int64.
     */
    public static FeatureColumn.Categorical categoricalColumnWithVocabularyFile(String key, Path vocabularyFile,
            int vocabularySize, long numOovBuckets, long defaultValue, DType dtype) {
        List<String> lines;
        try {
            lines = Files.readAllLines(vocabularyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NotFoundError(vocabularyFile + "; No such file or directory");
        }
        if (vocabularySize >= 0) {
            if (vocabularySize > lines.size()) {
                throw new InvalidArgumentError("Invalid vocab_size in " + vocabularyFile + ": " + vocabularySize
                        + " is larger than the number of lines, " + lines.size());
            }
            lines = lines.subList(0, vocabularySize);
        }
        Tensor vocab = dtype == DType.STRING ? Columns.strings(lines)
                : Columns.longs(lines.stream().map(s -> Long.parseLong(s.strip())).toList());
        return vocabulary(key, vocab, defaultValue, numOovBuckets);
    }

    /** {@code categorical_column_with_vocabulary_file(key, file)}: strings, no out-of-vocabulary buckets. */
    public static FeatureColumn.Categorical categoricalColumnWithVocabularyFile(String key, Path vocabularyFile) {
        return categoricalColumnWithVocabularyFile(key, vocabularyFile, -1, 0, -1, DType.STRING);
    }

    private static FeatureColumn.Categorical vocabulary(String key, Tensor vocab, long defaultValue, long numOov) {
        if (numOov > 0 && defaultValue != -1) {
            throw new ValueError("Can't specify both num_oov_buckets and default_value in " + key + ".");
        }
        return new Columns.Vocabulary(key, vocab, numOov, defaultValue);
    }

    /** {@code categorical_column_with_hash_bucket(key, hash_bucket_size)}: strings, or integers hashed as strings. */
    public static FeatureColumn.Categorical categoricalColumnWithHashBucket(String key, long hashBucketSize) {
        if (hashBucketSize < 1) {
            throw new ValueError("hash_bucket_size must be at least 1. hash_bucket_size: " + hashBucketSize
                    + ", key: " + key);
        }
        return new Columns.HashBucket(key, hashBucketSize);
    }

    /** {@code indicator_column(categorical_column)}: multi-hot counts. */
    public static FeatureColumn.Dense indicatorColumn(FeatureColumn.Categorical categoricalColumn) {
        return new Columns.Indicator(categoricalColumn);
    }

    /** {@code embedding_column(categorical_column, dimension)}: combiner mean. */
    public static EmbeddingColumn embeddingColumn(FeatureColumn.Categorical categoricalColumn, int dimension) {
        return embeddingColumn(categoricalColumn, dimension, "mean");
    }

    /** {@code embedding_column(categorical_column, dimension, combiner)}: combiner sum, mean or sqrtn. */
    public static EmbeddingColumn embeddingColumn(FeatureColumn.Categorical categoricalColumn, int dimension,
                                                  String combiner) {
        String name = categoricalColumn.name() + "_embedding";
        return new EmbeddingColumn(new Columns.Embedding(categoricalColumn, dimension, checkCombiner(combiner), name,
                name));
    }

    private static String checkCombiner(String combiner) {
        if (!List.of("sum", "mean", "sqrtn").contains(combiner)) {
            throw new ValueError("Unsupported combiner " + combiner);
        }
        return combiner;
    }

    /**
     * {@code shared_embeddings(categorical_columns, dimension, combiner)}: one embedding column per categorical column
     * ({@code <key>_shared_embedding}), all reading one matrix named by the sorted keys
     * ({@code a_b_shared_embedding}); the columns must have one number of buckets, as TF requires.
     */
    public static List<EmbeddingColumn> sharedEmbeddings(List<? extends FeatureColumn.Categorical> categoricalColumns,
                                                         int dimension, String combiner) {
        long buckets = categoricalColumns.get(0).numBuckets();
        List<String> names = new ArrayList<>();
        for (FeatureColumn.Categorical c : categoricalColumns) {
            if (c.numBuckets() != buckets) {
                throw new ValueError("To use shared_embedding_column, all categorical_columns must have the same number"
                        + " of buckets. Given column: " + categoricalColumns.get(0).name() + " with buckets: " + buckets
                        + " does not match column: " + c.name() + " with buckets: " + c.numBuckets());
            }
            names.add(c.name());
        }
        names.sort(null);
        String shared = String.join("_", names) + "_shared_embedding";
        List<EmbeddingColumn> columns = new ArrayList<>();
        for (FeatureColumn.Categorical c : categoricalColumns) {
            columns.add(new EmbeddingColumn(new Columns.Embedding(c, dimension, checkCombiner(combiner),
                    c.name() + "_shared_embedding", shared)));
        }
        return columns;
    }

    /**
     * {@code crossed_column(keys, hash_bucket_size, hash_key)}: keys are feature names ({@code String}) or
     * categorical columns; TF's default hash key is {@code 0xDECAFCAFFE}.
     */
    public static FeatureColumn.Categorical crossedColumn(List<?> keys, long hashBucketSize, long hashKey) {
        if (keys.size() < 2) throw new ValueError("keys must be a list with length > 1. Given: " + keys);
        for (Object k : keys) {
            if (!(k instanceof String) && !(k instanceof FeatureColumn.Categorical)) {
                throw new ValueError("Unsupported key type. All keys must be either string, or "
                        + "categorical column except HashedCategoricalColumn. Given: " + k);
            }
        }
        return new Columns.Crossed(List.copyOf(keys), hashBucketSize, hashKey);
    }

    /** {@code crossed_column(keys, hash_bucket_size)} with TF's default hash key. */
    public static FeatureColumn.Categorical crossedColumn(List<?> keys, long hashBucketSize) {
        return crossedColumn(keys, hashBucketSize, 0xDECAFCAFFEL);
    }

    /**
     * Keras' {@code DenseFeatures} / TF's {@code input_layer}: the dense columns in sorted name order, concatenated
     * into float32 {@code [batch, sum of widths]}. {@code weights} holds each embedding column's matrix by name.
     */
    public static Tensor denseFeatures(List<? extends FeatureColumn.Dense> columns, Map<String, Tensor> features,
                                       Map<String, Tensor> weights) {
        List<FeatureColumn.Dense> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(FeatureColumn::name));
        List<Tensor> parts = new ArrayList<>();
        for (FeatureColumn.Dense c : sorted) parts.add(c.dense(features, weights));
        return parts.size() == 1 ? parts.get(0) : RawArray.concatV2(parts, 1);
    }

    /** {@link #denseFeatures(List, Map, Map)} for columns without weights. */
    public static Tensor denseFeatures(List<? extends FeatureColumn.Dense> columns, Map<String, Tensor> features) {
        return denseFeatures(columns, features, Map.of());
    }
}
