package org.jflow.graph;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.engine.Convert;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.TypeError;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code tf.function} call's arguments as TF's tracing sees them (its {@code FunctionType}):
 * lists, maps, records and {@code Object[]} tuples are structures whose leaves are flattened, as
 * {@code tf.nest} does; a tensor leaf (or Java array, as a NumPy array) is a graph input, in the
 * signature by dtype and shape only; a Java number, string or boolean is in the signature by value
 * and baked in as a constant; any other object (a variable, a model) by identity, passed as is.
 *
 * <p>The signature ("key") mirrors the structure with a {@link TensorSpec} per tensor leaf, so fresh
 * {@code List.of(x, y)} arguments with the same specs reuse one trace.
 */
final class FunctionArgs {
    private FunctionArgs() {}

    /** A Java scalar argument: baked into the graph as a constant; its value is part of the signature. */
    record Baked(Tensor tensor, Object value) {}

    /** An object argument, in the signature by identity. */
    record Identity(Object object) {
        @Override
        public boolean equals(Object o) { return o instanceof Identity i && i.object == object; }

        @Override
        public int hashCode() { return System.identityHashCode(object); }
    }

    /** A record argument: its class and its components, each canonical. */
    record RecordArgs(Class<?> type, List<Object> components) {}

    /** An {@code Object[]} tuple, kept apart from a list in the signature. */
    record Tuple(List<Object> items) {}

    /** A map, its entries in TF's order (sorted keys, as {@code tf.nest} sorts a dict's keys). */
    record MapArgs(List<Object> keys, List<Object> values) {}

    /** The canonical form of one argument. */
    static Object canonical(Object a) {
        return switch (a) {
            case null -> null;
            case Variable v -> v;
            case TensorLike t -> t.value();
            case Number n -> new Baked(Convert.toTensor(n), n);
            case String s -> new Baked(Convert.toTensor(s), s);
            case Boolean b -> new Baked(Convert.toTensor(b), b);
            case List<?> list -> list.stream().map(FunctionArgs::canonical).toList();
            case Map<?, ?> map -> {
                List<Object> keys = sortedKeys(map), values = new ArrayList<>(keys.size());
                for (Object k : keys) values.add(canonical(map.get(k)));
                yield new MapArgs(keys, values);
            }
            case Record r -> {
                RecordComponent[] rc = r.getClass().getRecordComponents();
                List<Object> parts = new ArrayList<>(rc.length);
                for (RecordComponent c : rc) parts.add(canonical(component(r, c)));
                yield new RecordArgs(r.getClass(), parts);
            }
            case Object[] tuple when !isNumericArray(tuple) ->
                    new Tuple(Arrays.stream(tuple).map(FunctionArgs::canonical).toList());
            default -> a.getClass().isArray() ? Convert.toTensor(a) : a;
        };
    }

    private static List<Object> sortedKeys(Map<?, ?> map) {
        List<Object> keys = new ArrayList<>(map.keySet());
        if (keys.stream().allMatch(k -> k instanceof Comparable<?>)) {
            return new ArrayList<>(new TreeMap<>(map).keySet());
        }
        return keys;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new TypeError("Cannot read component " + c.getName() + " of " + r.getClass().getName() + ": " + e);
        }
    }

    private static boolean isNumericArray(Object[] o) {
        return o.length > 0 && o[0] != null && o[0].getClass().isArray();
    }

    /** The signature of a canonical argument: its structure with a spec per tensor, the value per baked scalar. */
    static Object key(Object c) {
        return switch (c) {
            case null -> null;
            case Tensor t -> new TensorSpec(t.dtype(), t.shape());
            case Baked b -> List.of(b.value().getClass(), b.value());
            case List<?> list -> list.stream().map(FunctionArgs::key).toList();
            case Tuple t -> new Tuple(t.items().stream().map(FunctionArgs::key).toList());
            case MapArgs m -> new MapArgs(m.keys(), m.values().stream().map(FunctionArgs::key).toList());
            case RecordArgs r -> new RecordArgs(r.type(), r.components().stream().map(FunctionArgs::key).toList());
            default -> new Identity(c);
        };
    }

    /** Appends the leaves of a canonical argument (or the specs of a key) to {@code out}, in flattening order. */
    static <T> void leaves(Object c, Class<T> leafType, List<T> out) {
        switch (c) {
            case List<?> list -> list.forEach(x -> leaves(x, leafType, out));
            case Tuple t -> t.items().forEach(x -> leaves(x, leafType, out));
            case MapArgs m -> m.values().forEach(x -> leaves(x, leafType, out));
            case RecordArgs r -> r.components().forEach(x -> leaves(x, leafType, out));
            case null, default -> {
                if (leafType.isInstance(c)) out.add(leafType.cast(c));
            }
        }
    }

    /**
     * The argument as the Java function receives it: tensor leaves replaced by the next of
     * {@code tensors} (placeholders while tracing), baked scalars by their constants, structures
     * rebuilt (a record through its canonical constructor, a map with its keys).
     */
    static Object rebuild(Object c, Iterator<Tensor> tensors) {
        return switch (c) {
            case null -> null;
            case Tensor t -> tensors.next();
            case Baked b -> b.tensor();
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (Object x : list) out.add(rebuild(x, tensors));
                yield out;
            }
            case Tuple t -> {
                Object[] out = new Object[t.items().size()];
                for (int i = 0; i < out.length; i++) out[i] = rebuild(t.items().get(i), tensors);
                yield out;
            }
            case MapArgs m -> {
                Map<Object, Object> out = new java.util.LinkedHashMap<>();
                for (int i = 0; i < m.keys().size(); i++) out.put(m.keys().get(i), rebuild(m.values().get(i), tensors));
                yield out;
            }
            case RecordArgs r -> {
                Object[] parts = new Object[r.components().size()];
                for (int i = 0; i < parts.length; i++) parts[i] = rebuild(r.components().get(i), tensors);
                yield newRecord(r.type(), parts);
            }
            default -> c;
        };
    }

    private static Object newRecord(Class<?> type, Object[] parts) {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(parts);
        } catch (ReflectiveOperationException e) {
            throw new TypeError("Cannot rebuild record " + type.getName() + ": " + e);
        }
    }

    /**
     * TF's {@code most_specific_common_supertype} of two signatures (for {@code reduce_retracing}):
     * the same structure and values, each tensor spec keeping the dims both share ({@code None}
     * elsewhere, an unknown rank where the ranks differ); null where they differ otherwise.
     */
    static Object generalize(Object a, Object b) {
        if (a instanceof TensorSpec x && b instanceof TensorSpec y) {
            if (x.dtype() != y.dtype()) return null;
            return new TensorSpec(x.dtype(), commonShape(x.shape(), y.shape()));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) return generalizeAll(x, y);
        if (a instanceof Tuple x && b instanceof Tuple y) {
            List<Object> items = generalizeAll(x.items(), y.items());
            return items == null ? null : new Tuple(items);
        }
        if (a instanceof MapArgs x && b instanceof MapArgs y && x.keys().equals(y.keys())) {
            List<Object> values = generalizeAll(x.values(), y.values());
            return values == null ? null : new MapArgs(x.keys(), values);
        }
        if (a instanceof RecordArgs x && b instanceof RecordArgs y && x.type() == y.type()) {
            List<Object> parts = generalizeAll(x.components(), y.components());
            return parts == null ? null : new RecordArgs(x.type(), parts);
        }
        return java.util.Objects.equals(a, b) ? a : null;
    }

    private static List<Object> generalizeAll(List<?> a, List<?> b) {
        if (a.size() != b.size()) return null;
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object g = generalize(a.get(i), b.get(i));
            if (g == null && (a.get(i) != null || b.get(i) != null)) return null;
            out.add(g);
        }
        return out;
    }

    private static Shape commonShape(Shape a, Shape b) {
        if (!a.hasRank() || !b.hasRank() || a.rank() != b.rank()) return Shape.unknownRank();
        int[] dims = new int[a.rank()];
        for (int i = 0; i < dims.length; i++) dims[i] = a.get(i) == b.get(i) ? a.get(i) : Shape.UNKNOWN;
        return Shape.of(dims);
    }

    /** Whether a call with signature {@code specific} may run the trace made for {@code general}. */
    static boolean accepts(Object general, Object specific) {
        Object g = generalize(general, specific);
        return g != null ? g.equals(general) : general == null && specific == null;
    }

    /** How many dims a signature fixes: of the traces that accept a call, the most specific runs it (TF's dispatch). */
    static int knownDims(Object key) {
        List<TensorSpec> specs = new ArrayList<>();
        leaves(key, TensorSpec.class, specs);
        int n = 0;
        for (TensorSpec s : specs) {
            if (!s.shape().hasRank()) continue;
            n++;
            for (int d : s.shape().dimsView()) if (d != Shape.UNKNOWN) n++;
        }
        return n;
    }
}
