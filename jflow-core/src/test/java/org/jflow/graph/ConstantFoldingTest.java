package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Tracer;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.math.BinaryArithmetic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.graph.Programs.assertSameResults;
import static org.jflow.graph.Programs.build;
import static org.jflow.graph.Programs.count;
import static org.jflow.graph.Programs.nodes;
import static org.jflow.graph.Programs.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantFoldingTest {
    private static final List<GraphPass> FOLD = List.of(new ConstantFolding(), new DeadNodeElimination());

    @Test
    void aConstantSubgraphBecomesOneConst() {
        // x + (2 + 3) * 4: the bracket is computed once, at optimization time.
        Program p = build(x -> List.of(tf.add(x[0], tf.multiply(tf.add(tf.constant(2f), tf.constant(3f)), 4f))),
                DType.FLOAT32, Shape.of(2));
        assertEquals(7, nodes(p));
        Program folded = new ConstantFolding().apply(p);
        assertEquals(7, nodes(folded)); // the sum and product are Consts now; the inputs they read are dead
        Program q = GraphOptimizer.run(p, FOLD);
        assertEquals(List.of("Placeholder", "Const", "AddV2"), types(q));
        assertEquals(20f, ((Tensor) q.graph().operations().get(1).attrs().get("value")).floatValue());
        Tensor x = tf.constant(new float[] {1, -0.5f});
        assertSameResults(p, q, x);
        assertArrayEquals(new float[] {21, 19.5f}, Programs.run(q, x)[0].toFloatArray());
    }

    @Test
    void statefulNodesAndWhatReadsThemNeverFold() {
        Variable v = new Variable(2f);
        Program p = build(x -> {
            tf.print(tf.constant(1));
            Tensor read = tf.add(v, tf.add(tf.constant(1f), tf.constant(1f)));
            Tensor random = tf.multiply(tf.random.normal(new int[] {2}), tf.constant(0f));
            return List.of(read, random);
        });
        Program q = GraphOptimizer.run(p, FOLD);
        assertEquals(1, count(q, "PrintV2"));
        assertEquals(1, count(q, "ReadVariableOp"));
        assertEquals(2, count(q, "AddV2") + count(q, "Mul"), types(q).toString()); // the variable's sum and the random product
        Tensor[][] before = new Tensor[1][], after = new Tensor[1][];
        assertEquals("1\n", Stdout.of(() -> before[0] = Programs.run(p)));
        assertEquals("1\n", Stdout.of(() -> after[0] = Programs.run(q)));
        assertEquals(4f, before[0][0].floatValue());
        assertEquals(4f, after[0][0].floatValue());
        v.assign(5f);
        assertEquals("1\n", Stdout.of(() -> after[0] = Programs.run(q)));
        assertEquals(7f, after[0][0].floatValue());
    }

    @Test
    void aLargeFillFromASmallConstantStaysAFill() {
        // A 2M-element Fill of one scalar is not materialized, nor is what reads it; a small one folds.
        Program p = build(x -> List.of(tf.add(x[0], tf.reduceSum(tf.add(tf.zeros(2000, 1000), 1f))), tf.add(x[0], tf.ones(2, 2))),
                DType.FLOAT32, Shape.of(2, 2));
        Program q = GraphOptimizer.run(p, FOLD);
        assertEquals(1, count(q, "Fill"));
        for (Node n : q.graph().operations()) {
            if (n.type().equals("Const")) assertTrue(((Tensor) n.attrs().get("value")).size() <= 4, n.toString());
        }
        assertSameResults(p, q, tf.constant(new float[][] {{1, 2}, {3, 4}}));
        assertEquals(2_000_001f, Programs.run(q, tf.constant(new float[][] {{1, 2}, {3, 4}}))[0].toFloatArray()[0]);
    }

    @Test
    void nodesWithoutTracedValuesAreComputedAndFailuresAreLeftForRunTime() {
        // Built with addNode, so no values are known from tracing: 2 + 3 is computed here; 5 // 0 on
        // ints must fail when the graph runs, after the print before it, so it stays a FloorDiv.
        Graph g = new Graph();
        Tensor two = g.constant(tf.constant(2)), three = g.constant(tf.constant(3)), zero = g.constant(tf.constant(0));
        Tensor sum = node(g, BinaryArithmetic.ADD, two, three);
        try (Tracer.Scope s = g.asDefault()) {
            tf.print(sum);
        }
        Tensor quotient = node(g, BinaryArithmetic.FLOOR_DIV, sum, zero);
        Program p = new Program(g, List.of(), List.of(sum, quotient));
        Program q = GraphOptimizer.run(p, FOLD);
        assertEquals(List.of("Const", "Const", "PrintV2", "FloorDiv"), types(q));
        assertEquals(5, ((Tensor) q.graph().operation("AddV2").attrs().get("value")).intValue());
        assertEquals("5\n", Stdout.of(() -> assertThrows(InvalidArgumentError.class, () -> Programs.run(q))));
    }

    private static Tensor node(Graph g, Op op, Tensor... inputs) {
        return g.addNode(op, Attrs.EMPTY, inputs, op.infer(inputs, Attrs.EMPTY), op.name(), null)[0];
    }
}
