package org.jflow.io;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.graph.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where JFlow keeps as an attribute what TF's op takes as an int32 input ({@code Sum}'s axes,
 * {@code Reshape}'s shape, {@code Split}'s axis): exported as a {@code Const} node feeding the input
 * TF's definition has at that position, and folded back into the attribute on import.
 */
final class AttrInputs {
    private AttrInputs() {}

    /** How an attribute's value is laid out as a tensor. */
    enum Form {
        SCALAR,
        VECTOR,
        /** Pairs per dimension, {@code [rank, 2]}, from a flat list ({@code Pad}'s paddings). */
        PAIRS,
        /** A reduction's axes; when absent, all axes of input 0. */
        AXES
    }

    /** Position {@link #LAST} is after all other inputs. {@code typeAttr} (may be null) names the input's dtype attribute. */
    record Spec(String attr, int position, Form form, String typeAttr) {}

    static final int LAST = -1;

    private static final Map<String, List<Spec>> BY_OP = new LinkedHashMap<>();

    private static void declare(List<Spec> specs, String... ops) {
        for (String op : ops) BY_OP.put(op, specs);
    }

    static {
        declare(List.of(new Spec("axis", 1, Form.AXES, "Tidx")), "Sum", "Mean", "Max", "Min", "Prod", "All", "Any");
        declare(List.of(new Spec("axis", 1, Form.SCALAR, "Tidx")), "ArgMax", "ArgMin");
        declare(List.of(new Spec("axis", 0, Form.SCALAR, null)), "Split");
        declare(List.of(new Spec("size_splits", 1, Form.VECTOR, "Tlen"), new Spec("axis", 2, Form.SCALAR, null)), "SplitV");
        declare(List.of(new Spec("axis", LAST, Form.SCALAR, "Tidx")), "ConcatV2");
        declare(List.of(new Spec("shape", 1, Form.VECTOR, "Tshape")), "Reshape");
        declare(List.of(new Spec("perm", 1, Form.VECTOR, "Tperm")), "Transpose");
        declare(List.of(new Spec("axis", 1, Form.SCALAR, "Tdim")), "ExpandDims");
        declare(List.of(new Spec("multiples", 1, Form.VECTOR, "Tmultiples")), "Tile");
        declare(List.of(new Spec("axis", 2, Form.SCALAR, "Taxis")), "GatherV2");
        declare(List.of(new Spec("dims", 0, Form.VECTOR, "index_type")), "Fill");
        declare(List.of(new Spec("begin", 1, Form.VECTOR, "Index"), new Spec("size", 2, Form.VECTOR, null)), "Slice");
        declare(List.of(new Spec("paddings", 1, Form.PAIRS, "Tpaddings")), "Pad");
        declare(List.of(new Spec("depth", 1, Form.SCALAR, null)), "OneHot");
        declare(List.of(new Spec("input_sizes", 0, Form.VECTOR, null)), "Conv2DBackpropInput");
        declare(List.of(new Spec("k", 1, Form.SCALAR, null)), "TopKV2");
        declare(List.of(new Spec("shape", 2, Form.VECTOR, null)), "ScatterNd");
        declare(List.of(new Spec("filter_sizes", 1, Form.VECTOR, null)), "Conv2DBackpropFilter");
        declare(List.of(new Spec("orig_input_shape", 0, Form.VECTOR, null)), "AvgPoolGrad");
    }

    /** The specs of {@code op}, in increasing input position (the order to insert in). */
    static List<Spec> of(String op) { return BY_OP.getOrDefault(op, List.of()); }

    /** The int32 tensor TF's input holds for {@code node}'s attribute, or null when it cannot be known. */
    static Tensor tensor(Spec spec, Node node) {
        Object value = node.attrs().get(spec.attr);
        // a reduction given TF's axes input itself (a gradient's Sum over the axes BroadcastGradientArgs finds when
        // the graph runs) needs none; without it, no axes attribute means all of them
        if (spec.form == Form.AXES && value == null && node.inputs().size() > spec.position) return null;
        if (spec.form == Form.AXES && value == null) {
            Shape s = node.input(0).shape();
            if (!s.hasRank()) return null;
            int[] all = new int[s.rank()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            value = all;
        }
        return switch (value) {
            case Number n when spec.form == Form.SCALAR -> Tensor.wrap(DType.INT32, Shape.scalar(), new int[] {n.intValue()});
            case int[] a when spec.form == Form.PAIRS -> Tensor.wrap(DType.INT32, Shape.of(a.length / 2, 2), a.clone());
            case int[] a when spec.form != Form.SCALAR -> Tensor.wrap(DType.INT32, Shape.of(a.length), a.clone());
            case null, default -> null;
        };
    }

    /** The attribute value JFlow's op keeps for TF's constant input {@code value}. */
    static Object attrValue(Spec spec, Tensor value) {
        long[] wide = value.toLongArray();
        int[] v = new int[wide.length];
        for (int i = 0; i < v.length; i++) { // an int64 input past int32 is refused, not wrapped (2**40 is no axis 0)
            if (wide[i] != (int) wide[i]) {
                throw new InvalidArgumentError("Attr " + spec.attr + " has value " + wide[i]
                        + " out of range for an int32");
            }
            v[i] = (int) wide[i];
        }
        if (spec.form == Form.SCALAR && v.length != 1) {
            throw new InvalidArgumentError(spec.attr + " must be a scalar, got " + v.length + " values");
        }
        return spec.form == Form.SCALAR ? (Object) v[0] : v;
    }
}
