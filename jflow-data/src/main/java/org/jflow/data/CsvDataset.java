package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.TypeError;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * {@code tf.data.experimental.CsvDataset(filenames, record_defaults, compression_type, buffer_size,
 * header, field_delim, use_quote_delim, na_value, select_cols)}: one tuple of scalars per record of
 * each file in turn, parsed by {@link CsvParser}. Each record default is a dtype (the column is
 * required: an empty field is TF's "Field i is required but missing in record!") or a Java value
 * whose type gives the column's dtype (Integer int32, Long int64, Float float32, Double float64,
 * String string) and stands in for an empty field or one equal to {@code naValue}. Numbers parse as
 * TF's kernel parses them (surrounding spaces allowed, {@code inf}/{@code nan} for floats), with
 * TF's messages; every error also names the file and line.
 */
public final class CsvDataset extends Dataset<Tuple<Tensor>> {
    private static final Pattern INT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern FLOAT = Pattern.compile(
            "\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan))\\s*");

    private final List<String> filenames;
    private final DType[] dtypes;
    private final Tensor[] defaults;
    private final boolean header;
    private final int[] selectCols;
    private final String naValue;
    private final char fieldDelim;
    private final boolean useQuoteDelim;
    private final String compression;

    /** TF's defaults: no header, all columns, "," with quotes, no NA string, no compression. */
    public CsvDataset(String filename, Object... recordDefaults) {
        this(List.of(filename), List.of(recordDefaults), false, null, "", ',', true, "");
    }

    /**
     * Every argument: {@code selectCols} null for all columns (else increasing indices, one default
     * each), {@code compressionType} "", "GZIP" or "ZLIB".
     */
    public CsvDataset(List<String> filenames, List<?> recordDefaults, boolean header, int[] selectCols,
                      String naValue, char fieldDelim, boolean useQuoteDelim, String compressionType) {
        if (!List.of("", "GZIP", "ZLIB").contains(compressionType)) {
            throw new InvalidArgumentError("Unsupported compression_type: " + compressionType + ".");
        }
        this.filenames = List.copyOf(filenames);
        this.header = header;
        this.naValue = naValue;
        this.fieldDelim = fieldDelim;
        this.useQuoteDelim = useQuoteDelim;
        this.compression = compressionType;
        int n = recordDefaults.size();
        if (n == 0) throw new InvalidArgumentError("Must provide at least one record default.");
        if (selectCols != null) {
            if (selectCols.length != n) {
                throw new InvalidArgumentError("Expected len(select_cols) to equal len(record_defaults). Got "
                        + selectCols.length + " and " + n + ".");
            }
            for (int i = 0; i < selectCols.length; i++) {
                if (selectCols[i] < 0 || (i > 0 && selectCols[i] <= selectCols[i - 1])) {
                    throw new InvalidArgumentError("select_cols is not strictly increasing.");
                }
            }
        }
        this.selectCols = selectCols == null ? null : selectCols.clone();
        dtypes = new DType[n];
        defaults = new Tensor[n];
        for (int i = 0; i < n; i++) {
            Object d = recordDefaults.get(i);
            switch (d) {
                case DType t -> dtypes[i] = t;
                case Tensor t -> {
                    dtypes[i] = t.dtype();
                    if (t.size() == 1) defaults[i] = Tensor.wrap(t.dtype(), Shape.scalar(), t.data());
                }
                case Integer v -> defaults[i] = scalar(DType.INT32, new int[] {v});
                case Long v -> defaults[i] = scalar(DType.INT64, new long[] {v});
                case Float v -> defaults[i] = scalar(DType.FLOAT32, new float[] {v});
                case Double v -> defaults[i] = scalar(DType.FLOAT64, new double[] {v});
                case String v -> defaults[i] = org.jflow.raw.Raw.scalarString(v.getBytes(StandardCharsets.UTF_8));
                case null, default -> throw new TypeError("record_defaults must be dtypes or scalar values, got " + d);
            }
            if (defaults[i] != null) dtypes[i] = defaults[i].dtype();
            if (!List.of(DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64, DType.STRING).contains(dtypes[i])) {
                throw new InvalidArgumentError("Each record default should be at most rank 1 and of type "
                        + "int32, int64, float32, float64 or string, got " + dtypes[i].tfName());
            }
        }
    }

    private static Tensor scalar(DType dtype, Object data) { return Tensor.wrap(dtype, Shape.scalar(), data); }

    /** The dtype of each output column. */
    List<DType> dtypes() { return List.of(dtypes); }

    @Override
    public Object elementSpec() {
        List<TensorSpec> specs = new ArrayList<>();
        for (DType d : dtypes) specs.add(new TensorSpec(d, Shape.scalar()));
        return new Tuple<>(specs);
    }

    @Override
    public Iterator<Tuple<Tensor>> iterator() {
        return new ElementIterator<>() {
            private int file = -1;
            private CsvParser parser;

            @Override
            protected Tuple<Tensor> advance() {
                while (true) {
                    if (parser == null) {
                        if (++file >= filenames.size()) return null;
                        parser = open(filenames.get(file));
                        if (header) parser.next();
                    }
                    List<byte[]> fields = parser.next();
                    if (fields != null) return record(parser, fields);
                    parser.close();
                    parser = null;
                }
            }
        };
    }

    private CsvParser open(String name) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(Path.of(name)), 1 << 16);
            InputStream in = switch (compression) {
                case "GZIP" -> new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
                case "ZLIB" -> new BufferedInputStream(new InflaterInputStream(raw), 1 << 16);
                default -> raw;
            };
            return new CsvParser(in, name, fieldDelim, useQuoteDelim);
        } catch (NoSuchFileException e) {
            throw new NotFoundError(name + "; No such file or directory");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    private Tuple<Tensor> record(CsvParser parser, List<byte[]> fields) {
        int needed = selectCols == null ? dtypes.length : selectCols[selectCols.length - 1] + 1;
        if (selectCols == null && fields.size() > needed) {
            throw parser.error("Expect " + needed + " fields but have more in record");
        }
        if (fields.size() < needed) {
            // TF counts the selected fields: those of the select_cols the record reaches
            int have = 0;
            for (int c : selectCols == null ? new int[0] : selectCols) if (c < fields.size()) have++;
            throw parser.error("Expect " + dtypes.length + " fields but have " + (selectCols == null ? fields.size() : have)
                    + " in record");
        }
        Tensor[] out = new Tensor[dtypes.length];
        for (int i = 0; i < dtypes.length; i++) {
            byte[] field = fields.get(selectCols == null ? i : selectCols[i]);
            out[i] = convert(parser, i, field);
        }
        return new Tuple<>(Arrays.asList(out));
    }

    private Tensor convert(CsvParser parser, int i, byte[] field) {
        String text = dtypes[i] == DType.STRING ? null : new String(field, StandardCharsets.UTF_8);
        boolean missing = field.length == 0 || (!naValue.isEmpty() && naValue.equals(new String(field, StandardCharsets.UTF_8)));
        if (missing) {
            if (defaults[i] == null) throw parser.error("Field " + i + " is required but missing in record!");
            return defaults[i];
        }
        try {
            return switch (dtypes[i]) {
                case INT32 -> scalar(DType.INT32, new int[] {Integer.parseInt(integer(text))});
                case INT64 -> scalar(DType.INT64, new long[] {Long.parseLong(integer(text))});
                case FLOAT32 -> scalar(DType.FLOAT32, new float[] {Float.parseFloat(floating(parser, i, text, "float"))});
                case FLOAT64 -> scalar(DType.FLOAT64, new double[] {Double.parseDouble(floating(parser, i, text, "double"))});
                default -> org.jflow.raw.Raw.scalarString(field);
            };
        } catch (NumberFormatException e) {
            throw parser.error("Field " + i + " in record is not a valid " + dtypes[i].tfName() + ": " + text);
        }
    }

    private static String integer(String text) {
        if (!INT.matcher(text).matches()) throw new NumberFormatException(text);
        String t = text.strip();
        return t.startsWith("+") ? t.substring(1) : t;
    }

    private static String floating(CsvParser parser, int i, String text, String name) {
        if (!FLOAT.matcher(text).matches()) {
            throw parser.error("Field " + i + " in record is not a valid " + name + ": " + text);
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        String sign = t.startsWith("-") ? "-" : "";
        if (body.startsWith("inf")) return sign + "Infinity";
        if (body.equals("nan")) return "NaN";
        return t;
    }
}
