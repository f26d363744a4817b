package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.io.parsing.FixedLenFeature;
import org.jflow.io.parsing.Parsing;
import org.jflow.io.tfrecord.TFRecordOptions;
import org.jflow.io.tfrecord.TFRecordWriter;
import org.jflow.io.train.Example;
import org.jflow.io.train.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tf.data.TFRecordDataset} and the tutorial's cifar2-to-TFRecord program (inventory 001b, G-DS7): JFlow
 * writes one Example per image ('label' = the class folder's index in sorted order, 'img_raw' = the JPEG's bytes),
 * and TF 2.21 reads it back through the Python oracle, which in the same run writes the same program's file for
 * JFlow to read ({@code golden/cifar2_tfrecord.py}).
 */
class TFRecordDatasetTest {
    private static final Path CIFAR2_TEST = DatasetPipelinesTest.DATA.resolve("cifar2/test");
    private static final Path ORACLE = Path.of(System.getProperty("user.home"), ".cache/jflow-python-oracle/bin/python");
    private static final Map<String, Object> FEATURES = Map.of(
            "label", new FixedLenFeature(new int[] {}, DType.INT64),
            "img_raw", new FixedLenFeature(new int[] {}, DType.STRING));

    @TempDir
    Path dir;

    /** The images as the tutorial's {@code create_tfrecords} walks them: (label, path), folders and files sorted. */
    private static List<Map.Entry<Long, Path>> images(Path folder) throws IOException {
        List<Map.Entry<Long, Path>> out = new ArrayList<>();
        List<Path> classes;
        try (Stream<Path> s = Files.list(folder)) {
            classes = s.filter(Files::isDirectory).sorted().toList();
        }
        for (int label = 0; label < classes.size(); label++) {
            try (Stream<Path> s = Files.list(classes.get(label))) {
                for (Path p : s.sorted().toList()) out.add(Map.entry((long) label, p));
            }
        }
        return out;
    }

    /** The tutorial's program, in JFlow. */
    private static void createTfrecords(Path folder, String out, TFRecordOptions options) throws IOException {
        try (TFRecordWriter writer = new TFRecordWriter(out, options)) {
            for (var image : images(folder)) {
                writer.write(Example.of(Map.of("label", Feature.int64List(image.getKey()),
                        "img_raw", Feature.bytesList(Files.readAllBytes(image.getValue())))).serializeToString());
            }
        }
    }

    @Test
    void cifar2TfrecordsRoundTripThroughTensorFlow() throws Exception {
        assumeTrue(Files.isDirectory(CIFAR2_TEST), "the tutorials' data folder");
        assumeTrue(Files.isExecutable(ORACLE), "the Python oracle (../shared/tools/python-oracle)");
        List<Map.Entry<Long, Path>> images = images(CIFAR2_TEST);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Long> labels = new ArrayList<>();
        for (var image : images) {
            labels.add(image.getKey());
            sha.update(Files.readAllBytes(image.getValue()));
        }
        // GZIP: the uncompressed framing is TF's byte for byte already (TFRecordTest).
        String ours = dir.resolve("cifar2_test.tfrecords.gz").toString();
        String theirs = dir.resolve("tf_cifar2_test.tfrecords.gz").toString();
        createTfrecords(CIFAR2_TEST, ours, new TFRecordOptions("GZIP"));

        Process p = new ProcessBuilder(ORACLE.toString(), "src/test/resources/golden/cifar2_tfrecord.py", ours, "GZIP",
                CIFAR2_TEST.toString(), theirs).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), printed);
        String expected = "{\"count\": " + images.size() + ", \"labels\": " + labels + ", \"sha256\": \""
                + HexFormat.of().formatHex(sha.digest()) + "\", \"shapes\": [\"(32, 32, 3)\"]}";
        assertEquals(expected, printed, "what TF read from JFlow's file");

        // TF's GZIP file, read and parsed by JFlow: the same labels and bytes, image by image.
        Dataset<Map<String, Object>> parsed = new TFRecordDataset(List.of(theirs), "GZIP", 0)
                .map(x -> Parsing.parseSingleExample(x, FEATURES));
        int i = 0;
        for (Map<String, Object> e : parsed) {
            assertEquals(images.get(i).getKey(), ((Tensor) e.get("label")).numpy());
            assertArrayEquals(Files.readAllBytes(images.get(i).getValue()), Scalars.bytes((Tensor) e.get("img_raw")));
            i++;
        }
        assertEquals(images.size(), i);
    }

    @Test
    void readsFilesInOrderAcrossCompressions() {
        List<String> files = new ArrayList<>();
        for (String c : List.of("GZIP", "ZLIB")) {
            String path = dir.resolve("f-" + c).toString();
            try (TFRecordWriter w = new TFRecordWriter(path, new TFRecordOptions(c))) {
                for (int r = 0; r < 3; r++) w.write((c + r).getBytes(StandardCharsets.UTF_8));
            }
            files.add(path);
        }
        List<String> gz = new TFRecordDataset(List.of(files.get(0), files.get(0)), "GZIP", 16).stream()
                .map(t -> new String(Scalars.bytes(t), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("GZIP0", "GZIP1", "GZIP2", "GZIP0", "GZIP1", "GZIP2"), gz);
        assertEquals("tf.Tensor(b'ZLIB1', shape=(), dtype=string)",
                new TFRecordDataset(List.of(files.get(1)), "ZLIB", 0).skip(1).iterator().next().toString());
        assertEquals("TensorSpec(shape=(), dtype=tf.string, name=None)", new TFRecordDataset(files.get(0)).elementSpec().toString());
    }

    /** A parse traced once inside {@code map}, batched afterwards, as the tutorial's reader does. */
    @Test
    void parseInsideMapTracesOnceAndBatches() {
        String path = dir.resolve("small.tfrecord").toString();
        try (TFRecordWriter w = new TFRecordWriter(path)) {
            for (long k = 0; k < 5; k++) {
                w.write(Example.of(Map.of("label", Feature.int64List(k), "img_raw", Feature.bytesList(new byte[] {(byte) k})))
                        .serializeToString());
            }
        }
        int[] traces = {0};
        Dataset<Map<String, Object>> ds = new TFRecordDataset(path).map(x -> {
            traces[0]++;
            return Parsing.parseSingleExample(x, FEATURES);
        }).batch(2);
        List<String> labels = ds.stream().map(m -> m.get("label").toString()).toList();
        assertEquals(List.of("tf.Tensor([0 1], shape=(2,), dtype=int64)", "tf.Tensor([2 3], shape=(2,), dtype=int64)",
                "tf.Tensor([4], shape=(1,), dtype=int64)"), labels);
        assertEquals(1, traces[0]);
    }

    @Test
    void corruptFileFailsThePassWithDataLoss() throws IOException {
        Path p = dir.resolve("bad.tfrecord");
        try (TFRecordWriter w = new TFRecordWriter(p.toString())) {
            w.write(new byte[] {1, 2, 3});
        }
        byte[] b = Files.readAllBytes(p);
        b[13] ^= 1;
        Files.write(p, b);
        DataLossError e = assertThrows(DataLossError.class, () -> new TFRecordDataset(p.toString()).toList());
        assertEquals("corrupted record at 12, in file " + p, e.getMessage());
    }
}
