package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.config.DeviceScope;
import org.jflow.engine.Attrs;
import org.jflow.engine.Kernels;
import org.jflow.engine.Op;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.engine.VariableHandle;
import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataflow graph (TF's {@code tf.Graph}): nodes in creation order, which is a topological order.
 * While it is the current {@link Tracer} (a {@code tf.function} trace, a control-flow branch, or a
 * TF1 graph under {@link #asDefault()}), every op call adds a node here instead of running.
 *
 * <p>Tensors from outside are captured on first use: an eager tensor becomes a {@code Const} node,
 * a tensor of an enclosing graph becomes a placeholder listed in {@link #captures()} (what a
 * control-flow op passes in). Stateful nodes (variable reads and writes, random draws, printing)
 * are chained by control edges in program order, as TF's automatic control dependencies do, so
 * every optimization keeps their order.
 */
public class Graph implements Tracer {
    private final Graph outer;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Map<Tensor, Tensor> captures = new IdentityHashMap<>();
    private final Map<Tensor, Tensor> captureOrder = new LinkedHashMap<>();
    private final List<Variable> createdVariables = new ArrayList<>();
    private Node lastStateful;
    private boolean variableCreationAllowed = true;
    private String variableCreationError;
    private int opSeeds;

    public Graph() { this(null); }

    /** A graph nested in {@code outer} (a branch or loop body): it may read {@code outer}'s tensors. */
    public Graph(Graph outer) { this.outer = outer; }

    /** The enclosing graph of a branch or loop body; null for a top-level graph. */
    public Graph outer() { return outer; }

    /** TF's {@code graph.get_operations()}: every node, in creation order. */
    public List<Node> operations() { return Collections.unmodifiableList(nodes); }

    /** TF's {@code graph.get_operation_by_name}. */
    public Node operation(String name) {
        for (Node n : nodes) if (n.name().equals(name)) return n;
        throw new ValueError("The name '" + name + "' refers to an Operation not in the graph.");
    }

    /**
     * Tensors from enclosing graphs this graph reads, in first-use order, each with the
     * placeholder that stands for it here.
     */
    public Map<Tensor, Tensor> captures() { return Collections.unmodifiableMap(captureOrder); }

    /** Variables created while this graph was traced. */
    public List<Variable> createdVariables() { return Collections.unmodifiableList(createdVariables); }

    /** Forbids creating variables while tracing this graph (TF's rule for a function's later traces). */
    public void forbidVariableCreation() { forbidVariableCreation(null); }

    /** As {@link #forbidVariableCreation()}, refusing with {@code message} (null: TF's non-first-call text). */
    public void forbidVariableCreation(String message) {
        variableCreationAllowed = false;
        variableCreationError = message;
    }

    /** Makes this graph the current one until the scope closes: op calls add nodes here (TF1's {@code with g.as_default()}). */
    public Tracer.Scope asDefault() { return Tracer.Stack.push(this); }

    /** A name not yet used in this graph, inside the open {@link NameScope}: {@code base}, then {@code base_1}, {@code base_2}... */
    public String uniqueName(String base) {
        base = NameScope.prefix(this) + base;
        String name = base;
        Integer n = nameCounts.get(base);
        if (n != null) {
            int i = n;
            do name = base + "_" + i++; while (nameCounts.containsKey(name));
            nameCounts.put(base, i);
        } else {
            nameCounts.put(base, 1);
        }
        nameCounts.putIfAbsent(name, 1);
        return name;
    }

    /** A placeholder node: a graph input fed when the graph runs. */
    public Tensor placeholder(DType dtype, Shape shape, String name) {
        String unique = uniqueName(name == null ? "Placeholder" : name);
        Attrs attrs = Attrs.of("dtype", dtype, "shape", shape, "name", unique);
        return insert(GraphOps.PLACEHOLDER, attrs, new Tensor[0], new TensorSpec[] {new TensorSpec(dtype, shape)}, unique, null,
                new Node[0])[0];
    }

    /** A {@code Const} node holding the eager tensor {@code value}. */
    public Tensor constant(Tensor value) {
        Attrs attrs = Attrs.of("value", value);
        return addNode(GraphOps.CONST, attrs, new Tensor[0], GraphOps.CONST.infer(new Tensor[0], attrs), "Const",
                new Tensor[] {value})[0];
    }

    @Override
    public Tensor[] add(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs) {
        Tensor[] local = new Tensor[inputs.length];
        boolean allKnown = !op.stateful(), shapesKnown = op.readsShapesOnly();
        for (int i = 0; i < inputs.length; i++) {
            local[i] = local(inputs[i]);
            allKnown &= local[i].hasValue();
            shapesKnown &= local[i].shape().isFullyDefined();
        }
        Tensor[] known = allKnown ? computeNow(op, attrs, knownValues(local), outputs) : shapesKnown ? computeNow(op, attrs, local, outputs) : null;
        return addNode(op, attrs, local, outputs, op.name(), known);
    }

    /**
     * Folds while tracing: the value of a node whose inputs are all known (TF's constant-value
     * inference), or of an op that reads only its inputs' (fully known) shapes, so that shape
     * arguments computed from constants or static shapes still shape the graph.
     */
    private static Tensor[] computeNow(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs) {
        try (Tracer.Scope eager = Tracer.Stack.eager()) {
            return Kernels.fold(op, attrs, inputs, outputs);
        }
    }

    private static Tensor[] knownValues(Tensor[] inputs) {
        Tensor[] values = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) values[i] = inputs[i].knownValue();
        return values;
    }

    /**
     * Adds a node as is: inputs must already be this graph's tensors. Stateful ops are chained after
     * the previous stateful node. {@code known}, when not null, are the outputs' values.
     */
    public Tensor[] addNode(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs, String name, Tensor[] known) {
        for (Tensor t : inputs) {
            if (t.op() == null || Node.of(t).graph() != this) {
                throw new ValueError("Tensor " + t + " must be from the same graph as the node being added.");
            }
        }
        return insert(op, attrs, inputs, outputs, uniqueName(name), known, new Node[0]);
    }

    /** A node that runs after {@code controlInputs} and reads nothing (TF's {@code tf.group}: a NoOp gathering them). */
    public Node addGroup(String name, List<Node> controlInputs) {
        for (Node c : controlInputs) {
            if (c.graph() != this) throw new ValueError("Operation " + c + " must be from the same graph as the group being added.");
        }
        insert(GraphOps.NO_OP, Attrs.EMPTY, new Tensor[0], new TensorSpec[0], uniqueName(name), null, controlInputs.toArray(new Node[0]));
        return nodes.getLast();
    }

    private Tensor[] insert(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs, String uniqueName, Tensor[] known,
                            Node[] explicitControl) {
        Node[] control = explicitControl;
        if (op.stateful() && lastStateful != null && chainsStatefulNodes()) {
            control = Arrays.copyOf(explicitControl, explicitControl.length + 1);
            control[explicitControl.length] = lastStateful;
        }
        Node node = new Node(this, nodes.size(), uniqueName, op, attrs, inputs, control);
        node.setDevice(DeviceScope.currentSpec());
        Tensor[] out = new Tensor[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Tensor.symbolic(node, i, outputs[i].dtype(), outputs[i].shape(), known == null ? null : known[i]);
        }
        node.setOutputs(out);
        nodes.add(node);
        if (op.stateful()) lastStateful = node;
        return out;
    }

    /** {@code t} as a tensor of this graph, capturing it if it comes from elsewhere. */
    public Tensor local(Tensor t) {
        Node n = Node.of(t);
        if (n != null && n.graph() == this) return t;
        Tensor captured = captures.get(t);
        if (captured != null) return captured;
        if (n == null) {
            captured = constant(t);
        } else if (isEnclosedBy(n.graph())) {
            captured = placeholder(t.dtype(), t.shape(), n.name());
            captureOrder.put(t, captured);
        } else {
            throw new ValueError("Tensor " + t + " belongs to another graph; a graph can read eager tensors and"
                    + " tensors of the graphs that enclose it only.");
        }
        captures.put(t, captured);
        return captured;
    }

    private boolean isEnclosedBy(Graph g) {
        for (Graph o = outer; o != null; o = o.outer) if (o == g) return true;
        return false;
    }

    /**
     * Records the variable and gives its value now: a variable created while a function is traced is
     * created once, eagerly, as TF lifts its initializer out of the function. An initial value built
     * in this graph (a random draw, say) is computed now from the nodes it needs.
     */
    @Override
    public Tensor variableCreated(VariableHandle variable, Tensor initialValue) {
        recordVariable((Variable) variable); // the engine's variables are tf.Variables; it names only the handle
        return evaluateNow(initialValue);
    }

    /** Checks TF's rule for later traces and lists the variable in {@link #createdVariables()}. */
    protected void recordVariable(Variable variable) {
        if (!variableCreationAllowed) {
            throw new ValueError(variableCreationError != null ? variableCreationError
                    : "tf.function-decorated function tried to create variables on non-first call.");
        }
        createdVariables.add(variable);
    }

    private Tensor evaluateNow(Tensor t) {
        if (!t.isSymbolic() || t.hasValue()) return t.knownValue();
        if (Node.of(t).graph() != this) throw new ValueError("A variable's initial value " + t + " belongs to another graph.");
        boolean[] needed = Pruning.needed(this, List.of(t), List.of(), false);
        for (Node n : nodes) {
            if (needed[n.id()] && n.op() == GraphOps.PLACEHOLDER) {
                throw new ValueError("A tf.Variable created inside tf.function is created once, when the function is first"
                        + " traced, so its initial value cannot depend on the function's inputs: " + t + " reads " + n.name() + ".");
            }
        }
        try (Tracer.Scope eager = Tracer.Stack.eager()) {
            return new Executor(this, List.of(), List.of(t), false).run()[0];
        }
    }

    /**
     * Whether stateful nodes run in program order (TF2's automatic control dependencies, which a
     * function needs); a TF1 graph has none, so a session runs only what its fetches need.
     */
    protected boolean chainsStatefulNodes() { return true; }

    /**
     * The op seed of the next random op that was given none, while a global seed is set: 0, 1, 2...
     * per graph, as TF's {@code random_seed.get_seed} counts them in graph mode
     * ({@code _graph_to_seed_dict}); null where the eager rule applies (a TF1 graph keeps it).
     */
    public synchronized Long nextOpSeed() { return (long) opSeeds++; }

    /** The name of a variable created while this graph is current: {@code base} in the open name scope, as TF2 names it. */
    public String variableName(String base) { return NameScope.prefix(this) + base; }

    /** The stateful nodes, in program order. */
    public List<Node> statefulNodes() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) if (n.op().stateful()) out.add(n);
        return out;
    }

    /** One line per node, {@code name = Type(inputs) ^controls}: a readable dump for logs and tests. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append(n.name()).append(" = ").append(n.type()).append('(');
            for (int i = 0; i < n.numInputs(); i++) sb.append(i > 0 ? ", " : "").append(n.input(i).name());
            sb.append(')');
            for (Node c : n.controlArray()) sb.append(" ^").append(c.name());
            sb.append('\n');
        }
        return sb.toString();
    }
}
