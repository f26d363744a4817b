package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;
import org.jflow.graph.ConcreteFunction;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.jflow.featurecolumn.FeatureColumns.bucketizedColumn;
import static org.jflow.featurecolumn.FeatureColumns.categoricalColumnWithHashBucket;
import static org.jflow.featurecolumn.FeatureColumns.categoricalColumnWithIdentity;
import static org.jflow.featurecolumn.FeatureColumns.categoricalColumnWithVocabularyFile;
import static org.jflow.featurecolumn.FeatureColumns.categoricalColumnWithVocabularyList;
import static org.jflow.featurecolumn.FeatureColumns.crossedColumn;
import static org.jflow.featurecolumn.FeatureColumns.denseFeatures;
import static org.jflow.featurecolumn.FeatureColumns.embeddingColumn;
import static org.jflow.featurecolumn.FeatureColumns.indicatorColumn;
import static org.jflow.featurecolumn.FeatureColumns.numericColumn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.feature_column against TF 2.21's input_layer ({@code golden/feature_columns.py}). */
class FeatureColumnsTest {
    private static final Golden GOLDEN = Golden.load("feature_columns");
    private static final double[] AGE_BOUNDARIES = {18, 25, 30, 35, 40, 45, 50, 55, 60, 65};

    /** The script's embedding matrix {@code EMB}: row i is {@code [0.5 i - 1, 0.25 i]}. */
    private static Tensor emb(int rows) {
        float[] m = new float[rows * 2];
        for (int i = 0; i < rows; i++) {
            m[2 * i] = 0.5f * i - 1f;
            m[2 * i + 1] = 0.25f * i;
        }
        return Tensor.wrap(DType.FLOAT32, Shape.of(rows, 2), m);
    }

    private static Tensor strings(String... v) { return tf.constant(v); }

    private static Tensor strings2(String[][] v) {
        byte[][] b = new byte[v.length * v[0].length][];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[i].length; j++) b[i * v[i].length + j] = v[i][j].getBytes(StandardCharsets.UTF_8);
        }
        return Tensor.wrap(DType.STRING, Shape.of(v.length, v[0].length), b);
    }

    private static Map<String, Tensor> titanic() {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put("age", tf.constant(new float[] {22f, 38f, 26f, 35f, 54f, 2f, 70.5f}));
        f.put("fare", tf.constant(new float[] {7.25f, 71.2833f, 7.925f, 53.1f, 51.8625f, 21.075f, 7.75f}));
        f.put("parch", tf.constant(new long[] {0, 0, 0, 0, 0, 1, 0}));
        f.put("sibsp", tf.constant(new long[] {1, 1, 0, 1, 0, 3, 0}));
        f.put("sex", strings("male", "female", "female", "female", "male", "male", "unknown"));
        f.put("pclass", tf.constant(new long[] {3, 1, 3, 1, 1, 3, 2}));
        f.put("ticket", strings("A/5 21171", "PC 17599", "STON/O2. 3101282", "113803", "17463", "349909", "370376"));
        f.put("embarked", strings("S", "C", "S", "S", "", "Q", "Q"));
        f.put("cabin", strings("", "C85", "", "C123", "E46", "", "G6"));
        f.put("age_nan", tf.constant(new int[] {0, 0, 0, 0, 0, 1, 0}));
        f.put("cabin_nan", tf.constant(new int[] {1, 0, 1, 0, 0, 1, 0}));
        f.put("embarked_nan", tf.constant(new int[] {0, 0, 0, 0, 1, 0, 0}));
        return f;
    }

    /** The tutorial's Titanic columns (numeric with NaN flags, bucketized, vocabulary, hash, embedding, crossed). */
    private static List<FeatureColumn.Dense> titanicColumns() {
        FeatureColumn.Numeric age = numericColumn("age");
        FeatureColumn.Bucketized ageBuckets = bucketizedColumn(age, AGE_BOUNDARIES);
        return List.of(age, numericColumn("fare"), numericColumn("parch"), numericColumn("sibsp"),
                numericColumn("age_nan"), numericColumn("cabin_nan"), numericColumn("embarked_nan"), ageBuckets,
                indicatorColumn(categoricalColumnWithVocabularyList("sex", List.of("male", "female"))),
                indicatorColumn(categoricalColumnWithVocabularyList("pclass", 1, 2, 3)),
                indicatorColumn(categoricalColumnWithHashBucket("ticket", 3)),
                indicatorColumn(categoricalColumnWithVocabularyList("embarked", List.of("S", "C", "B"))),
                embeddingColumn(categoricalColumnWithHashBucket("cabin", 32), 2),
                indicatorColumn(crossedColumn(List.of(ageBuckets, "pclass"), 15)));
    }

    private static void assertCase(String name, List<? extends FeatureColumn.Dense> columns, Tensor out) {
        Map<String, Object> expected = GOLDEN.map(name);
        assertEquals(expected.get("names"), columns.stream().map(FeatureColumn::name).sorted().toList(), name);
        assertEquals(DType.FLOAT32, out.dtype(), name);
        List<?> rows = (List<?>) expected.get("matrix");
        double[] want = Golden.flatten(rows);
        assertEquals(Shape.of(rows.size(), want.length / rows.size()), out.shape(), name);
        assertArrayEquals(want, out.toDoubleArray(), 1e-6, name);
    }

    @Test
    void titanicColumnsGiveTfsInputLayer() {
        List<FeatureColumn.Dense> columns = titanicColumns();
        Tensor out = denseFeatures(columns, titanic(), Map.of("cabin_embedding", emb(32)));
        assertEquals("(7, 46)", out.shape().toString());
        assertEquals(46, columns.stream().mapToInt(FeatureColumn.Dense::width).sum());
        assertCase("titanic", columns, out);
    }

    private static Map<String, Tensor> multi() {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put("tags", strings2(new String[][] {{"a", "b"}, {"c", ""}, {"", ""}, {"b", "b"}}));
        f.put("ids", tf.constant(new long[][] {{0, 3}, {2, -1}, {-1, -1}, {5, 1}}));
        f.put("num", tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}));
        f.put("port", strings("S", "Q", "X", ""));
        f.put("code", tf.constant(new long[] {7, 12, -1, 40}));
        return f;
    }

    @Test
    void eachColumnKindGivesTfsValues() throws URISyntaxException {
        FeatureColumn.Categorical tags = categoricalColumnWithVocabularyList("tags", List.of("a", "b", "c"));
        Path vocab = Path.of(FeatureColumnsTest.class.getResource("/golden/feature_columns_vocab.txt").toURI());
        FeatureColumn.Categorical ids = categoricalColumnWithIdentity("ids", 6);
        List<FeatureColumn.Dense> columns = List.of(
                numericColumn("num", new int[] {2}, 0, x -> tf.divide(tf.subtract(x, 3f), 2f)),
                bucketizedColumn(numericColumn("num", new int[] {2}, 0, null), 2.5, 6.0),
                indicatorColumn(tags),
                indicatorColumn(ids),
                indicatorColumn(categoricalColumnWithVocabularyList("port", List.of("S", "C"), -1, 3)),
                indicatorColumn(categoricalColumnWithVocabularyFile("port", vocab)),
                indicatorColumn(categoricalColumnWithHashBucket("code", 5)),
                indicatorColumn(crossedColumn(List.of("port", tags), 7, 12345)),
                indicatorColumn(crossedColumn(List.of("port", "code"), 9)),
                embeddingColumn(ids, 2, "mean"), embeddingColumn(ids, 2, "sum"), embeddingColumn(ids, 2, "sqrtn"));
        Map<String, Tensor> weights = Map.of("ids_embedding", emb(6));
        for (int i = 0; i < columns.size(); i++) {
            assertCase("multi_" + i, List.of(columns.get(i)), denseFeatures(List.of(columns.get(i)), multi(), weights));
        }
        for (String combiner : List.of("mean", "sum", "sqrtn")) {
            List<FeatureColumn.Dense> c = List.of(embeddingColumn(tags, 2, combiner));
            assertCase("tags_" + combiner, c, denseFeatures(c, multi(), Map.of("tags_embedding", emb(3))));
        }
    }

    @Test
    void sharedEmbeddingsReadOneMatrix() {
        List<EmbeddingColumn> columns = FeatureColumns.sharedEmbeddings(
                List.of(categoricalColumnWithIdentity("watched", 4), categoricalColumnWithIdentity("bought", 4)),
                2, "sum");
        assertEquals("bought_watched_shared_embedding", columns.get(0).weightsName());
        assertEquals(columns.get(0).weightsName(), columns.get(1).weightsName());
        Map<String, Tensor> features = Map.of("watched", tf.constant(new long[][] {{0, 3}, {1, -1}}),
                "bought", tf.constant(new long[] {2, 1}));
        Tensor out = denseFeatures(columns, features, Map.of("bought_watched_shared_embedding", emb(4)));
        assertCase("shared", columns, out);
        ValueError e = assertThrows(ValueError.class, () -> FeatureColumns.sharedEmbeddings(
                List.of(categoricalColumnWithIdentity("a", 4), categoricalColumnWithIdentity("b", 5)), 2, "mean"));
        assertTrue(e.getMessage().startsWith("To use shared_embedding_column, all categorical_columns must have"));
    }

    @Test
    void missingFeaturesAndBadArgumentsAreTfsValueErrors() {
        ValueError missing = assertThrows(ValueError.class,
                () -> denseFeatures(List.of(numericColumn("age")), Map.of("fare", tf.constant(new float[] {1f}))));
        assertEquals("Feature age is not in features dictionary.", missing.getMessage());
        assertThrows(ValueError.class, () -> bucketizedColumn(numericColumn("age"), 3, 1));
        ValueError dtype = assertThrows(ValueError.class,
                () -> numericColumn("age", new int[] {1}, 0, DType.STRING, null));
        assertEquals("dtype must be convertible to float. dtype: <dtype: 'string'>, key: age", dtype.getMessage());
        FeatureColumn.Numeric parch = numericColumn("parch", new int[] {2, 3}, -1, DType.INT64, null);
        assertArrayEquals(new int[] {2, 3}, parch.shape());
        assertEquals(6, parch.width());
        assertEquals(DType.INT64, parch.dtype());
        assertEquals(-1, parch.defaultValue());
        assertThrows(ValueError.class, () -> crossedColumn(List.of("a"), 5));
        assertThrows(ValueError.class, () -> categoricalColumnWithHashBucket("a", 0));
    }

    @Test
    void embeddingColumnsDescribeTheirWeights() {
        EmbeddingColumn cabin = embeddingColumn(categoricalColumnWithHashBucket("cabin", 32), 2);
        assertArrayEquals(new int[] {32, 2}, cabin.weightsShape());
        assertEquals(1 / Math.sqrt(2), cabin.initializerStddev(), 1e-15);
        assertEquals("mean", cabin.combiner());
        assertEquals("cabin_embedding", cabin.weightsName());
    }

    @Test
    void denseFeaturesTracesOnAnUnknownBatch() {
        FeatureColumn.Numeric age = numericColumn("age");
        FeatureColumn.Bucketized ageBuckets = bucketizedColumn(age, AGE_BOUNDARIES);
        List<FeatureColumn.Dense> columns = List.of(age, ageBuckets,
                indicatorColumn(categoricalColumnWithVocabularyList("pclass", 1, 2, 3)),
                embeddingColumn(categoricalColumnWithHashBucket("cabin", 32), 2),
                indicatorColumn(crossedColumn(List.of(ageBuckets, "pclass"), 15)));
        Map<String, Tensor> weights = Map.of("cabin_embedding", emb(32));
        var f = tf.function((Tensor a, Tensor p, Tensor c) ->
                denseFeatures(columns, Map.of("age", a, "pclass", p, "cabin", c), weights));
        ConcreteFunction cf = f.getConcreteFunction(tf.TensorSpec(new int[] {-1}, tf.float32),
                tf.TensorSpec(new int[] {-1}, tf.int64), tf.TensorSpec(new int[] {-1}, tf.string));
        assertEquals("(None, 32)", cf.outputs().get(0).shape().toString());
        Map<String, Tensor> feats = titanic();
        Tensor traced = f.call(feats.get("age"), feats.get("pclass"), feats.get("cabin"));
        assertArrayEquals(denseFeatures(columns, feats, weights).toFloatArray(), traced.toFloatArray());
        assertEquals(1, f.tracingCount());
    }
}
