package org.jflow.io.parsing;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.OpError;
import org.jflow.io.sparse.SparseTensor;
import org.jflow.io.train.Example;
import org.jflow.io.train.Feature;
import org.jflow.io.train.SequenceExample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parsers' outputs, printed, and their errors, against TF 2.21's ({@code golden/tfrecord.py}'s "parse"). */
class ParsingTest {
    private static final Map<String, Object> GOLDEN = Golden.load("tfrecord").map("parse");
    private static final byte[] E = Example.of(Map.of("i", Feature.int64List(1, 2, 3), "f", Feature.floatList(1.5f),
            "s", Feature.bytesList(List.of("ab", "c")))).serializeToString();
    private static final byte[] E2 = Example.of(Map.of("i", Feature.int64List(5), "q", Feature.int64List(7))).serializeToString();
    private static final byte[] F2 = Example.of(Map.of("f", Feature.floatList(1, 2))).serializeToString();
    private static final byte[] SE = SequenceExample.fromString(HexFormat.of().parseHex(
            (String) Golden.load("tfrecord").map("serialized").get("sequence"))).serializeToString();
    private static final byte[] SE2 = SequenceExample.of(Map.of(), Map.of("t",
            org.jflow.io.train.FeatureList.of(Feature.int64List(9, 9)))).serializeToString();

    private static Tensor one(byte[] b) { return org.jflow.raw.Raw.scalarString(b); }

    private static Tensor batch(byte[]... b) { return Tensor.wrap(DType.STRING, Shape.of(b.length), b); }

    private static FixedLenFeature fixed(DType t, int... shape) { return new FixedLenFeature(shape, t); }

    @SafeVarargs
    private static Map<String, Object> spec(Map.Entry<String, Object>... e) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var x : e) m.put(x.getKey(), x.getValue());
        return m;
    }

    private static Map.Entry<String, Object> f(String k, Object v) { return Map.entry(k, v); }

    /** As the golden script records a result: keys in order and each value's {@code str}, or the error. */
    private static Map<String, Object> record(Supplier<Object> parse) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Object r = parse.get();
            if (r instanceof ParsedSequenceExample p) {
                List<Object> parts = new ArrayList<>(List.of(shown(p.context()), shown(p.featureList())));
                if (!p.lengths().isEmpty()) parts.add(shown(p.lengths()));
                out.put("parts", parts);
            } else {
                out.putAll(shown(castMap(r)));
            }
        } catch (OpError e) {
            out.put("class", e.getClass().getSimpleName());
            out.put("message", e.getMessage().replaceAll(" \\[Op:[A-Za-z0-9]+]$", ""));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) { return (Map<String, Object>) o; }

    private static Map<String, Object> shown(Map<String, Object> m) {
        Map<String, Object> values = new LinkedHashMap<>();
        m.forEach((k, v) -> values.put(k, v.toString()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", List.copyOf(m.keySet()));
        out.put("values", values);
        return out;
    }

    private static void check(String name, Supplier<Object> parse) { assertEquals(GOLDEN.get(name), record(parse), name); }

    @Test
    void parseSingleExampleGivesTfsDictionary() {
        check("single", () -> Parsing.parseSingleExample(one(E), spec(f("i", fixed(DType.INT64, 3)),
                f("f", fixed(DType.FLOAT32)), f("s", new VarLenFeature(DType.STRING)), f("r", new RaggedFeature(DType.INT64)),
                f("d", new FixedLenFeature(new int[] {2}, DType.FLOAT32, new float[] {7, 8})),
                f("m", new FixedLenFeature(new int[] {1, 2}, DType.STRING, new String[][] {{"x", "y"}})))));
    }

    @Test
    void parseExampleBatchesSparseDenseAndRagged() {
        check("batch", () -> Parsing.parseExample(batch(E, E2), spec(f("i", new VarLenFeature(DType.INT64)),
                f("r", new RaggedFeature(DType.INT64)), f("q", new FixedLenFeature(new int[] {}, DType.INT64, -1L)),
                f("s", new VarLenFeature(DType.STRING)))));
    }

    @Test
    void badExamplesAreTfsErrors() {
        check("missing", () -> Parsing.parseSingleExample(one(E), Map.of("x", fixed(DType.INT64))));
        check("missing_batch", () -> Parsing.parseExample(batch(E, E2), Map.of("f", fixed(DType.FLOAT32))));
        check("wrong_type", () -> Parsing.parseSingleExample(one(E), Map.of("i", fixed(DType.FLOAT32, 3))));
        check("wrong_type_batch", () -> Parsing.parseExample(batch(E, E), Map.of("i", fixed(DType.STRING, 3))));
        check("varlen_wrong_type", () -> Parsing.parseSingleExample(one(E), Map.of("i", new VarLenFeature(DType.STRING))));
        check("varlen_wrong_type_batch", () -> Parsing.parseExample(batch(E, E), Map.of("i", new VarLenFeature(DType.FLOAT32))));
        check("ragged_wrong_type", () -> Parsing.parseSingleExample(one(E), Map.of("i", new RaggedFeature(DType.FLOAT32))));
        check("too_few_int64", () -> Parsing.parseSingleExample(one(E), Map.of("i", fixed(DType.INT64, 4))));
        check("too_many_int64", () -> Parsing.parseSingleExample(one(E), Map.of("i", fixed(DType.INT64, 2))));
        check("too_many_float", () -> Parsing.parseSingleExample(one(F2), Map.of("f", fixed(DType.FLOAT32))));
        check("too_many_bytes", () -> Parsing.parseSingleExample(one(E), Map.of("s", fixed(DType.STRING, 1))));
        check("too_few_batch", () -> Parsing.parseExample(batch(E, E), Map.of("i", fixed(DType.INT64, 4))));
        check("too_many_float_batch", () -> Parsing.parseExample(batch(F2), Map.of("f", fixed(DType.FLOAT32))));
        check("too_many_bytes_batch", () -> Parsing.parseExample(batch(E), Map.of("s", fixed(DType.STRING))));
        check("not_a_proto", () -> Parsing.parseSingleExample(one(new byte[] {0x0a, 0x05, 0x0a}), Map.of("i", fixed(DType.INT64, 3))));
    }

    @Test
    void sequenceExamplesParseAsTfs() {
        check("sequence_single", () -> Parsing.parseSingleSequenceExample(one(SE),
                spec(f("c", fixed(DType.FLOAT32)), f("id", new VarLenFeature(DType.STRING))),
                spec(f("t", new FixedLenSequenceFeature(new int[] {2}, DType.INT64)), f("v", new VarLenFeature(DType.INT64)))));
        check("sequence_batch", () -> Parsing.parseSequenceExample(batch(SE, SE2),
                Map.of("c", new FixedLenFeature(new int[] {}, DType.FLOAT32, 0.5f)),
                spec(f("t", new FixedLenSequenceFeature(new int[] {2}, DType.INT64)), f("v", new VarLenFeature(DType.INT64)))));
        check("sequence_missing", () -> Parsing.parseSingleSequenceExample(one(SE), Map.of(),
                Map.of("x", new FixedLenSequenceFeature(new int[] {2}, DType.INT64))));
        check("sequence_missing_allowed", () -> Parsing.parseSingleSequenceExample(one(SE), Map.of(),
                Map.of("x", new FixedLenSequenceFeature(new int[] {2}, DType.INT64, true))));
        check("sequence_wrong_size", () -> Parsing.parseSingleSequenceExample(one(SE), Map.of(),
                Map.of("v", new FixedLenSequenceFeature(new int[] {1}, DType.INT64))));
        check("sequence_wrong_type", () -> Parsing.parseSingleSequenceExample(one(SE), Map.of(),
                Map.of("t", new FixedLenSequenceFeature(new int[] {2}, DType.FLOAT32))));
        check("sequence_context_missing", () -> Parsing.parseSingleSequenceExample(one(SE),
                Map.of("q", fixed(DType.FLOAT32)), Map.of()));
    }

    /** TF's parsing_config.py texts, for a dense feature whose size is unknown. */
    @Test
    void denseFeaturesNeedAKnownShape() {
        var e = assertThrows(org.jflow.errors.ValueError.class, () -> Parsing.parseSingleExample(one(E),
                Map.of("x", new FixedLenFeature(new int[] {-1, 2}, DType.INT64, new long[] {1, 2}))));
        assertEquals("First dimension of shape for feature x unknown. Consider using FixedLenSequenceFeature.",
                e.getMessage());
        var inner = assertThrows(org.jflow.errors.ValueError.class, () -> Parsing.parseSingleExample(one(E),
                Map.of("y", new FixedLenFeature(new int[] {2, -1}, DType.INT64))));
        assertEquals("All dimensions of shape for feature y need to be known but received [2, None].", inner.getMessage());
    }

    @Test
    void sparseTensorPrintsAndDensifiesAsTf() {
        Golden g = Golden.load("tfrecord");
        SparseTensor sp = new SparseTensor(Tensor.wrap(DType.INT64, Shape.of(2, 2), new long[] {0, 1, 2, 0}),
                Tensor.wrap(DType.INT32, Shape.of(2), new int[] {3, 4}),
                Tensor.wrap(DType.INT64, Shape.of(2), new long[] {3, 2}));
        assertEquals(g.string("sparse_str"), sp.toString());
        assertEquals(g.string("sparse_to_dense"), sp.toDense().toString());
        var tfSparse = new org.jflow.io.sparse.SparseNamespace();
        SparseTensor built = tfSparse.SparseTensor(new long[][] {{0, 1}, {2, 0}}, new int[] {3, 4}, new long[] {3, 2});
        assertEquals(g.string("sparse_str"), built.toString());
        assertEquals(g.string("sparse_to_dense"), tfSparse.toDense(built).toString());
    }
}
