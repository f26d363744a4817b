package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** tf.name_scope: eager scopes name variables, graph scopes name nodes, and neither leaks into the other. */
class NameScopeTest {
    @Test
    void eagerScopesPrefixVariableNames() {
        Variable v;
        try (var outer = tf.nameScope("outer"); var inner = tf.nameScope("inner")) {
            v = tf.Variable(1.0);
            assertEquals("outer/inner", inner.path());
        }
        assertEquals("outer/inner/Variable:0", v.name());
        assertEquals("Variable:0", tf.Variable(1.0).name());
        try (var again = tf.nameScope("outer")) {
            assertEquals("outer", again.path());
        }
    }

    @Test
    void aTrailingSlashIsAFullPathAndAnEmptyNameTheTopLevel() {
        try (var outer = tf.nameScope("outer")) {
            try (var full = tf.nameScope("elsewhere/")) {
                assertEquals("elsewhere/Variable:0", tf.Variable(1.0).name());
            }
            try (var top = tf.nameScope("")) {
                assertEquals("Variable:0", tf.Variable(1.0).name());
            }
            assertEquals("outer/Variable:0", tf.Variable(1.0).name());
        }
    }

    @Test
    void graphScopesPrefixNodeNamesAndAreMadeUnique() {
        Graph g = tf.compat.v1.Graph();
        Tensor first, second, outside;
        try (var eager = tf.nameScope("eager"); var building = g.asDefault()) {
            Tensor a = tf.compat.v1.placeholder(tf.float32, new int[0], "a");
            try (var layer = tf.nameScope("layer")) {
                first = tf.multiply(a, a);
            }
            try (var layer = tf.nameScope("layer")) {
                second = tf.multiply(a, a);
            }
            outside = tf.multiply(a, a);
        }
        assertEquals(List.of("layer/Mul:0", "layer_1/Mul:0", "Mul:0"), List.of(first.name(), second.name(), outside.name()));
    }

    @Test
    void aTracedFunctionStartsOutsideTheCallersScope() {
        var f = tf.function((Tensor x) -> {
            try (var scope = tf.nameScope("inside")) {
                return tf.multiply(x, x);
            }
        }, o -> o.argNames("x"));
        try (var eager = tf.nameScope("caller")) {
            Graph g = f.getConcreteFunction(tf.constant(2.0f)).graph();
            assertEquals(List.of("x", "inside/Mul"), g.operations().stream().map(Node::name).toList());
        }
    }
}
