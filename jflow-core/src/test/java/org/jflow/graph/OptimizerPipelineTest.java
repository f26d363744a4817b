package org.jflow.graph;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.jflow.TF.tf;
import static org.jflow.graph.Programs.assertSameBits;
import static org.jflow.graph.Programs.assertSameResults;
import static org.jflow.graph.Programs.build;
import static org.jflow.graph.Programs.nodes;
import static org.jflow.graph.Programs.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What every pass keeps: side effects in order, the program's signature, the results; and the default pipeline on traced functions. */
class OptimizerPipelineTest {
    private static final List<UnaryOperator<Program>> PASSES = List.of(
            new AlgebraicSimplification()::apply, new ConstantFolding()::apply, new CommonSubexpressionElimination()::apply,
            new DeadNodeElimination()::apply, GraphOptimizer::optimize);

    /** Prints, a variable update, constant and repeated subexpressions, bypassable nodes, dead nodes. */
    private static Program sample(Variable v) {
        return build(x -> {
            Tensor scale = tf.multiply(tf.add(tf.constant(1f), tf.constant(2f)), tf.identity(tf.constant(1f)));
            tf.print(tf.constant("start"));
            Tensor y = tf.add(tf.multiply(x[0], scale), tf.multiply(x[0], scale));
            v.assignAdd(tf.reduceSum(y));
            tf.multiply(y, y);
            tf.print(tf.negative(tf.negative(v.value())));
            return List.of(tf.subtract(y, -0.0f), tf.reshape(tf.identity(y), 2, 2), x[1]);
        }, DType.FLOAT32, Shape.of(2, 2), DType.INT32, Shape.scalar());
    }

    @Test
    void everyPassKeepsSideEffectsInOrderTheSignatureAndTheResults() {
        Variable v = new Variable(0f);
        Program p = sample(v);
        Tensor x = tf.constant(new float[][] {{1, -0.0f}, {Float.NaN, 4}}), i = tf.constant(7);
        for (UnaryOperator<Program> pass : PASSES) {
            Program q = pass.apply(p);
            assertSideEffectsInOrder(p, q);
            assertEquals(specs(p.inputs()), specs(q.inputs()));
            assertEquals(specs(p.outputs()), specs(q.outputs()));
            Run expected = Run.of(p, v, x, i), actual = Run.of(q, v, x, i);
            assertEquals("start\nnan\n", expected.printed); // the sum of x * 6 over a NaN
            assertEquals(expected.printed, actual.printed);
            assertEquals(expected.variable, actual.variable);
            for (int k = 0; k < expected.outputs.length; k++) assertSameBits(expected.outputs[k], actual.outputs[k]);
        }
    }

    /** One run from the variable at 0: what it printed, returned and left in the variable. */
    private record Run(String printed, Tensor[] outputs, float variable) {
        static Run of(Program p, Variable v, Tensor... args) {
            v.assign(0f);
            Tensor[][] out = new Tensor[1][];
            String printed = Stdout.of(() -> out[0] = Programs.run(p, args));
            return new Run(printed, out[0], v.value().floatValue());
        }
    }

    private static void assertSideEffectsInOrder(Program p, Program q) {
        List<Node> before = p.graph().statefulNodes(), after = q.graph().statefulNodes();
        assertEquals(before.stream().map(Node::type).toList(), after.stream().map(Node::type).toList());
        for (int k = 0; k < before.size(); k++) {
            assertSame(before.get(k).attrs().get("variable"), after.get(k).attrs().get("variable"));
            assertEquals(k == 0 ? List.of() : List.of(after.get(k - 1)), after.get(k).controlInputs());
        }
    }

    private static List<String> specs(List<Tensor> tensors) {
        return tensors.stream().map(t -> t.dtype().tfName() + t.shape()).toList();
    }

    @Test
    void theDefaultPipelineShrinksTheSample() {
        Program p = sample(new Variable(0f)), q = GraphOptimizer.optimize(p);
        assertEquals(24, nodes(p));
        // Left: the folded scale 3, y = x*3 + x*3 with x*3 once (fused into one pass), the update and both
        // prints, y - (-0.0) (not x for x = -0.0).
        assertEquals(List.of("Placeholder", "Placeholder", "Const", "Const", "PrintV2", "FusedElementwise", "Sum",
                "AssignAddVariableOp", "ReadVariableOp", "PrintV2", "Const", "Sub"), types(q));
        assertEquals(3f, ((Tensor) q.graph().operation("AddV2").attrs().get("value")).floatValue()); // folded, keeps its name
    }

    /** Runs a traced function's graph as traced and as optimized; the results must agree bit for bit. */
    private static void assertOptimizedAgrees(ConcreteFunction f, Tensor... args) {
        assertSameResults(f.program(), f.optimizedProgram(), args);
    }

    @Test
    void tracedFunctionsGiveTheSameResultsOptimized() {
        // TfFunctionTest's functions: a*b + a*b computes a*b once.
        var twice = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), tf.multiply(a, b)));
        ConcreteFunction f = twice.getConcreteFunction(tf.constant(1.0f), tf.constant(2.0f));
        assertEquals(5, nodes(f.program()));
        assertEquals(List.of("Placeholder", "Placeholder", "FusedElementwise"), types(f.optimizedProgram()));
        assertOptimizedAgrees(f, tf.constant(3f), tf.constant(-0.5f));
        assertEquals(-3f, twice.call(tf.constant(3f), tf.constant(-0.5f)).floatValue());

        // A tape inside the function: (dy/dx, y) of x^2 - 2x + 1.
        var grad = tf.function((Tensor x) -> {
            try (GradientTape tape = tf.GradientTape()) {
                tape.watch(x);
                Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                return new Object[] {tape.gradient(y, x), y};
            }
        });
        ConcreteFunction g = grad.getConcreteFunction(tf.constant(1.0f));
        // 1 * x^2 and the tape's ones * ... drop, 2 - 1 folds to the 1 already there, and what is left of
        // y and of dy/dx fuses into one loop each: 19 nodes -> 6.
        assertEquals(19, nodes(g.program()));
        assertEquals(6, nodes(g.optimizedProgram()), () -> g.optimizedProgram().graph().toString());
        for (float x : new float[] {0f, 1f, 3f, -0.0f, Float.NaN}) assertOptimizedAgrees(g, tf.constant(x));
        assertEquals("(-2, 1)\n", Stdout.of(() -> tf.print((Object) grad.call(tf.constant(0.0f)))));

        // An input signature with an unknown batch dim.
        var relu = tf.function((Tensor x) -> tf.nn.relu(tf.matmul(x, tf.constant(new float[][] {{1, -1}, {2, 0}}))),
                o -> o.inputSignature(tf.TensorSpec(new int[] {-1, 2}, tf.float32)));
        ConcreteFunction r = relu.getConcreteFunction(tf.zeros(1, 2));
        assertEquals(nodes(r.program()), nodes(r.optimizedProgram()));
        assertOptimizedAgrees(r, tf.constant(new float[][] {{1, 0}, {-1, 0}, {0, 2}}));
        assertArrayEquals(new float[] {1, 0, 0, 1, 4, 0}, relu.call(tf.constant(new float[][] {{1, 0}, {-1, 0}, {0, 2}})).toFloatArray());
    }

    @Test
    void tracedSideEffectsRunTheSameOptimized() {
        var myadd = tf.function((Tensor a, Tensor b) -> {
            tf.print(tf.constant(0));
            tf.print(tf.constant(1));
            tf.print(tf.constant(2));
            return a.add(b);
        });
        ConcreteFunction f = myadd.getConcreteFunction(tf.constant(1), tf.constant(2));
        assertEquals(nodes(f.program()), nodes(f.optimizedProgram()));
        assertEquals("0\n1\n2\n0\n1\n2\n", Stdout.of(() -> assertOptimizedAgrees(f, tf.constant(1), tf.constant(2))));

        // The whole train step: x <- x - 0.01 * dy/dx; both graphs move x the same way, bit for bit.
        Variable x = new Variable(0.0f);
        var step = tf.function(() -> {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                x.assignSub(tf.multiply(0.01f, tape.gradient(y, x)));
                return y;
            }
        });
        ConcreteFunction s = step.getConcreteFunction();
        float[] traced = trainTenSteps(s.program(), x), optimized = trainTenSteps(s.optimizedProgram(), x);
        assertArrayEquals(traced, optimized);
        assertEquals(23, nodes(s.program()));
        assertEquals(9, nodes(s.optimizedProgram()), () -> s.optimizedProgram().graph().toString());
    }

    /** Ten steps from x = 0: each step's y, then x. */
    private static float[] trainTenSteps(Program p, Variable x) {
        x.assign(0.0f);
        float[] trail = new float[11];
        for (int i = 0; i < 10; i++) trail[i] = Programs.run(p)[0].floatValue();
        trail[10] = x.value().floatValue();
        return trail;
    }
}
