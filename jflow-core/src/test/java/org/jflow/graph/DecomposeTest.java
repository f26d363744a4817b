package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decompose: ops TF lacks become TF's ops under the old node's name, same results (jflow-conformance: in TF). */
class DecomposeTest {
    @Test
    void geluAndConv1dBecomeTfOpsWithTheSameResults() {
        Graph g = new Graph();
        Tensor x, y;
        try (var scope = g.asDefault()) {
            x = g.placeholder(DType.FLOAT32, Shape.of(1, 5, 2), "x");
            Tensor filter = tf.reshape(tf.range(0f, 8f, 1f), 2, 2, 2);
            y = tf.nn.gelu(tf.nn.conv1d(x, filter, 1, "SAME"));
        }
        Program p = new Program(g, List.of(x), List.of(y)), q = new Decompose().apply(p);
        List<String> types = q.graph().operations().stream().map(Node::type).toList();
        assertTrue(types.containsAll(List.of("Conv2D", "Erf", "ExpandDims", "Squeeze")), types.toString());
        assertTrue(types.stream().noneMatch(t -> t.equals("Gelu") || t.equals("Conv1D")), types.toString());
        assertTrue(q.graph().operations().stream().anyMatch(n -> n.name().startsWith("Gelu/")), "under the old name");
        Tensor in = tf.reshape(tf.linspace(-2f, 2f, 10), 1, 5, 2);
        float[] expected = Programs.run(p, in)[0].toFloatArray(), actual = Programs.run(q, in)[0].toFloatArray();
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * Math.max(1, Math.abs(expected[i])));
        }
    }

    @Test
    void aGraphWithoutSuchOpsIsLeftAsItIs() {
        Graph g = new Graph();
        Tensor x;
        try (var scope = g.asDefault()) {
            x = g.placeholder(DType.FLOAT32, Shape.of(2), "x");
            tf.exp(x);
        }
        Program p = new Program(g, List.of(x), List.of());
        assertTrue(new Decompose().apply(p) == p);
        Object[] types = Decompose.graph(g).operations().stream().map(Node::type).toArray();
        assertArrayEquals(new String[] {"Placeholder", "Exp"}, types);
    }
}
