package org.jflow.compat;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Tracer;
import org.jflow.errors.RuntimeError;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOps;
import org.jflow.graph.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.compat.v1}: TF1's static graphs. Build a graph under {@code graph.asDefault()} (op
 * calls then add nodes), then run parts of it in a session:
 * <pre>{@code
 * Graph g = tf.compat.v1.Graph();
 * Tensor x, y, z;
 * try (var scope = g.asDefault()) {
 *     x = tf.compat.v1.placeholder(tf.string, new int[0], "x");
 *     y = tf.compat.v1.placeholder(tf.string, new int[0], "y");
 *     z = tf.strings.join(List.of(x, y), " ");
 * }
 * try (var sess = tf.compat.v1.Session(g)) {
 *     Tensor result = sess.run(z, Map.of(x, "hello", y, "world"));   // b'hello world'
 * }
 * }</pre>
 */
public final class V1 {
    V1() {}

    /** {@code tf.compat.v1.Graph()}: an empty TF1 graph. */
    public Graph Graph() { return new V1Graph(); }

    /** {@code tf.compat.v1.Session()}: a session on the default graph (the one under {@code asDefault()}, else an empty one). */
    public Session Session() {
        return new Session(Tracer.Stack.current() instanceof Graph g ? g : new V1Graph());
    }

    /** {@code tf.compat.v1.Session(graph=g)}. */
    public Session Session(Graph graph) { return new Session(graph); }

    /** {@code tf.compat.v1.placeholder(dtype)}: any shape, even of unknown rank. */
    public Tensor placeholder(DType dtype) { return placeholder(dtype, null, null); }

    /** {@code tf.compat.v1.placeholder(dtype, shape)}: -1 is Python's None, a null shape an unknown rank. */
    public Tensor placeholder(DType dtype, int[] shape) { return placeholder(dtype, shape, null); }

    /** {@code tf.compat.v1.placeholder(dtype, shape, name)}: a graph input a session must feed. */
    public Tensor placeholder(DType dtype, int[] shape, String name) {
        if (!(Tracer.Stack.current() instanceof Graph g)) {
            throw new RuntimeError("tf.placeholder() is not compatible with eager execution.");
        }
        return g.placeholder(dtype, shape == null ? Shape.unknownRank() : Shape.of(shape), name);
    }

    /**
     * {@code tf.compat.v1.global_variables_initializer()}: a node named {@code init} that assigns
     * every variable created in the default graph its initial value.
     */
    public Node globalVariablesInitializer() {
        if (!(Tracer.Stack.current() instanceof Graph g)) {
            throw new RuntimeError("tf.compat.v1.global_variables_initializer() builds a graph node: call it under graph.asDefault().");
        }
        List<Node> assigns = new ArrayList<>();
        for (Variable v : g.createdVariables()) {
            Tensor initial = g.local(v.initialValue());
            String name = v.name().substring(0, v.name().lastIndexOf(':')) + "/Assign";
            Attrs attrs = Attrs.of("variable", v);
            Tensor[] inputs = {initial};
            g.addNode(GraphOps.ASSIGN_VARIABLE, attrs, inputs, GraphOps.ASSIGN_VARIABLE.infer(inputs, attrs), name, null);
            assigns.add(g.operations().getLast());
        }
        return g.addGroup("init", assigns);
    }
}
