package org.jflow.linalg;

import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Decompositions of matrices holding Inf or NaN end, with TF's NaN results (golden/hostile.py). */
class NonFiniteInputTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");

    @Test
    void svdOfAMatrixWithInfIsNaN() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            var svd = tf.linalg.svd(tf.constant(new float[][] {{1, Float.POSITIVE_INFINITY}, {2, 3}}));
            TF.assertResults("svdInf", svd.s(), svd.u(), svd.v());
        });
    }
}
