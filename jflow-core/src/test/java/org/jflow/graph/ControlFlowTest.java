package org.jflow.graph;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.TypeError;
import org.jflow.errors.UnimplementedError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.cond, tf.case, tf.whileLoop and tf.forRange, eagerly and inside tf.function (the 30-day notes' AutoGraph chapter). */
class ControlFlowTest {
    private static List<String> types(ConcreteFunction f) { return f.graph().operations().stream().map(Node::type).toList(); }

    @Test
    void forRangeInsideAFunctionPrintsOnEveryCall() {
        // G-A7..A9: `for i in tf.range(3): tf.print(i)`; "tracing" once per signature, 0 1 2 on every call.
        var myadd = tf.function((Tensor a, Tensor b) -> {
            tf.forRange(3, i -> tf.print(i));
            Tensor c = a.add(b);
            System.out.println("tracing");
            return c;
        });
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant("hello"), tf.constant("world"))));
        assertEquals("0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant("good"), tf.constant("morning"))));
        assertEquals("tracing\n0\n1\n2\n", Stdout.of(() -> myadd.call(tf.constant(1), tf.constant(2))));
        assertEquals(2, myadd.tracingCount());
        List<String> ops = types(myadd.getConcreteFunction(tf.constant(1), tf.constant(2)));
        assertEquals(1, ops.stream().filter("While"::equals).count(), ops.toString());
        assertFalse(ops.contains("PrintV2"), "the print is in the loop body, not the function's graph: " + ops);
    }

    @Test
    void forRangeEagerlyIsAJavaLoop() {
        assertEquals("0\n1\n2\n", Stdout.of(() -> tf.forRange(3, i -> tf.print(i))));
        assertEquals("5\n3\n1\n", Stdout.of(() -> tf.forRange(5, 0, -2, i -> tf.print(i))));
        Tensor sum = tf.forRange(5, tf.constant(0), (i, s) -> tf.add(s, i));
        assertEquals(10, sum.intValue());
    }

    @Test
    void sgdLoopInsideOneFunctionCallIsBitExact() {
        // G-AD7 without the keras optimizer: 1000 steps x <- x - 0.01 * dy/dx of x^2 - 2x + 1 in one While.
        Variable x = new Variable(0.0f, o -> o.name("x"));
        var minimize = tf.function(() -> {
            tf.forRange(1000, i -> {
                try (GradientTape tape = tf.GradientTape()) {
                    Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                    x.assignSub(tf.multiply(0.01f, tape.gradient(y, x)));
                }
            });
            return tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
        });
        assertEquals("0\n", Stdout.of(() -> tf.print(minimize.call())));
        assertEquals("0.999998569\n", Stdout.of(() -> tf.print(x)));
        assertEquals(1, minimize.tracingCount());
    }

    @Test
    void condOnAPlaceholderTakesEitherPathAndRunsOnlyTheTakenBranchsSideEffects() {
        var f = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f),
                () -> {
                    tf.print("positive");
                    return tf.square(x);
                },
                () -> {
                    tf.print("not positive");
                    return tf.negative(x);
                }));
        Tensor[] r = new Tensor[1];
        assertEquals("positive\n", Stdout.of(() -> r[0] = f.call(tf.constant(3.0f))));
        assertEquals(9.0f, r[0].floatValue());
        assertEquals("not positive\n", Stdout.of(() -> r[0] = f.call(tf.constant(-2.0f))));
        assertEquals(2.0f, r[0].floatValue());
        assertEquals(1, f.tracingCount());
        List<String> ops = types(f.getConcreteFunction(tf.constant(1.0f)));
        assertEquals(1, ops.stream().filter("If"::equals).count(), ops.toString());
        assertFalse(ops.contains("PrintV2"), ops.toString());
    }

    @Test
    void condWithoutSideEffectsIsStatelessIfAndEagerCondRunsOneBranch() {
        var f = tf.function((Tensor x) -> tf.cond(tf.less(x, 0.0f), () -> tf.negative(x), () -> x));
        assertEquals(2.0f, f.call(tf.constant(-2.0f)).floatValue());
        assertEquals(5.0f, f.call(tf.constant(5.0f)).floatValue());
        assertTrue(types(f.getConcreteFunction(tf.constant(1.0f))).contains("StatelessIf"));

        assertEquals("yes\n", Stdout.of(() -> tf.cond(tf.constant(true), () -> {
            tf.print("yes");
            return null;
        }, () -> {
            tf.print("no");
            return null;
        })));
        assertEquals(1, (int) tf.cond(false, () -> 0, () -> 1));
        // A traced branch returning a Java value keeps it (the Java type stays true), so different values are a structure error.
        var sign = tf.function((Tensor x) -> tf.cond(tf.less(x, 0.0f), () -> -1, () -> 1));
        TypeError e = assertThrows(TypeError.class, () -> sign.call(tf.constant(-3.0f)));
        assertTrue(e.getMessage().contains("true_fn output: -1\nfalse_fn output: 1"), e.getMessage());
    }

    @Test
    void constantPredicateInATraceInlinesTheTakenBranch() {
        var f = tf.function((Tensor x) -> tf.cond(tf.greater(tf.constant(1), 0), () -> tf.multiply(x, 2.0f), () -> tf.sqrt(x)));
        assertEquals(6.0f, f.call(tf.constant(3.0f)).floatValue());
        List<String> ops = types(f.getConcreteFunction(tf.constant(3.0f)));
        assertFalse(ops.contains("If") || ops.contains("StatelessIf") || ops.contains("Sqrt"), ops.toString());
    }

    @Test
    void condOutputShapesAreTheMostSpecificCompatibleOnes() {
        var f = tf.function((Tensor x) -> tf.cond(tf.greater(tf.reduceSum(x), 0.0f), () -> x, () -> tf.concat(List.of(x, x), 0)));
        ConcreteFunction c = f.getConcreteFunction(tf.ones(2));
        assertEquals("(None,)", c.outputs().get(0).shape().toString());
        assertArrayEquals(new float[] {1, 1}, f.call(tf.ones(2)).toFloatArray());
        assertArrayEquals(new float[] {-1, -1, -1, -1}, f.call(tf.fill(new int[] {2}, -1.0f)).toFloatArray());
    }

    @Test
    void branchesReturningDifferentDtypesOrStructuresAreTfsTypeError() {
        var dtypes = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f), () -> x, () -> tf.constant(1)));
        TypeError e = assertThrows(TypeError.class, () -> dtypes.call(tf.constant(1.0f)));
        assertTrue(e.getMessage().startsWith("true_fn and false_fn arguments to tf.cond must have the same number, type,"
                + " and overall structure of return values."), e.getMessage());
        assertTrue(e.getMessage().contains("have different types"), e.getMessage());

        var structures = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f), () -> List.of(x, x), () -> List.of(x)));
        TypeError s = assertThrows(TypeError.class, () -> structures.call(tf.constant(1.0f)));
        assertTrue(s.getMessage().contains("The two structures don't have the same nested structure."), s.getMessage());
    }

    @Test
    void aNonBoolPredicateIsATypeError() {
        TypeError eager = assertThrows(TypeError.class, () -> tf.cond(tf.constant(1), () -> 1, () -> 2));
        assertEquals("tf.cond: pred must be a bool tensor, got dtype int32 (compare it, e.g. tf.notEqual(x, 0), to branch on a number)",
                eager.getMessage());
        var traced = tf.function((Tensor x) -> tf.cond(x, () -> x, () -> x));
        assertThrows(TypeError.class, () -> traced.call(tf.constant(1.0f)));
        assertThrows(ValueError.class, () -> tf.cond(tf.constant(new boolean[] {true, false}), () -> 1, () -> 2));
    }

    /** f(x, y) = x > 0 ? x^2 y : sin(x) + y, traced, with its gradient taken by a tape inside the function. */
    private static final PolymorphicFunction<Object> CONDITIONAL_GRADIENT = tf.function((Tensor x, Tensor y) -> {
        try (GradientTape tape = tf.GradientTape()) {
            tape.watch(List.of(x, y));
            Tensor z = tf.cond(tf.greater(x, 0.0), () -> tf.multiply(tf.square(x), y), () -> tf.add(tf.sin(x), y));
            return tape.gradient(z, List.of(x, y));
        }
    });

    private static double f(double x, double y) { return x > 0 ? x * x * y : Math.sin(x) + y; }

    @Test
    void condGradientMatchesFiniteDifferencesOnBothBranches() {
        double eps = 1e-6;
        for (double[] p : new double[][] {{1.5, -0.7}, {-0.8, 2.0}}) {
            @SuppressWarnings("unchecked")
            List<Tensor> g = (List<Tensor>) CONDITIONAL_GRADIENT.call(tf.constant(p[0]), tf.constant(p[1]));
            double dx = (f(p[0] + eps, p[1]) - f(p[0] - eps, p[1])) / (2 * eps);
            double dy = (f(p[0], p[1] + eps) - f(p[0], p[1] - eps)) / (2 * eps);
            assertEquals(dx, g.get(0).doubleValue(), 1e-6);
            assertEquals(dy, g.get(1).doubleValue(), 1e-6);
            // The eager cond gives the same gradient.
            Tensor x = tf.constant(p[0]), y = tf.constant(p[1]);
            try (GradientTape tape = tf.GradientTape()) {
                tape.watch(List.of(x, y));
                Tensor z = tf.cond(tf.greater(x, 0.0), () -> tf.multiply(tf.square(x), y), () -> tf.add(tf.sin(x), y));
                List<Tensor> e = tape.gradient(z, List.of(x, y));
                assertEquals(e.get(0).doubleValue(), g.get(0).doubleValue(), 1e-12);
                assertEquals(e.get(1).doubleValue(), g.get(1).doubleValue(), 1e-12);
            }
        }
        List<String> ops = types(CONDITIONAL_GRADIENT.getConcreteFunction(tf.constant(1.0), tf.constant(1.0)));
        assertEquals(2, ops.stream().filter("StatelessIf"::equals).count(), "forward and gradient conds: " + ops);
    }

    @Test
    void secondOrderGradientThroughATracedCond() {
        // d2/dx2 of x^3 (x > 0) is 6x; the gradient If has its own gradient.
        var f = tf.function((Tensor x) -> {
            try (GradientTape outer = tf.GradientTape()) {
                outer.watch(x);
                Tensor dx;
                try (GradientTape inner = tf.GradientTape()) {
                    inner.watch(x);
                    Tensor y = tf.cond(tf.greater(x, 0.0f), () -> tf.multiply(x, tf.square(x)), () -> tf.zerosLike(x));
                    dx = inner.gradient(y, x);
                }
                return outer.gradient(dx, x);
            }
        });
        assertEquals(12.0f, f.call(tf.constant(2.0f)).floatValue(), 1e-5);
        assertEquals(0.0f, f.call(tf.constant(-2.0f)).floatValue());
    }

    @Test
    void outerTapeThroughACallOfAFunctionWithACond() {
        var f = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f), () -> tf.square(x), () -> tf.multiply(x, 3.0f)));
        f.call(tf.constant(1.0f));
        for (float v : new float[] {2, -2}) {
            Tensor x = tf.constant(v);
            try (GradientTape tape = tf.GradientTape()) {
                tape.watch(x);
                Tensor y = f.call(x);
                assertEquals(v > 0 ? 2 * v : 3.0f, tape.gradient(y, x).floatValue());
            }
        }
    }

    @Test
    void variablesReadInsideABranchGetTheirGradient() {
        // y = x > 0 ? w * x : w + b, d/dw and d/db, by a tape in the function and by an outer tape through the call.
        Variable w = new Variable(3.0f), b = new Variable(0.5f);
        var inside = tf.function((Tensor x) -> {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor out = tf.cond(tf.greater(x, 0.0f), () -> tf.multiply(w, x), () -> tf.add(w, b));
                return tape.gradient(out, List.of(w, b), o -> o.unconnectedGradients(org.jflow.UnconnectedGradients.ZERO));
            }
        });
        @SuppressWarnings("unchecked") List<Tensor> positive = (List<Tensor>) inside.call(tf.constant(2.0f));
        assertEquals(2.0f, positive.get(0).floatValue());
        assertEquals(0.0f, positive.get(1).floatValue());
        @SuppressWarnings("unchecked") List<Tensor> negative = (List<Tensor>) inside.call(tf.constant(-2.0f));
        assertEquals(1.0f, negative.get(0).floatValue());
        assertEquals(1.0f, negative.get(1).floatValue());

        var traced = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f), () -> tf.multiply(w, x), () -> tf.add(w, b)));
        try (GradientTape tape = tf.GradientTape(o -> o.persistent(true))) {
            Tensor out = traced.call(tf.constant(2.0f));
            assertEquals(6.0f, out.floatValue());
            assertEquals(2.0f, tape.gradient(out, w).floatValue());
            Tensor other = traced.call(tf.constant(-2.0f));
            assertEquals(3.5f, other.floatValue());
            assertEquals(1.0f, tape.gradient(other, b).floatValue());
        }
    }

    private static List<Tensor> fibonacci(Tensor n) {
        return tf.whileLoop(v -> tf.less(v.get(0), n),
                v -> List.of(tf.add(v.get(0), 1), v.get(2), tf.add(v.get(1), v.get(2))),
                List.of(tf.constant(0), tf.constant(0L), tf.constant(1L)));
    }

    @Test
    void whileLoopComputesFibonacciAsEagerly() {
        List<Tensor> eager = fibonacci(tf.constant(50));
        assertEquals(12586269025L, eager.get(1).longValue());
        var traced = tf.function(ControlFlowTest::fibonacci);
        assertEquals(12586269025L, traced.call(tf.constant(50)).get(1).longValue());
        assertEquals(55L, traced.call(tf.constant(10)).get(1).longValue());
        assertEquals(1, traced.tracingCount());
        List<String> ops = types(traced.getConcreteFunction(tf.constant(1)));
        assertTrue(ops.contains("StatelessWhile"), ops.toString());
    }

    @Test
    void whileLoopOverATensorArrayWithMaximumIterations() {
        Supplier<Tensor[]> loop = () -> tf.whileLoop((Tensor[] v) -> tf.constant(true),
                v -> new Tensor[] {tf.add(v[0], 2.0f)}, new Tensor[] {tf.constant(1.0f)}, o -> o.maximumIterations(4));
        assertEquals(9.0f, loop.get()[0].floatValue());
        assertEquals(9.0f, tf.function(() -> loop.get()[0]).call().floatValue());
    }

    @Test
    void loopVariableShapesKeepUnlessAnInvariantRelaxesThem() {
        var growing = tf.function((Tensor v) -> tf.whileLoop((Tensor t) -> tf.less(tf.size(t), 8),
                t -> tf.concat(List.of(t, t), 0), v), f -> f.argNames("v"));
        ValueError e = assertThrows(ValueError.class, () -> growing.call(tf.ones(1)));
        assertEquals("Input tensor 'v:0' enters the loop with shape (1,), but has shape (2,) after one iteration. To allow the"
                + " shape to vary across iterations, use the `shape_invariants` argument of tf.while_loop to specify a"
                + " less-specific shape.", e.getMessage());

        var relaxed = tf.function((Tensor v) -> tf.whileLoop((Tensor t) -> tf.less(tf.size(t), 8),
                t -> tf.concat(List.of(t, t), 0), v, o -> o.shapeInvariants(Shape.of(-1))), f -> f.argNames("v"));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, relaxed.call(tf.ones(1)).toFloatArray());
        assertEquals("(None,)", relaxed.getConcreteFunction(tf.ones(1)).outputs().get(0).shape().toString());
        ValueError incompatible = assertThrows(ValueError.class, () -> relaxed.call(tf.ones(1, 1)));
        assertEquals("The shape invariant specified for v:0 is not compatible with the initial shape of the loop variable."
                + " It enters the loop with shape (1, 1), but the specified shape invariant is (None,).", incompatible.getMessage());
        // Eagerly the shape may change, as in TF.
        assertEquals(8, tf.whileLoop((Tensor t) -> tf.less(tf.size(t), 8), t -> tf.concat(List.of(t, t), 0), tf.ones(1)).size());
    }

    @Test
    void aBodyChangingADtypeIsTfsTypeError() {
        var f = tf.function((Tensor v) -> tf.whileLoop((Tensor t) -> tf.less(t, 8), t -> tf.cast(t, DType.FLOAT32), v));
        TypeError e = assertThrows(TypeError.class, () -> f.call(tf.constant(1)));
        assertTrue(e.getMessage().contains("enters the loop with type <dtype: 'int32'> but has type <dtype: 'float32'> after 1"
                + " iteration."), e.getMessage());
    }

    @Test
    void statefulBodyRunsEveryIterationInOrder() {
        Variable total = new Variable(0.0f);
        var f = tf.function((Tensor n) -> {
            tf.forRange(n, i -> {
                total.assignAdd(tf.cast(i, DType.FLOAT32));
                tf.print(total);
            });
            return total.value();
        });
        assertEquals("0\n1\n3\n6\n", Stdout.of(() -> f.call(tf.constant(4))));
        assertEquals(6.0f, total.value().floatValue());
        assertEquals("6\n", Stdout.of(() -> f.call(tf.constant(1))));
    }

    /** v = x; i = 0; while i < 3: v = v * w + x; i += 1 (v = x w^3 + x w^2 + x w + x), and its gradient by a tape. */
    private static List<Tensor> powerLoopGradient(Tensor x, Tensor w) {
        try (GradientTape tape = tf.GradientTape()) {
            tape.watch(List.of(x, w));
            List<Tensor> out = tf.whileLoop(v -> tf.less(v.get(0), 3),
                    v -> List.of(tf.add(v.get(0), 1), tf.add(tf.multiply(v.get(1), w), x)), List.of(tf.constant(0), x));
            return tape.gradient(out.get(1), List.of(x, w));
        }
    }

    @Test
    void whileGradientMatchesFiniteDifferencesAndTheEagerLoop() {
        double x = 0.7, w = -1.3, eps = 1e-6;
        java.util.function.DoubleBinaryOperator v = (a, b) -> a * (b * b * b + b * b + b + 1);
        var traced = tf.function(ControlFlowTest::powerLoopGradient);
        List<Tensor> g = traced.call(tf.constant(x, DType.FLOAT64), tf.constant(w, DType.FLOAT64));
        assertEquals((v.applyAsDouble(x + eps, w) - v.applyAsDouble(x - eps, w)) / (2 * eps), g.get(0).doubleValue(), 1e-6);
        assertEquals((v.applyAsDouble(x, w + eps) - v.applyAsDouble(x, w - eps)) / (2 * eps), g.get(1).doubleValue(), 1e-6);
        List<Tensor> eager = powerLoopGradient(tf.constant(x, DType.FLOAT64), tf.constant(w, DType.FLOAT64));
        assertEquals(eager.get(0).doubleValue(), g.get(0).doubleValue(), 1e-12);
        assertEquals(eager.get(1).doubleValue(), g.get(1).doubleValue(), 1e-12);
        assertTrue(types(traced.getConcreteFunction(tf.constant(x, DType.FLOAT64), tf.constant(w, DType.FLOAT64))).contains("WhileGrad"));
    }

    /** h = x; three times h = tanh(h * w) with w a variable; the gradient w.r.t. w. */
    private static Tensor recurrentGradient(Variable w, Tensor x) {
        try (GradientTape tape = tf.GradientTape()) {
            Tensor h = tf.forRange(3, x, (i, state) -> tf.tanh(tf.multiply(state, w)));
            return tape.gradient(h, w);
        }
    }

    @Test
    void variablesReadInsideALoopBodyGetTheirGradient() {
        Variable w = new Variable(tf.constant(0.8, DType.FLOAT64));
        Tensor x = tf.constant(1.2, DType.FLOAT64);
        double traced = tf.function((Tensor t) -> recurrentGradient(w, t)).call(x).doubleValue();
        assertEquals(recurrentGradient(w, x).doubleValue(), traced, 1e-12);
        double eps = 1e-6;
        java.util.function.DoubleUnaryOperator h = v -> Math.tanh(Math.tanh(Math.tanh(1.2 * v) * v) * v);
        assertEquals((h.applyAsDouble(0.8 + eps) - h.applyAsDouble(0.8 - eps)) / (2 * eps), traced, 1e-6);
    }

    @Test
    void outerTapeThroughAFunctionWithALoopAndItsSecondOrderLimit() {
        // y = x * 2^k for the first k with x * 2^k >= 10: from 1.5, 12 = 8x.
        var doubling = tf.function((Tensor x) -> tf.whileLoop((Tensor t) -> tf.less(t, 10.0f), t -> tf.multiply(t, 2.0f), x));
        Tensor x = tf.constant(1.5f);
        try (GradientTape tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor y = doubling.call(x);
            assertEquals(12.0f, y.floatValue());
            assertEquals(8.0f, tape.gradient(y, x).floatValue());
        }
        UnimplementedError e = assertThrows(UnimplementedError.class, () -> {
            try (GradientTape outer = tf.GradientTape()) {
                outer.watch(x);
                Tensor first;
                try (GradientTape inner = tf.GradientTape()) {
                    inner.watch(x);
                    first = inner.gradient(doubling.call(x), x);
                }
                outer.gradient(first, x);
            }
        });
        assertEquals("Second-order gradients through tf.whileLoop (op WhileGrad) are not supported yet.", e.getMessage());
    }

    @Test
    void caseTakesTheFirstTruePredicateElseTheDefault() {
        // TF's tf.case example: f1 if x < y, f2 if x > z, else -1.
        var f = tf.function((Tensor x, Tensor y, Tensor z) -> tf.case_(List.of(
                        Map.entry(tf.less(x, y), (Supplier<Tensor>) () -> tf.constant(17)),
                        Map.entry(tf.greater(x, z), (Supplier<Tensor>) () -> tf.constant(23))),
                () -> tf.constant(-1), true));
        assertEquals(17, f.call(tf.constant(1), tf.constant(2), tf.constant(5)).intValue());
        assertEquals(23, f.call(tf.constant(9), tf.constant(2), tf.constant(5)).intValue());
        assertEquals(-1, f.call(tf.constant(3), tf.constant(2), tf.constant(5)).intValue());
        Tensor x = tf.constant(9);
        assertEquals(23, tf.case_(List.of(Map.entry(tf.less(x, 2), (Supplier<Tensor>) () -> tf.constant(17)),
                Map.entry(tf.greater(x, 5), (Supplier<Tensor>) () -> tf.constant(23))), null).intValue());
        var e = assertThrows(org.jflow.errors.InvalidArgumentError.class, () -> tf.case_(List.of(
                Map.entry(tf.greater(x, 2), (Supplier<Tensor>) () -> tf.constant(17)),
                Map.entry(tf.greater(x, 5), (Supplier<Tensor>) () -> tf.constant(23))), () -> tf.constant(-1), true));
        assertTrue(e.getMessage().startsWith("Input error: exclusive=True: more than 1 conditions"), e.getMessage());
    }

    @Test
    void aFunctionWithControlFlowInlinesIntoAnotherAndKeepsItsSideEffects() {
        var inner = tf.function((Tensor x) -> {
            tf.forRange(2, i -> tf.print("step", i));
            return tf.cond(tf.greater(x, 0.0f), () -> tf.multiply(x, 2.0f), () -> x);
        });
        var outer = tf.function((Tensor x) -> tf.add(inner.call(x), 1.0f));
        Tensor[] r = new Tensor[1];
        assertEquals("step 0\nstep 1\n", Stdout.of(() -> r[0] = outer.call(tf.constant(3.0f))));
        assertEquals(7.0f, r[0].floatValue());
        List<String> ops = types(outer.getConcreteFunction(tf.constant(3.0f)));
        assertTrue(ops.contains("While") && ops.contains("StatelessIf"), ops.toString());
    }

    @Test
    void nestedCondInsideAWhileBodyCapturesFromTheFunction() {
        // Collatz steps of 27: a cond in the loop body reading a tensor of the function's graph.
        var steps = tf.function((Tensor n) -> {
            Tensor three = tf.multiply(tf.constant(1L), 3L);
            return tf.whileLoop((List<Tensor> v) -> tf.greater(v.get(0), 1L),
                    v -> List.of(tf.cond(tf.equal(tf.floormod(v.get(0), 2L), 0L),
                            () -> tf.floordiv(v.get(0), 2L), () -> tf.add(tf.multiply(v.get(0), three), 1L)), tf.add(v.get(1), 1)),
                    List.of(n, tf.constant(0))).get(1);
        });
        assertEquals(111, steps.call(tf.constant(27L)).intValue());
    }
}
