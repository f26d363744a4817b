package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** join, length, case, strip, substr and reduce_join, including the tutorials' uses and UTF-8 text. */
class StringBasicsTest {
    private static final String CHINESE = "你好 世界";

    @Test
    void joinAsInTheTutorial() {
        Tensor z = tf.strings.join(List.of(tf.constant("hello"), tf.constant("world")), " ");
        assertEquals(DType.STRING, z.dtype());
        assertEquals(0, z.rank());
        assertEquals("hello world", z.stringValue());
    }

    @Test
    void joinRepeatsScalarsAndChecksShapes() {
        Tensor z = tf.strings.join(List.of(new String[] {"a", "b"}, "-", new String[] {"x", "y"}));
        assertArrayEquals(new String[] {"a-x", "b-y"}, z.toStringArray());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> tf.strings.join(List.of(new String[] {"a", "b"}, new String[] {"x", "y", "z"})));
        assertEquals("Input shapes do not match: [2] vs. [3] [Op:StringJoin]", e.getMessage());
    }

    @Test
    void lengthCountsBytesOrCharacters() {
        assertEquals(13, tf.strings.length(CHINESE).intValue());
        assertEquals(5, tf.strings.length(CHINESE, "UTF8_CHAR").intValue());
        Tensor lengths = tf.strings.length(new String[] {"", "abc", "é"});
        assertEquals(DType.INT32, lengths.dtype());
        assertArrayEquals(new int[] {0, 3, 2}, lengths.toIntArray());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.length(5));
        assertEquals("cannot compute StringLength as input #0(zero-based) was expected to be a string tensor but is a int32 tensor [Op:StringLength]",
                e.getMessage());
    }

    @Test
    void caseAndStrip() {
        assertEquals("this movie <br /> was great!", tf.strings.lower("This Movie <BR /> was GREAT!").stringValue());
        assertEquals("ÉCOLE ÉTÉ", tf.strings.upper("école été", "utf-8").stringValue());
        assertEquals("éCOLE", tf.strings.upper("école").stringValue());
        assertEquals(CHINESE, tf.strings.lower(CHINESE).stringValue());
        assertArrayEquals(new String[] {"a b", "", CHINESE}, tf.strings.strip(new String[] {"  a b\t\n", "   ", " " + CHINESE + " "}).toStringArray());
    }

    @Test
    void substrInBytesAndCharacters() {
        assertEquals("ell", tf.strings.substr("hello", 1, 3).stringValue());
        assertEquals("ll", tf.strings.substr("hello", -3, 2).stringValue());
        assertEquals("llo", tf.strings.substr("hello", 2, 100).stringValue());
        assertEquals("", tf.strings.substr("hello", 5, 1).stringValue());
        assertEquals("你好", tf.strings.substr(CHINESE, 0, 2, "UTF8_CHAR").stringValue());
        assertEquals("世", tf.strings.substr(CHINESE, -2, 1, "UTF8_CHAR").stringValue());
        assertArrayEquals(new String[] {"el", "or"}, tf.strings.substr(new String[] {"hello", "world"}, new int[] {1, 1}, new int[] {2, 2}).toStringArray());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.substr("hello", 6, 1));
        assertEquals("pos 6 out of range for string b'hello' at index 0 [Op:Substr]", e.getMessage());
        InvalidArgumentError chars = assertThrows(InvalidArgumentError.class, () -> tf.strings.substr(CHINESE, 6, 1, "UTF8_CHAR"));
        assertEquals("pos 6 out of range for string at index 0 [Op:Substr]", chars.getMessage());
    }

    @Test
    void reduceJoinAlongAxes() {
        String[][] abcd = {{"a", "b"}, {"c", "d"}};
        assertEquals("abcd", tf.strings.reduceJoin(abcd).stringValue());
        assertArrayEquals(new String[] {"ac", "bd"}, tf.strings.reduceJoin(abcd, 0).toStringArray());
        Tensor rows = tf.strings.reduceJoin(abcd, -1, true, ", ");
        assertArrayEquals(new int[] {2, 1}, rows.shape().dims());
        assertArrayEquals(new String[] {"a, b", "c, d"}, rows.toStringArray());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.reduceJoin(abcd, 2));
        assertEquals("Invalid reduction dimension 2 for input with 2 dimensions [Op:ReduceJoin]", e.getMessage());
    }

    /** TF joins in the order of the axes given: the first listed varies fastest. */
    @Test
    void reduceJoinInTheOrderOfTheAxesGiven() {
        String[][] m = {{"a", "b", "c"}, {"d", "e", "f"}};
        assertEquals("adbecf", tf.strings.reduceJoin(m, new int[] {0, 1}, false, "").stringValue());
        assertEquals("a.b.c.d.e.f", tf.strings.reduceJoin(m, new int[] {-1, 0}, false, ".").stringValue());
        String[][][] cube = {{{"a", "b"}, {"c", "d"}}, {{"e", "f"}, {"g", "h"}}};
        Tensor joined = tf.strings.reduceJoin(cube, new int[] {2, 0}, true, "");
        assertArrayEquals(new int[] {1, 2, 1}, joined.shape().dims());
        assertArrayEquals(new String[] {"abef", "cdgh"}, joined.toStringArray());
        assertArrayEquals(new String[] {"aebf", "cgdh"}, tf.strings.reduceJoin(cube, new int[] {0, 2}, false, "").toStringArray());
    }
}
