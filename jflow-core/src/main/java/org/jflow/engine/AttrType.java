package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;

/**
 * The types an attribute may be declared with: TF's attribute types ({@code int}, {@code float}, {@code bool},
 * {@code string}, {@code type}, {@code shape}, {@code tensor}, {@code func} and their lists), plus two JFlow keeps
 * as attributes where TF has an input or none: {@code resource} (a {@link VariableHandle}, TF's resource handle input) and
 * {@code object} (a Java value TF has no attribute type for, such as a print template).
 */
public enum AttrType {
    INT("int"), FLOAT("float"), BOOL("bool"), STRING("string"), TYPE("type"), SHAPE("shape"), TENSOR("tensor"),
    FUNC("func"), LIST_INT("list(int)"), LIST_TYPE("list(type)"), LIST_SHAPE("list(shape)"), RESOURCE("resource"),
    OBJECT("object");

    private final String tfName;

    AttrType(String tfName) { this.tfName = tfName; }

    /** The name in TF's op signatures: {@code list(int)}. */
    public String tfName() { return tfName; }

    static AttrType of(String name) {
        for (AttrType t : values()) if (t.tfName.equals(name)) return t;
        throw new IllegalArgumentException("No attribute type '" + name + "'");
    }

    /** Whether JFlow's Java value {@code v} is a value of this type. */
    boolean accepts(Object v) {
        return switch (this) {
            case INT -> v instanceof Integer || v instanceof Long;
            case FLOAT -> v instanceof Float || v instanceof Double;
            case BOOL -> v instanceof Boolean;
            case STRING -> v instanceof String;
            case TYPE -> v instanceof DType;
            case SHAPE -> v instanceof Shape;
            case TENSOR -> v instanceof Tensor;
            case LIST_INT -> v instanceof int[] || v instanceof long[];
            case LIST_TYPE -> v instanceof DType[];
            case LIST_SHAPE -> v instanceof Shape[];
            case RESOURCE -> v instanceof VariableHandle;
            case FUNC, OBJECT -> v != null;
        };
    }

    /**
     * TF's eager error for a value of the wrong type ({@code SetOpAttrScalar} in {@code pywrap_tfe_src.cc}), the
     * Java value named by the Python type it stands for: "Expecting bool value for attr keep_dims, got int".
     */
    String mismatch(String attr, Object v) {
        String got = pythonType(v);
        return switch (this) {
            case INT -> "Expecting int64_t value for attr " + attr + ", got " + got;
            case FLOAT -> "Expecting float value for attr " + attr + ", got " + got;
            case BOOL -> "Expecting bool value for attr " + attr + ", got " + got;
            case STRING -> "Expecting a string value for attr " + attr + ", got " + got;
            case TYPE -> "Expecting a DType.dtype for attr " + attr + ", got " + got;
            // TF's text has no space after "attr" here
            case SHAPE -> "Expecting None or sequence value for attr" + attr + ", got " + got;
            default -> "Expecting " + (name().startsWith("LIST") ? "sequence" : tfName) + " value for attr " + attr
                    + ", got " + got;
        };
    }

    private static String pythonType(Object v) {
        return switch (v) {
            case Integer i -> "int";
            case Long l -> "int";
            case Float f -> "float";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String s -> "str";
            case DType d -> "DType";
            case Shape s -> "TensorShape";
            case Tensor t -> "EagerTensor";
            case int[] a -> "list";
            case long[] a -> "list";
            case Object[] a -> "list";
            default -> v.getClass().getSimpleName();
        };
    }
}
