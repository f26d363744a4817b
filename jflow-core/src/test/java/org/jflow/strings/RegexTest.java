package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.Golden;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The regex ops run RE2's semantics: linear time, RE2's syntax and errors, invalid UTF-8 copied verbatim
 * (golden/regex.py).
 */
class RegexTest {
    @SuppressWarnings("unchecked")
    private static final Map<String, Object> GOLDEN = Golden.load("regex").cases();

    @Test
    void nestedRepetitionRunsInLinearTime() {
        String as = "a".repeat(40);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals(true, tf.strings.regexFullMatch(as, "(.*a){20}").item());
            assertFalse((Boolean) tf.strings.regexFullMatch(as, "(a+)+b").item());
            assertEquals(as, tf.strings.regexReplace(as, "(a+)+b", "x").stringValue());
            assertEquals("x", tf.strings.regexReplace(as, "(.*a){20}", "x").stringValue());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidPatternsRaiseRe2sErrors() {
        Map<String, Object> errors = (Map<String, Object>) GOLDEN.get("errors");
        for (var e : errors.entrySet()) {
            InvalidArgumentError full = assertThrows(InvalidArgumentError.class,
                    () -> tf.strings.regexFullMatch("a", e.getKey()), e.getKey());
            assertEquals(e.getValue(), full.getMessage());
            InvalidArgumentError replace = assertThrows(InvalidArgumentError.class,
                    () -> tf.strings.regexReplace("a", e.getKey(), "x"), e.getKey());
            assertEquals(((String) e.getValue()).replace("StaticRegexFullMatch", "StaticRegexReplace"),
                    replace.getMessage());
        }
    }

    @Test
    void backreferencesAndLookaroundAreRejectedAsInRe2() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.strings.regexFullMatch("aa",
                "(a)\\1"));
        assertEquals("Invalid pattern: (a)\\1, error: invalid escape sequence: \\1 [Op:StaticRegexFullMatch]",
                e.getMessage());
    }

    private static byte[] bytes(Object list) {
        List<?> l = (List<?>) list;
        byte[] b = new byte[l.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) ((Double) l.get(i)).intValue();
        return b;
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidUtf8BytesAreCopiedVerbatimAndNeverMatched() {
        for (Object o : (List<Object>) GOLDEN.get("replace")) {
            Map<String, Object> c = (Map<String, Object>) o;
            Tensor in = Tensor.wrap(DType.STRING, Shape.of(1), new byte[][] {bytes(c.get("input"))});
            String pattern = (String) c.get("pattern");
            Tensor out = tf.strings.regexReplace(in, pattern, (String) c.get("rewrite"), (Boolean) c.get("global"));
            assertArrayEquals(bytes(c.get("output")), ((byte[][]) out.data())[0], c.toString());
            Tensor full = tf.strings.regexFullMatch(in, ".*" + pattern + ".*");
            assertEquals(c.get("fullMatch"), ((boolean[]) full.data())[0], c.toString());
        }
    }
}
