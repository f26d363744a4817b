package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.errors.InvalidArgumentError;

import java.util.Arrays;

/**
 * An op's attributes under TF's attribute names ({@code transpose_a}, {@code keep_dims}, {@code axis}),
 * immutable. Few keys per op, so a flat key/value array beats a map. The values a call gave are its entries
 * ({@link #size}, {@link #key}, {@link #value}: what equality, caching and export see); once the dispatcher
 * has checked them against the op's {@link Signature}, reads of an attribute the call left out answer the
 * declared default.
 */
public final class Attrs {
    private static final AttrDef[] NO_DEFAULTS = {};
    public static final Attrs EMPTY = new Attrs(new Object[0], NO_DEFAULTS);

    private final Object[] kv;
    /** The declared defaults, read where {@link #kv} has no entry. */
    private final AttrDef[] defaults;

    private Attrs(Object[] kv, AttrDef[] defaults) {
        this.kv = kv;
        this.defaults = defaults;
    }

    /** {@code Attrs.of("axis", 1, "keep_dims", true)}. */
    public static Attrs of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("Attrs.of needs key/value pairs");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String)) {
                throw new IllegalArgumentException("Attribute name must be a String: " + keysAndValues[i]);
            }
        }
        return keysAndValues.length == 0 ? EMPTY : new Attrs(keysAndValues.clone(), NO_DEFAULTS);
    }

    /** A copy with {@code key} set to {@code value}. */
    public Attrs with(String key, Object value) {
        int i = indexOf(key);
        Object[] next;
        if (i >= 0) {
            next = kv.clone();
            next[i + 1] = value;
        } else {
            next = Arrays.copyOf(kv, kv.length + 2);
            next[kv.length] = key;
            next[kv.length + 1] = value;
        }
        return new Attrs(next, defaults);
    }

    /** These attributes, reading {@code declared} where they have no entry ({@link Signature#check}). */
    Attrs withDefaults(AttrDef[] declared) { return new Attrs(kv, declared); }

    private int indexOf(String key) {
        for (int i = 0; i < kv.length; i += 2) if (kv[i].equals(key)) return i;
        return -1;
    }

    /** Whether the attribute has a value, given or declared as default. */
    public boolean has(String key) { return indexOf(key) >= 0 || fallback(key) != null; }

    /** Whether the call gave the attribute. */
    public boolean hasGiven(String key) { return indexOf(key) >= 0; }

    /** The value, given or the declared default, or null when absent. */
    public Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? fallback(key) : kv[i + 1];
    }

    private Object fallback(String key) {
        for (AttrDef d : defaults) { // a list default is copied: a kernel may write to what it reads
            if (d.name().equals(key)) return d.defaultValue() instanceof int[] a ? a.clone() : d.defaultValue();
        }
        return null;
    }

    private Object require(String key) {
        Object v = get(key);
        if (v == null) throw new IllegalArgumentException("Missing attribute '" + key + "'");
        return v;
    }

    public int getInt(String key) { return int32(key, (Number) require(key)); }

    public int getInt(String key, int dflt) {
        Object v = get(key);
        return v == null ? dflt : int32(key, (Number) v);
    }

    /** An int attribute read as TF's kernels read one: a value past int32 is an error, never wrapped. */
    private static int int32(String key, Number v) {
        long l = v.longValue();
        if (l != (int) l) throw new InvalidArgumentError("Attr " + key + " has value " + l
                + " out of range for an int32");
        return (int) l;
    }

    public long getLong(String key) { return ((Number) require(key)).longValue(); }

    public double getDouble(String key) { return ((Number) require(key)).doubleValue(); }

    public double getDouble(String key, double dflt) {
        Object v = get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    public boolean getBool(String key) { return (Boolean) require(key); }

    public boolean getBool(String key, boolean dflt) {
        Object v = get(key);
        return v == null ? dflt : (Boolean) v;
    }

    public String getString(String key) { return (String) require(key); }

    public String getString(String key, String dflt) {
        Object v = get(key);
        return v == null ? dflt : (String) v;
    }

    public DType getDType(String key) { return (DType) require(key); }

    public Shape getShape(String key) { return (Shape) require(key); }

    /** An int list attribute, stored as {@code int[]}. */
    public int[] getInts(String key) { return (int[]) require(key); }

    public int size() { return kv.length / 2; }

    public String key(int i) { return (String) kv[2 * i]; }

    public Object value(int i) { return kv[2 * i + 1]; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attrs a) || a.kv.length != kv.length) return false;
        for (int i = 0; i < kv.length; i += 2) {
            int j = a.indexOf((String) kv[i]);
            if (j < 0 || !Arrays.deepEquals(new Object[] {kv[i + 1]}, new Object[] {a.kv[j + 1]})) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < kv.length; i += 2) h += kv[i].hashCode() ^ Arrays.deepHashCode(new Object[] {kv[i + 1]});
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) sb.append(", ");
            Object v = kv[i + 1];
            sb.append(kv[i]).append('=').append(v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v));
        }
        return sb.append('}').toString();
    }
}
