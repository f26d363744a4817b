package org.jflow.graph;

import org.jflow.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Seeded random ops inside {@code tf.function} draw TF 2.21's numbers: the op seed of an op given
 * none comes from the graph's own counter (0, 1, 2...), as TF's graph mode takes it, and the
 * function's kernels continue their streams from call to call. Golden values from
 * {@code golden/function_random.py}.
 */
class FunctionRandomSeedTest {
    private static final Map<String, double[]> GOLDEN = load();

    private static Map<String, double[]> load() {
        try (InputStream in = FunctionRandomSeedTest.class.getResourceAsStream("/golden/function_random.tsv")) {
            Map<String, double[]> rows = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split("\t");
                rows.put(parts[0], Arrays.stream(parts[1].split(" ")).mapToDouble(Double::parseDouble).toArray());
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertGolden(String row, Tensor t) {
        double[] expected = GOLDEN.get(row);
        assertArrayEquals(expected, t.toDoubleArray(), row);
    }

    @AfterEach
    void clearSeed() { tf.random.clearSeed(); }

    @Test
    void opSeedsInsideAFunctionCountPerGraphAndStreamsContinueAcrossCalls() {
        tf.random.setSeed(1);
        var f = tf.function(() -> new Tensor[] {tf.random.uniform(new int[] {3}), tf.random.normal(new int[] {2}),
            tf.random.uniform(new int[] {2}, 0, 10, tf.int32)});
        for (String call : new String[] {"first", "second"}) {
            Tensor[] r = f.call();
            assertGolden(call + " uniform", r[0]);
            assertGolden(call + " normal", r[1]);
            assertGolden(call + " uniform int", r[2]);
        }
    }

    @Test
    void anExplicitOpSeedIsKept() {
        tf.random.setSeed(1);
        var g = tf.function((Tensor x) -> tf.add(x, tf.random.uniform(new int[] {3}, o -> o.seed(7))));
        assertGolden("op seed 7", g.call(tf.zeros(3)));
    }

    @Test
    void eagerDrawsDoNotMoveAFunctionsOpSeeds() {
        tf.random.setSeed(5);
        tf.random.uniform(new int[] {2});
        var h = tf.function(() -> tf.random.uniform(new int[] {2}));
        assertGolden("after an eager draw", h.call());
    }
}
