package org.jflow.graph;

import org.jflow.Tensor;

import java.util.List;

/**
 * A graph with the placeholders it is fed and the tensors it must produce: what the optimizer
 * passes transform and the executor runs.
 */
public record Program(Graph graph, List<Tensor> inputs, List<Tensor> outputs) {
    public Program {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
