package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.graph.Programs.assertSameResults;
import static org.jflow.graph.Programs.build;
import static org.jflow.graph.Programs.count;
import static org.jflow.graph.Programs.nodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CommonSubexpressionEliminationTest {
    private static final GraphPass CSE = new CommonSubexpressionElimination();

    @Test
    void aTimesBIsComputedOnce() {
        // The graph tutorial's d = a*b + c; e = a*b*c.
        Program p = build(x -> List.of(tf.add(tf.multiply(x[0], x[1]), x[2]), tf.multiply(tf.multiply(x[0], x[1]), x[2])),
                DType.FLOAT32, Shape.scalar(), DType.FLOAT32, Shape.scalar(), DType.FLOAT32, Shape.scalar());
        assertEquals(7, nodes(p));
        assertEquals(3, count(p, "Mul"));
        Program q = CSE.apply(p);
        assertEquals(6, nodes(q));
        assertEquals(2, count(q, "Mul"));
        assertSame(q.outputs().get(0).op().input(0), q.outputs().get(1).op().input(0));
        Tensor a = tf.constant(2f), b = tf.constant(3f), c = tf.constant(4f);
        assertSameResults(p, q, a, b, c);
        Tensor[] de = Programs.run(q, a, b, c);
        assertEquals(10f, de[0].floatValue());
        assertEquals(24f, de[1].floatValue());
    }

    @Test
    void equalConstantsAndAttributesMerge() {
        // Two captures of [1, 2] are one Const; -0.0 is not 0.0; reshapes merge by the shape's content.
        Program p = build(x -> List.of(
                        tf.add(x[0], tf.constant(new float[] {1, 2})), tf.multiply(x[0], tf.constant(new float[] {1, 2})),
                        tf.add(x[0], tf.constant(0f)), tf.add(x[0], tf.constant(-0f)),
                        tf.reshape(x[0], 2, 1), tf.reshape(x[0], 2, 1), tf.reshape(x[0], 1, 2)),
                DType.FLOAT32, Shape.of(2));
        assertEquals(4, count(p, "Const"));
        assertEquals(3, count(p, "Reshape"));
        Program q = CSE.apply(p);
        assertEquals(3, count(q, "Const"));
        assertEquals(2, count(q, "Reshape"));
        assertEquals(3, count(q, "AddV2"));
        assertEquals(nodes(p) - 2, nodes(q));
        assertSameResults(p, q, tf.constant(new float[] {-0f, 3}));
    }

    @Test
    void statefulNodesNeverMerge() {
        // Two reads of a variable around an assignment see two values; two draws are two draws.
        Variable v = new Variable(1f);
        Program p = build(x -> {
            Tensor first = tf.identity(v);
            v.assignAdd(1f);
            Tensor second = tf.identity(v);
            return List.of(first, second, tf.random.uniform(new int[] {4}), tf.random.uniform(new int[] {4}));
        });
        Program q = CSE.apply(p);
        assertEquals(nodes(p), nodes(q));
        assertEquals(2, count(q, "ReadVariableOp")); // same op, same (no) inputs, same variable: still two reads
        assertEquals(1, count(q, "AssignAddVariableOp")); // TF's one atomic update, which reads nothing into the graph
        assertEquals(2, count(q, "RandomUniform"));
        Tensor[] out = Programs.run(q);
        assertArrayEquals(new float[] {1, 2}, new float[] {out[0].floatValue(), out[1].floatValue()});
        assertNotEquals(out[2].toString(), out[3].toString());
    }
}
