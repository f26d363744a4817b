package org.jflow.io;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.AttrDef;
import org.jflow.engine.AttrType;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TfDef;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where JFlow keeps as an attribute what TF's op takes as an input ({@code Sum}'s axes, {@code Reshape}'s
 * shape, {@code Split}'s axis): exported as a {@code Const} node feeding the input TF's definition has at that
 * position, and folded back into the attribute on import. Which inputs those are comes from the op's declaration
 * ({@link TfDef.Arg#attr}), so no op is listed here.
 */
final class AttrInputs {
    private AttrInputs() {}

    /** How an attribute's value is laid out as a tensor. */
    enum Form {
        SCALAR,
        VECTOR,
        /** A {@code shape} attribute's dims as a vector. */
        SHAPE,
        /** Pairs per dimension, {@code [rank, 2]}, from a flat list (TF's {@code paddings} inputs). */
        PAIRS,
        /** A reduction's axes (TF's {@code reduction_indices: Tidx}); when absent, all axes of input 0. */
        AXES
    }

    /**
     * Position {@link #LAST} is after all other inputs. {@code typeAttr} (may be null) names the input's dtype
     * attribute, set to int32 with the constant; {@code dtypeOf}, where not -1, is JFlow's input whose dtype the
     * constant takes, because TF types both with one attribute ({@code ScatterNd}'s shape and indices).
     * {@code alsoInput}: JFlow's op takes the input as a tensor too, where the attribute is absent
     * ({@code Reshape}'s shape), so on import an input that is no {@code Const} stays an input.
     */
    record Spec(String attr, int position, Form form, String typeAttr, int dtypeOf, boolean alsoInput) {}

    static final int LAST = -1;

    private static final Map<String, List<Spec>> BY_OP = new ConcurrentHashMap<>();

    /** The specs of {@code op}, in increasing input position (the order to insert in). */
    static List<Spec> of(Op op) { return op == null ? List.of() : BY_OP.computeIfAbsent(op.name(), k -> derive(op)); }

    private static List<Spec> derive(Op op) {
        Signature sig = op.signature();
        TfDef tf = sig.tf();
        if (tf == null) return List.of();
        List<Spec> specs = new ArrayList<>();
        List<TfDef.Arg> in = tf.inputs();
        boolean afterList = false;
        for (int k = 0; k < in.size(); k++) {
            TfDef.Arg a = in.get(k);
            AttrDef d = a.attr() == null ? null : sig.attr(a.attr());
            if (d != null && d.type() != AttrType.RESOURCE && (!afterList || k == in.size() - 1)) {
                int dtypeOf = -1;
                for (TfDef.Arg b : in) {
                    if (b != a && b.isInput() && a.typeAttr() != null && a.typeAttr().equals(b.typeAttr())) dtypeOf = b.jflowArg();
                }
                specs.add(new Spec(a.attr(), afterList ? LAST : k, form(a, d), dtypeOf < 0 ? a.typeAttr() : null, dtypeOf,
                        a.isInput()));
            }
            afterList |= a.isInput() && a.numberAttr() != null;
        }
        return List.copyOf(specs);
    }

    private static Form form(TfDef.Arg a, AttrDef d) {
        if (a.name().equals("paddings")) return Form.PAIRS;
        // ReduceJoin's int32 reduction_indices join in the order given: its absent axes are not all axes ascending
        if (a.name().equals("reduction_indices") && a.typeAttr() != null) return Form.AXES;
        return switch (d.type()) {
            case INT -> Form.SCALAR;
            case SHAPE -> Form.SHAPE;
            default -> Form.VECTOR;
        };
    }

    /** The tensor TF's input holds for {@code node}'s attribute, or null when it cannot be known. */
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
        if (value instanceof Shape s) value = s.isFullyDefined() ? s.dims() : null;
        Tensor t = switch (value) {
            case Number n when spec.form == Form.SCALAR -> Tensor.wrap(DType.INT32, Shape.scalar(), new int[] {n.intValue()});
            case int[] a when spec.form == Form.PAIRS -> Tensor.wrap(DType.INT32, Shape.of(a.length / 2, 2), a.clone());
            case int[] a when spec.form != Form.SCALAR -> Tensor.wrap(DType.INT32, Shape.of(a.length), a.clone());
            case null, default -> null;
        };
        if (t == null || spec.dtypeOf < 0 || spec.dtypeOf >= node.numInputs()
                || node.input(spec.dtypeOf).dtype() != DType.INT64) return t;
        return Tensor.wrap(DType.INT64, t.shape(), t.toLongArray());
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
        if (spec.form == Form.SHAPE) {
            for (int d : v) if (d < 0) throw new InvalidArgumentError("Dimension " + d + " must be >= 0");
        }
        if (spec.form == Form.SCALAR && v.length != 1) {
            throw new InvalidArgumentError(spec.attr + " must be a scalar, got " + v.length + " values");
        }
        return spec.form == Form.SCALAR ? (Object) v[0] : spec.form == Form.SHAPE ? Shape.of(v) : v;
    }
}
