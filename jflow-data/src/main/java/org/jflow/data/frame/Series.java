package org.jflow.data.frame;

import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A pandas {@code Series}: a named column of cells with one of pandas' dtypes, {@code int64},
 * {@code int32}, {@code float64}, {@code bool} or {@code object} (strings). A missing cell is
 * {@code NaN} in a float64 column and null in an object one, as pandas reads an empty CSV field.
 * Immutable: every operation returns a new series.
 */
public final class Series {
    private final String name;
    private final String dtype;
    private final Object[] cells;

    Series(String name, String dtype, Object[] cells) {
        this.name = name;
        this.dtype = dtype;
        this.cells = cells;
    }

    /** A series of Java values: all Long/Integer is int64, numbers float64, Booleans bool, else object. */
    public static Series of(String name, Object... values) {
        Object[] cells = values.clone();
        boolean ints = true, nums = true, bools = true;
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v instanceof Integer n) cells[i] = (long) n;
            ints &= cells[i] instanceof Long;
            nums &= cells[i] instanceof Number;
            bools &= cells[i] instanceof Boolean;
        }
        String dtype = cells.length == 0 ? "object" : ints ? "int64" : nums ? "float64" : bools ? "bool" : "object";
        if (dtype.equals("float64")) for (int i = 0; i < cells.length; i++) cells[i] = ((Number) cells[i]).doubleValue();
        return new Series(name, dtype, cells);
    }

    public String name() { return name; }

    /** pandas' dtype name: int64, int32, float64, bool or object. */
    public String dtype() { return dtype; }

    public int size() { return cells.length; }

    /** Cell {@code i}: a Long, Integer, Double, Boolean, String or null. */
    public Object get(int i) { return cells[i]; }

    /** {@code s.rename(name)}. */
    public Series rename(String newName) { return new Series(newName, dtype, cells); }

    static boolean missing(Object v) { return v == null || (v instanceof Double d && d.isNaN()); }

    /** {@code pd.isna(s)}: a bool series, true where the cell is NaN or missing. */
    public Series isna() {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < out.length; i++) out[i] = missing(cells[i]);
        return new Series(name, "bool", out);
    }

    /** {@code s.fillna(value)}: missing cells replaced; a float64 column stays float64. */
    public Series fillna(Object value) {
        Object fill = dtype.equals("float64") && value instanceof Number n ? n.doubleValue() : value;
        Object[] out = cells.clone();
        for (int i = 0; i < out.length; i++) if (missing(out[i])) out[i] = fill;
        return new Series(name, dtype, out);
    }

    /** {@code s.astype(dtype)}: to int32, int64, float64 (or float32, kept as float64 values rounded to float), bool or object. */
    public Series astype(String to) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < out.length; i++) {
            Object v = cells[i];
            out[i] = switch (to) {
                case "int32" -> (int) number(v, to);
                case "int64" -> (long) number(v, to);
                case "float64" -> number(v, to);
                case "float32" -> (double) (float) number(v, to);
                case "bool" -> v instanceof Boolean b ? b : number(v, to) != 0;
                case "object" -> v;
                default -> throw new ValueError("data type '" + to + "' not understood");
            };
        }
        return new Series(name, to.equals("float32") ? "float64" : to, out);
    }

    private static double number(Object v, String to) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) {
            if (to.startsWith("int") && Double.isNaN(n.doubleValue())) {
                throw new ValueError("Cannot convert non-finite values (NA or inf) to integer");
            }
            return n.doubleValue();
        }
        throw new ValueError("could not convert string to float: " + (v == null ? "nan" : "'" + v + "'"));
    }

    /** The cell as a double (bools 1 and 0, missing NaN), for tensors. */
    double doubleAt(int i) {
        Object v = cells[i];
        return missing(v) ? Double.NaN : number(v, "float64");
    }

    /** {@code s.diff(periods)}: each cell minus the one {@code periods} before it; float64, NaN where there is none. */
    public Series diff(int periods) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < out.length; i++) {
            int j = i - periods;
            out[i] = j < 0 || j >= out.length ? Double.NaN : doubleAt(i) - doubleAt(j);
        }
        return new Series(name, "float64", out);
    }

    /**
     * {@code pd.get_dummies(s)}: one bool column per distinct value, sorted (numbers numerically),
     * named {@code str(value)} as Python writes it (1, 1.0, female).
     */
    public DataFrame getDummies() { return getDummies(null, false); }

    /**
     * {@code pd.get_dummies(s, prefix=prefix, dummy_na=dummyNa)}: columns named {@code prefix_value}
     * (no prefix when null), and with {@code dummyNa} a last column {@code prefix_nan} for missing cells.
     */
    public DataFrame getDummies(String prefix, boolean dummyNa) {
        TreeSet<Object> levels = new TreeSet<>(Series::compareCells);
        for (Object v : cells) if (!missing(v)) levels.add(v);
        List<Series> out = new ArrayList<>();
        for (Object level : levels) {
            Object[] col = new Object[cells.length];
            for (int i = 0; i < col.length; i++) col[i] = !missing(cells[i]) && compareCells(cells[i], level) == 0;
            out.add(new Series(label(prefix, pythonStr(level)), "bool", col));
        }
        if (dummyNa) {
            Object[] col = new Object[cells.length];
            for (int i = 0; i < col.length; i++) col[i] = missing(cells[i]);
            out.add(new Series(label(prefix, "nan"), "bool", col));
        }
        return new DataFrame(out);
    }

    private static String label(String prefix, String value) { return prefix == null ? value : prefix + "_" + value; }

    private static int compareCells(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Python's {@code str(x)} of a cell. */
    static String pythonStr(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) return "nan";
            if (d == Math.rint(d) && Math.abs(d) < 1e16) return d.longValue() + ".0";
            // Python's repr is the shortest round-trip digits, as Java's, written plainly in this range
            double a = Math.abs(d);
            return a >= 1e-4 && a < 1e16 ? new java.math.BigDecimal(Double.toString(d)).toPlainString() : Double.toString(d);
        }
        if (v instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(v);
    }

    /** Rows {@code keep} (true) only. */
    Series filter(boolean[] keep) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) if (keep[i]) out.add(cells[i]);
        return new Series(name, dtype, out.toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.name.equals(name) && s.dtype.equals(dtype) && Arrays.equals(s.cells, cells);
    }

    @Override
    public int hashCode() { return Objects.hash(name, dtype, Arrays.hashCode(cells)); }

    @Override
    public String toString() { return "Series " + name + " (" + cells.length + ", dtype " + dtype + ")"; }
}
