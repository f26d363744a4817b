package org.jflow.data;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV parsing, {@code CsvDataset} and {@code make_csv_dataset} against TF 2.21 ({@code golden/csvdata.py}). */
class CsvTest {
    static final Golden GOLDEN = Golden.load("csvdata");
    private static final Path DATA = DatasetPipelinesTest.DATA;
    private static final List<String> TITANIC = List.of(DATA + "/titanic/train.csv", DATA + "/titanic/test.csv");
    static final Path QUOTED = Path.of("src/test/resources/csv/quoted.csv").toAbsolutePath();

    static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        CsvParser p = new CsvParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", ',', true);
        List<byte[]> r;
        while ((r = p.next()) != null) out.add(r.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        return out;
    }

    @Test
    void rfc4180Records() {
        assertEquals(List.of(List.of("a", "b,c", "d\"e"), List.of("x\r\ny", "", "")),
                parse("a,\"b,c\",\"d\"\"e\"\r\n\"x\r\ny\",,\r\n"));
        assertEquals(List.of(List.of("1"), List.of(""), List.of("2")), parse("1\n\n2"));
        assertEquals(List.of(List.of("1", "2"), List.of("3")), parse("1,2\r3\r\n"));
        CsvParser p = new CsvParser(new ByteArrayInputStream("a\n\"b\nc\"\nd,\"e\n".getBytes()), "f.csv", ',', true);
        p.next();
        p.next();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, p::next);
        assertEquals("Reached end of file without closing quoted field in record (file f.csv, line 4)", e.getMessage());
    }

    private static Object value(Tensor t) {
        Object v = t.numpy();
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v;
    }

    private static List<Object> numbers(Object golden) { return new ArrayList<>((List<?>) golden); }

    /** A record's values as the golden's JSON has them (numbers as doubles). */
    private static List<Object> row(Tuple<Tensor> t) {
        List<Object> out = new ArrayList<>();
        for (Tensor x : t) {
            Object v = value(x);
            out.add(v instanceof Number n ? (Object) n.doubleValue() : v);
        }
        return out;
    }

    @Test
    void csvDatasetQuotedFixture() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (Tuple<Tensor> t : new CsvDataset(List.of(QUOTED.toString()), List.of(0, "", -1.0f, "?"), true, null, "NA", ',', true, "")) {
            rows.add(row(t));
        }
        assertEquals(GOLDEN.get("quoted"), rows);
        rows.clear();
        CsvDataset selected = new CsvDataset(List.of(QUOTED.toString()), List.of(DType.INT64, -2.0), true, new int[] {0, 2}, "NA", ',', true, "");
        for (Tuple<Tensor> t : selected) rows.add(row(t));
        assertEquals(GOLDEN.get("quoted_select"), rows);
        assertEquals("(TensorSpec(shape=(), dtype=tf.int64, name=None), TensorSpec(shape=(), dtype=tf.float64, name=None))",
                String.valueOf(selected.elementSpec()));
        // TF 2.21: select_cols=[0, 2] over "1,2,3,4" reads 1 and 3; over "5,6" it counts the selected fields it found
        Path f = Files.createTempFile("sel", ".csv");
        Files.writeString(f, "1,2,3,4\n5,6\n");
        CsvDataset sel = new CsvDataset(List.of(f.toString()), List.of(0, 0), false, new int[] {0, 2}, "", ',', true, "");
        assertEquals(List.of(List.of(1.0, 3.0)), sel.take(1).toList().stream().map(CsvTest::row).toList());
        assertEquals("Expect 2 fields but have 1 in record (file " + f + ", line 2)",
                assertThrows(InvalidArgumentError.class, sel::toList).getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedRecordsRaiseTfErrorsOrAreIgnored() throws Exception {
        Map<String, Object> errors = GOLDEN.map("errors");
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("unterminated", "a,b\n1,2\n3,\"4\n");
        texts.put("more", "a,b\n1,2\n3,4,5\n");
        texts.put("fewer", "a,b\n1,2\n3\n");
        texts.put("quote", "a,b\n1,2\n3,4\"x\n");
        texts.put("int", "a,b\n1,2\nx,4\n");
        texts.put("missing", "a,b\n1,2\n,4\n");
        Path dir = Files.createTempDirectory("csv");
        for (var e : texts.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".csv");
            Files.writeString(f, e.getValue());
            CsvDataset ds = new CsvDataset(List.of(f.toString()), List.of(DType.INT32, DType.INT32), true, null, "", ',', true, "");
            InvalidArgumentError err = assertThrows(InvalidArgumentError.class, ds::toList, e.getKey());
            List<String> tf = (List<String>) errors.get(e.getKey());
            String tfText = tf.get(1).replace(" [Op:IteratorGetNext] name: ", "");
            assertEquals(tfText + " (file " + f + ", line 3)", err.getMessage(), e.getKey());
            List<List<Object>> kept = new ArrayList<>();
            for (Tuple<Tensor> t : ds.ignoreErrors()) kept.add(row(t));
            assertEquals(errors.get(e.getKey() + "_ignored"), kept, e.getKey());
        }
    }

    /** G-DS4 unshuffled: the tutorial's printed elements, byte for byte. */
    @Test
    @SuppressWarnings("unchecked")
    void makeCsvDatasetPrintsAsTf() {
        org.jflow.data.SharedData.assume();
        Dataset<Tuple<Object>> ds4 = new DataNamespace().experimental.makeCsvDataset(TITANIC, 3, new Csv.Options().labelName("Survived").naValue("")
                .numEpochs(1).ignoreErrors(true).shuffle(false));
        List<String> printed = new ArrayList<>();
        for (Tuple<Object> e : ds4.take(2)) printed.add(e.get(0) + " " + e.get(1));
        assertEquals(GOLDEN.get("g_ds4_printed"), printed);
        Dataset<Tuple<Object>> sel = Csv.makeCsvDataset(TITANIC, 5, new Csv.Options().selectColumns(List.of("Fare", "Age", "Survived"))
                .columnDefaults(List.of(DType.INT32, -1.0f, 0.0f)).labelName("Survived").numEpochs(1).shuffle(false));
        printed.clear();
        for (Tuple<Object> e : sel.take(2)) printed.add(e.get(0) + " " + e.get(1));
        assertEquals(GOLDEN.get("select_defaults"), printed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void makeCsvDatasetWholePassMatchesTf() {
        org.jflow.data.SharedData.assume();
        Dataset<Tuple<Object>> full = Csv.makeCsvDataset(TITANIC, 64, new Csv.Options().labelName("Survived").numEpochs(1).shuffle(false));
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        Map<String, String> dtypes = new LinkedHashMap<>();
        List<Object> labels = new ArrayList<>();
        int batches = 0;
        for (Tuple<Object> e : full) {
            batches++;
            Csv.features(e).forEach((k, t) -> {
                dtypes.put(k, t.dtype().tfName());
                for (int i = 0; i < t.shape().get(0); i++) {
                    Object v = value(org.jflow.raw.RawArray.gatherV2(t, org.jflow.raw.Raw.scalar(DType.INT32, i), 0, 0));
                    columns.computeIfAbsent(k, x -> new ArrayList<>()).add(v instanceof Number n ? (Object) n.doubleValue() : v);
                }
            });
            for (int v : (int[]) ((Tensor) e.get(1)).data()) labels.add((double) v);
        }
        assertEquals(GOLDEN.get("full_dtypes"), dtypes);
        assertEquals(((Number) GOLDEN.get("full_batches")).intValue(), batches);
        assertEquals(GOLDEN.get("full_labels"), labels);
        Map<String, Object> want = GOLDEN.map("full_columns");
        for (String k : want.keySet()) {
            List<Object> w = numbers(want.get(k));
            List<Object> got = columns.get(k);
            assertEquals(w.size(), got.size(), k);
            for (int i = 0; i < w.size(); i++) {
                Object a = w.get(i), b = got.get(i);
                if (a instanceof Double x) assertEquals((float) (double) x, (float) (double) (Double) b, k + "[" + i + "]");
                else assertEquals(a, b, k + "[" + i + "]");
            }
        }
        Dataset<Tuple<Object>> twice = Csv.makeCsvDataset(DATA + "/titanic/test.csv", 100,
                new Csv.Options().selectColumns(List.of(0)).shuffle(false).numEpochs(2));
        List<Object> sizes = new ArrayList<>();
        for (Tuple<Object> e : twice) sizes.add((double) Csv.features(e).get("PassengerId").shape().get(0));
        assertEquals(GOLDEN.get("two_epochs_batch_sizes"), sizes);
    }

    @Test
    void shuffledPassesKeepEveryRecordAndSeedsRepeat() {
        org.jflow.data.SharedData.assume();
        Csv.Options o = new Csv.Options().labelName("Survived").numEpochs(1).shuffleSeed(7L).shuffleBufferSize(100);
        List<Integer> ids = new ArrayList<>(), again = new ArrayList<>();
        for (Tuple<Object> e : Csv.makeCsvDataset(TITANIC, 50, o)) for (int v : (int[]) Csv.features(e).get("PassengerId").data()) ids.add(v);
        for (Tuple<Object> e : Csv.makeCsvDataset(TITANIC, 50, o)) for (int v : (int[]) Csv.features(e).get("PassengerId").data()) again.add(v);
        assertEquals(891, ids.size());
        assertEquals(891, new java.util.HashSet<>(ids).size());
        assertEquals(ids, again, "the same seed gives the same order");
        List<Integer> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertTrue(!ids.equals(sorted));
        // forever (numEpochs null) drops the short last batch
        Dataset<Tuple<Object>> forever = Csv.makeCsvDataset(DATA + "/titanic/test.csv", 100, new Csv.Options().shuffle(false));
        assertEquals(100, Csv.features(forever.skip(5).take(1).toList().getFirst()).get("PassengerId").shape().get(0));
    }

    /** A seeded shuffle gives TF 2.21's order: the file shuffle and the record shuffle draw as TF's do. */
    @Test
    void seededShuffleOrderIsTfs() {
        org.jflow.data.SharedData.assume();
        Dataset<Tuple<Object>> ds = Csv.makeCsvDataset(TITANIC, 4, new Csv.Options().labelName("Survived").numEpochs(1)
                .shuffleSeed(7L).shuffleBufferSize(50).selectColumns(List.of("PassengerId", "Survived")));
        List<Object> ids = new ArrayList<>();
        for (Tuple<Object> e : ds.take(5)) {
            List<Object> batch = new ArrayList<>();
            for (int v : (int[]) Csv.features(e).get("PassengerId").data()) batch.add((double) v);
            ids.add(batch);
        }
        assertEquals(GOLDEN.get("seeded_ids"), ids);
    }

    /** G-DS4 as the tutorial runs it (shuffled): 11 feature columns in file order, TF's dtypes, batches of 3. */
    @Test
    void gds4ShuffledStructure() {
        org.jflow.data.SharedData.assume();
        Dataset<Tuple<Object>> ds4 = Csv.makeCsvDataset(TITANIC, 3, new Csv.Options().labelName("Survived").naValue("")
                .numEpochs(1).ignoreErrors(true));
        for (Tuple<Object> e : ds4.take(2)) {
            Map<String, Tensor> f = Csv.features(e);
            assertEquals(GOLDEN.get("full_dtypes"), f.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, x -> x.getValue().dtype().tfName(), (a, b) -> a, LinkedHashMap::new)));
            assertEquals(List.copyOf(GOLDEN.map("full_dtypes").keySet()), List.copyOf(f.keySet()));
            for (Tensor t : f.values()) assertEquals(org.jflow.Shape.of(3), t.shape());
            assertEquals("tf.Tensor([", e.get(1).toString().substring(0, 11));
            assertEquals(DType.INT32, ((Tensor) e.get(1)).dtype());
        }
    }

    @Test
    void typeInferenceAsTf() {
        assertEquals(0, Csv.inferType("12", "", -1));
        assertEquals(1, Csv.inferType("3000000000", "", 0));
        assertEquals(2, Csv.inferType("1.5", "", 0));
        assertEquals(3, Csv.inferType("1e300", "", 0));
        assertEquals(4, Csv.inferType("nan", "", 0), "NaN is not < inf, so Python's check makes it a string");
        assertEquals(2, Csv.inferType("-inf", "", -1));
        assertEquals(2, Csv.inferType("", "", 2));
        assertEquals(4, Csv.inferType("7", "", 4), "types never narrow");
    }
}
