package org.jflow;

import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Python index expression {@code t[1, 2:5, ..., tf.newaxis, ::-1]}: a point, a
 * range with optional ends and step, an ellipsis or a new axis. {@link #parse} reads NumPy's text
 * syntax, so {@code t.slice("1:4, :4:2")} is {@code t[1:4, :4:2]}.
 */
public final class Index {
    /** What an entry selects. */
    public enum Kind { POINT, RANGE, ELLIPSIS, NEW_AXIS }

    private static final Index ALL = new Index(Kind.RANGE, null, null, null);
    private static final Index ELLIPSIS = new Index(Kind.ELLIPSIS, null, null, null);
    private static final Index NEW_AXIS = new Index(Kind.NEW_AXIS, null, null, null);

    private static final String VALID_INDICES = "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and "
            + "scalar tf.int32/tf.int64 tensors are valid indices, got ";

    private final Kind kind;
    private final Integer start, stop, step;
    /** A point given as a symbolic scalar tensor (a loop counter inside a trace); null otherwise. */
    private final Tensor position;

    private Index(Kind kind, Integer start, Integer stop, Integer step) {
        this(kind, start, stop, step, null);
    }

    private Index(Kind kind, Integer start, Integer stop, Integer step, Tensor position) {
        this.kind = kind;
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.position = position;
    }

    /** {@code t[i]}: one position, the dim disappears; negative counts from the end. */
    public static Index point(int i) { return new Index(Kind.POINT, i, null, null); }

    /**
     * {@code t[i]} for a scalar int32/int64 tensor {@code i}, as TF accepts it (what {@code x[i]} inside
     * {@code tf.forRange} needs): an eager tensor is read as its value, a symbolic one stays a graph input.
     */
    public static Index point(Tensor i) {
        if (i.dtype() != DType.INT32 && i.dtype() != DType.INT64 || !i.shape().equals(Shape.scalar())) {
            throw new org.jflow.errors.TypeError(VALID_INDICES + i.repr());
        }
        return i.isSymbolic() ? new Index(Kind.POINT, null, null, null, i) : point(Math.toIntExact(i.longValue()));
    }

    /** {@code t[:]}. */
    public static Index all() { return ALL; }

    /** {@code t[start:stop]}; null for an open end. */
    public static Index range(Integer start, Integer stop) { return range(start, stop, null); }

    /** {@code t[start:stop:step]}; null for an open end or the default step 1. */
    public static Index range(Integer start, Integer stop, Integer step) {
        if (step != null && step == 0) throw new ValueError("slice step cannot be zero");
        return new Index(Kind.RANGE, start, stop, step);
    }

    /** {@code t[...]}. */
    public static Index ellipsis() { return ELLIPSIS; }

    /** {@code t[tf.newaxis]}. */
    public static Index newAxis() { return NEW_AXIS; }

    public Kind kind() { return kind; }

    /** The symbolic scalar tensor of a point given as one (see {@link #point(Tensor)}), else null. */
    public Tensor position() { return position; }

    /** The point's position, or the range's start (null when open or a symbolic position). */
    public Integer start() { return start; }

    /** The range's stop, null when open. */
    public Integer stop() { return stop; }

    /** The range's step, null for the default 1. */
    public Integer step() { return step; }

    /** Points for every int: {@code t[1, 3]}. */
    public static Index[] points(int... indices) {
        Index[] s = new Index[indices.length];
        for (int i = 0; i < indices.length; i++) s[i] = point(indices[i]);
        return s;
    }

    /**
     * A spec from mixed Java values: Integer (a point), Index, or a single String in NumPy syntax
     * ({@code "1, :"}).
     */
    public static Index[] of(Object... spec) {
        if (spec.length == 1 && spec[0] instanceof String s) return parse(s);
        Index[] out = new Index[spec.length];
        for (int i = 0; i < spec.length; i++) {
            out[i] = switch (spec[i]) {
                case Index x -> x;
                case Integer n -> point(n);
                case Long n -> point(Math.toIntExact(n));
                case Tensor t -> point(t);
                case null, default -> throw new org.jflow.errors.TypeError(VALID_INDICES + spec[i]);
            };
        }
        return out;
    }

    /** Parses NumPy index syntax: {@code "1:4, :4:2"}, {@code "..., 1"}, {@code "::-1"}, {@code "tf.newaxis"} or {@code "None"}. */
    public static Index[] parse(String spec) {
        if (spec == null) return new Index[] {NEW_AXIS}; // Python's x[None]
        List<Index> out = new ArrayList<>();
        String trimmed = spec.strip();
        if (trimmed.isEmpty()) return new Index[0];
        for (String part : trimmed.split(",", -1)) {
            String p = part.strip();
            switch (p) {
                case "..." -> out.add(ELLIPSIS);
                case "None", "tf.newaxis", "newaxis", "np.newaxis" -> out.add(NEW_AXIS);
                default -> {
                    if (p.contains(":")) {
                        String[] f = p.split(":", -1);
                        if (f.length > 3) throw new ValueError("Invalid slice '" + p + "' in index '" + spec + "'");
                        out.add(range(number(f[0], spec), number(f[1], spec), f.length == 3 ? number(f[2], spec) : null));
                    } else {
                        Integer n = number(p, spec);
                        if (n == null) throw new ValueError("Empty index in '" + spec + "'");
                        out.add(point(n));
                    }
                }
            }
        }
        return out.toArray(new Index[0]);
    }

    private static Integer number(String s, String spec) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new ValueError("Invalid index '" + t + "' in '" + spec + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case POINT -> position != null ? position.toString() : String.valueOf(start);
            case ELLIPSIS -> "...";
            case NEW_AXIS -> "tf.newaxis";
            case RANGE -> (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == null ? "" : ":" + step);
        };
    }
}
