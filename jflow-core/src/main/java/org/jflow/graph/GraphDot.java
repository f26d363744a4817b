package org.jflow.graph;

import org.jflow.Tensor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A graph as Graphviz DOT text ({@code dot -Tsvg}), drawn as TF's graph chapter draws graphs: one
 * box per node labelled with its name, op type and output dtypes and shapes; data edges solid,
 * control edges dashed. A program's inputs are drawn as inverted houses and the nodes producing
 * its outputs with a double border.
 */
public final class GraphDot {
    private GraphDot() {}

    public static String of(Graph graph) { return render(graph, List.of(), List.of()); }

    public static String of(Program program) { return render(program.graph(), program.inputs(), program.outputs()); }

    private static String render(Graph graph, List<Tensor> inputs, List<Tensor> outputs) {
        Set<Node> inputNodes = nodesOf(inputs);
        Set<Node> outputNodes = nodesOf(outputs);
        StringBuilder sb = new StringBuilder("digraph {\n  node [shape=box];\n");
        for (Node n : graph.operations()) {
            sb.append("  ").append(quote(n.name())).append(" [label=").append(quote(label(n)));
            if (inputNodes.contains(n)) sb.append(", shape=invhouse");
            if (outputNodes.contains(n)) sb.append(", peripheries=2");
            sb.append("];\n");
        }
        for (Node n : graph.operations()) {
            for (Tensor in : n.inputs()) {
                sb.append("  ").append(quote(in.op().name())).append(" -> ").append(quote(n.name()));
                // Which output feeds the edge matters only when the producer has several.
                if (in.op().numOutputs() > 1) sb.append(" [label=").append(quote(Integer.toString(in.outputIndex()))).append(']');
                sb.append(";\n");
            }
            for (Node c : n.controlInputs()) {
                sb.append("  ").append(quote(c.name())).append(" -> ").append(quote(n.name())).append(" [style=dashed];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static Set<Node> nodesOf(List<Tensor> tensors) {
        Set<Node> nodes = new HashSet<>();
        for (Tensor t : tensors) nodes.add(Node.of(t));
        return nodes;
    }

    /** {@code name}, {@code type}, then one {@code dtype shape} line per output. */
    private static String label(Node n) {
        StringBuilder sb = new StringBuilder(n.name()).append('\n').append(n.type());
        for (Tensor out : n.outputs()) sb.append('\n').append(out.dtype().tfName()).append(' ').append(out.shape());
        return sb.toString();
    }

    /** A DOT string literal: quotes and backslashes escaped, line breaks as DOT's {@code \n}. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
