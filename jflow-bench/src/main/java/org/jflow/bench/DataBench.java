package org.jflow.bench;

import org.jflow.Tensor;
import org.jflow.data.Dataset;
import org.jflow.data.TFRecordDataset;
import org.jflow.data.TextLineDataset;
import org.jflow.io.parsing.FixedLenFeature;
import org.jflow.io.parsing.Parsing;
import org.jflow.io.tfrecord.TFRecordWriter;
import org.jflow.io.train.Example;
import org.jflow.io.train.Feature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.jflow.TF.tf;

/**
 * JFlow's side of {@code bench/data}: the tutorial's five tf.data performance tips with scaled-down
 * sleeps (prefetch, interleave, parallel map, cache, batch-then-map) and a CPU-bound parallel map,
 * one line per case: {@code case<TAB>seconds}, the faster of two runs. The peer
 * ({@code bench/data_peer.py}) runs the same cases in TensorFlow 2.21. Arguments: the data folder,
 * then optional case-name filters.
 */
public final class DataBench {
    private static final long PREPARE_MS = 20, STEP_MS = 10;
    private static final int ITEMS = 10;

    private DataBench() {}

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tutorial's generator: each item takes a while to prepare. */
    private static Dataset<Tensor> slowGenerator() {
        return Dataset.fromGenerator(() -> new java.util.Iterator<Integer>() {
            private int i;

            @Override
            public boolean hasNext() { return i < ITEMS; }

            @Override
            public Integer next() {
                sleep(PREPARE_MS);
                return i++;
            }
        }, org.jflow.DType.INT32);
    }

    private static void train(Dataset<?> ds) {
        for (Object ignored : ds) sleep(STEP_MS);
    }

    private static void consume(Dataset<?> ds) {
        for (Object ignored : ds) { /* pull every element */ }
    }

    /** A few thousand flops per element, the same function as the peer's. */
    private static Tensor cpuBound(Tensor x) {
        Tensor v = tf.multiply(tf.multiply(tf.cast(tf.range(4096), org.jflow.DType.FLOAT32), tf.cast(x, org.jflow.DType.FLOAT32)), 1e-4f);
        return tf.reduceSum(tf.multiply(tf.sin(v), tf.cos(v)));
    }

    private static double bestOfTwo(Runnable body) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            body.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /**
     * The tutorial's cifar2_test.tfrecords (one Example per image of cifar2/test, 'label' = the class folder's index
     * in sorted order, 'img_raw' = the JPEG), written to a temporary file; the peer writes the same with TF.
     */
    private static String cifar2Tfrecords(String data) {
        try {
            java.nio.file.Path out = java.nio.file.Files.createTempFile("cifar2_test", ".tfrecords");
            out.toFile().deleteOnExit();
            java.nio.file.Path folder = java.nio.file.Path.of(data, "cifar2", "test");
            try (TFRecordWriter w = new TFRecordWriter(out.toString());
                 var classes = java.nio.file.Files.list(folder)) {
                List<java.nio.file.Path> sorted = classes.sorted().toList();
                for (int label = 0; label < sorted.size(); label++) {
                    try (var images = java.nio.file.Files.list(sorted.get(label))) {
                        for (java.nio.file.Path image : images.sorted().toList()) {
                            w.write(Example.of(Map.of("label", Feature.int64List(label), "img_raw",
                                    Feature.bytesList(java.nio.file.Files.readAllBytes(image)))).serializeToString());
                        }
                    }
                }
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        String data = args[0];
        List<String> filters = List.of(args).subList(1, args.length);
        Dataset<Tensor> generated = slowGenerator();
        Dataset<Tensor> files = Dataset.listFiles(data + "/titanic/*.csv", false, null);
        Dataset<Tensor> numbers = Dataset.range(10000);
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("prefetch: serial", () -> train(generated));
        cases.put("prefetch: prefetch(AUTOTUNE)", () -> train(generated.prefetch(Dataset.AUTOTUNE)));
        cases.put("interleave: flat_map files", () -> consume(files.flatMap(f -> new TextLineDataset(f).skip(1))));
        cases.put("interleave: interleave files", () -> consume(files.interleave(f -> new TextLineDataset(f).skip(1))));
        cases.put("map 10000 cpu-bound: sequential", () -> consume(numbers.map(DataBench::cpuBound)));
        cases.put("map 10000 cpu-bound: parallel(AUTOTUNE)", () -> consume(numbers.map(DataBench::cpuBound, Dataset.AUTOTUNE)));
        cases.put("cache: 3 epochs without", () -> {
            for (int e = 0; e < 3; e++) consume(generated.take(5));
        });
        cases.put("cache: 3 epochs with cache()", () -> {
            Dataset<Tensor> cached = generated.take(5).cache();
            for (int e = 0; e < 3; e++) consume(cached);
        });
        cases.put("vectorize: map then batch(20)", () -> consume(Dataset.range(100000).map(x -> tf.pow(x, 2L)).batch(20)));
        cases.put("vectorize: batch(20) then map", () -> consume(Dataset.range(100000).batch(20).map(x -> tf.pow(x, 2L))));
        String tfrecords = cifar2Tfrecords(data);
        Map<String, Object> features = Map.of("label", new FixedLenFeature(new int[] {}, org.jflow.DType.INT64),
                "img_raw", new FixedLenFeature(new int[] {}, org.jflow.DType.STRING));
        // Five passes (10,000 records) per run, so that a run is long enough to time.
        cases.put("tfrecord: map(parse) cifar2 x5", () -> consume(
                new TFRecordDataset(tfrecords).repeat(5).map(x -> Parsing.parseSingleExample(x, features))));
        cases.put("tfrecord: batch(100).map(parse) cifar2 x5", () -> consume(
                new TFRecordDataset(tfrecords).repeat(5).batch(100).map(x -> Parsing.parseExample(x, features))));
        // the data issue's image pipeline: cifar2 JPEG folder -> read -> decode -> resize 64x64 -> batch 100
        org.jflow.image.ImageNamespace image = new org.jflow.image.ImageNamespace();
        cases.put("jpeg: cifar2 test decode+resize(64) batch(100)", () -> consume(
                Dataset.listFiles(data + "/cifar2/test/*/*.jpg", false, null)
                        .map(p -> image.resize(image.decodeJpeg(org.jflow.io.file.FileOps.readFile(p), 3), 64, 64),
                                Dataset.AUTOTUNE).batch(100)));
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            if (!filters.isEmpty() && filters.stream().noneMatch(c.getKey()::contains)) continue;
            System.out.println(c.getKey() + "\t" + String.format(Locale.ROOT, "%.4f", bestOfTwo(c.getValue())));
        }
    }
}
