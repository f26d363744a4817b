package org.jflow.random;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.graph.Node;
import org.jflow.raw.RawRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tf.random.stateless_* run the ops TF 2.21 runs (StatelessRandomGetKeyCounter, then the V2 op), traced in a
 * tf.function, and draw TF's numbers; StatelessRandomGetKeyCounter gives TF's key and counter. Expected:
 * golden/stateless_v2.py.
 */
class StatelessV2Test {
    private static final Golden TF = Golden.load("stateless_v2");
    private static final Map<String, Supplier<Tensor>> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("uniform", () -> tf.random.statelessUniform(new int[] {5}, new int[] {1, 2}));
        FUNCTIONS.put("uniform_bounds", () -> tf.random.statelessUniform(new int[] {5}, new int[] {7, -3}, o -> o.minval(-2f).maxval(3f)));
        FUNCTIONS.put("uniform_int", () -> tf.random.statelessUniform(new int[] {5}, new int[] {1, 2},
                o -> o.minval(0).maxval(10).dtype(DType.INT32)));
        FUNCTIONS.put("uniform_full_int", () -> tf.random.statelessUniform(new int[] {5}, new int[] {1, 2},
                o -> o.minval(null).maxval(null).dtype(DType.INT64)));
        FUNCTIONS.put("normal", () -> tf.random.statelessNormal(new int[] {5}, new int[] {1, 2}));
        FUNCTIONS.put("truncated_normal", () -> tf.random.statelessTruncatedNormal(new int[] {5}, new int[] {3, 4},
                o -> o.mean(1f).stddev(2f)));
    }

    static List<String> functions() { return List.copyOf(FUNCTIONS.keySet()); }

    static List<String> keyCounters() { return TF.cases().keySet().stream().filter(k -> k.startsWith("key_counter")).toList(); }

    @ParameterizedTest
    @MethodSource("functions")
    void statelessFunctionsRunTensorFlowsOpsAndDrawItsNumbers(String name) {
        Map<String, Object> c = TF.map(name);
        Supplier<Tensor> draw = FUNCTIONS.get(name);
        var f = tf.function((Tensor unused) -> draw.get());
        List<String> ops = f.getConcreteFunction(tf.constant(0f)).graph().operations().stream().map(Node::type)
                .filter(t -> t.startsWith("Stateless")).toList();
        assertEquals(c.get("ops"), ops, name);
        Tensor drawn = draw.get();
        List<?> expected = (List<?>) c.get("values");
        if (drawn.dtype().isInteger()) {
            assertEquals(expected, java.util.Arrays.stream(drawn.toLongArray()).mapToObj(Long::toString).toList(), name);
        } else {
            assertArrayEquals(Golden.flatten(expected), tf.cast(drawn, DType.FLOAT64).toDoubleArray(), 0, name);
        }
    }

    @ParameterizedTest
    @MethodSource("keyCounters")
    void keyAndCounterAreTensorFlows(String name) {
        Map<String, Object> c = TF.map(name);
        long[] seed = java.util.Arrays.stream(Golden.flatten(c.get("seed"))).mapToLong(d -> (long) d).toArray();
        Tensor[] kc = RawRandom.statelessRandomGetKeyCounter(tf.constant(seed));
        assertEquals(c.get("key"), java.util.Arrays.stream(kc[0].toLongArray()).mapToObj(Long::toString).toList(), name);
        assertEquals(c.get("counter"), java.util.Arrays.stream(kc[1].toLongArray()).mapToObj(Long::toString).toList(), name);
    }
}
