package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.opinfo.Values.ALL;
import static org.jflow.opinfo.Variants.*;

/** Cases of the string ops, on the edge strings of {@link Values} and a few texts of their own. */
public final class StringCases {
    private StringCases() {}

    public static List<Cases.Case> stringLength(SplittableRandom rnd) {
        return of(v("edges bytes", a("unit", "BYTE"), s(8)), v("edges chars", a("unit", "UTF8_CHAR"), s(8)), v("[0]", a("unit", "BYTE"), s(0))).cases(rnd);
    }

    public static List<Cases.Case> stringToHashBucketFast(SplittableRandom rnd) {
        return of(v("[8] into 10", a("num_buckets", 10), s(8)), v("[2,3] into 1", a("num_buckets", 1), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> stringToNumber(SplittableRandom rnd) {
        Tensor numbers = Values.strings(Shape.of(5), "1", "-4.5e1", " 7", "0x10", "1e40");
        return of(new Variant("numbers to float32", a("out_type", DType.FLOAT32), (t, r) -> new Tensor[] {t == DType.STRING ? numbers : Values.random(t, Shape.of(2), r)}),
                new Variant("integers to int32", a("out_type", DType.INT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(3), "12", "-3", "2147483647")}),
                new Variant("integers to int64", a("out_type", DType.INT64), (t, r) -> new Tensor[] {Values.strings(Shape.of(2), "9223372036854775807", "-1")}),
                new Variant("not a number (error)", a("out_type", DType.FLOAT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(1), "abc")}),
                new Variant("int32 overflow (error)", a("out_type", DType.INT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(1), "2147483648")}))
                .cases(rnd);
    }

    private static Attrs asString(int precision, boolean scientific, boolean shortest, int width, String fill) {
        return a("precision", precision, "scientific", scientific, "shortest", shortest, "width", width, "fill", fill);
    }

    public static List<Cases.Case> asString(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        for (DType t : ALL) cases.add(new Cases.Case(t.tfName() + " edges", asString(-1, false, false, -1, ""), Values.edges(t)));
        cases.add(new Cases.Case("float32 edges precision 3 scientific", asString(3, true, false, -1, ""), Values.edges(DType.FLOAT32)));
        cases.add(new Cases.Case("float64 edges shortest", asString(-1, false, true, -1, ""), Values.edges(DType.FLOAT64)));
        cases.add(new Cases.Case("int32 edges width 6 fill 0", asString(-1, false, false, 6, "0"), Values.edges(DType.INT32)));
        cases.add(new Cases.Case("float32 scientific and shortest (error)", asString(-1, true, true, -1, ""), Values.edges(DType.FLOAT32)));
        return cases;
    }

    private static Tensor text(String... v) { return Values.strings(Shape.of(v.length), v); }

    public static List<Cases.Case> stringJoin(SplittableRandom rnd) {
        return List.of(new Cases.Case("two vectors with -", a("separator", "-"), text("a", "bc"), text("x", "")),
                new Cases.Case("vector and scalar", a("separator", ""), text("a", "b", "c"), Values.strings(Shape.scalar(), "!")),
                new Cases.Case("[2] and [3] (error)", a("separator", ""), text("a", "b"), text("x", "y", "z")),
                new Cases.Case("int32 (error)", a("separator", ""), Values.ints(DType.INT32, Shape.of(1), 1)));
    }

    public static List<Cases.Case> substr(SplittableRandom rnd) {
        Tensor words = Values.edges(DType.STRING);
        int n = words.size();
        return List.of(new Cases.Case("bytes from 0 len 2", a("unit", "BYTE"), words, scalar32(0), scalar32(2)),
                new Cases.Case("chars from 1 len 3", a("unit", "UTF8_CHAR"), Values.strings(Shape.of(2), "h\u00e9llo", "abcd"), scalar32(1), scalar32(3)),
                new Cases.Case("negative pos", a("unit", "BYTE"), Values.strings(Shape.of(1), "Hello"), scalar32(-3), scalar32(2)),
                new Cases.Case("pos past the end (error)", a("unit", "BYTE"), words, scalar32(40), scalar32(1)),
                new Cases.Case("per element pos", a("unit", "BYTE"), Values.strings(Shape.of(2), "Hello", "abc"), Values.ints(DType.INT32, Shape.of(2), 1, 2),
                        Values.ints(DType.INT32, Shape.of(2), 2, 5)));
    }

    private static Tensor scalar32(long v) { return Values.ints(DType.INT32, Shape.scalar(), v); }

    public static List<Cases.Case> regexFullMatch(SplittableRandom rnd) {
        return List.of(new Cases.Case("[a-z]+", a("pattern", "[a-z]+"), Values.edges(DType.STRING)),
                new Cases.Case("h.*o", a("pattern", "h.*o"), Values.edges(DType.STRING)),
                new Cases.Case("bad pattern (error)", a("pattern", "(a"), Values.edges(DType.STRING)));
    }

    public static List<Cases.Case> regexReplace(SplittableRandom rnd) {
        return List.of(new Cases.Case("l+ to L global", a("pattern", "l+", "rewrite", "L", "replace_global", true), Values.edges(DType.STRING)),
                new Cases.Case("first vowel to \\0\\0", a("pattern", "[aeiou]", "rewrite", "<\\0>", "replace_global", false), Values.edges(DType.STRING)),
                new Cases.Case("groups", a("pattern", "(\\w)(\\w*)", "rewrite", "\\2\\1", "replace_global", true), Values.edges(DType.STRING)));
    }

    public static List<Cases.Case> hashBucketStrong(SplittableRandom rnd) {
        return List.of(new Cases.Case("into 100 key [1,2]", a("num_buckets", 100, "key", new long[] {1, 2}), Values.edges(DType.STRING)),
                new Cases.Case("into 7 key [0,0]", a("num_buckets", 7, "key", new long[] {0, 0}), Values.edges(DType.STRING)),
                new Cases.Case("key [1] (error)", a("num_buckets", 7, "key", new long[] {1}), Values.edges(DType.STRING)));
    }

    public static List<Cases.Case> reduceJoin(SplittableRandom rnd) {
        Tensor m = Values.strings(Shape.of(2, 3), "a", "b", "c", "d", "e", "f");
        return List.of(new Cases.Case("[2,3] all", a("keep_dims", false, "separator", ""), m),
                new Cases.Case("[2,3] axis [1] with ,", a("keep_dims", false, "separator", ",", "axis", s(1)), m),
                new Cases.Case("[2,3] axis [0,1]", a("keep_dims", false, "separator", "", "axis", s(0, 1)), m),
                new Cases.Case("[2,3] axis [1,0]", a("keep_dims", false, "separator", "", "axis", s(1, 0)), m),
                new Cases.Case("[2,3] axis [-2] keep_dims", a("keep_dims", true, "separator", "", "axis", s(-2)), m),
                new Cases.Case("[2,3] axis [2] (error)", a("keep_dims", false, "separator", "", "axis", s(2)), m));
    }

    public static List<Cases.Case> stringFormat(SplittableRandom rnd) {
        Attrs plain = a("template", "x={} y={}", "placeholder", "{}", "summarize", 3);
        return List.of(new Cases.Case("float32 and int32", plain, Values.floats(DType.FLOAT32, Shape.of(2), 1.5, -2), Values.ints(DType.INT32, Shape.scalar(), 7)),
                new Cases.Case("[10] summarized to 2", a("template", "v: {}", "placeholder", "{}", "summarize", 2), Values.ints(DType.INT64, Shape.of(10), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)),
                new Cases.Case("[2,3] strings and bool", plain, Values.strings(Shape.of(2, 3), "a", "b", "c", "d", "e", "f"), Values.ints(DType.BOOL, Shape.of(2), 1, 0)),
                new Cases.Case("placeholder %s, float64", a("template", "[%s]", "placeholder", "%s", "summarize", 3), Values.floats(DType.FLOAT64, Shape.of(2, 2), 0.25, 1e10, -3, 0)),
                new Cases.Case("1 placeholder, 2 inputs (error)", a("template", "{}", "placeholder", "{}", "summarize", 3),
                        Values.ints(DType.INT32, Shape.scalar(), 1), Values.ints(DType.INT32, Shape.scalar(), 2)));
    }

    public static List<Cases.Case> stringSplit(SplittableRandom rnd) {
        Tensor lines = text("a b  c", "", " lead", "one");
        return List.of(new Cases.Case("whitespace", a("sep", "", "maxsplit", -1), lines),
                new Cases.Case("on space", a("sep", " ", "maxsplit", -1), lines),
                new Cases.Case("on <> maxsplit 1", a("sep", "<>", "maxsplit", 1), text("a<>b<>c", "<>", "x")),
                new Cases.Case("whitespace maxsplit 1", a("sep", "", "maxsplit", 1), lines),
                new Cases.Case("whitespace maxsplit 0", a("sep", "", "maxsplit", 0), lines),
                new Cases.Case("on space maxsplit 0", a("sep", " ", "maxsplit", 0), lines),
                new Cases.Case("utf-8", a("sep", "\u00e9", "maxsplit", -1), text("h\u00e9llo \u00e9t\u00e9")),
                new Cases.Case("[2,2] (error)", a("sep", "", "maxsplit", -1), Values.strings(Shape.of(2, 2), "a", "b", "c", "d")));
    }

    /** Strings of raw bytes (each char one byte), for ill-formed UTF-8, UTF-16 and UTF-32. */
    private static Tensor bytes(int[] shape, String... latin1) {
        byte[][] b = new byte[latin1.length][];
        for (int i = 0; i < b.length; i++) b[i] = latin1[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return Tensor.wrap(DType.STRING, Shape.of(shape), b);
    }

    private static final String[] UTF8 = {"h\u00c3\u00a9llo", "", "a\u00ffb\u00e2\u0082c\u00f0\u009f\u0098",
        "\u00ed\u00a0\u0080x\u00c0\u0080\u00e0\u0080\u0080", "a\u0001\t\u00c2\u0085", "\u00f0\u009f\u0098\u0080"};

    public static List<Cases.Case> unicodeDecode(SplittableRandom rnd) {
        Tensor utf8 = bytes(new int[] {6}, UTF8);
        Tensor utf16 = bytes(new int[] {3}, "\u0000a\u00d8\u003d\u00de\u0000", "\u00d8\u003d\u0000b\u00dc\u0000\u0000",
                "\u00ff\u00fea\u0000");
        List<Cases.Case> cases = new ArrayList<>();
        for (String errors : List.of("replace", "ignore", "strict")) {
            cases.add(new Cases.Case("utf-8 " + errors, decode("UTF-8", errors, 65533, false), utf8));
        }
        cases.add(new Cases.Case("utf-8 control, replacement ?", decode("UTF-8", "replace", 63, true), utf8));
        Tensor matrix = bytes(new int[] {2, 3}, UTF8);
        cases.add(new Cases.Case("[2,3] utf-8", decode("UTF-8", "replace", 65533, false), matrix));
        cases.add(new Cases.Case("utf-16-be", decode("UTF-16-BE", "replace", 65533, false), utf16));
        cases.add(new Cases.Case("utf-16 with BOM", decode("UTF-16", "replace", 65533, false), utf16));
        cases.add(new Cases.Case("unknown encoding (error)", decode("BOGUS", "replace", 65533, false), utf8));
        return cases;
    }

    private static Attrs decode(String encoding, String errors, int replacement, boolean control) {
        return a("input_encoding", encoding, "errors", errors, "replacement_char", replacement,
                "replace_control_characters", control);
    }

    public static List<Cases.Case> unicodeEncode(SplittableRandom rnd) {
        Tensor values = Values.ints(DType.INT32, Shape.of(7), 104, 233, 0x8a9e, 0x1f600, -1, 0x110000, 0xD800);
        Tensor splits = Values.ints(DType.INT64, Shape.of(4), 0, 2, 2, 7);
        List<Cases.Case> cases = new ArrayList<>();
        for (String encoding : List.of("UTF-8", "UTF-16-BE", "UTF-32-BE")) {
            for (String errors : List.of("replace", "ignore", "strict")) {
                cases.add(new Cases.Case(encoding + " " + errors, a("output_encoding", encoding, "errors", errors,
                        "replacement_char", 65533), values, splits));
            }
        }
        cases.add(new Cases.Case("bad splits (error)", a("output_encoding", "UTF-8", "errors", "replace",
                "replacement_char", 65533), values, Values.ints(DType.INT64, Shape.of(2), 1, 7)));
        return cases;
    }

    public static List<Cases.Case> unicodeTranscode(SplittableRandom rnd) {
        Tensor utf8 = bytes(new int[] {2, 3}, UTF8);
        List<Cases.Case> cases = new ArrayList<>();
        for (String to : List.of("UTF-8", "UTF-16-BE", "UTF-32-BE")) {
            Attrs attrs = decode("UTF-8", "replace", 65533, false).with("output_encoding", to);
            cases.add(new Cases.Case("utf-8 to " + to, attrs, utf8));
        }
        Attrs control = decode("UTF-8", "ignore", 65533, true).with("output_encoding", "UTF-8");
        cases.add(new Cases.Case("ignore, control", control, utf8));
        return cases;
    }

    /** Code points of several scripts, Common and Inherited ones, a surrogate, an unassigned one and values outside Unicode. */
    public static List<Cases.Case> unicodeScript(SplittableRandom rnd) {
        Tensor points = Values.ints(DType.INT32, Shape.of(2, 6), 0x41, 0x3b1, 0x4e00, 0x5d0, 0x20, 0x300,
                0xd800, 0x10ffff, 0x1f600, -1, 0x110000, 0xac00);
        return List.of(new Cases.Case("[2,6] code points", Attrs.EMPTY, points),
                new Cases.Case("int64 (error)", Attrs.EMPTY, Values.ints(DType.INT64, Shape.of(1), 65)));
    }
}
