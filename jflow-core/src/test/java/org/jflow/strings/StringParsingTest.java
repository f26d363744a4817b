package org.jflow.strings;

import org.jflow.DType;
import org.jflow.RaggedTensor;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** split, to_number, as_string and the regex ops. */
class StringParsingTest {
    @Test
    void splitALineAsTheImdbPipelineDoes() {
        Tensor arr = tf.strings.split("1\tthis movie was great", "\t");
        assertArrayEquals(new int[] {2}, arr.shape().dims());
        assertArrayEquals(new String[] {"1", "this movie was great"}, arr.toStringArray());
        Tensor label = tf.strings.toNumber(arr.toStringArray()[0]);
        assertEquals(DType.FLOAT32, label.dtype());
        assertEquals(1.0f, label.floatValue());
    }

    @Test
    void splitFollowsPythonStrSplit() {
        assertArrayEquals(new String[] {"a", "b", "c"}, tf.strings.split("  a b\t\n c ").toStringArray());
        assertArrayEquals(new String[] {"1", "2", "", "3"}, tf.strings.split("1<>2<><>3", "<>").toStringArray());
        assertArrayEquals(new String[] {""}, tf.strings.split("", ",").toStringArray());
        assertArrayEquals(new String[0], tf.strings.split("   ").toStringArray());
        assertArrayEquals(new String[] {"a", "b c  "}, tf.strings.split("  a b c  ", "", 1).toStringArray());
        // TF's kernel, unlike Python's str.split: an empty rest after the last split is a token; maxsplit 0 keeps the string whole
        assertArrayEquals(new String[] {"one", ""}, tf.strings.split(" one ", "", 1).toStringArray());
        assertArrayEquals(new String[] {" a b "}, tf.strings.split(" a b ", "", 0).toStringArray());
        assertArrayEquals(new String[] {"a", "b,c"}, tf.strings.split("a,b,c", ",", 1).toStringArray());
        assertArrayEquals(new String[] {"你好", "世界"}, tf.strings.split("你好 世界").toStringArray());
    }

    @Test
    void splitOfAVectorIsRagged() {
        RaggedTensor r = tf.strings.split(new String[] {"hello world", "", "a b c"});
        assertArrayEquals(new long[] {0, 2, 2, 5}, r.rowSplits().toLongArray());
        assertEquals(List.of(List.of("hello", "world"), List.of(), List.of("a", "b", "c")), r.toList());
        assertArrayEquals(new String[] {"a", "b", "c"}, r.row(2).toStringArray());
        // a matrix gives ragged rank 2, its outer dimensions uniform (RaggedNestedTest has TF's values)
        assertEquals("(1, 1, None)", tf.strings.<RaggedTensor>split(new String[][] {{"a b"}}).shape().toString());
    }

    @Test
    void toNumberTypesAndErrors() {
        assertArrayEquals(new float[] {1.5f, -2f, 1000f, 26f}, tf.strings.toNumber(new String[] {"1.5", " -2 ", "1e3", "0x1A"}).toFloatArray());
        assertTrue(Float.isInfinite(tf.strings.toNumber("-INF").floatValue()));
        assertArrayEquals(new double[] {0.1}, tf.strings.toNumber(new String[] {"0.1"}, DType.FLOAT64).toDoubleArray());
        assertArrayEquals(new int[] {42, -7}, tf.strings.toNumber(new String[] {"42", "-7"}, DType.INT32).toIntArray());
        assertEquals(9_000_000_000L, tf.strings.toNumber("9000000000", DType.INT64).longValue());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.toNumber("abc"));
        assertEquals("StringToNumberOp could not correctly convert string: abc [Op:StringToNumber]", e.getMessage());
        assertThrows(InvalidArgumentError.class, () -> tf.strings.toNumber("1.5", DType.INT32));
        assertThrows(InvalidArgumentError.class, () -> tf.strings.toNumber("9000000000", DType.INT32));
        assertThrows(InvalidArgumentError.class, () -> tf.strings.toNumber("1.0f"));
    }

    /** As TF 2.18 prints them: "(re,im)", each part under the float attributes (width pads each part). */
    @Test
    void asStringOfComplexNumbers() {
        Tensor c = tf.complex(tf.constant(new float[] {1.5f, -0.1f, 1e10f}), tf.constant(new float[] {-2, 0.25f, 1e-7f}));
        assertArrayEquals(new String[] {"(1.500000,-2.000000)", "(-0.100000,0.250000)", "(10000000000.000000,0.000000)"},
                tf.strings.asString(c).toStringArray());
        assertArrayEquals(new String[] {"(    1.50,   -2.00)", "(   -0.10,    0.25)", "(10000000000.00,    0.00)"},
                tf.strings.asString(c, o -> o.precision(2).width(8)).toStringArray());
        Tensor d = tf.complex(tf.constant(new double[] {0.1}), tf.constant(new double[] {3}));
        assertEquals("(0.1,3)", tf.strings.asString(d, o -> o.shortest(true)).toStringArray()[0]);
    }

    @Test
    void asStringFormatsLikePrintf() {
        assertArrayEquals(new String[] {"3.500000", "-0.100000"}, tf.strings.asString(new float[] {3.5f, -0.1f}).toStringArray());
        assertEquals("42", tf.strings.asString(42).stringValue());
        assertArrayEquals(new String[] {"true", "false"}, tf.strings.asString(new boolean[] {true, false}).toStringArray());
        assertEquals("2.67", tf.strings.asString(new double[] {2.675}, o -> o.precision(2)).toStringArray()[0]);
        assertEquals("0.12", tf.strings.asString(new double[] {0.125}, o -> o.precision(2)).toStringArray()[0]);
        assertEquals("1.234500e+03", tf.strings.asString(new double[] {1234.5}, o -> o.scientific(true)).toStringArray()[0]);
        assertArrayEquals(new String[] {"0.0001", "1e-05", "123457"},
                tf.strings.asString(new double[] {0.0001, 0.00001, 123456.7}, o -> o.shortest(true)).toStringArray());
        assertEquals("007", tf.strings.asString(7, o -> o.width(3).fill("0")).stringValue());
        assertEquals("-07", tf.strings.asString(-7, o -> o.width(3).fill("0")).stringValue());
        assertEquals("  7", tf.strings.asString(7, o -> o.width(3)).stringValue());
        assertEquals("inf", tf.strings.asString(Float.POSITIVE_INFINITY).stringValue());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.asString(1.0, o -> o.scientific(true).shortest(true)));
        assertEquals("Cannot select both scientific and shortest notation [Op:AsString]", e.getMessage());
    }

    @Test
    void regexOps() {
        assertTrue(tf.strings.regexFullMatch("./data/cifar2/train/automobile/1.jpg", ".*automobile.*").booleanValue());
        assertFalse(tf.strings.regexFullMatch("airplane/1.jpg", ".*automobile.*").booleanValue());
        assertArrayEquals(new boolean[] {true, false}, tf.strings.regexFullMatch(new String[] {"abc", "abcd"}, "a.c").toBooleanArray());
        assertEquals("great  movie", tf.strings.regexReplace("great<br />movie", "<br />", "  ").stringValue());
        String punctuation = "[!\"\\#\\$%\\&'\\(\\)\\*\\+,\\-\\./:;<=\\>\\?@\\[\\\\\\]\\^_`\\{\\|\\}\\~]";
        assertEquals("its great", tf.strings.regexReplace("it's great!!", punctuation, "").stringValue());
        assertEquals("baa", tf.strings.regexReplace("aaa", "a", "b", false).stringValue());
        assertEquals("world hello", tf.strings.regexReplace("hello world", "(\\w+) (\\w+)", "\\2 \\1").stringValue());
        assertEquals("$1 a\\b", tf.strings.regexReplace("x", "x", "$1 a\\\\b").stringValue());
        assertEquals("-a-b-", tf.strings.regexReplace("ab", "x*", "-").stringValue());
        assertEquals("你好_世界", tf.strings.regexReplace("你好 世界", "\\s", "_").stringValue());
        InvalidArgumentError bad = assertThrows(InvalidArgumentError.class, () -> tf.strings.regexFullMatch("a", "(a"));
        assertTrue(bad.getMessage().startsWith("Invalid pattern: (a, error: "), bad.getMessage());
        assertTrue(bad.getMessage().endsWith(" [Op:StaticRegexFullMatch]"));
    }
}
