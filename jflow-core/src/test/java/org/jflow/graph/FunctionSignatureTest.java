package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.RecursionError;
import org.jflow.errors.TypeError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@code tf.function} binds its arguments, as TF 2.21's tracing does: structures of tensors
 * flatten into graph inputs, variables are read where the function runs, specs stand for tensors,
 * TF's TypeError for wrong argument counts, {@code reduceRetracing}, the retracing warning and a
 * bounded trace cache.
 */
class FunctionSignatureTest {
    /** A record argument, as a Keras batch (x, y) could be passed. */
    record Batch(Tensor x, Tensor y) {}

    private static long consts(ConcreteFunction f) {
        return f.graph().operations().stream().filter(n -> n.type().equals("Const")).count();
    }

    @Test
    void freshListsOfTensorsShareOneTraceAndFeedTheGraph() {
        var sum = tf.functionOfArgs(args -> {
            List<?> xs = (List<?>) args[0];
            return tf.add((Tensor) xs.get(0), (Tensor) xs.get(1));
        });
        for (int i = 0; i < 3; i++) {
            Tensor r = sum.call(List.of(tf.constant((float) i), tf.constant(2f)));
            assertEquals(i + 2f, r.floatValue());
        }
        assertEquals(1, sum.tracingCount());
        ConcreteFunction f = sum.getConcreteFunction(List.of(tf.constant(0f), tf.constant(0f)));
        assertEquals(2, f.inputs().size());
        assertEquals(0, consts(f), f.graph().toString());
    }

    @Test
    void mapsRecordsAndNestingFlattenIntoInputs() {
        var f = tf.functionOfArgs(args -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) args[0];
            Batch b = (Batch) args[1];
            Tensor scale = (Tensor) ((Object[]) m.get("scale"))[0];
            return tf.multiply(tf.add(b.x(), b.y()), scale);
        });
        for (float s : new float[] {1, 2, 3}) {
            Tensor r = f.call(Map.of("scale", new Object[] {tf.constant(s)}), new Batch(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, 4})));
            assertArrayEquals(new float[] {4 * s, 6 * s}, r.toFloatArray());
        }
        assertEquals(1, f.tracingCount());
        f.call(Map.of("scale", new Object[] {tf.constant(1f)}), new Batch(tf.constant(new float[] {1, 2, 3}), tf.constant(1f)));
        assertEquals(2, f.tracingCount(), "a new shape in the structure retraces");
    }

    @Test
    void javaNumbersInAStructureAreBakedByValue() {
        var f = tf.functionOfArgs(args -> tf.multiply((Tensor) ((List<?>) args[0]).get(0), 2));
        assertEquals(6, f.call(List.of(3)).intValue());
        assertEquals(6, f.call(List.of(3)).intValue());
        assertEquals(8, f.call(List.of(4)).intValue());
        assertEquals(2, f.tracingCount());
    }

    @Test
    void aVariableArgumentIsReadWhenTheFunctionRuns() {
        var twice = tf.function((Tensor x) -> tf.multiply(x, 2f));
        Variable v = tf.Variable(new float[] {1, 2});
        assertArrayEquals(new float[] {2, 4}, twice.call(v).toFloatArray());
        v.assign(new float[] {5, 6});
        assertArrayEquals(new float[] {10, 12}, twice.call(v).toFloatArray());
        assertEquals(1, twice.tracingCount());
    }

    @Test
    void aTensorSpecGivesAConcreteFunctionThatLaterCallsUse() {
        var f = tf.function((Tensor x) -> tf.reduceSum(x, 1));
        ConcreteFunction c = f.getConcreteFunction(tf.TensorSpec(new int[] {-1, 3}, tf.float32));
        assertEquals("(None, 3)", c.inputs().get(0).shape().toString());
        assertEquals("(None,)", c.outputs().get(0).shape().toString());
        assertArrayEquals(new float[] {3, 3}, f.call(tf.ones(2, 3)).toFloatArray());
        assertArrayEquals(new float[] {3, 3, 3, 3, 3}, f.call(tf.ones(5, 3)).toFloatArray());
        assertEquals(1, f.tracingCount());
    }

    @Test
    void wrongArgumentCountsAreTfsTypeError() {
        var g = tf.function((Tensor x) -> tf.add(x, 1f));
        TypeError many = assertThrows(TypeError.class, () -> g.call(tf.constant(1f), tf.constant(2f)));
        assertEquals("Binding inputs to tf.function failed due to `too many positional arguments`. Received args:"
                + " (<tf.Tensor: shape=(), dtype=float32, numpy=1.0>, <tf.Tensor: shape=(), dtype=float32, numpy=2.0>) and kwargs: {}"
                + " for signature: (args_0).", many.getMessage());
        TypeError few = assertThrows(TypeError.class, g::call);
        assertEquals("Binding inputs to tf.function failed due to `missing a required argument: 'args_0'`. Received args: ()"
                + " and kwargs: {} for signature: (args_0).", few.getMessage());
        var named = tf.function((Tensor a, Tensor b) -> tf.add(a, b), o -> o.argNames("x", "y"));
        TypeError missing = assertThrows(TypeError.class, () -> named.call(tf.constant(1f)));
        assertTrue(missing.getMessage().startsWith("Binding inputs to tf.function failed due to `missing a required argument: 'y'`."),
                missing.getMessage());
    }

    private static PolymorphicFunction<Tensor> recursive;

    @Test
    void aFunctionThatCallsItselfIsARecursionError() {
        recursive = tf.function((Tensor x) -> recursive.call(x));
        RecursionError e = assertThrows(RecursionError.class, () -> recursive.call(tf.constant(1f)));
        assertEquals("maximum recursion depth exceeded while calling a Python object", e.getMessage());
    }

    @Test
    void reduceRetracingGeneralizesTheChangedDims() {
        var f = tf.function((Tensor x) -> tf.reduceSum(x), o -> o.reduceRetracing(true));
        for (int n : new int[] {32, 17, 5, 9}) assertEquals(3f * n, f.call(tf.ones(n, 3)).floatValue());
        assertEquals(2, f.tracingCount());
        assertEquals("(None, 3)", f.getConcreteFunction(tf.ones(4, 3)).inputs().get(0).shape().toString());
        var plain = tf.function((Tensor x) -> tf.reduceSum(x));
        for (int n : new int[] {32, 17, 5, 9}) plain.call(tf.ones(n, 3));
        assertEquals(4, plain.tracingCount());
    }

    @Test
    void excessiveRetracingLogsTfsWarning() {
        List<String> warnings = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) { warnings.add(r.getMessage()); }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("tensorflow");
        log.addHandler(h);
        try {
            var f = tf.function((Tensor x) -> tf.square(x), o -> o.name("square"));
            for (int n = 1; n <= 4; n++) f.call(tf.ones(n));
            assertEquals(List.of(), warnings);
            f.call(tf.ones(5));
            assertEquals(List.of("5 out of the last 5 calls to <function square> triggered tf.function retracing. Tracing is"
                    + " expensive and the excessive number of tracings could be due to (1) creating @tf.function repeatedly in a"
                    + " loop, (2) passing tensors with different shapes, (3) passing Python objects instead of tensors. For (1),"
                    + " please define your @tf.function outside of the loop. For (2), @tf.function has reduce_retracing=True"
                    + " option that can avoid unnecessary retracing. For (3), please refer to"
                    + " https://www.tensorflow.org/guide/function#controlling_retracing and"
                    + " https://www.tensorflow.org/api_docs/python/tf/function for  more details."), warnings);
            for (int n = 6; n <= 20; n++) f.call(tf.ones(n));
            assertEquals(2, warnings.size(), "TF warns twice at most per function");
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void theTraceCacheIsBounded() {
        var f = tf.function((Tensor x) -> tf.add(x, 1f));
        int calls = PolymorphicFunction.MAX_TRACES + 72;
        for (int n = 1; n <= calls; n++) assertEquals(2f, f.call(tf.ones(n)).toFloatArray()[n - 1]);
        assertEquals(calls, f.tracingCount());
        assertEquals(PolymorphicFunction.MAX_TRACES, f.cachedTraces());
        f.call(tf.ones(calls));
        assertEquals(calls, f.tracingCount(), "the most recent traces stay");
    }
}
