package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.config.DeviceSpec;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Operation;

import java.util.List;

/**
 * One operation in a {@link Graph} (TF's {@code tf.Operation}): an op with its attributes, the
 * tensors it reads, the nodes it must run after (control inputs: TF's dashed edges) and the
 * symbolic tensors it produces.
 */
public final class Node implements Operation {
    private final Graph graph;
    private final int id;
    private final String name;
    private final Op op;
    private final Attrs attrs;
    private final Tensor[] inputs;
    private final Node[] controlInputs;
    private Tensor[] outputs;
    /** The device requested where the node was created (TF's {@code op.device}), or null for none. */
    private DeviceSpec device;

    Node(Graph graph, int id, String name, Op op, Attrs attrs, Tensor[] inputs, Node[] controlInputs) {
        this.graph = graph;
        this.id = id;
        this.name = name;
        this.op = op;
        this.attrs = attrs;
        this.inputs = inputs;
        this.controlInputs = controlInputs;
    }

    /** The node that produces symbolic tensor {@code t}: {@code t.op()}, for graph code that needs more than an {@link Operation}. */
    public static Node of(Tensor t) { return (Node) t.op(); }

    void setOutputs(Tensor[] outputs) { this.outputs = outputs; }

    /** The {@code tf.device} request where the node was created, or null: it then runs where the caller's scope says. */
    public DeviceSpec device() { return device; }

    void setDevice(DeviceSpec device) { this.device = device; }

    public Graph graph() { return graph; }

    /** Position in the graph's creation order, which is a topological order. */
    public int id() { return id; }

    /** Unique within the graph: {@code AddV2}, {@code AddV2_1}, {@code x}. */
    @Override
    public String name() { return name; }

    @Override
    public Op op() { return op; }

    @Override
    public Attrs attrs() { return attrs; }

    @Override
    public List<Tensor> inputs() { return List.of(inputs); }

    @Override
    public Tensor input(int i) { return inputs[i]; }

    @Override
    public int numInputs() { return inputs.length; }

    public List<Node> controlInputs() { return List.of(controlInputs); }

    @Override
    public List<Tensor> outputs() { return List.of(outputs); }

    @Override
    public Tensor output(int i) { return outputs[i]; }

    @Override
    public int numOutputs() { return outputs.length; }

    Tensor[] inputArray() { return inputs; }

    Node[] controlArray() { return controlInputs; }

    @Override
    public String toString() { return "<tf.Operation '" + name + "' type=" + type() + ">"; }
}
