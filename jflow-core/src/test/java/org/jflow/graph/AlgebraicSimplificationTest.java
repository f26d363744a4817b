package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.math.Cast;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.graph.Programs.assertSameResults;
import static org.jflow.graph.Programs.build;
import static org.jflow.graph.Programs.nodes;
import static org.jflow.graph.Programs.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AlgebraicSimplificationTest {
    private static final List<GraphPass> SIMPLIFY = List.of(new AlgebraicSimplification(), new DeadNodeElimination());
    private static final Tensor FLOATS = tf.constant(new float[] {-0.0f, Float.NaN, 3.5f});

    private static Program simplified(Program p) { return GraphOptimizer.run(p, SIMPLIFY); }

    @Test
    void identityOperandsDisappear() {
        // ((x + -0.0) * 1 / 1 - 0.0) * 1: every step returns x bit for bit, -0.0 and NaN included.
        Program p = build(x -> List.of(tf.multiply(1.0f, tf.subtract(tf.divide(tf.multiply(tf.add(-0.0f, x[0]), 1.0f), 1.0f), 0.0f))),
                DType.FLOAT32, Shape.of(3));
        assertEquals(11, nodes(p));
        Program once = new AlgebraicSimplification().apply(p);
        assertEquals(6, nodes(once)); // the five constants are left for dead-node elimination
        assertSame(once.inputs().get(0), once.outputs().get(0));
        Program q = simplified(p);
        assertEquals(List.of("Placeholder"), types(q));
        assertSameResults(p, q, FLOATS);
    }

    @Test
    void positiveZeroIsAddedToFloatsButNotToInts() {
        // -0.0 + 0.0 is +0.0, so x + 0.0 is not x for floats; for ints it is.
        Program floats = build(x -> List.of(tf.add(x[0], 0.0f), tf.subtract(x[0], -0.0f)), DType.FLOAT32, Shape.of(3));
        Program q = simplified(floats);
        assertEquals(nodes(floats), nodes(q));
        assertSameResults(floats, q, FLOATS);
        assertEquals(0.0f, Programs.run(q, FLOATS)[0].toFloatArray()[0]);
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(Programs.run(q, FLOATS)[0].toFloatArray()[0]));

        Program ints = build(x -> List.of(tf.add(x[0], 0), tf.subtract(x[0], 0), tf.multiply(1, x[0])),
                DType.INT32, Shape.of(2));
        Program r = simplified(ints);
        assertEquals(List.of("Placeholder"), types(r));
        assertSameResults(ints, r, tf.constant(new int[] {-7, Integer.MIN_VALUE}));
    }

    @Test
    void timesZeroIsKeptForFloats() {
        // NaN * 0 and Inf * 0 are NaN, -3 * 0 is -0.0: not zeros.
        Program p = build(x -> List.of(tf.multiply(x[0], 0.0f)), DType.FLOAT32, Shape.of(3));
        Program q = simplified(p);
        assertEquals(nodes(p), nodes(q));
        Tensor in = tf.constant(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -3f});
        assertSameResults(p, q, in);
        assertEquals("[NaN, NaN, -0.0]", Arrays.toString(Programs.run(q, in)[0].toFloatArray()));
    }

    @Test
    void anIdentityConstantThatBroadcastsXIsKept() {
        // x * ones([2, 3]) has shape [2, 3], not x's [3]; with x of unknown length only a [1] constant is safe.
        Program wider = build(x -> List.of(tf.multiply(x[0], tf.ones(2, 3))), DType.FLOAT32, Shape.of(3));
        assertEquals(nodes(wider), nodes(simplified(wider)));
        assertSameResults(wider, simplified(wider), FLOATS);

        Program unknown = build(x -> List.of(tf.multiply(x[0], tf.ones(1)), tf.multiply(x[0], tf.ones(3))),
                DType.FLOAT32, Shape.of(Shape.UNKNOWN));
        Program q = simplified(unknown);
        assertEquals(List.of("Placeholder", "Const", "Fill", "Mul"), types(q)); // the ones(3) product stays
        assertSame(q.inputs().get(0), q.outputs().get(0));
        assertSameResults(unknown, q, FLOATS);
    }

    @Test
    void involutionsAndNoOpsDisappear() {
        Program p = build(x -> List.of(
                        tf.negative(tf.identity(tf.negative(x[0]))),
                        Dispatcher.execute1(Cast.CAST, Attrs.of(Cast.DST_T, DType.FLOAT32), x[0]),
                        tf.reshape(x[0], 2, 3),
                        tf.transpose(tf.transpose(tf.reshape(x[0], 1, 2, 3), 1, 2, 0), 2, 0, 1),
                        tf.logicalNot(tf.logicalNot(x[1]))),
                DType.FLOAT32, Shape.of(2, 3), DType.BOOL, Shape.of(2));
        Program q = simplified(p);
        assertEquals(12, nodes(p));
        assertEquals(List.of("Placeholder", "Placeholder", "Reshape"), types(q));
        assertSame(q.inputs().get(0), q.outputs().get(0));
        assertSame(q.inputs().get(1), q.outputs().get(4));
        assertSameResults(p, q, tf.constant(new float[][] {{1, -0.0f, 3}, {Float.NaN, 5, 6}}), tf.constant(new boolean[] {true, false}));
    }

    @Test
    void changesOfShapeOrDtypeStay() {
        Program p = build(x -> List.of(
                        tf.reshape(x[0], 3, 2),
                        tf.transpose(tf.transpose(x[0], 1, 0), 1, 0),
                        tf.transpose(tf.transpose(tf.reshape(x[0], 1, 2, 3), 1, 2, 0), 1, 2, 0),
                        tf.cast(x[0], DType.INT32),
                        tf.negative(x[0])),
                DType.FLOAT32, Shape.of(2, 3));
        Program q = simplified(p);
        assertEquals(List.of("Placeholder", "Reshape", "Reshape", "Transpose", "Transpose", "Cast", "Neg"), types(q));
        assertSameResults(p, q, tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}}));
    }
}
