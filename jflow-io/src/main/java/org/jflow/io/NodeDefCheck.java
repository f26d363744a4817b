package org.jflow.io;

import org.jflow.engine.ArgDef;
import org.jflow.engine.AttrDef;
import org.jflow.engine.AttrType;
import org.jflow.engine.Attrs;
import org.jflow.engine.Signature;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.NodeDef;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NodeDef} held to its op's declared {@link Signature} before anything of it is built, with the
 * errors of TF's {@code ValidateNodeDef} ({@code node_def_util.cc}): the input count, each declared
 * attribute's {@code AttrValue} type and allowed values, and the required attributes. The OpDef summary in
 * the messages is JFlow's declaration. Attributes the op does not declare (TF's type attributes {@code T},
 * {@code Tidx}, annotations) are left as they are: TF's importer ignores attributes it does not know.
 */
final class NodeDefCheck {
    private NodeDefCheck() {}

    /** The node's attribute values, checked against the types and allowed values {@code signature} declares. */
    static void attrs(NodeDef n, String op, Signature signature) {
        for (AttrDef d : signature.attrs()) {
            AttrValue a = n.getAttrMap().get(d.name());
            if (a == null) continue;
            String got = typeOf(a);
            if (!matches(d.type(), a)) {
                throw new InvalidArgumentError((got == null ? "AttrValue missing value with expected type '"
                        + d.type().tfName() + "'" : "AttrValue had value with type '" + got + "' when '"
                        + d.type().tfName() + "' expected") + "\n\t for attr '" + d.name() + "'\n\t"
                        + tail(n, op, signature));
            }
            if (!d.allowed().isEmpty()) {
                Object v = AttrCodec.toValue(d.name(), a);
                if (!d.allowed().contains(v)) {
                    throw new InvalidArgumentError(Signature.notAllowed(d, v) + "\n\t" + tail(n, op, signature));
                }
            }
        }
    }

    /** The input count ({@code inputs}: data inputs once attribute inputs are folded) and required attributes. */
    static void complete(NodeDef n, String op, Signature signature, int inputs, Attrs attrs) {
        if (inputs < signature.minInputs() || inputs > signature.maxInputs()) {
            throw new InvalidArgumentError("NodeDef expected inputs '" + expectedInputs(n, signature)
                    + "' do not match " + inputs + " inputs specified; " + signature.summary(op) + "; NodeDef: {{node "
                    + n.getName() + "}}");
        }
        for (AttrDef d : signature.attrs()) {
            if (d.required() && !attrs.hasGiven(d.name())) {
                throw new InvalidArgumentError("NodeDef missing attr '" + d.name() + "' from " + signature.summary(op)
                        + "; NodeDef: {{node " + n.getName() + "}}");
            }
        }
    }

    private static String tail(NodeDef n, String op, Signature signature) {
        return "; NodeDef: {{node " + n.getName() + "}}; " + signature.summary(op);
    }

    /** TF names the dtypes it expects; an input typed by an attribute the node sets is named by that dtype. */
    private static String expectedInputs(NodeDef n, Signature signature) {
        List<String> names = new ArrayList<>();
        for (ArgDef a : signature.inputs()) {
            AttrValue t = n.getAttrMap().get(a.type());
            boolean typed = t != null && t.getValueCase() == AttrValue.ValueCase.TYPE;
            names.add(typed ? DataTypes.toDType(t.getType()).kernelName() : a.type().isEmpty() ? a.name() : a.type());
        }
        return String.join(", ", names);
    }

    private static boolean matches(AttrType type, AttrValue a) {
        AttrValue.ValueCase v = a.getValueCase();
        boolean list = v == AttrValue.ValueCase.LIST;
        return switch (type) {
            case INT -> v == AttrValue.ValueCase.I;
            case FLOAT -> v == AttrValue.ValueCase.F;
            case BOOL -> v == AttrValue.ValueCase.B;
            case STRING -> v == AttrValue.ValueCase.S;
            case TYPE -> v == AttrValue.ValueCase.TYPE;
            case SHAPE -> v == AttrValue.ValueCase.SHAPE;
            case TENSOR -> v == AttrValue.ValueCase.TENSOR;
            case FUNC -> v == AttrValue.ValueCase.FUNC;
            case LIST_INT -> list && a.getList().getICount() == listSize(a.getList());
            case LIST_TYPE -> list && a.getList().getTypeCount() == listSize(a.getList());
            case LIST_SHAPE -> list && a.getList().getShapeCount() == listSize(a.getList());
            // JFlow's own: a variable never comes from a file; an object attribute holds any value JFlow wrote
            case RESOURCE -> false;
            case OBJECT -> a.getValueCase() != AttrValue.ValueCase.VALUE_NOT_SET;
        };
    }

    private static int listSize(AttrValue.ListValue l) {
        return l.getSCount() + l.getICount() + l.getFCount() + l.getBCount() + l.getTypeCount() + l.getShapeCount()
                + l.getTensorCount() + l.getFuncCount();
    }

    /** TF's name of the value's type ({@code AttrValueHasType}), or null where none is set. */
    private static String typeOf(AttrValue a) {
        return switch (a.getValueCase()) {
            case S -> "string";
            case I -> "int";
            case F -> "float";
            case B -> "bool";
            case TYPE -> "type";
            case SHAPE -> "shape";
            case TENSOR -> "tensor";
            case FUNC -> "func";
            case LIST -> "list(" + listKind(a.getList()) + ")";
            case VALUE_NOT_SET -> null;
        };
    }

    private static String listKind(AttrValue.ListValue l) {
        if (l.getSCount() > 0) return "string";
        if (l.getFCount() > 0) return "float";
        if (l.getBCount() > 0) return "bool";
        if (l.getTypeCount() > 0) return "type";
        if (l.getShapeCount() > 0) return "shape";
        if (l.getTensorCount() > 0) return "tensor";
        if (l.getFuncCount() > 0) return "func";
        return "int";
    }
}
