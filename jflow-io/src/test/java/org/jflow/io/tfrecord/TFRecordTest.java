package org.jflow.io.tfrecord;

import org.jflow.Golden;
import org.jflow.errors.DataLossError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.OpError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TFRecord files as TF 2.21 writes and reads them ({@code golden/tfrecord.py}). */
class TFRecordTest {
    static final Golden GOLDEN = Golden.load("tfrecord");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    static List<byte[]> hexList(Object list) {
        List<byte[]> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add(HEX.parseHex((String) o));
        return out;
    }

    static List<byte[]> readAll(String path, String compression) {
        List<byte[]> out = new ArrayList<>();
        try (TFRecordReader r = new TFRecordReader(path, compression, 0)) {
            for (byte[] b; (b = r.next()) != null; ) out.add(b);
        }
        return out;
    }

    private static void assertRecords(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "record " + i);
    }

    @Test
    void writerFramesRecordsAsTfDoes() throws IOException {
        Path p = dir.resolve("a.tfrecord");
        try (TFRecordWriter w = new TFRecordWriter(p.toString())) {
            for (byte[] r : hexList(GOLDEN.get("framing_records"))) w.write(r);
        }
        assertEquals(GOLDEN.string("framing"), HEX.formatHex(Files.readAllBytes(p)));
    }

    @Test
    void readsFilesTfWroteInEveryCompression() throws IOException {
        List<byte[]> expected = hexList(GOLDEN.get("fixture_records"));
        for (String[] c : new String[][] {{"", ""}, {".gz", "GZIP"}, {".zlib", "ZLIB"}}) {
            Path fixture = dir.resolve("tf" + c[0]);
            try (var in = TFRecordTest.class.getResourceAsStream("/tfrecord/tf_examples.tfrecord" + c[0])) {
                Files.write(fixture, in.readAllBytes());
            }
            assertRecords(expected, readAll(fixture.toString(), c[1]));
        }
    }

    @Test
    void compressedFilesRoundTrip() {
        List<byte[]> records = hexList(GOLDEN.get("framing_records"));
        for (String c : List.of("", "GZIP", "ZLIB")) {
            String p = dir.resolve("rt-" + c).toString();
            try (TFRecordWriter w = new TFRecordWriter(p, new TFRecordOptions(c, 9))) {
                for (byte[] r : records) w.write(r);
            }
            assertRecords(records, readAll(p, c));
        }
    }

    @Test
    void writerRenamesOntoItsPathOnlyOnClose() throws IOException {
        Path p = dir.resolve("late.tfrecord");
        TFRecordWriter w = new TFRecordWriter(p.toString());
        w.write(new byte[] {1, 2, 3});
        w.flush();
        assertFalse(Files.exists(p), "no half-written file under the final name");
        w.close();
        w.close();
        assertTrue(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "no temporary file left");
        }
        assertEquals("Writer is closed.", assertThrows(OpError.class, () -> w.write(new byte[0])).getMessage());
    }

    /** TF's text for each damaged file, then the file's name; where TF reads records instead, so does JFlow. */
    @Test
    void damagedFilesAreTfsDataLossErrorsNamingFileAndOffset() throws IOException {
        byte[] framing = HEX.parseHex(GOLDEN.string("framing"));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("length_crc_first", flip(framing, 0));
        files.put("length_crc_later", flip(framing, 21));
        files.put("header_crc_first", flip(framing, 9));
        files.put("data_first", flip(framing, 13));
        files.put("data_later", flip(framing, 34));
        files.put("data_crc_later", flip(framing, 41));
        files.put("truncated_footer", java.util.Arrays.copyOf(framing, 19));
        files.put("header_only", java.util.Arrays.copyOf(framing, 12));
        files.put("empty_file", new byte[0]);
        Map<String, Object> golden = GOLDEN.map("read");
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.write(p, e.getValue());
            @SuppressWarnings("unchecked") Map<String, Object> tf = (Map<String, Object>) golden.get(e.getKey());
            if (tf.containsKey("records")) {
                assertRecords(hexList(tf.get("records")), readAll(p.toString(), ""));
            } else {
                DataLossError err = assertThrows(DataLossError.class, () -> readAll(p.toString(), ""), e.getKey());
                assertEquals(tf.get("message") + ", in file " + p, err.getMessage(), e.getKey());
            }
        }
    }

    /**
     * A header cut short after complete records: TF ends the file there silently ({@code truncated_data} in the
     * golden file reads one record); JFlow raises the truncated-record error, so a cut file is never complete.
     */
    @Test
    void partialHeaderIsTruncatedRecordNotSilentEnd() throws IOException {
        byte[] framing = HEX.parseHex(GOLDEN.string("framing"));
        @SuppressWarnings("unchecked") Map<String, Object> tf = (Map<String, Object>) GOLDEN.map("read").get("truncated_data");
        assertEquals(1, ((List<?>) tf.get("records")).size());
        Path p = dir.resolve("cut");
        Files.write(p, java.util.Arrays.copyOf(framing, 30));
        TFRecordReader r = new TFRecordReader(p.toString());
        assertArrayEquals("hello".getBytes(), r.next());
        assertEquals("truncated record at 21' failed with Read less bytes than requested, in file " + p,
                assertThrows(DataLossError.class, r::next).getMessage());
        r.close();
    }

    /** A length field of 2**60 (with a valid CRC) is checked against the file before anything is allocated. */
    @Test
    void hugeLengthIsTruncatedRecordNotOutOfMemory() throws IOException {
        for (long length : new long[] {1L << 60, -1L, Integer.MAX_VALUE, 1000}) {
            byte[] header = new byte[12];
            Framing.writeLong(header, 0, length);
            Framing.writeInt(header, 8, Framing.maskedCrc(header, 0, 8));
            byte[] file = java.util.Arrays.copyOf(header, 40);
            for (String c : List.of("", "GZIP", "ZLIB")) {
                Path p = dir.resolve("huge" + c);
                Files.write(p, compress(file, c));
                DataLossError err = assertThrows(DataLossError.class, () -> readAll(p.toString(), c));
                assertEquals("truncated record at 0' failed with Read less bytes than requested, in file " + p,
                        err.getMessage());
            }
        }
    }

    @Test
    void badCompressedStreamsAndMissingFilesAreTfErrors() throws IOException {
        Path p = dir.resolve("plain");
        Files.write(p, HEX.parseHex(GOLDEN.string("framing")));
        DataLossError err = assertThrows(DataLossError.class, () -> readAll(p.toString(), "GZIP"));
        assertTrue(err.getMessage().endsWith(", in file " + p), err.getMessage());
        String missing = dir.resolve("none.tfrecord").toString();
        assertEquals(missing + "; No such file or directory",
                assertThrows(NotFoundError.class, () -> new TFRecordReader(missing)).getMessage());
        assertEquals("Not a valid compression_type: \"LZ4\"",
                assertThrows(ValueError.class, () -> new TFRecordOptions("LZ4")).getMessage());
    }

    static byte[] flip(byte[] b, int i) {
        byte[] c = b.clone();
        c[i] ^= 1;
        return c;
    }

    static byte[] compress(byte[] data, String compression) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = switch (compression) {
            case "GZIP" -> new java.util.zip.GZIPOutputStream(bytes);
            case "ZLIB" -> new java.util.zip.DeflaterOutputStream(bytes);
            default -> bytes;
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
