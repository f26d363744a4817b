package org.jflow.data.frame;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.data.CsvParser;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.ValueError;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small pandas {@code DataFrame}: named {@link Series} of equal length, in order. It has what the
 * tutorials' preprocessing uses ({@code read_csv}, column selection and assignment, {@code fillna},
 * {@code isna}, {@code get_dummies}, {@code concat(axis=1)}, {@code diff}, {@code dropna},
 * {@code drop}, {@code astype}, {@code .values}) with pandas' semantics, and {@link #toTensor}.
 * Immutable: every operation returns a new frame.
 */
public final class DataFrame {
    /** pandas' default NA strings ({@code read_csv}'s {@code na_values}). */
    private static final Set<String> NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
    private static final Pattern INT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern FLOAT = Pattern.compile(
            "\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity))\\s*");

    private final LinkedHashMap<String, Series> columns = new LinkedHashMap<>();
    private final int rows;

    DataFrame(List<Series> series) {
        int n = -1;
        for (Series s : series) {
            if (n >= 0 && s.size() != n) throw new ValueError("Length of values (" + s.size() + ") does not match length of index (" + n + ")");
            n = s.size();
            columns.put(s.name(), s);
        }
        rows = Math.max(n, 0);
    }

    /** A frame of the given columns, in order. */
    public static DataFrame of(Series... series) { return new DataFrame(List.of(series)); }

    /** {@code pd.read_csv(path)}. */
    public static DataFrame readCsv(Path path) { return readCsv(path, ','); }

    /**
     * {@code pd.read_csv(path, sep=sep)}: the header row names the columns; a column whose cells are
     * all integers is int64 (float64 when one is missing), all numbers float64, else object;
     * pandas' NA strings (and empty fields) are missing.
     */
    public static DataFrame readCsv(Path path, char sep) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header;
        try (CsvParser p = new CsvParser(new BufferedInputStream(Files.newInputStream(path), 1 << 16), path.toString(), sep, true)) {
            List<byte[]> h = p.next();
            if (h == null) throw new ValueError("No columns to parse from file");
            header = h.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
            List<byte[]> r;
            while ((r = p.next()) != null) {
                if (r.size() == 1 && r.get(0).length == 0) continue;   // pandas skips blank lines
                if (r.size() > header.size()) {
                    throw new org.jflow.errors.InvalidArgumentError("Error tokenizing data. C error: Expected " + header.size()
                            + " fields in line " + p.recordLine() + ", saw " + r.size() + " (file " + path + ")");
                }
                List<String> row = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) row.add(i < r.size() ? new String(r.get(i), StandardCharsets.UTF_8) : "");
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundError(path + "; No such file or directory");
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
        List<Series> out = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            boolean ints = true, nums = true, anyMissing = false;
            for (List<String> row : rows) {
                String v = row.get(c);
                if (NA.contains(v)) {
                    anyMissing = true;
                    continue;
                }
                ints &= INT.matcher(v).matches();
                nums &= INT.matcher(v).matches() || FLOAT.matcher(v).matches();
            }
            String dtype = ints && !anyMissing ? "int64" : nums ? "float64" : "object";
            Object[] cells = new Object[rows.size()];
            for (int r = 0; r < cells.length; r++) {
                String v = rows.get(r).get(c);
                boolean na = NA.contains(v);
                cells[r] = switch (dtype) {
                    case "int64" -> Long.parseLong(v.strip().replace("+", ""));
                    case "float64" -> na ? Double.NaN : parseDouble(v);
                    default -> na ? null : v;
                };
            }
            out.add(new Series(header.get(c), dtype, cells));
        }
        return new DataFrame(out);
    }

    private static double parseDouble(String v) {
        String t = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return Double.parseDouble(t);
    }

    /** {@code (rows, columns)}. */
    public int[] shape() { return new int[] {rows, columns.size()}; }

    /** {@code df.columns}. */
    public List<String> columns() { return List.copyOf(columns.keySet()); }

    /** {@code df[name]}: a column, or pandas' KeyError (a ValueError here) naming it. */
    public Series col(String name) {
        Series s = columns.get(name);
        if (s == null) throw new ValueError("KeyError: '" + name + "'");
        return s;
    }

    /** {@code df[[a, b, ...]]}: the named columns in that order. */
    public DataFrame select(String... names) {
        List<Series> out = new ArrayList<>();
        for (String n : names) out.add(col(n));
        return new DataFrame(out);
    }

    /** {@code df.drop(columns=[...])}. */
    public DataFrame drop(String... names) {
        Map<String, Series> out = new LinkedHashMap<>(columns);
        for (String n : names) if (out.remove(n) == null) throw new ValueError("KeyError: \"['" + n + "'] not found in axis\"");
        return new DataFrame(new ArrayList<>(out.values()));
    }

    /** {@code df[name] = series}: replaced in place if present, else appended (a new frame either way). */
    public DataFrame with(String name, Series series) {
        Map<String, Series> out = new LinkedHashMap<>(columns);
        out.put(name, series.rename(name));
        return new DataFrame(new ArrayList<>(out.values()));
    }

    /** {@code pd.concat(frames, axis=1)}: the frames' columns side by side. */
    public static DataFrame concat(DataFrame... frames) {
        List<Series> out = new ArrayList<>();
        for (DataFrame f : frames) out.addAll(f.columns.values());
        return new DataFrame(out);
    }

    /** {@code df.add_prefix(prefix)}. */
    public DataFrame addPrefix(String prefix) {
        List<Series> out = new ArrayList<>();
        for (Series s : columns.values()) out.add(s.rename(prefix + s.name()));
        return new DataFrame(out);
    }

    /** {@code df.fillna(value)}: every column's missing cells. */
    public DataFrame fillna(Object value) { return apply(s -> s.fillna(value)); }

    /** {@code df.isna()}. */
    public DataFrame isna() { return apply(Series::isna); }

    /** {@code df.astype(dtype)}. */
    public DataFrame astype(String dtype) { return apply(s -> s.astype(dtype)); }

    /** {@code df.diff(periods)}. */
    public DataFrame diff(int periods) { return apply(s -> s.diff(periods)); }

    /** {@code pd.get_dummies(df, columns=names)}: each named column replaced by {@code name_value} columns appended at the end. */
    public DataFrame getDummies(String... names) {
        DataFrame rest = drop(names);
        List<DataFrame> parts = new ArrayList<>(List.of(rest));
        for (String n : names) parts.add(col(n).getDummies(n, false));
        return concat(parts.toArray(new DataFrame[0]));
    }

    /** {@code df.dropna()}: the rows with no missing cell. */
    public DataFrame dropna() {
        boolean[] keep = new boolean[rows];
        java.util.Arrays.fill(keep, true);
        for (Series s : columns.values()) for (int i = 0; i < rows; i++) if (Series.missing(s.get(i))) keep[i] = false;
        return apply(s -> s.filter(keep));
    }

    private DataFrame apply(java.util.function.Function<Series, Series> fn) {
        List<Series> out = new ArrayList<>();
        for (Series s : columns.values()) out.add(fn.apply(s));
        return new DataFrame(out);
    }

    /**
     * {@code tf.constant(df.values, dtype)}: a (rows, columns) tensor of a float or integer dtype,
     * bools as 1 and 0; a string cell is pandas' "could not convert" ValueError.
     */
    public Tensor toTensor(DType dtype) {
        int n = columns.size();
        double[] v = new double[rows * n];
        int c = 0;
        for (Series s : columns.values()) {
            for (int r = 0; r < rows; r++) v[r * n + c] = s.doubleAt(r);
            c++;
        }
        Tensor t = Tensor.wrap(DType.FLOAT64, Shape.of(rows, n), v);
        return dtype == DType.FLOAT64 ? t : org.jflow.raw.RawMath.cast(t, dtype);
    }

    @Override
    public String toString() { return "DataFrame " + rows + " x " + columns.size() + " " + columns.keySet(); }
}
