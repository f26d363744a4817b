package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphDotTest {
    @Test
    void tracedFunctionDrawsInputsDataEdgesAndOutputs() {
        var f = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), 1f));
        Program p = f.getConcreteFunction(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, 4})).program();
        assertEquals("""
                digraph {
                  node [shape=box];
                  "args_0" [label="args_0\\nPlaceholder\\nfloat32 (2,)", shape=invhouse];
                  "args_1" [label="args_1\\nPlaceholder\\nfloat32 (2,)", shape=invhouse];
                  "Mul" [label="Mul\\nMul\\nfloat32 (2,)"];
                  "Const" [label="Const\\nConst\\nfloat32 ()"];
                  "AddV2" [label="AddV2\\nAddV2\\nfloat32 (2,)", peripheries=2];
                  "args_0" -> "Mul";
                  "args_1" -> "Mul";
                  "Mul" -> "AddV2";
                  "Const" -> "AddV2";
                }
                """, GraphDot.of(p));
    }

    @Test
    void controlEdgesAreDashedAndNodesWithoutOutputsHaveNoShapeLine() {
        Variable v = new Variable(tf.constant(1f), o -> o.name("v"));
        var f = tf.function((Tensor x) -> {
            v.assignAdd(x);
            return v.value();
        });
        Graph g = f.getConcreteFunction(tf.constant(2f)).graph();
        assertEquals("""
                digraph {
                  node [shape=box];
                  "args_0" [label="args_0\\nPlaceholder\\nfloat32 ()"];
                  "AssignAddVariableOp" [label="AssignAddVariableOp\\nAssignAddVariableOp"];
                  "ReadVariableOp" [label="ReadVariableOp\\nReadVariableOp\\nfloat32 ()"];
                  "args_0" -> "AssignAddVariableOp";
                  "AssignAddVariableOp" -> "ReadVariableOp" [style=dashed];
                }
                """, GraphDot.of(g));
    }

    @Test
    void edgesFromMultiOutputNodesNameTheOutputAndQuotesAreEscaped() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, org.jflow.Shape.of(4), "x\"q");
        try (var scope = g.asDefault()) {
            List<Tensor> parts = tf.split(x, 2);
            tf.add(parts.get(1), parts.get(0));
        }
        String dot = GraphDot.of(g);
        assertTrue(dot.contains("\"x\\\"q\" [label=\"x\\\"q\\nPlaceholder\\nfloat32 (4,)\"];"), dot);
        assertTrue(dot.contains("\"Split\" -> \"AddV2\" [label=\"1\"];\n  \"Split\" -> \"AddV2\" [label=\"0\"];"), dot);
    }
}
