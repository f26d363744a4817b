package org.jflow.compat;

import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.engine.Convert;
import org.jflow.engine.Nest;
import org.jflow.engine.Tracer;
import org.jflow.errors.RuntimeError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.graph.Executor;
import org.jflow.graph.Graph;
import org.jflow.graph.Node;
import org.jflow.raw.RawMath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF1's {@code tf.compat.v1.Session}: runs the part of a graph that some fetches need, with values
 * fed to its placeholders. {@code fetches} are like a function's results and {@code feed_dict} like
 * its arguments; each distinct (feeds, fetches) pair is compiled once into an {@link Executor}.
 *
 * <p>A fetch is a graph tensor (its value comes back as an eager tensor), a variable (its value),
 * a node (run for its effect, e.g. an initializer: it comes back as null), a name of either
 * ({@code "add:0"}, {@code "init"}), or a {@code List},
 * {@code Object[]} or {@code Map} nesting these, which comes back in the same shape.
 */
public final class Session implements AutoCloseable {
    private final Graph graph;
    private final Map<Key, Executor> compiled = new HashMap<>();
    private final Map<Variable, Tensor> variableReads = new IdentityHashMap<>();
    private boolean closed;

    /** A compiled run: the sorted feeds, the fetched tensors and the target nodes. */
    private record Key(List<Tensor> feeds, List<Tensor> fetches, List<Node> targets) {}

    Session(Graph graph) { this.graph = graph; }

    /** TF's {@code sess.graph}. */
    public Graph graph() { return graph; }

    /** {@code sess.run(fetches)}: nothing fed. */
    public Tensor run(Tensor fetch) { return run(fetch, Map.of()); }

    /** {@code sess.run(fetches=t, feed_dict={...})}: the tensor's value. */
    public Tensor run(Tensor fetch, Map<Tensor, ?> feedDict) { return (Tensor) run((Object) fetch, feedDict); }

    /** {@code sess.run([t1, t2], feed_dict)}: the values in the same order. */
    @SuppressWarnings("unchecked")
    public List<Tensor> run(List<Tensor> fetches, Map<Tensor, ?> feedDict) { return (List<Tensor>) run((Object) fetches, feedDict); }

    /** {@code sess.run(fetches)} of any fetch structure, nothing fed. */
    public Object run(Object fetches) { return run(fetches, Map.of()); }

    /** {@code sess.run(fetches, feed_dict)}: the fetches' structure with values in place of tensors, null for nodes. */
    public Object run(Object fetches, Map<Tensor, ?> feedDict) {
        if (closed) throw new RuntimeError("Attempted to use a closed Session.");
        if (graph.operations().isEmpty()) {
            throw new RuntimeError("The Session graph is empty. Add operations to the graph before calling run().");
        }
        try (Tracer.Scope eager = Tracer.Stack.eager()) {
            List<Node> targets = new ArrayList<>();
            List<Tensor> fetched = new ArrayList<>();
            Object template = Nest.flatten(graphElements(fetches, targets), fetched);
            List<Map.Entry<Tensor, ?>> feeds = sortedFeeds(feedDict);
            List<Tensor> feedKeys = feeds.stream().<Tensor>map(Map.Entry::getKey).toList();
            Tensor[] feedValues = feeds.stream().map(e -> feedValue(e.getKey(), e.getValue())).toArray(Tensor[]::new);
            Executor executor = compiled.computeIfAbsent(new Key(feedKeys, List.copyOf(fetched), List.copyOf(targets)),
                    k -> new Executor(graph, k.feeds(), k.fetches(), k.targets(), false));
            return Nest.pack(template, executor.run(feedValues));
        }
    }

    /** The fetch structure with graph tensors as leaves: nodes go to {@code targets} (null in their place), variables are read. */
    private Object graphElements(Object fetch, List<Node> targets) {
        return switch (fetch) {
            case Node n -> {
                if (n.graph() != graph) {
                    throw new ValueError("Fetch argument " + n + " cannot be interpreted as a Tensor. (Operation "
                            + n.name() + " is not an element of this graph.)");
                }
                targets.add(n);
                yield null;
            }
            case Variable v -> variableReads.computeIfAbsent(v, this::readNode);
            case String name -> graphElements(byName(name), targets);
            case Tensor t -> {
                if (!t.isSymbolic()) {
                    throw new TypeError("Fetch argument " + t.repr() + " has invalid type <class 'EagerTensor'>, must be a"
                            + " string or Tensor. (Can not convert a EagerTensor into a Tensor or Operation.)");
                }
                if (Node.of(t).graph() != graph) {
                    throw new ValueError("Fetch argument " + t.repr() + " cannot be interpreted as a Tensor. (Tensor " + t
                            + " is not an element of this graph.)");
                }
                yield t;
            }
            case Tensor[] ts -> {
                Tensor[] out = new Tensor[ts.length];
                for (int i = 0; i < ts.length; i++) out[i] = (Tensor) graphElements(ts[i], targets);
                yield out;
            }
            case Object[] tuple -> {
                Object[] out = new Object[tuple.length];
                for (int i = 0; i < tuple.length; i++) out[i] = graphElements(tuple[i], targets);
                yield out;
            }
            case List<?> list -> list.stream().map(x -> graphElements(x, targets)).toList();
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, x) -> out.put(k, graphElements(x, targets)));
                yield out;
            }
            case null -> throw new TypeError("Fetch argument None has invalid type <class 'NoneType'>");
            default -> throw new TypeError("Fetch argument " + fetch + " has invalid type " + fetch.getClass().getSimpleName()
                    + ", must be a string or Tensor. (Can not convert a " + fetch.getClass().getSimpleName()
                    + " into a Tensor or Operation.)");
        };
    }

    /** TF's fetch by name: {@code "add:0"} is a tensor, {@code "init"} a node. */
    private Object byName(String name) {
        int colon = name.lastIndexOf(':');
        if (colon < 0) return graph.operation(name);
        Node n = graph.operation(name.substring(0, colon));
        int index = Integer.parseInt(name.substring(colon + 1));
        if (index >= n.numOutputs()) {
            throw new ValueError("The name '" + name + "' refers to a Tensor which does not exist. The operation, '" + n.name()
                    + "', exists but only has " + n.numOutputs() + " outputs.");
        }
        return n.output(index);
    }

    /** A {@code ReadVariableOp} node for fetching {@code v}, added once (TF1 keeps one per variable too). */
    private Tensor readNode(Variable v) {
        try (Tracer.Scope building = graph.asDefault()) {
            return v.value();
        }
    }

    /** The feeds in graph order, so that the same feed dict in any iteration order compiles once. */
    private List<Map.Entry<Tensor, ?>> sortedFeeds(Map<Tensor, ?> feedDict) {
        List<Map.Entry<Tensor, ?>> feeds = new ArrayList<>(feedDict.entrySet());
        for (Map.Entry<Tensor, ?> e : feeds) {
            Tensor key = e.getKey();
            if (key == null || !key.isSymbolic() || Node.of(key).graph() != graph) {
                throw new TypeError("Cannot interpret feed_dict key as Tensor: Tensor " + key + " is not an element of this graph.");
            }
        }
        feeds.sort(Comparator.comparingInt((Map.Entry<Tensor, ?> e) -> Node.of(e.getKey()).id())
                .thenComparingInt(e -> e.getKey().outputIndex()));
        return feeds;
    }

    /** The value fed to {@code key}: converted to its dtype (as NumPy converts a feed) and checked against its shape. */
    private static Tensor feedValue(Tensor key, Object value) {
        Tensor v;
        if (value instanceof TensorLike t) {
            v = t.value();
            if (v.isSymbolic()) {
                throw new TypeError("The value of a feed cannot be a tf.Tensor object. Acceptable feed values include"
                        + " Python scalars, strings, lists, numpy ndarrays, or TensorHandles.");
            }
            if (v.dtype() != key.dtype()) v = RawMath.cast(v, key.dtype());
        } else {
            v = Convert.toTensor(value, key.dtype());
        }
        if (!key.shape().isCompatibleWith(v.shape())) {
            throw new ValueError("Cannot feed value of shape " + v.shape() + " for Tensor '" + key.name()
                    + "', which has shape '" + key.shape() + "'");
        }
        return v;
    }

    /** Ends the session: later runs fail, as in TF. */
    @Override
    public void close() {
        closed = true;
        compiled.clear();
    }
}
