package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 001a G-AD1 to G-AD4: the derivatives print as in the tutorial; G-AD5 and G-AD6: both ways of
 * minimizing print {@code y = 0 ; x = 0.999998569}, bit for bit.
 */
class QuadraticDemoTest {
    @Test
    void derivativesPrintAsInTheTutorial() {
        CliRun run = CliRun.of("demo", "quadratic");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                ## Derivatives
                tf.Tensor(-2.0, shape=(), dtype=float32)
                tf.Tensor(0.0, shape=(), dtype=float32)
                tf.Tensor(1.0, shape=(), dtype=float32)
                tf.Tensor(2.0, shape=(), dtype=float32)
                (-2, 1)
                (0, 0)
                """), run.out());
    }

    @Test
    void applyGradientsAndMinimizeBothReachTheTutorialsMinimum() {
        CliRun run = CliRun.of("demo", "quadratic");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                ## optimizer.apply_gradients
                y = 0 ; x = 0.999998569
                """), run.out());
        assertTrue(run.out().contains("""
                ## optimizer.minimize
                y = 0 ; x = 0.999998569
                """), run.out());
        // G-AD8: the loop inside one tf.function call
        assertTrue(run.out().endsWith("""
                ## tf.function
                0
                0.999998569
                """), run.out());
    }
}
