package org.jflow.strings;

import org.jflow.DType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The examples in TF's own {@code tf.strings} API documentation. */
class StringDocExamplesTest {
    private static final String[][] ROWS = {{"abc", "123"}, {"def", "456"}};

    @Test
    void reduceJoin() {
        assertEquals("abc123def456", tf.strings.reduceJoin(ROWS).stringValue());
        assertArrayEquals(new String[] {"abc123", "def456"}, tf.strings.reduceJoin(ROWS, -1).toStringArray());
        assertArrayEquals(new String[] {"abc 123", "def 456"}, tf.strings.reduceJoin(ROWS, -1, false, " ").toStringArray());
    }

    @Test
    void join() {
        assertEquals("abcdef", tf.strings.join(List.of("abc", "def")).stringValue());
        assertArrayEquals(new String[] {"abc.def.ghi", "123.456.789"}, tf.strings.join(
                List.of(new String[] {"abc", "123"}, new String[] {"def", "456"}, new String[] {"ghi", "789"}), ".").toStringArray());
    }

    @Test
    void asStringAndToNumber() {
        assertArrayEquals(new String[] {"3", "2"}, tf.strings.asString(new int[] {3, 2}).toStringArray());
        assertArrayEquals(new String[] {"3.14", "2.72"}, tf.strings.asString(new float[] {3.1415926f, 2.71828f}, o -> o.precision(2)).toStringArray());
        assertEquals(1.55f, tf.strings.toNumber("1.55").floatValue());
        assertEquals(3, tf.strings.toNumber("3", DType.INT32).intValue());
    }

    @Test
    void lengthCaseStrip() {
        String[] words = {"Hello", "TensorFlow", "\uD83D\uDE42"};
        assertArrayEquals(new int[] {5, 10, 4}, tf.strings.length(words).toIntArray());
        assertArrayEquals(new int[] {5, 10, 1}, tf.strings.length(words, "UTF8_CHAR").toIntArray());
        assertEquals("camelcase string and all caps", tf.strings.lower("CamelCase string and ALL CAPS").stringValue());
        assertEquals("CAMELCASE STRING AND ALL CAPS", tf.strings.upper("CamelCase string and ALL CAPS").stringValue());
        assertArrayEquals(new String[] {"TensorFlow", "The python library"},
                tf.strings.strip(new String[] {"\nTensorFlow", "     The python library    "}).toStringArray());
    }

    @Test
    void regexSubstrSplit() {
        assertArrayEquals(new boolean[] {true, false}, tf.strings.regexFullMatch(new String[] {"TF lib", "lib TF"}, ".*lib$").toBooleanArray());
        assertEquals("Text with tags.  contains html ",
                tf.strings.regexReplace("Text with tags.<br /><b>contains html</b>", "<[^>]+>", " ").stringValue());
        assertArrayEquals(new String[] {"ell", "orl"}, tf.strings.substr(new String[] {"Hello", "World"}, 1, 3).toStringArray());
        assertArrayEquals(new String[] {"hello", "world"}, tf.strings.split("hello world").toStringArray());
        assertEquals(List.of(List.of("hello", "world"), List.of("a", "b", "c")),
                tf.strings.split(new String[] {"hello world", "a b c"}).toList());
    }
}
