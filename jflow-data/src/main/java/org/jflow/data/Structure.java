package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The nested structure of a dataset element, as {@code tf.data}'s {@code structure} module keeps
 * it: tensors (and nested datasets, for {@code window}) in {@link Tuple}s and {@code Map}s (insertion
 * order kept, as a Python dict). A Java {@code List} returned by a map function counts as a tuple, as
 * tf.data turns a returned list into a tuple. Everything is applied leaf by leaf.
 */
final class Structure {
    private Structure() {}

    /** The leaves of {@code element} in depth-first order (map values in their order). */
    static List<Object> leaves(Object element) {
        List<Object> out = new ArrayList<>();
        collect(element, out);
        return out;
    }

    private static void collect(Object element, List<Object> out) {
        switch (element) {
            case Map<?, ?> map -> map.values().forEach(v -> collect(v, out));
            case List<?> list -> list.forEach(v -> collect(v, out));
            case null -> throw new TypeError("A dataset element cannot be None (null)");
            default -> out.add(element);
        }
    }

    /** {@code element} with each leaf replaced by {@code fn(leaf)}, containers rebuilt (lists as tuples). */
    static Object map(Object element, Function<Object, Object> fn) {
        return switch (element) {
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, map(v, fn)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (Object v : list) out.add(map(v, fn));
                yield new Tuple<>(out);
            }
            default -> fn.apply(element);
        };
    }

    /** The structure of {@code template} with {@code leaves} in its leaves' places, in order. */
    static Object pack(Object template, List<?> leaves) {
        int[] next = {0};
        Object out = map(template, leaf -> leaves.get(next[0]++));
        if (next[0] != leaves.size()) {
            throw new InvalidArgumentError("Expected " + next[0] + " components but got " + leaves.size());
        }
        return out;
    }

    /** Java values converted to tensors leaf by leaf, as {@code tf.data} converts its inputs. */
    static Object toTensors(Object element) {
        return map(element, leaf -> leaf instanceof Tensor || leaf instanceof Dataset<?> ? leaf
                : org.jflow.engine.Convert.toTensor(leaf));
    }

    /** The {@link TensorSpec} structure of an element (a nested dataset stands for itself). */
    static Object spec(Object element) {
        return map(element, leaf -> leaf instanceof Tensor t ? new TensorSpec(t.dtype(), t.shape()) : leaf);
    }

    /** The leaf of an element as a tensor, or TF's error for a nested dataset where a tensor is needed. */
    static Tensor tensor(Object leaf) {
        if (leaf instanceof Tensor t) return t;
        throw new TypeError("Expected a tensor in the dataset element, got " + leaf.getClass().getSimpleName());
    }

    /** Slice {@code index} along axis 0 of every leaf ({@code from_tensor_slices}, {@code unbatch}). */
    static Object slice(Object element, long index) {
        Tensor i = Raw.scalar(DType.INT64, index);
        return map(element, leaf -> RawArray.gatherV2(tensor(leaf), i, 0, 0));
    }

    /** The number of slices along axis 0, equal for every leaf, or TF's error naming the sizes. */
    static int sliceCount(Object element) {
        int n = -1;
        for (Object leaf : leaves(element)) {
            Shape s = tensor(leaf).shape();
            if (s.rank() == 0) throw new ValueError("Unbatching a tensor is only supported for rank >= 1");
            if (n >= 0 && s.get(0) != n) throw new ValueError("Dimensions " + n + " and " + s.get(0) + " are not compatible");
            n = s.get(0);
        }
        return n;
    }

    /** The elements stacked leaf by leaf along a new axis 0 ({@code batch}), TF's error where shapes differ. */
    static Object stack(List<Object> elements) {
        List<List<Object>> columns = columns(elements);
        List<Object> stacked = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            List<Tensor> column = new ArrayList<>();
            Shape first = null;
            for (int e = 0; e < columns.get(c).size(); e++) {
                Tensor t = tensor(columns.get(c).get(e));
                if (first == null) first = t.shape();
                else if (!first.equals(t.shape())) {
                    throw new InvalidArgumentError("Cannot batch tensors with different shapes in component " + c
                            + ". First element had shape " + first.toErrorString() + " and element " + e
                            + " had shape " + t.shape().toErrorString() + ".");
                }
                column.add(t);
            }
            stacked.add(RawArray.pack(column, 0));
        }
        return pack(elements.getFirst(), stacked);
    }

    /** The leaves of each element, transposed: one list per leaf position. */
    static List<List<Object>> columns(List<Object> elements) {
        List<List<Object>> columns = new ArrayList<>();
        for (Object e : elements) {
            List<Object> leaves = leaves(e);
            for (int c = 0; c < leaves.size(); c++) {
                if (columns.size() <= c) columns.add(new ArrayList<>());
                columns.get(c).add(leaves.get(c));
            }
        }
        return columns;
    }

    /** The spec structure with a leading dimension {@code dim} (-1: unknown) on every tensor spec. */
    static Object batchedSpec(Object spec, int dim) {
        return map(spec, leaf -> {
            TensorSpec s = (TensorSpec) leaf;
            int[] dims = s.shape().hasRank() ? s.shape().dims() : null;
            if (dims == null) return new TensorSpec(s.dtype(), Shape.unknownRank());
            int[] out = new int[dims.length + 1];
            out[0] = dim;
            System.arraycopy(dims, 0, out, 1, dims.length);
            return new TensorSpec(s.dtype(), Shape.of(out));
        });
    }

    /** The spec structure without its leading dimension ({@code unbatch}, {@code from_tensor_slices}). */
    static Object unbatchedSpec(Object spec) {
        return map(spec, leaf -> {
            TensorSpec s = (TensorSpec) leaf;
            if (!s.shape().hasRank()) return s;
            int[] dims = s.shape().dims();
            return new TensorSpec(s.dtype(), Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length)));
        });
    }

    /** The most specific spec that both specs fit (dims that differ become unknown), or TF's TypeError. */
    static Object mostSpecificCompatible(Object a, Object b) {
        List<Object> la = leaves(a), lb = leaves(b);
        if (la.size() != lb.size()) throw incompatible(a, b);
        List<Object> out = new ArrayList<>(la.size());
        for (int i = 0; i < la.size(); i++) {
            TensorSpec x = (TensorSpec) la.get(i), y = (TensorSpec) lb.get(i);
            if (x.dtype() != y.dtype()) throw incompatible(a, b);
            out.add(new TensorSpec(x.dtype(), relaxed(x.shape(), y.shape())));
        }
        return pack(a, out);
    }

    private static Shape relaxed(Shape x, Shape y) {
        if (!x.hasRank() || !y.hasRank() || x.rank() != y.rank()) return Shape.unknownRank();
        int[] d = new int[x.rank()];
        for (int i = 0; i < d.length; i++) d[i] = x.get(i) == y.get(i) ? x.get(i) : -1;
        return Shape.of(d);
    }

    private static TypeError incompatible(Object a, Object b) {
        return new TypeError("Incompatible dataset elements:\n  " + a + " vs.\n  " + b);
    }
}
