package org.jflow;

import java.util.Arrays;

/**
 * A tensor shape, TF's {@code TensorShape}: a list of dimensions, each known ({@code >= 0}) or
 * unknown ({@link #UNKNOWN}), or an unknown rank. Immutable.
 */
public final class Shape {
    /** An unknown dimension, printed {@code None}. */
    public static final int UNKNOWN = -1;

    private static final Shape SCALAR = new Shape(new int[0]);
    private static final Shape UNKNOWN_RANK = new Shape(null);

    private final int[] dims;

    private Shape(int[] dims) { this.dims = dims; }

    /** A shape with these dimensions ({@code -1} for unknown); copies the array. */
    public static Shape of(int... dims) {
        if (dims.length == 0) return SCALAR;
        for (int d : dims) {
            if (d < UNKNOWN) throw new IllegalArgumentException("Dimension " + d + " must be >= 0");
        }
        return new Shape(dims.clone());
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
        int r = rank();
        int k = i < 0 ? i + r : i;
        if (k < 0 || k >= r) throw new IndexOutOfBoundsException("Dimension index " + i + " out of range for rank " + r);
        return dims[k];
    }

    public int[] dims() { return dims == null ? null : dims.clone(); }

    /** The dims array itself, for kernels that promise not to change it. */
    public int[] dimsView() { return dims; }

    public boolean isFullyDefined() {
        if (dims == null) return false;
        for (int d : dims) if (d == UNKNOWN) return false;
        return true;
    }

    /** Number of elements; requires a fully defined shape. */
    public int size() {
        if (!isFullyDefined()) throw new IllegalStateException("Shape " + this + " is not fully defined");
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
        if (dims.length != other.dims.length) return false;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != UNKNOWN && other.dims[i] != UNKNOWN && dims[i] != other.dims[i]) return false;
        }
        return true;
    }

    /** Whether two dims can be equal: both known and equal, or either unknown (TF's {@code Merge} of dimensions). */
    public static boolean compatibleDims(int a, int b) { return a == b || a == UNKNOWN || b == UNKNOWN; }

    /** Row-major strides in elements. */
    public int[] strides() { return org.jflow.engine.Strides.rowMajor(dims); }

    /** As TF prints a shape in brackets inside error messages: {@code [2,3]}. */
    public String toErrorString() {
        if (dims == null) return "<unknown>";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(dims[i] == UNKNOWN ? "?" : Integer.toString(dims[i]));
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
            sb.append(dims[i] == UNKNOWN ? "None" : Integer.toString(dims[i]));
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
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }
}
