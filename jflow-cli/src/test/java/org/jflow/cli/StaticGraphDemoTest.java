package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 001a G-G1: the TF1 graph through tf.compat.v1 gives b'hello world'; a formula with several feeds
 * and fetches, TF's feed errors, the initializer flow; G-G2 and G-G3 print the same join eagerly and
 * as a tf.function.
 */
class StaticGraphDemoTest {
    private final CliRun run = CliRun.of("demo", "static-graph");

    @Test
    void helloWorldThroughASession() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                ## TF1 static graph (tf.compat.v1)
                // the graph, one node a line
                x = Placeholder()
                y = Placeholder()
                StringJoin = StringJoin(x:0, y:0)
                // TF's sess.run returns NumPy values; JFlow's returns eager tensors, printed here as NumPy prints them
                jflow> sess.run(z, Map.of(x, "hello", y, "world"))
                b'hello world'
                """), run.out());
    }

    @Test
    void severalFeedsAndFetchesAndTheirErrors() {
        assertTrue(run.out().contains("""
                jflow> sess.run(List.of(y, sum), feeds)
                [array([14., 36.], dtype=float32), array([ 7., 10.], dtype=float32)]
                // a run computes only what its fetches need: sum without c, t3 or t4
                jflow> sess.run(sum, Map.of(a, 1, b, 2, t1, new float[] {1, 2}, t2, new float[] {3, 4}))
                [ 7. 10.]
                jflow> sess.run(y, feedsWithoutT3)
                InvalidArgumentError: You must feed a value for placeholder tensor 't3' with dtype float and shape [2]
                jflow> sess.run(y, feedsWithT1OfThree)
                ValueError: Cannot feed value of shape (3,) for Tensor 't1:0', which has shape '(2,)'
                """), run.out());
    }

    @Test
    void variablesAreReadAfterTheInitializerRuns() {
        assertTrue(run.out().contains("""
                jflow> sess.run(y, Map.of(x, new float[] {1, 2, 3}))
                FailedPreconditionError: Error while reading resource variable w from Container: localhost. This could mean that the variable was uninitialized.
                // the initializer is a NoOp node after one AssignVariableOp per variable; a node fetch returns null
                jflow> init.controlInputs()
                [<tf.Operation 'w/Assign' type=AssignVariableOp>, <tf.Operation 'b/Assign' type=AssignVariableOp>]
                jflow> sess.run(init)
                null
                jflow> sess.run(y, Map.of(x, new float[] {1, 2, 3}))
                [3. 5. 7.]
                // a tf.print node prints when a run needs it, and only then
                jflow> sess.run(printY, Map.of(x, new float[] {1, 2, 3}))
                y = [3 5 7]
                """), run.out());
    }

    @Test
    void eagerAndTfFunctionPrintTheSame() {
        assertTrue(run.out().endsWith("""
                jflow> tf.print(tf.strings.join(List.of(tf.constant("hello"), tf.constant("world")), " "))
                hello world
                // @tf.function: the graph is traced on the first call and run on every call, same output
                jflow> result = strjoin.call(tf.constant("hello"), tf.constant("world"))
                hello world
                jflow> result
                tf.Tensor(b'hello world', shape=(), dtype=string)
                """), run.out());
    }
}
