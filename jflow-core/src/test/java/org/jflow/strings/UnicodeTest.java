package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.RaggedOrDense;
import org.jflow.RaggedTensor;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Map.entry;
import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tf.strings.split and the unicode functions as TF 2.21: a scalar input gives a dense result, a vector a
 * RaggedTensor printed as TF prints it; ill-formed text per {@code errors}. Expected: golden/unicode.py.
 */
class UnicodeTest {
    private static final Golden TF = Golden.load("unicode");
    private static final String BAD = "a\u00ffb\u00e2\u0082c\u00f0\u009f\u0098";
    private static final String[] LINES = {"the quick brown fox jumps over the lazy dog again and again and again", "x",
        "y z"};

    /** A scalar string tensor of the given bytes, each char of {@code latin1} one byte. */
    private static Tensor raw(String latin1) {
        return org.jflow.raw.Raw.scalarString(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Tensor rawVector(String... latin1) {
        byte[][] b = new byte[latin1.length][];
        for (int i = 0; i < b.length; i++) b[i] = latin1[i].getBytes(StandardCharsets.ISO_8859_1);
        return Tensor.wrap(DType.STRING, Shape.of(b.length), b);
    }

    private static final Map<String, Supplier<RaggedOrDense>> CASES = Map.ofEntries(
            entry("splitScalar", () -> tf.strings.split("hello  world")),
            entry("splitVector", () -> tf.strings.split(new String[] {"hello world", "", "a b c"})),
            entry("splitUniformRows", () -> tf.strings.split(new String[] {"a b", "c d"})),
            entry("splitNoRows", () -> tf.strings.split(new String[0])),
            entry("splitEmptyRows", () -> tf.strings.split(new String[] {"", ""})),
            entry("splitOneRow", () -> tf.strings.split(new String[] {"a b"})),
            entry("splitLongRows", () -> tf.strings.split(LINES)),
            entry("splitSepMaxsplit", () -> tf.strings.split(new String[] {"a,b,c", "d"}, ",", 1)),
            entry("decodeScalar", () -> tf.strings.unicodeDecode("h\u00e9llo", "UTF-8")),
            entry("decodeVector", () ->
                    tf.strings.unicodeDecode(new String[] {"h\u00e9llo", "", "\u8a9e\u8a00"}, "UTF-8")),
            entry("decodeUniformRows", () -> tf.strings.unicodeDecode(new String[] {"ab", "cd"}, "UTF-8")),
            entry("decodeLongRows", () -> tf.strings.unicodeDecode(new String[] {"the quick brown fox", "x", "y z",
                    "hello world", "another one", "more rows here"}, "UTF-8")),
            entry("decodeBadReplace", () -> tf.strings.unicodeDecode(raw(BAD), "UTF-8")),
            entry("decodeBadIgnore", () -> tf.strings.unicodeDecode(raw(BAD), "UTF-8", o -> o.errors("ignore"))),
            entry("decodeBadReplacementChar", () ->
                    tf.strings.unicodeDecode(raw(BAD), "UTF-8", o -> o.replacementChar(63))),
            entry("decodeBadStrict", () -> tf.strings.unicodeDecode(raw(BAD), "UTF-8", o -> o.errors("strict"))),
            entry("decodeSurrogatesOverlong", () -> tf.strings.unicodeDecode(
                    raw("\u00ed\u00a0\u0080x\u00c0\u0080\u00e0\u0080\u0080"), "UTF-8")),
            entry("decodeTruncatedThenAscii", () ->
                    tf.strings.unicodeDecode(raw("\u00f0\u009fa\u00f4\u0090\u0080\u0080"), "UTF-8")),
            entry("decodeControl", () -> tf.strings.unicodeDecode("a\u0001\u007f\tb\u0085", "UTF-8",
                    o -> o.replaceControlCharacters(true))),
            entry("decodeUtf16be", () -> tf.strings.unicodeDecode(
                    raw("\u0000a\u00d8\u003d\u00de\u0000\u00d8\u003d\u0000b\u00dc\u0000\u0000"), "UTF-16-BE")),
            entry("decodeUtf16Bom", () ->
                    tf.strings.unicodeDecode(raw("\u00ff\u00fea\u0000\u003d\u00d8\u0000\u00de"), "UTF-16")),
            entry("decodeUtf16NoBom", () -> tf.strings.unicodeDecode(raw("\u0000a"), "UTF-16")),
            entry("decodeUtf16le", () -> tf.strings.unicodeDecode(raw("a\u0000"), "utf-16le")),
            entry("decodeUtf32be", () -> tf.strings.unicodeDecode(raw("\u0000\u0000\u0000a\u0000\u0001\u00f6\u0000"
                    + "\u0000\u0011\u0000\u0000\u0000\u0000\u00d8\u0000\u0000"), "UTF-32-BE")),
            entry("decodeUtf32Bom", () ->
                    tf.strings.unicodeDecode(raw("\u00ff\u00fe\u0000\u0000a\u0000\u0000\u0000"), "UTF-32")),
            entry("decodeLatin1", () -> tf.strings.unicodeDecode(raw("\u00e9a"), "ISO-8859-1")),
            entry("decodeAscii", () -> tf.strings.unicodeDecode(raw("a\u00e9"), "US-ASCII")),
            entry("decodeAlias", () -> tf.strings.unicodeDecode("a", "utf8")),
            entry("decodeUnknownEncoding", () -> tf.strings.unicodeDecode("a", "BOGUS")),
            entry("decodeReplacementOutOfRange", () -> tf.strings.unicodeDecode(raw("\u00ff"), "UTF-8",
                    o -> o.replacementChar(0x110000))),
            entry("decodeSurrogateReplacement", () ->
                    tf.strings.unicodeDecode(raw("\u00ff"), "UTF-8", o -> o.replacementChar(0xD800))),
            entry("decodeEmptyScalar", () -> tf.strings.unicodeDecode("", "UTF-8")),
            entry("splitCharsScalar", () -> tf.strings.unicodeSplit("h\u00e9llo", "UTF-8")),
            entry("splitCharsVector", () ->
                    tf.strings.unicodeSplit(new String[] {"h\u00e9llo", "", "\u8a9e\u8a00"}, "UTF-8")),
            entry("splitCharsBad", () -> tf.strings.unicodeSplit(raw(BAD), "UTF-8")),
            entry("splitCharsBadIgnore", () -> tf.strings.unicodeSplit(raw(BAD), "UTF-8", o -> o.errors("ignore"))),
            entry("splitCharsUtf16be", () ->
                    tf.strings.unicodeSplit(raw("\u00d8\u003d\u0000a\u00d8\u003d\u00de\u0000"), "UTF-16-BE")),
            entry("encodeVector", () -> tf.strings.unicodeEncode(new int[] {104, 233, 0x8a9e}, "UTF-8")),
            entry("encodeMatrix", () -> tf.strings.unicodeEncode(new int[][] {{104, 233}, {65, 66}}, "UTF-8")),
            entry("encode3d", () -> tf.strings.unicodeEncode(new int[][][] {{{65, 66}}, {{67, 68}}}, "UTF-8")),
            entry("encodeEmptyRows", () -> tf.strings.unicodeEncode(tf.zeros(new int[] {2, 0}, DType.INT32), "UTF-8")),
            entry("encodeRagged", () -> tf.strings.unicodeEncode(
                    RaggedTensor.fromRowSplits(tf.constant(new int[] {104, 233, 0x8a9e}), new long[] {0, 2, 2, 3}),
                    "UTF-8")),
            entry("encodeUtf16be", () -> tf.strings.unicodeEncode(new int[] {104, 0x1f600}, "UTF-16-BE")),
            entry("encodeUtf32be", () -> tf.strings.unicodeEncode(new int[] {104, 0x1f600}, "UTF-32-BE")),
            entry("encodeInvalid", () -> tf.strings.unicodeEncode(new int[] {104, -1, 0x110000, 0xD800}, "UTF-8")),
            entry("encodeInvalidIgnore", () -> tf.strings.unicodeEncode(new int[] {104, -1, 0x110000, 0xD800}, "UTF-8",
                    o -> o.errors("ignore"))),
            entry("encodeInvalidReplacementChar", () ->
                    tf.strings.unicodeEncode(new int[] {104, -1}, "UTF-8", o -> o.replacementChar(63))),
            entry("encodeSurrogateReplacement", () ->
                    tf.strings.unicodeEncode(new int[] {-1}, "UTF-8", o -> o.replacementChar(0xD800))),
            entry("encodeInvalidStrict", () ->
                    tf.strings.unicodeEncode(new int[] {104, -1}, "UTF-8", o -> o.errors("strict"))),
            entry("encodeScalar", () -> tf.strings.unicodeEncode(104, "UTF-8")),
            entry("encodeInt64", () -> tf.strings.unicodeEncode(new long[] {104}, "UTF-8")),
            entry("transcode", () ->
                    tf.strings.unicodeTranscode(rawVector("h\u00c3\u00a9llo", "a\u00ffb"), "UTF-8", "UTF-16-BE")),
            entry("transcodeIgnore", () ->
                    tf.strings.unicodeTranscode(tf.reshape(rawVector("a\u00ffb"), new int[] {1, 1}),
                    "UTF-8", "UTF-8", o -> o.errors("ignore"))),
            entry("transcodeStrict", () ->
                    tf.strings.unicodeTranscode(rawVector("a\u00ffb"), "UTF-8", "UTF-8", o -> o.errors("strict"))),
            entry("transcodeControl", () -> tf.strings.unicodeTranscode(new String[] {"a\u0001"}, "UTF-8", "UTF-8",
                    o -> o.replaceControlCharacters(true))),
            entry("transcodeUnknownEncoding", () -> tf.strings.unicodeTranscode(new String[] {"a"}, "X", "UTF-8")),
            entry("decodeControlIgnore", () -> tf.strings.unicodeDecode(raw("a\u0001\t\u00c2\u0085b"), "UTF-8",
                    o -> o.errors("ignore").replaceControlCharacters(true))),
            entry("decodeControlStrict", () -> tf.strings.unicodeDecode(raw("a\u0001b"), "UTF-8",
                    o -> o.errors("strict").replaceControlCharacters(true))),
            entry("transcodeControlIgnore", () ->
                    tf.strings.unicodeTranscode(rawVector("a\u0001\t\u00c2\u0085b"), "UTF-8", "UTF-8",
                    o -> o.errors("ignore").replaceControlCharacters(true))),
            entry("transcodeControlStrict", () -> tf.strings.unicodeTranscode(rawVector("a\u0001b"), "UTF-8", "UTF-8",
                    o -> o.errors("strict").replaceControlCharacters(true))),
            entry("offsetsAfterByteOrderMark", () ->
                    org.jflow.engine.Dispatcher.execute(UnicodeOps.UNICODE_DECODE_WITH_OFFSETS,
                    org.jflow.engine.Attrs.of("input_encoding", "UTF-16"), raw("\u00ff\u00fea\u0000b\u0000"))[2]));

    static List<String> cases() { return new ArrayList<>(new java.util.TreeSet<>(TF.cases().keySet())); }

    /** The flat values as the golden file has them: strings in base64, numbers as longs. */
    private static List<Object> plain(Tensor t) {
        List<Object> out = new ArrayList<>();
        if (t.dtype() == DType.STRING) {
            for (byte[] b : t.toBytesArray()) out.add(Base64.getEncoder().encodeToString(b));
        } else {
            for (long v : t.toLongArray()) out.add(v);
        }
        return out;
    }

    private static List<Object> longs(Object golden) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) golden) out.add(o instanceof Number n ? (Object) n.longValue() : o);
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resultMatchesTensorFlow(String name) {
        Map<String, Object> expected = TF.map(name);
        Supplier<RaggedOrDense> call = CASES.get(name);
        assertTrue(call != null, "no JFlow call for " + name);
        if (expected.containsKey("error")) {
            Throwable e = assertThrows(Throwable.class, call::get);
            assertEquals(expected.get("error"), e.getClass().getSimpleName(), name);
            assertEquals(expected.get("message"), e.getMessage(), name);
            return;
        }
        RaggedOrDense result = call.get();
        switch (result) {
            case RaggedTensor r -> {
                assertEquals(expected.get("repr"), r.toString(), name);
                assertEquals(longs(expected.get("row_splits")), plain(r.rowSplits()), name);
                assertEquals(longs(expected.get("values")), plain(r.flatValues()), name);
            }
            case Tensor t -> {
                assertTrue(expected.containsKey("shape"), name + " is a RaggedTensor in TF, not " + t);
                List<Object> shape = java.util.Arrays.stream(t.shape().dims()).mapToObj(d -> (Object) (long) d)
                        .toList();
                assertEquals(longs(expected.get("shape")), shape, name);
                assertEquals(expected.get("dtype"), t.dtype().tfName(), name);
                assertEquals(longs(expected.get("values")), plain(t), name);
            }
        }
    }
}
