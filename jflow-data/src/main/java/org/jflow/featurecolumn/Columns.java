package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;
import org.jflow.raw.RawStrings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The columns of {@link FeatureColumns}; each transformation is raw ops on whole batches. */
final class Columns {
    private Columns() {}

    /** A feature as {@code [batch, k]}: TF's input layer expands a {@code [batch]} feature to {@code [batch, 1]}. */
    static Tensor feature(Map<String, Tensor> features, String key) {
        Tensor t = features.get(key);
        // TF's FeatureTransformationCache text.
        if (t == null) throw new ValueError("Feature " + key + " is not in features dictionary.");
        Shape s = t.shape();
        if (s.rank() == 1) return RawArray.expandDims(t, -1);
        if (s.rank() == 2) return t;
        int k = 1;
        for (int i = 1; i < s.rank(); i++) k *= s.get(i);
        return RawArray.reshape(t, new int[] {-1, k});
    }

    static Tensor floats(float... v) { return Tensor.wrap(DType.FLOAT32, Shape.of(v.length), v); }

    static Tensor strings(List<String> v) {
        byte[][] b = new byte[v.size()][];
        for (int i = 0; i < b.length; i++) b[i] = v.get(i).getBytes(StandardCharsets.UTF_8);
        return Tensor.wrap(DType.STRING, Shape.of(b.length), b);
    }

    static Tensor longs(List<Long> v) { return Raw.longs(v.stream().mapToLong(Long::longValue).toArray()); }

    /** TF's ignored input values: the empty string, and -1 for integer features. */
    static Tensor missing(Tensor x) {
        Tensor ignored = x.dtype() == DType.STRING ? org.jflow.raw.Raw.scalarString(new byte[0])
                : Raw.scalar(x.dtype(), -1L);
        return RawMath.equal(x, ignored);
    }

    /** Ids as int64 with -1 where {@code missing} holds. */
    static Tensor dropMissing(Tensor missing, Tensor ids) {
        return RawArray.selectV2(missing, Raw.scalar(DType.INT64, -1L), ids);
    }

    /** Multi-hot counts of {@code [batch, k]} ids over {@code depth}: ids -1 add nothing (TF's one_hot, then a sum). */
    static Tensor multiHot(Tensor ids, int depth) {
        Tensor hot = RawArray.oneHot(ids, Raw.scalar(DType.FLOAT32, 1.0), Raw.scalar(DType.FLOAT32, 0.0), depth, -1);
        return RawMath.sum(hot, new int[] {1}, false);
    }

    record Numeric(String key, int[] shape, double defaultValue, DType dtype, UnaryOperator<Tensor> normalizer)
            implements FeatureColumn.Numeric {
        @Override public String name() { return key; }

        @Override public int[] shape() { return shape.clone(); }

        @Override public int width() {
            int w = 1;
            for (int d : shape) w *= d;
            return w;
        }

        /** TF's NumericColumn: the normalizer on the raw feature, then a cast to float32. */
        @Override public Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights) {
            Tensor x = feature(features, key);
            if (normalizer != null) x = normalizer.apply(x);
            return Raw.castTo(x, DType.FLOAT32);
        }
    }

    /**
     * TF's BucketizedColumn: a value's bucket is the number of boundaries at or below it (TF's {@code Bucketize}),
     * and the i-th value of a multi-valued source is offset by {@code i * (boundaries + 1)}.
     */
    record Bucketized(FeatureColumn.Numeric source, float[] boundaries) implements FeatureColumn.Bucketized {
        @Override public String name() { return source.name() + "_bucketized"; }

        @Override public long numBuckets() { return (long) source.width() * (boundaries.length + 1); }

        @Override public int width() { return (int) numBuckets(); }

        @Override public Tensor ids(Map<String, Tensor> features) {
            Tensor x = RawArray.expandDims(source.dense(features, Map.of()), -1);
            Tensor bucket = RawMath.sum(Raw.castTo(RawMath.greaterEqual(x, floats(boundaries)), DType.INT64),
                    new int[] {2}, false);
            if (source.width() == 1) return bucket;
            long[] offsets = new long[source.width()];
            for (int i = 0; i < offsets.length; i++) offsets[i] = (long) i * (boundaries.length + 1);
            return RawMath.addV2(bucket, Raw.longs(offsets));
        }

        @Override public Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights) {
            return multiHot(ids(features), width());
        }
    }

    /** TF's IdentityCategoricalColumn: ids outside {@code [0, numBuckets)} become the default where one is given. */
    record Identity(String key, long numBuckets, Long defaultValue) implements FeatureColumn.Categorical {
        @Override public String name() { return key; }

        @Override public Tensor ids(Map<String, Tensor> features) {
            Tensor x = Raw.castTo(feature(features, key), DType.INT64);
            Tensor ids = x;
            if (defaultValue != null) {
                Tensor inRange = RawMath.logicalAnd(RawMath.greaterEqual(x, Raw.scalar(DType.INT64, 0L)),
                        RawMath.less(x, Raw.scalar(DType.INT64, numBuckets)));
                ids = RawArray.selectV2(inRange, x, Raw.scalar(DType.INT64, defaultValue));
            }
            return dropMissing(missing(x), ids);
        }
    }

    /**
     * TF's vocabulary list and file columns: a value's id is its index in the vocabulary (an equality against the
     * whole vocabulary, then the first match), else {@code vocabularySize + hash % numOovBuckets} with TF's
     * {@code Fingerprint64} hash (of {@code AsString} for integers), else the default (-1: no id).
     */
    record Vocabulary(String key, Tensor vocabulary, long numOovBuckets, long defaultValue)
            implements FeatureColumn.Categorical {
        @Override public String name() { return key; }

        @Override public long numBuckets() { return vocabulary.shape().get(0) + numOovBuckets; }

        @Override public Tensor ids(Map<String, Tensor> features) {
            Tensor x = feature(features, key);
            if (x.dtype() != DType.STRING) x = Raw.castTo(x, DType.INT64);
            Tensor eq = RawMath.equal(RawArray.expandDims(x, -1), vocabulary);
            Tensor found = RawMath.any(eq, new int[] {2}, false);
            Tensor index = RawMath.argMax(Raw.castTo(eq, DType.INT32), 2, DType.INT64);
            Tensor other = numOovBuckets > 0
                    ? RawMath.addV2(hashBuckets(x, numOovBuckets), Raw.scalar(DType.INT64, vocabulary.shape().get(0)))
                    : Raw.scalar(DType.INT64, defaultValue);
            return dropMissing(missing(x), RawArray.selectV2(found, index, other));
        }
    }

    /** TF's {@code string_to_hash_bucket_fast}, integers through {@code as_string} first as TF's columns do. */
    static Tensor hashBuckets(Tensor x, long buckets) {
        Tensor s = x.dtype() == DType.STRING ? x : RawStrings.asString(x, -1, false, false, -1, "");
        return RawStrings.stringToHashBucketFast(s, buckets);
    }

    record HashBucket(String key, long numBuckets) implements FeatureColumn.Categorical {
        @Override public String name() { return key; }

        @Override public Tensor ids(Map<String, Tensor> features) {
            Tensor x = feature(features, key);
            return dropMissing(missing(x), hashBuckets(x, numBuckets));
        }
    }

    /**
     * TF's CrossedColumn: keys are raw features (every value crossed, as TF passes them to {@code SparseCrossHashed}
     * densely) or categorical columns (their ids, without the missing ones). TF's cross takes the sparse inputs (the
     * columns) before the dense ones (the raw features); a combination with a missing id has no id.
     */
    record Crossed(List<Object> keys, long numBuckets, long hashKey) implements FeatureColumn.Categorical {
        @Override public String name() {
            List<String> names = new ArrayList<>();
            for (Object k : keys) names.add(k instanceof FeatureColumn c ? c.name() : (String) k);
            names.sort(null);
            return String.join("_X_", names);
        }

        @Override public Tensor ids(Map<String, Tensor> features) {
            List<Tensor> inputs = new ArrayList<>();
            Tensor mask = null;
            int width = 1;
            for (Object k : keys) {
                if (!(k instanceof Categorical c)) continue;
                Tensor ids = c.ids(features);
                inputs.add(ids);
                int kk = ids.shape().get(1);
                Tensor valid = RawMath.greaterEqual(ids, Raw.scalar(DType.INT64, 0L));
                mask = mask == null ? valid : RawArray.reshape(RawMath.logicalAnd(RawArray.expandDims(mask, 2),
                        RawArray.expandDims(valid, 1)), new int[] {-1, width * kk});
                width *= kk;
            }
            for (Object k : keys) {
                if (k instanceof Categorical) continue;
                Tensor x = feature(features, (String) k);
                inputs.add(x.dtype() == DType.STRING ? x : Raw.castTo(x, DType.INT64));
                int kk = x.shape().get(1);
                if (mask != null && kk != 1) {
                    mask = RawArray.reshape(RawArray.tile(RawArray.expandDims(mask, 2), new int[] {1, 1, kk}),
                            new int[] {-1, width * kk});
                }
                width *= kk;
            }
            Tensor crossed = FeatureColumnOps.denseCrossHashed(inputs, numBuckets, hashKey);
            return mask == null ? crossed : dropMissing(RawMath.logicalNot(mask), crossed);
        }
    }

    record Indicator(Categorical categorical) implements FeatureColumn.Dense {
        @Override public String name() { return categorical.name() + "_indicator"; }

        @Override public int width() { return Math.toIntExact(categorical.numBuckets()); }

        @Override public Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights) {
            return multiHot(categorical.ids(features), width());
        }
    }

    /**
     * TF's EmbeddingColumn over {@code safe_embedding_lookup_sparse}: the rows of the ids present, combined by
     * sum, mean (sum over count) or sqrtn (sum over the count's square root); a row without ids is zeros. Its
     * weights are {@code weights.get(weightsName)}: its own name, or the collection name shared embeddings share.
     */
    record Embedding(Categorical categorical, int dimension, String combiner, String name, String weightsName)
            implements FeatureColumn.Dense {
        @Override public int width() { return dimension; }

        @Override public Tensor dense(Map<String, Tensor> features, Map<String, Tensor> weights) {
            Tensor w = weights.get(weightsName);
            if (w == null) throw new ValueError("No embedding weights " + weightsName + " for the column " + name);
            Tensor ids = categorical.ids(features);
            Tensor valid = RawArray.expandDims(Raw.castTo(RawMath.greaterEqual(ids, Raw.scalar(DType.INT64, 0L)),
                    w.dtype()), -1);
            Tensor rows = RawArray.gatherV2(w, RawMath.maximum(ids, Raw.scalar(DType.INT64, 0L)), 0, 0);
            Tensor sum = RawMath.sum(RawMath.mul(rows, valid), new int[] {1}, false);
            Tensor count = RawMath.sum(valid, new int[] {1}, false);
            Tensor out = switch (combiner) {
                case "sum" -> sum;
                case "mean" -> RawMath.divNoNan(sum, count);
                case "sqrtn" -> RawMath.divNoNan(sum, RawMath.sqrt(count));
                default -> throw new ValueError("Unknown combiner " + combiner);
            };
            return Raw.castTo(out, DType.FLOAT32);
        }
    }
}
