package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void defaultDemoIsTheTour() {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(CliRun.of("demo", "tour").out(), run.out());
    }

    @Test
    void tourShowsEachStepAndTfResults() {
        String out = CliRun.of("demo", "tour").out();
        assertTrue(out.startsWith("# JFlow demo: tour ("), out);
        // each step is echoed as code, followed by its result as TF prints it
        assertFollowedBy(out, "jflow> tf.constant(1)", "shape=(), dtype=int32)");
        assertFollowedBy(out, "jflow> tf.constant(2.5)", "shape=(), dtype=float32)");
        assertFollowedBy(out, "jflow> tf.constant(new double[] {1, 2, 3})", "shape=(3,), dtype=float64)");
        assertFollowedBy(out, "jflow> x.shape()", "(2, 2)");
        assertFollowedBy(out, "jflow> x.dtype()", "<dtype: 'float32'>");
        assertFollowedBy(out, "jflow> v.assignAdd(new float[] {10, 10})", "<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32");
        assertTrue(out.contains("\nInvalidArgumentError: Incompatible shapes: [2,3] vs. [3,2] [Op:AddV2]\n"), out);
    }

    @Test
    void tourPrintsWhatTensorFlowPrints() {
        String out = CliRun.of("demo").out();
        assertTrue(out.contains("jflow> tf.add(x, new float[] {10, 20})\ntf.Tensor(\n[[11. 22.]\n [13. 24.]], shape=(2, 2), dtype=float32)\n"), out);
        assertTrue(out.contains("jflow> tf.reduceSum(r, 1, true)\ntf.Tensor(\n[[ 6]\n [15]\n [24]], shape=(3, 1), dtype=int32)\n"), out);
        assertTrue(out.contains("jflow> r.slice(\"1:3, ::2\")\ntf.Tensor(\n[[4 6]\n [7 9]], shape=(2, 2), dtype=int32)\n"), out);
        assertTrue(out.contains("\ntf.Tensor([1.6513085 9.014812  6.309742  4.345461  2.9193902], shape=(5,), dtype=float32)\n"), out);
        assertTrue(out.contains("\nInvalidArgumentError: Can not squeeze dim[0], expected a dimension of 1, got 4 [Op:Squeeze]\n"), out);
        assertTrue(out.contains("\nInvalidArgumentError: Matrix size-incompatible: In[0]: [2,3], In[1]: [2,3] [Op:MatMul]\n"), out);
    }

    @Test
    void listNamesTheDemos() {
        CliRun run = CliRun.of("demo", "--list");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("tour "), run.out());
    }

    @Test
    void unknownDemoIsAUsageError() {
        CliRun run = CliRun.of("demo", "nope");
        assertEquals(2, run.exitCode());
        assertEquals("Unknown demo 'nope'. Known: tour, abs-equation, quadratic, linear-regression, dnn-classifier, linear-classifier, static-graph, autograph, data\n", run.err());
    }

    private static String lineAfter(String out, String line) {
        String[] lines = out.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) if (lines[i].equals(line)) return lines[i + 1];
        throw new AssertionError("no line '" + line + "' in\n" + out);
    }

    private static void assertFollowedBy(String out, String line, String resultContains) {
        String next = lineAfter(out, line);
        assertTrue(next.contains(resultContains), line + " gave " + next);
    }
}
