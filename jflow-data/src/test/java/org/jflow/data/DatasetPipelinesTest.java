package org.jflow.data;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tutorial's tf.data pipelines (inventory 001b sections 3.1-3.3) and more, printed element by
 * element and compared with what TF 2.21 prints for the same pipelines ({@code golden/pipelines.py}).
 */
class DatasetPipelinesTest {
    private static final Golden GOLDEN = Golden.load("pipelines");
    /** The tutorials' data, read by the tests only (the product ships none of it). */
    static final Path DATA = org.jflow.data.SharedData.DIR;

    private static final Dataset<Tensor> WORDS =
            Dataset.fromTensorSlices(new String[] {"hello world", "hello China", "hello Beijing"});

    /** Python's {@code print(x)} per element; a tuple prints as {@code print(*element)}. */
    static List<String> lines(Dataset<?> ds) {
        List<String> out = new ArrayList<>();
        for (Object e : ds) out.add(e instanceof Tuple<?> t ? t.stream().map(String::valueOf).collect(Collectors.joining(" ")) : e.toString());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, List<String> actual) { assertEquals((List<String>) GOLDEN.get(name), actual, name); }

    @Test
    void mapTracesTheFunctionOnce() {
        int[] traces = {0};
        check("map_split", lines(WORDS.map(x -> {
            traces[0]++;
            return tf.strings.split(x, " ");
        })));
        assertEquals(1, traces[0], "Java code in a map function runs once per trace");
    }

    @Test
    void flatMapAndInterleave() {
        check("flat_map", lines(WORDS.flatMap(x -> Dataset.fromTensorSlices(tf.strings.split(x, " ")))));
        check("interleave_cycle3", lines(WORDS.interleave(x -> Dataset.fromTensorSlices(tf.strings.split(x, " ")), 3, 1)));
        check("interleave_cycle2_block2", lines(Dataset.range(5).interleave(x -> {
            long v = (Long) x.numpy();
            return Dataset.range(v * 10, v * 10 + v + 1);
        }, 2, 2)));
    }

    @Test
    void filterZipConcatenateReduce() {
        check("filter_regex", lines(WORDS.filter(x -> tf.strings.regexFullMatch(x, ".*[a|B].*"))));
        List<String> zipped = new ArrayList<>();
        for (Tuple<Object> t : Dataset.zip(Dataset.range(0, 3), Dataset.range(3, 6), Dataset.range(6, 9))) {
            zipped.add(t.stream().map(x -> String.valueOf(((Tensor) x).numpy())).collect(Collectors.joining(" ")));
        }
        check("zip_numpy", zipped);
        check("concatenate", lines(Dataset.range(0, 3).concatenate(Dataset.range(3, 6))));
        Tensor sum = Dataset.<Tensor>fromTensorSlices(new float[] {1, 2, 3, 4, 5})
                .reduce(0.0f, (Tensor s, Tensor x) -> tf.add(s, x));
        check("reduce", List.of(org.jflow.format.TensorFormat.repr(sum)));
    }

    @Test
    void batchingAndPadding() {
        check("batch", lines(Dataset.range(12).batch(4)));
        check("batch_remainder", lines(Dataset.range(10).batch(4)));
        check("batch_drop_remainder", lines(Dataset.range(10).batch(4, true)));
        List<int[]> elements = List.of(new int[] {1, 2}, new int[] {3, 4, 5}, new int[] {6, 7}, new int[] {8});
        check("padded_batch", lines(Dataset.<Tensor>fromGenerator(elements::iterator, DType.INT32)
                .paddedBatch(2, new int[] {4}, null, false)));
        check("padded_batch_largest", lines(Dataset.<Tensor>fromGenerator(elements::iterator,
                new TensorSpec(DType.INT32, Shape.of(-1))).paddedBatch(3, null, -1, false)));
        check("unbatch", lines(Dataset.range(7).batch(3).unbatch()));
    }

    @Test
    void windows() {
        check("window_flat_map", lines(Dataset.range(12).window(3, 1).flatMap(w -> w.batch(3, true))));
        check("window_stride", lines(Dataset.range(10).window(3, 2, 2, false).flatMap(w -> w.batch(3))));
    }

    @Test
    void repeatShardTakeSkipEnumerate() {
        check("repeat", lines(Dataset.range(3).repeat(3)));
        check("shard", lines(Dataset.range(12).shard(3, 1)));
        check("take_skip", lines(Dataset.range(12).skip(4).take(3)));
        check("enumerate", lines(Dataset.fromTensorSlices(new String[] {"a", "b"}).enumerate(5)));
        List<Object> taken = new ArrayList<>();
        Dataset.range(12).take(3).asNumpyIterator().forEach(taken::add);
        assertEquals(List.of(0L, 1L, 2L), taken, "G-T14: list(range(12).take(3).as_numpy_iterator())");
    }

    @Test
    void tupleElementsAndParallelMap() {
        check("map_pair", lines(Dataset.fromTensorSlices(new float[] {1, 2, 3}, new int[] {10, 20, 30})
                .map((x, y) -> Tuple.of(tf.multiply(x, 2.0f), tf.add(y, 1))).batch(2)));
        check("map_parallel_ordered", lines(Dataset.range(20).map(x -> tf.multiply(x, x), 4).batch(10)));
        check("from_tensor_slices_matrix_tuple", lines(Dataset.fromTensorSlices(
                tf.constant(new double[][] {{5.1, 3.5, 1.4, 0.2}, {4.9, 3.0, 1.4, 0.2}, {5.0, 3.6, 1.4, 0.2}}),
                tf.constant(new long[] {0, 0, 1}))));
    }

    /** G-DS2: a dict of Python float lists gives float32 scalars, printed in the tutorial's (NumPy 1.x) format. */
    @Test
    void dictOfColumnsKeepsColumnOrder() {
        Map<String, float[]> columns = new LinkedHashMap<>();
        columns.put("sepal length (cm)", new float[] {5.1f, 4.9f});
        columns.put("sepal width (cm)", new float[] {3.5f, 3.0f});
        Iterator<Map<String, Tensor>> it = Dataset.<Map<String, Tensor>>fromTensorSlices(columns).iterator();
        assertEquals("{'sepal length (cm)': <tf.Tensor: shape=(), dtype=float32, numpy=5.1>, "
                + "'sepal width (cm)': <tf.Tensor: shape=(), dtype=float32, numpy=3.5>}",
                org.jflow.format.TensorFormat.repr(it.next()));
    }

    @Test
    void textLinesAndFileLists() {
        org.jflow.data.SharedData.assume();
        String train = DATA.resolve("titanic/train.csv").toString(), test = DATA.resolve("titanic/test.csv").toString();
        check("text_line_skip", lines(new TextLineDataset(train, test).skip(1).take(5)));
        Dataset<Tensor> files = Dataset.listFiles(DATA + "/titanic/*.csv", false, null);
        assertEquals(List.of(test, train), files.map(f -> f).toList().stream()
                .map(t -> new String(((byte[][]) t.data())[0])).toList());
        check("files_flat_map", lines(files.flatMap(f -> new TextLineDataset(f).skip(1)).take(4)));
        check("files_interleave", lines(files.interleave(f -> new TextLineDataset(f).skip(1), 2, 1).take(8)));
    }

    @Test
    void scanUniqueChooseAndTakeWhile() {
        check("scan_running_sum", lines(Dataset.range(6).scan(tf.constant(0L),
                (Tensor state, Tensor x) -> Tuple.of(tf.add(state, x), tf.add(tf.multiply(state, 10L), x)))));
        check("unique", lines(Dataset.fromTensorSlices(new int[] {3, 1, 3, 2, 1, 5}).unique()));
        check("choose_from_datasets", lines(Dataset.chooseFromDatasets(List.of(Dataset.range(0, 3), Dataset.range(10, 13)),
                Dataset.fromTensorSlices(new long[] {0, 1, 1, 0, 0, 1, 1}), false)));
        check("take_while", lines(Dataset.range(10).takeWhile(x -> tf.less(x, 4L))));
        check("rebatch", lines(Dataset.range(10).batch(4).rebatch(3)));
    }

    @Test
    void groupingAndBuckets() {
        check("group_by_window", lines(Dataset.range(10).groupByWindow(x -> (Long) x.numpy() % 3,
                (key, window) -> window.batch(2), 2)));
        List<int[]> seqs = List.of(new int[] {1}, new int[] {2, 2, 2}, new int[] {3, 3}, new int[] {4, 4, 4, 4, 4},
                new int[] {5}, new int[] {6, 6, 6, 6}, new int[] {7, 7});
        Dataset<Tensor> ds = Dataset.fromGenerator(seqs::iterator, new TensorSpec(DType.INT32, Shape.of(-1)));
        check("bucket_by_sequence_length", lines(ds.bucketBySequenceLength(x -> tf.size(x), new int[] {2, 4},
                new int[] {2, 2, 2})));
        check("bucket_pad_to_boundary", lines(ds.take(3).bucketBySequenceLength(x -> tf.size(x), new int[] {2, 5},
                new int[] {2, 2, 2}, f -> f.padToBucketBoundary(true))));
    }

    @Test
    void ignoreErrorsDropsFailedElements() {
        Tensor table = tf.constant(new int[] {10, 11, 12});
        check("ignore_errors", lines(Dataset.fromTensorSlices(new int[] {0, 5, 1, 7, 2}).map(i -> tf.gather(table, i))
                .ignoreErrors()));
    }

    @Test
    void elementSpecsAndCardinalities() {
        List<String> specs = List.of(
                String.valueOf(Dataset.range(12).batch(4).elementSpec()),
                String.valueOf(Dataset.range(12).batch(4, true).elementSpec()),
                String.valueOf(WORDS.map(x -> tf.strings.split(x, " ")).elementSpec()),
                org.jflow.format.TensorFormat.repr(Dataset.fromTensorSlices(new float[] {1}, new int[] {1}).elementSpec()));
        check("element_specs", specs);
        List<Long> cards = List.of(Dataset.range(12).cardinality(), Dataset.range(12).batch(5).cardinality(),
                Dataset.range(12).batch(5, true).cardinality(), Dataset.range(12).repeat().cardinality(),
                Dataset.range(12).repeat().take(7).cardinality(),
                Dataset.range(12).filter(x -> tf.greater(x, 3L)).cardinality(), Dataset.range(12).shard(5, 1).cardinality(),
                Dataset.range(12).skip(20).cardinality(), Dataset.range(3, 20, 4).cardinality(),
                Dataset.range(12).concatenate(Dataset.range(2)).cardinality());
        assertEquals(((List<?>) GOLDEN.get("cardinalities")).stream().map(n -> ((Number) n).longValue()).toList(), cards);
    }
}
