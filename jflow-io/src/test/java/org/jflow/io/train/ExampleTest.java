package org.jflow.io.train;

import org.jflow.Golden;
import org.jflow.errors.DataLossError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code tf.train.Example}s built with the Python-like builders serialize to TF's bytes ({@code golden/tfrecord.py}). */
class ExampleTest {
    private static final Golden GOLDEN = Golden.load("tfrecord");
    private static final HexFormat HEX = HexFormat.of();

    /** The messages of {@code golden/tfrecord.py}'s {@code examples}, built as a Java user builds them. */
    static Map<String, byte[]> examples() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        Map<String, Feature> mixed = new LinkedHashMap<>();
        mixed.put("label", Feature.int64List(1));
        mixed.put("img_raw", Feature.bytesList(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));
        mixed.put("weights", Feature.floatList(0.25f, 0.5f));
        mixed.put("zz", Feature.int64List());
        mixed.put("aa", Feature.bytesList(new byte[0][]));
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("ints", Example.of(Map.of("v", Feature.int64List(0, 1, -1, 1L << 62, Long.MIN_VALUE, 300))).serializeToString());
        out.put("floats", Example.of(Map.of("v", Feature.floatList(1.5f, -0.0f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 1e-45f, 3.4028235e38f))).serializeToString());
        out.put("bytes", Example.of(Map.of("v", Feature.bytesList(new byte[0], "abc".getBytes(StandardCharsets.UTF_8),
                "héllo".getBytes(StandardCharsets.UTF_8), all))).serializeToString());
        out.put("mixed", Example.of(mixed).serializeToString());
        out.put("empty_lists", Example.of(Map.of("i", Feature.int64List(), "f", Feature.floatList(),
                "b", Feature.bytesList(List.of()))).serializeToString());
        out.put("no_features", new Example(org.jflow.io.proto.Example.getDefaultInstance()).serializeToString());
        out.put("empty_features", Example.of(Map.of()).serializeToString());
        out.put("sequence", SequenceExample.of(
                Map.of("c", Feature.floatList(2.5f), "id", Feature.bytesList(List.of("x"))),
                Map.of("t", FeatureList.of(Feature.int64List(1, 2), Feature.int64List(3, 4), Feature.int64List(5, 6)),
                        "v", FeatureList.of(Feature.int64List(1), Feature.int64List(2, 3), Feature.int64List())))
                .serializeToString());
        return out;
    }

    @Test
    void serializedBytesAreTfs() {
        Map<String, Object> tf = GOLDEN.map("serialized");
        Map<String, byte[]> ours = examples();
        assertEquals(tf.keySet(), ours.keySet());
        for (var e : ours.entrySet()) assertEquals(tf.get(e.getKey()), HEX.formatHex(e.getValue()), e.getKey());
        assertEquals(GOLDEN.string("feature_bytes"), HEX.formatHex(Feature.int64List(1, 2, 3).serializeToString()));
    }

    @Test
    void parsedMessagesReadBackTheirFeatures() {
        Example e = Example.fromString(examples().get("mixed"));
        Map<String, Feature> f = e.features().feature();
        assertEquals(List.of("aa", "img_raw", "label", "weights", "zz"), List.copyOf(f.keySet()));
        assertArrayEquals(new long[] {1}, f.get("label").int64Values());
        assertArrayEquals(new float[] {0.25f, 0.5f}, f.get("weights").floatValues());
        assertEquals("bytes_list", f.get("img_raw").kind());
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, f.get("img_raw").bytesValues().get(0));
        SequenceExample s = SequenceExample.fromString(examples().get("sequence"));
        assertEquals(3, s.featureLists().featureList().get("t").feature().size());
        assertArrayEquals(new long[] {3, 4}, s.featureLists().featureList().get("t").feature().get(1).int64Values());
        assertThrows(DataLossError.class, () -> Example.fromString(new byte[] {0x0a, 0x05, 0x0a}));
    }
}
