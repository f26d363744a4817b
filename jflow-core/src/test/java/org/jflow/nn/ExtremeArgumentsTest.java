package org.jflow.nn;

import org.jflow.Tensor;
import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Window arithmetic in int64 as TF's, windows cut to the input, and invalid attributes rejected (golden/hostile.py).
 */
class ExtremeArgumentsTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");
    private static final Tensor ONES = tf.ones(1, 4, 4, 1);
    private static final Tensor RAMP = tf.reshape(tf.range(16.0), 1, 4, 4, 1);

    @Test
    void hugeStridesAndDilationsDoNotWrap() {
        TF.assertResult("convStrideMaxSame", tf.nn.conv2d(RAMP, tf.ones(1, 1, 1, 1), Integer.MAX_VALUE, "SAME"));
        int[] one = {1, 1, 1, 1};
        TF.assertRaises("convDilationMaxValid",
                () -> tf.nn.conv2d(ONES, tf.ones(2, 2, 1, 1), one, "VALID", o -> o.dilations(Integer.MAX_VALUE)));
        TF.assertResult("convDilationMaxSame",
                tf.nn.conv2d(RAMP, tf.ones(2, 2, 1, 1), one, "SAME", o -> o.dilations(Integer.MAX_VALUE)));
    }

    @Test
    void anEmptyFilterIsInvalid() {
        TF.assertRaises("conv0x0", () -> tf.nn.conv2d(ONES, tf.ones(0, 0, 1, 1), 1, "VALID"));
    }

    @Test
    void poolingAHugeSameWindowCostsTheInputsSize() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            TF.assertResult("maxPoolHugeSame", tf.nn.maxPool2d(RAMP, 1000000, 1, "SAME"));
            TF.assertResult("avgPoolHugeSame", tf.nn.avgPool2d(RAMP, 1000000, 1, "SAME"));
            TF.assertResult("avgPoolHugeStrided", tf.nn.avgPool2d(RAMP, new int[] {1000000, 3}, new int[] {1, 2},
                    "SAME"));
        });
    }

    @Test
    void depthToSpaceBlockSquaredMustFitInt32() {
        TF.assertRaises("depthToSpace65536", () -> tf.nn.depthToSpace(tf.ones(1, 1, 1, 4), 1 << 16));
    }

    @Test
    void lrnRejectsANegativeDepthRadius() {
        TF.assertRaises("lrnRadius-1", () -> tf.nn.localResponseNormalization(ONES, -1, 1, 1, 0.5));
    }
}
