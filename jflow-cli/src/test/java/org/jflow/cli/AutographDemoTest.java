package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 001a G-A1 to G-A10 (tracing, retracing, the three coding rules) and G-MO1 to G-MO8 (tf.Module):
 * the transcript as the AutoGraph chapter prints it.
 */
class AutographDemoTest {
    private final CliRun run = CliRun.of("demo", "autograph");

    @Test
    void tracesOncePerSignatureAndPrintsOnEveryCall() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                jflow> myadd.call(tf.constant("hello"), tf.constant("world"))
                tracing
                0
                1
                2
                // same dtypes and shapes: the graph is reused
                jflow> myadd.call(tf.constant("good"), tf.constant("morning"))
                0
                1
                2
                // a new dtype traces a new graph
                jflow> myadd.call(tf.constant(1), tf.constant(2))
                tracing
                0
                1
                2
                // Java values are part of the signature: every new value retraces
                jflow> myadd.call("hello", "world")
                tracing
                0
                1
                2
                jflow> myadd.call("good", "morning")
                tracing
                0
                1
                2
                jflow> myadd.tracingCount()
                4
                """), run.out());
    }

    /** The three lines printed after the {@code n}-th occurrence of {@code prompt}. */
    private String matrixAfter(String prompt, int n) {
        String[] parts = run.out().split(java.util.regex.Pattern.quote(prompt + "\n"), -1);
        return parts[n].lines().limit(3).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void javaRandomIsFrozenWhileTfRandomDrawsAgain() {
        // G-A1 / G-A2
        assertEquals(matrixAfter("jflow> npRandom.call()", 1), matrixAfter("jflow> npRandom.call()", 2));
        assertTrue(matrixAfter("jflow> npRandom.call()", 1).startsWith("[["), run.out());
        assertNotEquals(matrixAfter("jflow> tfRandom.call()", 1), matrixAfter("jflow> tfRandom.call()", 2));
    }

    @Test
    void variablesFromOutsideAndInsideAndJavaLists() {
        // G-A3, G-A4, G-A5, G-A6
        assertTrue(run.out().contains("""
                jflow> outerVar.call()
                2
                jflow> outerVar.call()
                3
                """), run.out());
        assertTrue(run.out().contains("""
                jflow> innerVar.call(tf.constant(1.0f))
                ValueError: tf.function only supports singleton tf.Variables created on the first call. Make sure the tf.Variable\
                 is only created once or created outside tf.function. See https://www.tensorflow.org/guide/function#creating_tfvariables\
                 for more information.
                """), run.out());
        assertTrue(run.out().contains("""
                jflow> tensorList
                [<tf.Tensor: shape=(), dtype=float32, numpy=5.0>, <tf.Tensor: shape=(), dtype=float32, numpy=6.0>]
                // inside a tf.function the list gets the graph's symbolic input, once: the second call does not trace
                jflow> tensorList
                [<tf.Tensor 'x:0' shape=() dtype=float32>]
                """), run.out());
    }

    @Test
    void modulesKeepTheirVariables() {
        // G-MO1, G-MO2, G-MO3, G-MO4, G-MO5, G-MO7, G-MO8 (numpy=1.0: the tutorial's 0.0 came from cells run out of order)
        assertTrue(run.out().contains("""
                jflow> addPrint.call(tf.constant(3.0f))
                4
                jflow> addPrint.call(tf.constant(3))
                ValueError: Python inputs incompatible with input_signature:
                """), run.out());
        assertTrue(run.out().endsWith("""
                jflow> demo = new DemoModule(tf.constant(1.0f)); demo.addprint.call(tf.constant(5.0f))
                6
                jflow> demo.variables()
                (<tf.Variable 'demo_module/Variable:0' shape=() dtype=float32, numpy=6.0>,)
                jflow> demo.trainableVariables()
                (<tf.Variable 'demo_module/Variable:0' shape=() dtype=float32, numpy=6.0>,)
                jflow> demo.submodules()
                ()
                // or a plain module with attributes attached
                jflow> mymodule.<PolymorphicFunction<Variable>>get("addprint").call(tf.constant(1.0f)).numpy()
                1
                1.0
                jflow> mymodule.variables()
                (<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=1.0>,)
                """), run.out());
    }
}
