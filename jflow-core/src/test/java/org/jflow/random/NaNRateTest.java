package org.jflow.random;

import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NaN Poisson rate: TF 2.21's kernel never returns (its sampling loops compare with NaN); JFlow returns NaN
 * for that rate and draws the other rates as usual.
 */
class NaNRateTest {
    @Test
    void poissonWithANaNRateReturnsNaN() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Tensor draws = tf.random.poisson(new int[] {3}, tf.constant(new float[] {Float.NaN, 2, 50}));
            float[] v = draws.toFloatArray();
            assertEquals(9, v.length);
            for (int i = 0; i < 9; i += 3) {
                assertTrue(Float.isNaN(v[i]), "NaN rate");
                assertTrue(v[i + 1] >= 0 && v[i + 2] >= 0 && v[i + 1] == Math.rint(v[i + 1]),
                        "finite rates draw counts");
            }
        });
    }
}
