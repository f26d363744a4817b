package org.jflow.data;

import org.jflow.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tf.data promises beyond printed output: buffer bounds, seeds, caching, parallel order, laziness. */
class DatasetBehaviourTest {
    private static List<Long> values(Dataset<Tensor> ds) {
        List<Long> out = new ArrayList<>();
        for (Tensor t : ds) out.add((Long) t.numpy());
        return out;
    }

    /** G-T11: a permutation where the k-th output is one of the first k + buffer_size inputs. */
    @Test
    void shuffleDrawsFromItsBuffer() {
        for (long seed = 0; seed < 20; seed++) {
            List<Long> order = values(Dataset.range(12).shuffle(5, seed, true));
            assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), new HashSet<>(order));
            for (int k = 0; k < order.size(); k++) assertTrue(order.get(k) < k + 5, "output " + k + " of " + order);
        }
    }

    @Test
    void shuffleSeedsAndReshuffling() {
        Dataset<Tensor> reshuffled = Dataset.range(100).shuffle(100, 7L, true);
        Dataset<Tensor> fixed = Dataset.range(100).shuffle(100, 7L, false);
        assertNotEquals(values(reshuffled), values(reshuffled), "each pass draws a new order");
        assertEquals(values(fixed), values(fixed), "reshuffle_each_iteration=False repeats the order");
        assertEquals(values(Dataset.range(100).shuffle(100, 7L, true)), values(Dataset.range(100).shuffle(100, 7L, true)),
                "the same seed gives the same first pass");
        assertNotEquals(List.of(0L, 1L, 2L, 3L, 4L), values(Dataset.range(100).shuffle(100).take(5)));
    }

    /** The tutorial's {@code shuffle(...).batch(...).cache()}: later epochs replay the first epoch's order. */
    @Test
    void cacheReplaysTheFirstCompletePass() {
        AtomicInteger pulls = new AtomicInteger();
        Dataset<Tensor> ds = Dataset.range(10).shuffle(10).map(x -> x).filter(x -> {
            pulls.incrementAndGet(); // traced once: counts traces, not elements
            return tf.greaterEqual(x, 0L);
        }).cache();
        List<Long> first = values(ds);
        assertEquals(first, values(ds));
        assertEquals(1, pulls.get());
        Dataset<Tensor> partial = Dataset.range(10).shuffle(10).cache();
        List<Long> firstThree = values(partial.take(3));
        assertEquals(10, values(partial).size(), "an abandoned pass caches nothing");
        assertEquals(values(partial), values(partial));
        assertEquals(3, firstThree.size());
    }

    @Test
    void parallelMapKeepsOrderUnlessToldNotTo() {
        List<Long> squares = new ArrayList<>();
        for (long i = 0; i < 200; i++) squares.add(i * i);
        assertEquals(squares, values(Dataset.range(200).map(x -> tf.multiply(x, x), Dataset.AUTOTUNE)));
        List<Long> unordered = values(Dataset.range(200).map(x -> tf.multiply(x, x), 4, false));
        assertEquals(new HashSet<>(squares), new HashSet<>(unordered));
        assertEquals(200, unordered.size());
    }

    /** A map over batches with a short last batch runs on one trace: the batch dimension is unknown in the spec. */
    @Test
    void oneTraceServesEveryBatchSize() {
        int[] traces = {0};
        List<Long> sums = values(Dataset.range(10).batch(4).map(b -> {
            traces[0]++;
            return tf.reduceSum(b);
        }));
        assertEquals(List.of(6L, 22L, 17L), sums);
        assertEquals(1, traces[0]);
    }

    @Test
    void prefetchDeliversEverythingInOrder() {
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 1000; i++) expected.add(i);
        assertEquals(expected, values(Dataset.range(1000).prefetch(Dataset.AUTOTUNE)));
        assertEquals(expected, values(Dataset.range(1000).prefetch(1).prefetch(3)));
    }

    @Test
    void endsAndEdges() {
        assertEquals(List.of(), values(Dataset.range(0).repeat()), "an empty dataset repeated forever ends");
        assertEquals(List.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1), values(Dataset.range(Long.MAX_VALUE - 2, Long.MAX_VALUE)));
        assertEquals(List.of(Long.MAX_VALUE - 1), values(Dataset.range(Long.MAX_VALUE - 1, Long.MAX_VALUE, 5)));
        assertEquals(List.of(5L, 3L, 1L), values(Dataset.range(5, 0, -2)));
        assertEquals(2, Dataset.zip(Dataset.range(2), Dataset.range(5)).toList().size(), "zip ends with the shortest");
        assertEquals("DatasetSpec(TensorSpec(shape=(), dtype=tf.int64, name=None), TensorShape([]))",
                String.valueOf(Dataset.range(12).window(3).elementSpec()));
        assertEquals("<_BatchDataset element_spec=TensorSpec(shape=(None,), dtype=tf.int64, name=None)>",
                Dataset.range(3).batch(2).toString());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                cycleOf(Dataset.range(20).interleave(x -> Dataset.<Tensor>fromTensors(x).repeat(2))),
                "interleave's default cycle is one input per CPU");
    }

    /** How many inputs an interleave of two-element datasets visits before coming back to the first. */
    private static int cycleOf(Dataset<Tensor> ds) {
        List<Long> v = values(ds);
        return v.subList(1, v.size()).indexOf(0L) + 1;
    }

    @Test
    void sampleFromDatasetsFollowsTheWeightsAndDrainsEveryInput() {
        Dataset<Tensor> zeros = Dataset.<Tensor>fromTensors(tf.constant(0L)).repeat(), ones = Dataset.<Tensor>fromTensors(tf.constant(1L)).repeat();
        List<Long> drawn = values(Dataset.sampleFromDatasets(List.of(zeros, ones), new double[] {0.8, 0.2}, 3L, false).take(5000));
        double share = drawn.stream().filter(v -> v == 0L).count() / 5000.0;
        assertTrue(Math.abs(share - 0.8) < 0.03, "share of the first dataset " + share);
        List<Long> all = values(Dataset.sampleFromDatasets(List.of(Dataset.range(0, 50), Dataset.range(100, 120))));
        assertEquals(70, all.size(), "an exhausted input leaves the draw, the others continue");
        assertEquals(values(Dataset.range(0, 50)), all.stream().filter(v -> v < 100).toList(), "each input keeps its order");
        assertTrue(values(Dataset.sampleFromDatasets(List.of(Dataset.range(0, 50), Dataset.range(100, 120)), null, 1L, true))
                .size() < 70, "stop_on_empty_dataset ends at the first exhausted input");
    }

    @Test
    void pipelineStatsCountElementsBytesAndLatency() {
        PipelineStats stats = new PipelineStats();
        List<Tensor> out = Dataset.range(20).apply(stats.stage("source")).map(x -> tf.fill(new int[] {4}, x))
                .apply(stats.stage("map")).batch(5).apply(stats.stage("batch")).toList();
        assertEquals(4, out.size());
        assertEquals(20, stats.get("source").elements());
        assertEquals(20 * 8, stats.get("source").bytes());
        assertEquals(20 * 4 * 8, stats.get("map").bytes());
        assertEquals(4, stats.get("batch").elements());
        assertEquals(20 * 4 * 8, stats.get("batch").bytes());
        assertTrue(stats.get("batch").latencyMicros(0.5) >= stats.get("source").latencyMicros(0.5));
        assertTrue(stats.get("map").elementsPerSecond() > 0);
        assertEquals(4, stats.toString().lines().count());
    }

    /**
     * Options set at the end of a pipeline reach the map before them; the map's own argument wins.
     * The map runs per element here (run_functions_eagerly), so the first element can be slow.
     */
    @Test
    void optionsApplyToTheWholePipeline() {
        org.jflow.graph.PolymorphicFunction.runEagerly(true);
        try {
            Dataset<Tensor> slowFirst = Dataset.range(8).map(x -> {
                sleep((Long) x.numpy() == 0 ? 300 : 1);
                return x;
            }, 4);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), values(slowFirst));
            List<Long> relaxed = values(slowFirst.withOptions(new Options().deterministic(false)));
            assertNotEquals(0L, relaxed.getFirst(), "with deterministic=False the slow first element is overtaken");
            assertEquals(8, new HashSet<>(relaxed).size());
            Dataset<Tensor> pinned = Dataset.range(8).map(x -> {
                sleep((Long) x.numpy() == 0 ? 100 : 1);
                return x;
            }, 4, true);
            assertEquals(0L, values(pinned.withOptions(new Options().deterministic(false))).getFirst(), "the map's argument wins");
        } finally {
            org.jflow.graph.PolymorphicFunction.runEagerly(false);
        }
        assertEquals(Boolean.FALSE, Dataset.range(3).withOptions(new Options().deterministic(false)).map(x -> x).options().deterministic);
        assertEquals(2, new Options().privateThreadpoolSize(3).merge(new Options().privateThreadpoolSize(2)).threading.privateThreadpoolSize);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void textLinesFromGzipAndCrlfFiles(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("a.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("one\r\ntwo\n\nthree".getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        for (Tensor t : new TextLineDataset(List.of(gz.toString()), "GZIP")) lines.add(new String(((byte[][]) t.data())[0]));
        assertEquals(List.of("one", "two", "", "three"), lines);
    }
}
