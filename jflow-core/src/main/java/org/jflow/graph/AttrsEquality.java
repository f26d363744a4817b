package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.Arrays;
import java.util.Objects;

/**
 * Value equality of attributes, for merging nodes: arrays compare by content, small eager tensors
 * (a {@code Const}'s value) by dtype, shape and bits, anything else as its own {@code equals} says
 * (identity for variables and functions). Floats compare by bits, so {@code 0.0} and {@code -0.0}
 * stay apart. Large tensors compare by identity: comparing megabytes would cost more than the
 * merge saves.
 */
final class AttrsEquality {
    private AttrsEquality() {}

    /** Tensors up to this many elements compare by content. */
    static final int SMALL_TENSOR = 1024;

    static boolean equal(Attrs a, Attrs b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!b.has(a.key(i)) || !sameValue(a.value(i), b.get(a.key(i)))) return false;
        }
        return true;
    }

    /** Consistent with {@link #equal}; independent of key order. */
    static int hash(Attrs a) {
        int h = 0;
        for (int i = 0; i < a.size(); i++) h += a.key(i).hashCode() ^ valueHash(a.value(i));
        return h;
    }

    private static boolean sameValue(Object x, Object y) {
        if (x instanceof Tensor s && y instanceof Tensor t) return s == t || byContent(s) && byContent(t) && sameTensor(s, t);
        return sameData(x, y);
    }

    private static int valueHash(Object v) {
        if (v instanceof Tensor t) {
            return byContent(t) ? Objects.hash(t.dtype(), t.shape(), Arrays.deepHashCode(new Object[] {t.data()}))
                    : System.identityHashCode(t);
        }
        return Arrays.deepHashCode(new Object[] {v});
    }

    private static boolean byContent(Tensor t) { return !t.isSymbolic() && t.size() <= SMALL_TENSOR; }

    private static boolean sameTensor(Tensor s, Tensor t) {
        return s.dtype() == t.dtype() && s.shape().equals(t.shape()) && sameData(s.data(), t.data());
    }

    /** Content equality with floats by raw bits (so NaN payloads and signed zeros count). */
    private static boolean sameData(Object x, Object y) {
        if (x instanceof float[] a && y instanceof float[] b) {
            if (a.length != b.length) return false;
            for (int i = 0; i < a.length; i++) if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) return false;
            return true;
        }
        if (x instanceof double[] a && y instanceof double[] b) {
            if (a.length != b.length) return false;
            for (int i = 0; i < a.length; i++) if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return false;
            return true;
        }
        return Objects.deepEquals(x, y);
    }
}
