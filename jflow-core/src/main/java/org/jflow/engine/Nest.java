package org.jflow.engine;

import org.jflow.Tensor;
import org.jflow.TensorLike;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF's {@code tf.nest} for the structures Java code passes around: tensors (and variables, read
 * when flattened) nested in {@code List}s, {@code Map}s and {@code Object[]} tuples. A structure
 * flattens into its tensors plus a template that packs tensors back into the same shape, which is
 * how a graph's flat inputs and outputs become a function's arguments and results.
 */
public final class Nest {
    private Nest() {}

    /** Where leaf {@code index} goes in a template. */
    private record Leaf(int index) {}

    /** A leaf that was a variable: {@link #packResult} gives the variable back. */
    private record VariableLeaf(int index, VariableHandle variable) {}

    /** The template of {@code structure}: its tensors are appended to {@code leaves}, everything else is kept as is. */
    public static Object flatten(Object structure, List<Tensor> leaves) {
        return switch (structure) {
            case VariableHandle v -> {
                leaves.add(v.value());
                yield new VariableLeaf(leaves.size() - 1, v);
            }
            case TensorLike t -> {
                leaves.add(t.value());
                yield new Leaf(leaves.size() - 1);
            }
            case Tensor[] ts -> {
                Object[] out = new Object[ts.length];
                for (int i = 0; i < ts.length; i++) out[i] = flatten(ts[i], leaves);
                yield new TensorArrayTemplate(out);
            }
            case Object[] tuple -> {
                Object[] out = new Object[tuple.length];
                for (int i = 0; i < tuple.length; i++) out[i] = flatten(tuple[i], leaves);
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (Object x : list) out.add(flatten(x, leaves));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, flatten(v, leaves)));
                yield out;
            }
            case null, default -> structure;
        };
    }

    /** A {@code Tensor[]} in the structure, packed back as a {@code Tensor[]}. */
    private record TensorArrayTemplate(Object[] items) {}

    /** The structure {@code template} describes, with {@code leaves} in its tensors' places. */
    public static Object pack(Object template, Tensor[] leaves) { return pack(template, leaves, false); }

    /**
     * As {@link #pack}, but a variable in the original structure comes back as the variable (whose
     * value the run has just read), so that a function's Java return type stays true.
     */
    public static Object packResult(Object template, Tensor[] leaves) { return pack(template, leaves, true); }

    private static Object pack(Object template, Tensor[] leaves, boolean variables) {
        return switch (template) {
            case Leaf l -> leaves[l.index()];
            case VariableLeaf v -> variables ? v.variable() : leaves[v.index()];
            case TensorArrayTemplate a -> {
                Tensor[] out = new Tensor[a.items().length];
                for (int i = 0; i < out.length; i++) out[i] = (Tensor) pack(a.items()[i], leaves, false);
                yield out;
            }
            case Object[] tuple -> {
                Object[] out = new Object[tuple.length];
                for (int i = 0; i < tuple.length; i++) out[i] = pack(tuple[i], leaves, variables);
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (Object x : list) out.add(pack(x, leaves, variables));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, pack(v, leaves, variables)));
                yield out;
            }
            case null, default -> template;
        };
    }
}
