package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.TensorSpec;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a new program from an old one, node by node: what every graph pass uses. Copy a node as
 * it is, add a replacement, or map an old tensor to a new one; the new graph keeps the old
 * creation order, so stateful nodes are chained in the same program order.
 */
public final class GraphRewriter {
    private final Program source;
    private final Graph target = new Graph();
    private final Map<Tensor, Tensor> mapped = new IdentityHashMap<>();

    public GraphRewriter(Program source) {
        this.source = source;
        for (Tensor in : source.inputs()) {
            Node p = Node.of(in);
            mapped.put(in, target.placeholder(in.dtype(), in.shape(), p.name()));
        }
    }

    public Program source() { return source; }

    public Graph target() { return target; }

    /** Whether {@code n} is one of the program's inputs (already in the new graph). */
    public boolean isInput(Node n) { return n.numOutputs() == 1 && source.inputs().contains(n.output(0)); }

    /** The new graph's tensor for an old one. */
    public Tensor get(Tensor old) {
        Tensor t = mapped.get(old);
        if (t == null) throw new IllegalStateException("Tensor " + old.name() + " has not been rewritten yet");
        return t;
    }

    /** Whether an old tensor has a counterpart yet. */
    public boolean has(Tensor old) { return mapped.containsKey(old); }

    /** From now on {@code old} stands for {@code replacement} (a tensor of the new graph). */
    public void map(Tensor old, Tensor replacement) { mapped.put(old, replacement); }

    /** Copies {@code n} with its inputs mapped; returns the new outputs. Program inputs are not copied again. */
    public Tensor[] copy(Node n) {
        if (isInput(n)) return new Tensor[] {get(n.output(0))};
        Tensor[] ins = new Tensor[n.numInputs()];
        for (int i = 0; i < ins.length; i++) ins[i] = get(n.input(i));
        Tensor[] known = null;
        TensorSpec[] specs = new TensorSpec[n.numOutputs()];
        for (int i = 0; i < specs.length; i++) {
            Tensor o = n.output(i);
            specs[i] = new TensorSpec(o.dtype(), o.shape());
            if (o.hasValue()) {
                if (known == null) known = new Tensor[specs.length];
                known[i] = o.knownValue();
            }
        }
        Tensor[] outs = target.addNode(n.op(), n.attrs(), ins, specs, n.name(), known == null || hasNull(known) ? null : known);
        if (outs.length > 0) Node.of(outs[0]).setDevice(n.device()); // a copy stays where it was placed
        for (int i = 0; i < outs.length; i++) mapped.put(n.output(i), outs[i]);
        return outs;
    }

    private static boolean hasNull(Tensor[] a) {
        for (Tensor t : a) if (t == null) return true;
        return false;
    }

    /** Adds a new node on new-graph tensors, its output specs from the op's shape rule. */
    public Tensor[] add(Op op, Attrs attrs, Tensor[] newInputs, String name) {
        return target.addNode(op, attrs, newInputs, op.infer(newInputs, attrs), name, null);
    }

    /** A constant in the new graph. */
    public Tensor constant(Tensor value) { return target.constant(value); }

    /** The new program: the same inputs and outputs, mapped. */
    public Program finish() {
        List<Tensor> ins = source.inputs().stream().map(this::get).toList();
        List<Tensor> outs = source.outputs().stream().map(this::get).toList();
        return new Program(target, ins, outs);
    }
}
