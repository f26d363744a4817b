package org.jflow.graph;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.OperatorNotAllowedInGraphError;
import org.jflow.errors.SymbolicTensorError;
import org.jflow.errors.ValueError;
import org.jflow.format.TensorFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.function: tracing, the retracing rules and side effects, as the 30-day notes' AutoGraph chapter shows them. */
class TfFunctionTest {
    private final PolymorphicFunction<Tensor> myadd = tf.function((Tensor a, Tensor b) -> {
        tf.print(tf.constant(0));
        tf.print(tf.constant(1));
        tf.print(tf.constant(2));
        Tensor c = a.add(b);
        System.out.println("tracing");
        return c;
    });

    @Test
    void javaSideEffectsRunAtTraceTimeAndTfPrintOnEveryCall() {
        // G-A7..A9: "tracing" once per signature; tf.print on every call.
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant("hello"), tf.constant("world"))));
        assertEquals("0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant("good"), tf.constant("morning"))));
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant(1), tf.constant(2))));
        assertEquals(2, myadd.tracingCount());
    }

    @Test
    void javaValuesRetraceForEveryNewValue() {
        // G-A10: Python (here Java) strings are baked into the graph, so each new value retraces.
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call("hello", "world")));
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call("good", "morning")));
        assertEquals("0\n1\n2\n", Stdout.of(() -> myadd.call("good", "morning")));
        // G-A11: + on strings concatenates.
        Tensor[] r = new Tensor[1];
        Stdout.of(() -> r[0] = myadd.call(tf.constant("hello"), tf.constant("world")));
        assertEquals("tf.Tensor(b'helloworld', shape=(), dtype=string)", r[0].toString());
    }

    @Test
    void sameResultsAsEager() {
        // G-G3: the same output with and without tf.function.
        var strjoin = tf.function((Tensor x, Tensor y) -> {
            Tensor z = tf.strings.join(List.of(x, y), " ");
            tf.print(z);
            return z;
        });
        Tensor[] result = new Tensor[1];
        assertEquals("hello world\n", Stdout.of(() -> result[0] = strjoin.call(tf.constant("hello"), tf.constant("world"))));
        assertEquals("tf.Tensor(b'hello world', shape=(), dtype=string)", result[0].toString());
    }

    @Test
    void symbolicTensorsLeakIntoJavaListsAsTheyDoInPython() {
        // G-A6: a list appended to while tracing holds the placeholder, once.
        List<Tensor> tensorList = new ArrayList<>();
        var append = tf.function((Tensor x) -> {
            tensorList.add(x);
            return x;
        }, f -> f.argNames("x"));
        append.call(tf.constant(5.0f));
        append.call(tf.constant(6.0f));
        assertEquals("[<tf.Tensor 'x:0' shape=() dtype=float32>]", TensorFormat.reprList(tensorList));
        assertThrows(SymbolicTensorError.class, () -> tensorList.get(0).toFloatArray());
    }

    @Test
    void variablesOutsideAreReadAndWrittenEveryCall() {
        // G-A3: assign_add inside the function acts on every call; G-MO1 with an input signature.
        Variable x = new Variable(1.0f);
        var outerVar = tf.function(() -> {
            x.assignAdd(1.0f);
            tf.print(x);
            return x;
        });
        assertEquals("2\n", Stdout.of(outerVar::call));
        Variable[] r = new Variable[1];
        assertEquals("3\n", Stdout.of(() -> r[0] = outerVar.call()));
        assertEquals(3.0f, r[0].value().floatValue());
        assertEquals(1, outerVar.tracingCount());

        Variable v = new Variable(1.0f);
        var addPrint = tf.function((Tensor a) -> {
            v.assignAdd(a);
            tf.print(v);
            return v;
        }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32)));
        assertEquals("4\n", Stdout.of(() -> addPrint.call(tf.constant(3.0f))));
        // G-MO2: an int32 tensor does not match the float32 signature.
        ValueError e = assertThrows(ValueError.class, () -> addPrint.call(tf.constant(3)));
        assertTrue(e.getMessage().startsWith("Python inputs incompatible with input_signature:"), e.getMessage());
        assertTrue(e.getMessage().contains("TensorSpec(shape=(), dtype=tf.float32, name=None)"), e.getMessage());
    }

    @Test
    void anUnguardedVariableIsRefusedOnTheFirstCall() {
        // TF 2.21 traces a function that created variables a second time, with creation forbidden: a
        // tf.Variable(...) that runs on every trace fails on the first call, not on some later retrace.
        List<Variable> created = new ArrayList<>();
        var innerVar = tf.function((Tensor a) -> {
            Variable x = new Variable(tf.zeros(3));
            created.add(x);
            x.assignAdd(a);
            return x.value();
        });
        ValueError e = assertThrows(ValueError.class, () -> innerVar.call(tf.ones(3)));
        assertEquals("tf.function only supports singleton tf.Variables created on the first call. Make sure the tf.Variable is"
                + " only created once or created outside tf.function. See"
                + " https://www.tensorflow.org/guide/function#creating_tfvariables for more information.", e.getMessage());
        assertEquals(1, created.size());
    }

    @Test
    void aGuardedVariableIsCreatedOnceAndTheFunctionTracedTwice() {
        // TF's pattern: `if self.v is None: self.v = tf.Variable(...)`; TF traces twice on the first call (count 2).
        Variable[] v = new Variable[1];
        var counter = tf.function((Tensor a) -> {
            System.out.println("tracing");
            if (v[0] == null) v[0] = new Variable(tf.zeros(3));
            v[0].assignAdd(a);
            return v[0].value();
        });
        assertEquals("tracing\ntracing\n", Stdout.of(() -> assertArrayEquals(new float[] {1, 1, 1}, counter.call(tf.ones(3)).toFloatArray())));
        assertArrayEquals(new float[] {2, 2, 2}, counter.call(tf.ones(3)).toFloatArray());
        assertEquals(2, counter.tracingCount());
        // A later trace may not create variables either (TF's message for that case).
        var late = tf.function((Tensor a) -> a.rank() == 2 ? new Variable(a).value() : a);
        late.call(tf.ones(3));
        ValueError e = assertThrows(ValueError.class, () -> late.call(tf.ones(2, 2)));
        assertEquals("tf.function-decorated function tried to create variables on non-first call.", e.getMessage());
    }

    @Test
    void aVariableCreatedFromARandomDrawIsComputedOnceOnTheFirstTrace() {
        List<Variable> created = new ArrayList<>();
        var layer = tf.function((Tensor x) -> {
            if (created.isEmpty()) created.add(new Variable(tf.random.normal(new int[] {3, 2})));
            return tf.matmul(x, created.getFirst());
        });
        Tensor x = tf.constant(new float[][] {{1, 0, 0}});
        Tensor first = layer.call(x);
        assertArrayEquals(created.getFirst().value().slice("0").toFloatArray(), first.toFloatArray());
        assertArrayEquals(first.toFloatArray(), layer.call(x).toFloatArray()); // drawn once, not per call

        var dependsOnInput = tf.function((Tensor a) -> new Variable(tf.multiply(a, 2.0f)).value());
        ValueError e = assertThrows(ValueError.class, () -> dependsOnInput.call(tf.constant(1.0f)));
        assertTrue(e.getMessage().contains("cannot depend on the function's inputs"), e.getMessage());
    }

    @Test
    void inputSignatureWithUnknownDimsTracesOnce() {
        var relu = tf.function((Tensor x) -> tf.nn.relu(tf.matmul(x, tf.constant(new float[][] {{1, -1}, {2, 0}}))),
                f -> f.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
        assertArrayEquals(new float[] {5, 0}, relu.call(tf.constant(new float[][] {{1, 2}})).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 1, 4, 0}, relu.call(tf.constant(new float[][] {{1, 0}, {-1, 0}, {0, 2}})).toFloatArray());
        assertEquals(1, relu.tracingCount());
        assertEquals("(None, 2)", relu.getConcreteFunction(tf.zeros(1, 2)).outputs().get(0).shape().toString());
    }

    @Test
    void tapeInsideTheFunction() {
        // G-AD4: the gradient is computed in the graph; (dy/dx, y) of x^2 - 2x + 1.
        var f = tf.function((Tensor x) -> {
            try (GradientTape tape = tf.GradientTape()) {
                tape.watch(x);
                Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                Tensor dydx = tape.gradient(y, x);
                return new Object[] {dydx, y};
            }
        });
        assertEquals("(-2, 1)\n", Stdout.of(() -> tf.print((Object) f.call(tf.constant(0.0f)))));
        assertEquals("(0, 0)\n", Stdout.of(() -> tf.print((Object) f.call(tf.constant(1.0f)))));
        assertTrue(f.getConcreteFunction(tf.constant(1.0f)).graph().operations().size() > 5);
    }

    @Test
    void wholeTrainStepIsOneGraph() {
        // x <- x - 0.01 * dy/dx, 1000 calls: the float32 result of G-AD5, bit for bit.
        Variable x = new Variable(0.0f, o -> o.name("x"));
        var step = tf.function(() -> {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                Tensor g = tape.gradient(y, x);
                x.assignSub(tf.multiply(0.01f, g));
                return y;
            }
        });
        for (int i = 0; i < 1000; i++) step.call();
        assertEquals("0.999998569\n", Stdout.of(() -> tf.print(x)));
        assertEquals(1, step.tracingCount());
    }

    @Test
    void outerTapeSeesThroughAFunctionCall() {
        var cube = tf.function((Tensor x) -> tf.multiply(x, tf.multiply(x, x)));
        Tensor x = tf.constant(2.0f);
        cube.call(x);
        try (GradientTape tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor y = cube.call(x);
            assertEquals(12.0f, tape.gradient(y, x).floatValue());
        }
    }

    @Test
    void nestedFunctionsInline() {
        var inner = tf.function((Tensor x) -> tf.multiply(x, 2.0f));
        var outer = tf.function((Tensor x) -> tf.add(inner.call(x), 1.0f));
        assertEquals(7.0f, outer.call(tf.constant(3.0f)).floatValue());
        List<String> types = outer.getConcreteFunction(tf.constant(3.0f)).graph().operations().stream().map(Node::type).toList();
        assertTrue(types.contains("Mul") && types.contains("AddV2"), types.toString());
    }

    @Test
    void javaIfOnASymbolicTensorNamesTfCond() {
        var f = tf.function((Tensor x) -> x.gt(0.0f).booleanValue() ? x : tf.negative(x));
        OperatorNotAllowedInGraphError e = assertThrows(OperatorNotAllowedInGraphError.class, () -> f.call(tf.constant(1.0f)));
        assertTrue(e.getMessage().contains("tf.cond"), e.getMessage());
    }

    @Test
    void randomOpsDrawAgainOnEveryCallWhileJavaRandomIsFrozen() {
        // G-A1/G-A2: a value computed by Java at trace time is a constant; tf.random draws per call.
        java.util.Random r = new java.util.Random();
        var javaRandom = tf.function(() -> tf.constant(r.nextFloat()));
        assertEquals(javaRandom.call().floatValue(), javaRandom.call().floatValue());
        var tfRandom = tf.function(() -> tf.random.normal(new int[] {3, 3}));
        assertNotEquals(tfRandom.call().toString(), tfRandom.call().toString());
    }

    @Test
    void tracedGraphNamesItsNodes() {
        var f = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), tf.multiply(a, b)), o -> o.argNames("a", "b"));
        Graph g = f.getConcreteFunction(tf.constant(1.0f), tf.constant(2.0f)).graph();
        assertEquals("a = Placeholder()\nb = Placeholder()\nMul = Mul(a:0, b:0)\nMul_1 = Mul(a:0, b:0)\nAddV2 = AddV2(Mul:0, Mul_1:0)\n", g.toString());
        assertFalse(g.operations().isEmpty());
    }

    @Test
    void runFunctionsEagerlyRunsTheJavaBodyOnEveryCall() {
        var f = tf.function((Tensor x) -> {
            System.out.println("body");
            return tf.multiply(x, 2.0f);
        });
        tf.config.runFunctionsEagerly(true);
        try {
            assertTrue(tf.config.functionsRunEagerly());
            assertEquals("body\nbody\n", Stdout.of(() -> {
                assertEquals(2.0f, f.call(1.0f).floatValue());
                f.call(1.0f);
            }));
            assertEquals(0, f.tracingCount());
        } finally {
            tf.config.runFunctionsEagerly(false);
        }
        assertEquals("body\n", Stdout.of(() -> f.call(1.0f)));
    }
}
