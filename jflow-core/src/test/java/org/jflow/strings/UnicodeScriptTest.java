package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * tf.strings.unicode_script gives TF 2.21's ICU script code for every code point 0..0x10FFFF (its ICU holds Unicode 13
 * data, so code points assigned since are Unknown, 103), -1 outside Unicode, and TF's error for a non-int32 input.
 * Expected: golden/unicode_script.py.
 */
class UnicodeScriptTest {
    private static final Golden TF = Golden.load("unicode_script");

    @Test
    void everyCodePointHasTensorFlowsScript() {
        List<?> runs = (List<?>) TF.get("runs");
        int[] expected = new int[Character.MAX_CODE_POINT + 1];
        for (int k = 0; k < runs.size(); k++) {
            List<?> run = (List<?>) runs.get(k);
            int start = ((Number) run.get(0)).intValue();
            int end = k + 1 < runs.size() ? ((Number) ((List<?>) runs.get(k + 1)).get(0)).intValue() : expected.length;
            java.util.Arrays.fill(expected, start, end, ((Number) run.get(1)).intValue());
        }
        int[] all = new int[expected.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int[] got = tf.strings.unicodeScript(Tensor.wrap(DType.INT32, Shape.of(all.length), all)).toIntArray();
        for (int cp = 0; cp < all.length; cp++) {
            if (got[cp] != expected[cp]) assertEquals(expected[cp], got[cp], String.format("U+%04X", cp));
        }
    }

    @Test
    void valuesOutsideUnicodeAreMinusOne() {
        int[] outside = java.util.Arrays.stream(TF.doubles("outside")).mapToInt(d -> (int) d).toArray();
        int[] expected = java.util.Arrays.stream(TF.doubles("outside_scripts")).mapToInt(d -> (int) d).toArray();
        assertArrayEquals(expected, tf.strings.unicodeScript(tf.constant(outside)).toIntArray());
        assertEquals(TF.string("matrix_repr"), tf.strings.unicodeScript(tf.constant(new int[][] {{72, 0x3b1}, {0x4e00, -1}})).repr());
    }

    @Test
    void nonInt32InputIsRejectedAsTensorFlowDoes() {
        Map<String, Object> e = TF.map("int64");
        Throwable t = assertThrows(Throwable.class, () -> tf.strings.unicodeScript(tf.constant(new long[] {65})));
        assertEquals(e.get("error"), t.getClass().getSimpleName());
        assertEquals(e.get("message"), t.getMessage());
    }
}
