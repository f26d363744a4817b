package org.jflow.controlflow;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Nest;
import org.jflow.engine.Recorder;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOps;
import org.jflow.graph.Node;
import org.jflow.graph.Program;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One Java function traced into a new graph nested in {@code outer}: its parameters are
 * placeholders, the outer tensors it reads become captures, and its result is flattened. Tapes of
 * the enclosing code do not record the traced ops (the control-flow op they end up in is what they
 * record); a tape opened inside the function records as usual.
 */
final class NestedTrace {
    final Graph graph;
    final List<Tensor> parameters;
    /** What the Java function returned (with the nested graph's tensors in it). */
    final Object result;
    final Object template;
    final List<Tensor> outputs;

    private NestedTrace(Graph graph, List<Tensor> parameters, Object result, Object template, List<Tensor> outputs) {
        this.graph = graph;
        this.parameters = parameters;
        this.result = result;
        this.template = template;
        this.outputs = outputs;
    }

    static NestedTrace of(Graph outer, List<TensorSpec> parameterSpecs, String parameterName, Function<List<Tensor>, Object> fn) {
        Graph g = new Graph(outer);
        try (Recorder.Stack.Suspension enclosingTapes = Recorder.Stack.suspend(); Tracer.Scope scope = g.asDefault()) {
            List<Tensor> parameters = new ArrayList<>();
            for (TensorSpec s : parameterSpecs) parameters.add(g.placeholder(s.dtype(), s.shape(), parameterName));
            Object result = fn.apply(parameters);
            List<Tensor> flat = new ArrayList<>();
            Object template = Nest.flatten(result, flat);
            List<Tensor> outputs = new ArrayList<>();
            for (Tensor t : flat) outputs.add(g.local(t));
            return new NestedTrace(g, parameters, result, template, outputs);
        }
    }

    /** The outer tensors this trace read, in first-use order. */
    List<Tensor> captured() { return new ArrayList<>(graph.captures().keySet()); }

    /**
     * The traced function as an op attribute: parameter {@code k} is fed by op input {@code k}, and
     * each capture by its place in {@code captures}, which follow the op's first {@code captureOffset} inputs;
     * {@code variableInputs} are the op inputs holding outside reads of variables (see {@link #readVariablesOutside}).
     */
    BranchFunction bind(Captures captures, int captureOffset, Map<Variable, Integer> variableInputs) {
        List<Tensor> inputs = new ArrayList<>(parameters);
        int[] indices = new int[parameters.size() + graph.captures().size()];
        for (int k = 0; k < parameters.size(); k++) indices[k] = k;
        int k = parameters.size();
        for (Map.Entry<Tensor, Tensor> c : graph.captures().entrySet()) {
            inputs.add(c.getValue());
            indices[k++] = captureOffset + captures.indexOf(c.getKey());
        }
        return new BranchFunction(new Program(graph, inputs, outputs), indices, variableInputs);
    }

    /**
     * Reads, in the current graph, each trainable variable the traces read, and appends the values
     * to {@code inputs}; returns where each went. The traced functions do not use these inputs when
     * they run (they read the variable themselves, in order with their other effects): the value
     * is what a gradient recomputes them from, so that tapes reach the variable through the
     * control-flow op (TF passes the variable's handle in instead).
     */
    static Map<Variable, Integer> readVariablesOutside(List<Tensor> inputs, NestedTrace... traces) {
        Map<Variable, Integer> where = new IdentityHashMap<>();
        for (NestedTrace t : traces) {
            for (Variable v : t.trainableVariablesRead()) {
                if (where.containsKey(v)) continue;
                where.put(v, inputs.size());
                inputs.add(v.value());
            }
        }
        return where;
    }

    /** The trainable floating variables the traced graph reads, each once, in first-read order. */
    private List<Variable> trainableVariablesRead() {
        List<Variable> out = new ArrayList<>();
        for (Node n : graph.operations()) {
            if (n.op() != GraphOps.READ_VARIABLE) continue;
            Variable v = (Variable) n.attrs().get("variable");
            if (v.trainable() && (v.dtype().isFloating() || v.dtype().isComplex()) && !out.contains(v)) out.add(v);
        }
        return out;
    }

    /** The union of several traces' captured outer tensors, each once, in first-use order. */
    static final class Captures {
        private final List<Tensor> tensors = new ArrayList<>();
        private final Map<Tensor, Integer> index = new IdentityHashMap<>();

        Captures(NestedTrace... traces) {
            for (NestedTrace t : traces) {
                for (Tensor c : t.captured()) {
                    if (!index.containsKey(c)) {
                        index.put(c, tensors.size());
                        tensors.add(c);
                    }
                }
            }
        }

        int indexOf(Tensor t) { return index.get(t); }

        List<Tensor> tensors() { return tensors; }
    }
}
