package org.jflow;

import java.util.Arrays;

/**
 * A tensor shape, TF's {@code TensorShape}: a list of dimensions, each known ({@code >= 0}) or
 * unknown ({@link #UNKNOWN}), or an unknown rank. Immutable. TF's dims are int64: an empty shape may
 * have a dim past 2**31 - 1 ({@code tf.zeros([2**32 + 5, 0])}), which {@link #ofLong} holds; such a
 * shape prints, compares and counts its elements (0) as TF's, and its int views ({@link #get},
 * {@link #dims}, {@link #dimsView}, {@link #strides}) raise an {@code UnimplementedError} rather than
 * hand an op a wrapped-around size.
 */
public final class Shape {
    /** An unknown dimension, printed {@code None}. */
    public static final int UNKNOWN = -1;

    private static final Shape SCALAR = new Shape(new int[0]);
    private static final Shape UNKNOWN_RANK = new Shape(null);

    private final int[] dims;
    /** The int64 dims where one passes int32 (then the shape is empty), else null. */
    private final long[] wide;

    private Shape(int[] dims) { this(dims, null); }

    private Shape(int[] dims, long[] wide) {
        this.dims = dims;
        this.wide = wide;
    }

    /** A shape with these dimensions ({@code -1} for unknown); copies the array. */
    public static Shape of(int... dims) {
        if (dims.length == 0) return SCALAR;
        for (int d : dims) {
            if (d < UNKNOWN) throw new IllegalArgumentException("Dimension " + d + " must be >= 0");
        }
        return new Shape(dims.clone());
    }

    /**
     * A shape of int64 dims, as TF's {@code TensorShape} takes them. A dim past 2**31 - 1 is held where
     * another dim is 0 (the shape has no elements, as TF's {@code tf.zeros([2**32 + 5, 0])}); a non-empty one
     * cannot be held by a JVM array, which callers check first ({@code Allocation.require}: TF's OOM).
     */
    public static Shape ofLong(long... dims) {
        int[] ints = new int[dims.length];
        boolean wide = false, empty = false;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < UNKNOWN) throw new IllegalArgumentException("Dimension " + dims[i] + " must be >= 0");
            wide |= dims[i] > Integer.MAX_VALUE;
            empty |= dims[i] == 0;
            ints[i] = (int) Math.min(dims[i], Integer.MAX_VALUE);
        }
        if (!wide) return of(ints);
        if (!empty) throw new IllegalArgumentException("A shape with a dim past 2**31 - 1 must have a 0 dim: " + Arrays.toString(dims));
        return new Shape(ints, dims.clone());
    }

    /** Wraps an array the caller will never change again (kernels' hot path). */
    public static Shape ofOwned(int[] dims) { return dims.length == 0 ? SCALAR : new Shape(dims); }

    public static Shape scalar() { return SCALAR; }

    public static Shape unknownRank() { return UNKNOWN_RANK; }

    public boolean hasRank() { return dims != null; }

    public int rank() {
        if (dims == null) throw new IllegalStateException("Shape has unknown rank");
        return dims.length;
    }

    /** Dimension {@code i}; a negative {@code i} counts from the end. */
    public int get(int i) {
        int k = index(i);
        if (wide != null && wide[k] > Integer.MAX_VALUE) throw narrow();
        return dims[k];
    }

    /** Dimension {@code i} as TF's int64, past 2**31 - 1 too. */
    public long getLong(int i) { return wide != null ? wide[index(i)] : dims[index(i)]; }

    private int index(int i) {
        int r = rank();
        int k = i < 0 ? i + r : i;
        if (k < 0 || k >= r) throw new IndexOutOfBoundsException("Dimension index " + i + " out of range for rank " + r);
        return k;
    }

    public int[] dims() {
        if (wide != null) throw narrow();
        return dims == null ? null : dims.clone();
    }

    /** The dims as TF's int64 (a copy), past 2**31 - 1 too; null for an unknown rank. */
    public long[] longDims() {
        if (wide != null) return wide.clone();
        return dims == null ? null : Arrays.stream(dims).asLongStream().toArray();
    }

    /** Whether a dim passes 2**31 - 1 (an empty shape only): the int views are refused. */
    public boolean isWide() { return wide != null; }

    /** The dims array itself, for kernels that promise not to change it. */
    public int[] dimsView() {
        if (wide != null) throw narrow();
        return dims;
    }

    private org.jflow.errors.UnimplementedError narrow() {
        return new org.jflow.errors.UnimplementedError("Shape " + this + " has a dimension past 2**31 - 1: TF holds this empty"
                + " shape and JFlow creates and prints it, but its ops take dimensions up to 2**31 - 1");
    }

    public boolean isFullyDefined() {
        if (dims == null) return false;
        for (int d : dims) if (d == UNKNOWN) return false;
        return true;
    }

    /** Number of elements; requires a fully defined shape. */
    public int size() {
        if (!isFullyDefined()) throw new IllegalStateException("Shape " + this + " is not fully defined");
        if (wide != null) return 0;
        long n = 1;
        for (int d : dims) n *= d;
        if (n > Integer.MAX_VALUE - 8) {
            throw new org.jflow.errors.ResourceExhaustedError("Tensor of shape " + this + " has " + n
                    + " elements, more than a JVM array can hold");
        }
        return (int) n;
    }

    /** Whether a tensor of shape {@code other} fits this (possibly partial) shape. */
    public boolean isCompatibleWith(Shape other) {
        if (dims == null || other.dims == null) return true;
        if (wide != null || other.wide != null) {
            long[] a = longDims(), b = other.longDims();
            if (a.length != b.length) return false;
            for (int i = 0; i < a.length; i++) if (a[i] != UNKNOWN && b[i] != UNKNOWN && a[i] != b[i]) return false;
            return true;
        }
        if (dims.length != other.dims.length) return false;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != UNKNOWN && other.dims[i] != UNKNOWN && dims[i] != other.dims[i]) return false;
        }
        return true;
    }

    /** Whether two dims can be equal: both known and equal, or either unknown (TF's {@code Merge} of dimensions). */
    public static boolean compatibleDims(int a, int b) { return a == b || a == UNKNOWN || b == UNKNOWN; }

    /** Row-major strides in elements. */
    public int[] strides() { return org.jflow.engine.Strides.rowMajor(dimsView()); }

    /** As TF prints a shape in brackets inside error messages: {@code [2,3]}. */
    public String toErrorString() {
        if (dims == null) return "<unknown>";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(dims[i] == UNKNOWN ? "?" : Long.toString(getLong(i)));
        }
        return sb.append(']').toString();
    }

    /** As Python's {@code TensorShape} repr: {@code TensorShape([1, 3, 3, 2])}. */
    public String toRepr() {
        if (dims == null) return "TensorShape(None)";
        StringBuilder sb = new StringBuilder("TensorShape([");
        appendDims(sb, ", ");
        return sb.append("])").toString();
    }

    private void appendDims(StringBuilder sb, String sep) {
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(sep);
            sb.append(dims[i] == UNKNOWN ? "None" : Long.toString(getLong(i)));
        }
    }

    /** As Python prints {@code t.shape}: {@code (2, 3)}, {@code (3,)}, {@code ()}. */
    @Override
    public String toString() {
        if (dims == null) return "<unknown>";
        StringBuilder sb = new StringBuilder("(");
        appendDims(sb, ", ");
        if (dims.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims) && Arrays.equals(wide, s.wide);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(dims) * 31 + Arrays.hashCode(wide); }
}
