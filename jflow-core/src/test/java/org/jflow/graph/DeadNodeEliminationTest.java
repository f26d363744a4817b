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
import static org.jflow.graph.Programs.types;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadNodeEliminationTest {
    @Test
    void unreadNodesGoSideEffectsStay() {
        // x*2 is unused; the assignment and the print are side effects and stay, with what they read.
        Variable v = new Variable(0f);
        Program p = build(x -> {
            tf.multiply(x[0], 2f);
            v.assign(tf.add(x[0], 1f));
            tf.print(tf.constant("done"));
            return List.of(tf.negative(x[0]));
        }, DType.FLOAT32, Shape.scalar());
        assertEquals(9, p.graph().operations().size());
        Program q = new DeadNodeElimination().apply(p);
        assertEquals(List.of("Placeholder", "Const", "AddV2", "AssignVariableOp", "Const", "PrintV2", "Neg"), types(q));
        Tensor x = tf.constant(4f);
        assertEquals("done\ndone\n", Stdout.of(() -> assertSameResults(p, q, x)));
        assertEquals(5f, v.value().floatValue());
    }
}
