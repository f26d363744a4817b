package org.jflow.math;

import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;

/** Ids and class counts past int32 and unknown dtype names raise TF's errors (golden/hostile.py). */
class ExtremeArgumentsTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");

    @Test
    void segmentIdsPastTheHeapAreResourceExhausted() {
        TF.assertRaises("segmentSum2^62", () -> tf.math.segmentSum(tf.ones(2), tf.constant(new long[] {0, 1L << 62})));
    }

    @Test
    void confusionMatrixSizesDoNotWrap() {
        TF.assertRaises("confusion2^40",
                () -> tf.math.confusionMatrix(tf.constant(new long[] {0, 1L << 40}), tf.constant(new long[] {1, 0})));
    }

    @Test
    void castToAnUnknownDTypeNameIsATypeError() {
        TF.assertRaises("castFloatz", () -> tf.cast(tf.ones(2), "floatz"));
    }
}
