package org.jflow.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One attribute of an op's signature, as TF's {@code OpDef.AttrDef}: name, type, default ({@link #NONE} where
 * the attribute is required, {@link #ABSENT} where it may be left out and its absence means something, as a
 * reduction's axes: all of them) and the values allowed, where TF lists them ({@code padding: {'SAME', 'VALID'}}).
 */
public record AttrDef(String name, AttrType type, Object defaultValue, List<Object> allowed) {
    /** The default of a required attribute. */
    public static final Object NONE = new Object() {
        @Override public String toString() { return "required"; }
    };
    /** The default of an optional attribute without a value: absent, the op reads its absence. */
    public static final Object ABSENT = new Object() {
        @Override public String toString() { return "None"; }
    };

    public boolean required() { return defaultValue == NONE; }

    /** Whether the dispatcher fills a value in where a call leaves this attribute out. */
    boolean hasDefault() { return defaultValue != NONE && defaultValue != ABSENT; }

    boolean allows(Object v) {
        if (allowed.isEmpty()) return true;
        for (Object a : allowed) if (a.equals(v)) return true;
        return false;
    }

    /** TF's text for a value in signatures and errors: strings quoted, dtypes by TF's kernel name. */
    static String text(Object v) {
        return switch (v) {
            case String s -> "\"" + s + "\"";
            case org.jflow.DType d -> d.kernelName();
            case int[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            default -> String.valueOf(v);
        };
    }

    /** TF's summary of the attribute in {@code OpDef}'s debug string: {@code padding:string,allowed=["SAME", "VALID"]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(':').append(type.tfName());
        if (hasDefault()) sb.append(",default=").append(text(defaultValue));
        if (!allowed.isEmpty()) {
            sb.append(",allowed=[");
            for (int i = 0; i < allowed.size(); i++) sb.append(i == 0 ? "" : ", ").append(text(allowed.get(i)));
            sb.append(']');
        }
        return sb.toString();
    }
}
