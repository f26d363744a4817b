package org.jflow.strings;

import org.jflow.Tensor;
import org.jflow.errors.ResourceExhaustedError;
import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** substr and as_string with lengths, widths and precisions at the int32 limit (golden/hostile.py). */
class ExtremeArgumentsTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");

    @Test
    void substrClampsAHugeLength() {
        TF.assertResult("substrHugeLength", tf.strings.substr("hello", 1, Integer.MAX_VALUE));
        TF.assertResult("substrHugeLength64", tf.strings.substr("hello", tf.constant(1L), tf.constant(1L << 62)));
    }

    @Test
    void substrAtTheInt64ExtremesDoesNotOverflow() {
        Tensor max = tf.constant(Long.MAX_VALUE);
        TF.assertResult("substrMaxLength64", tf.strings.substr("hello", tf.constant(1L), max));
        TF.assertResult("substrNegativePosMaxLength64", tf.strings.substr("hello", tf.constant(-2L), max));
        TF.assertResult("substrCharsMaxLength64", tf.strings.substr("h\u00e9llo", tf.constant(1L), max, "UTF8_CHAR"));
        TF.assertResult("substrCharsNegativePosMaxLength64", tf.strings.substr("h\u00e9llo", tf.constant(-4L), max,
                "UTF8_CHAR"));
        TF.assertRaises("substrMinPos64", () -> tf.strings.substr("hello", tf.constant(Long.MIN_VALUE),
                tf.constant(1L)));
    }

    /**
     * TF's process aborts (printf's buffer cannot be allocated) on these; JFlow raises TF's out-of-memory
     * error before formatting anything, and in bounded time.
     */
    @Test
    void asStringWithAHugePrecisionOrWidthIsResourceExhausted() {
        String oom = TF.message("zeros2^40").replace("shape[1099511627776] and type float", "shape[] and type string")
                .replace("Fill", "AsString");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals(oom, assertThrows(ResourceExhaustedError.class,
                    () -> tf.strings.asString(1.5, o -> o.precision(Integer.MAX_VALUE))).getMessage());
            assertEquals(oom, assertThrows(ResourceExhaustedError.class,
                    () -> tf.strings.asString(1.5, o -> o.width(Integer.MAX_VALUE))).getMessage());
        });
    }
}
