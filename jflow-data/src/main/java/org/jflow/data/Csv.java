package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.errors.ValueError;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code tf.data.experimental.make_csv_dataset}: batches of (OrderedDict of column to tensor, label)
 * from CSV files, with TF's defaults, type inference and pipeline order (files sorted, then
 * shuffled; records shuffled with a buffer; repeated; batched, the remainder dropped when repeating
 * forever).
 */
public final class Csv {
    private Csv() {}

    /** {@code make_csv_dataset}'s keyword arguments, with TF's defaults. */
    public static final class Options {
        List<String> columnNames;
        List<?> columnDefaults;
        String labelName;
        List<?> selectColumns;
        char fieldDelim = ',';
        boolean useQuoteDelim = true;
        String naValue = "";
        boolean header = true;
        Long numEpochs;
        boolean shuffle = true;
        long shuffleBufferSize = 10000;
        Long shuffleSeed;
        int numRowsForInference = 100;
        String compressionType = "";
        boolean ignoreErrors;

        /** {@code column_names}: needed when the files have no header. */
        public Options columnNames(List<String> v) { columnNames = List.copyOf(v); return this; }

        /** {@code column_defaults}: one dtype (required) or default value per (selected) column; no inference then. */
        public Options columnDefaults(List<?> v) { columnDefaults = List.copyOf(v); return this; }

        public Options labelName(String v) { labelName = v; return this; }

        /** {@code select_columns}: names or indices, read in file order. */
        public Options selectColumns(List<?> v) { selectColumns = List.copyOf(v); return this; }

        public Options fieldDelim(char v) { fieldDelim = v; return this; }

        public Options useQuoteDelim(boolean v) { useQuoteDelim = v; return this; }

        public Options naValue(String v) { naValue = v; return this; }

        public Options header(boolean v) { header = v; return this; }

        /** {@code num_epochs}: null repeats forever (and drops a short last batch). */
        public Options numEpochs(Long v) { numEpochs = v; return this; }

        public Options numEpochs(long v) { numEpochs = v; return this; }

        public Options shuffle(boolean v) { shuffle = v; return this; }

        public Options shuffleBufferSize(long v) { shuffleBufferSize = v; return this; }

        public Options shuffleSeed(Long v) { shuffleSeed = v; return this; }

        public Options numRowsForInference(int v) { numRowsForInference = v; return this; }

        public Options compressionType(String v) { compressionType = v == null ? "" : v; return this; }

        public Options ignoreErrors(boolean v) { ignoreErrors = v; return this; }
    }

    /** {@code make_csv_dataset(file_pattern, batch_size)} with TF's defaults. */
    public static Dataset<Tuple<Object>> makeCsvDataset(Object filePattern, int batchSize) {
        return makeCsvDataset(filePattern, batchSize, new Options());
    }

    /**
     * {@code make_csv_dataset(file_pattern, batch_size, ...)}: {@code filePattern} a glob or a list of
     * them. Elements are {@code Tuple.of(features, label)} with a label, else a one-item tuple
     * holding the features ({@link #features} unwraps either).
     */
    public static Dataset<Tuple<Object>> makeCsvDataset(Object filePattern, int batchSize, Options o) {
        List<String> files = files(filePattern);
        List<String> names = o.columnNames != null ? o.columnNames : inferColumnNames(files, o);
        if (new HashSet<>(names).size() != names.size()) throw new ValueError("Cannot have duplicate column names.");
        int[] select = null;
        List<String> selected = names;
        if (o.selectColumns != null) {
            TreeSet<Integer> indices = new TreeSet<>();
            for (Object c : o.selectColumns) {
                int i = c instanceof Integer n ? n : names.indexOf((String) c);
                if (i < 0 || i >= names.size()) throw new ValueError("Column " + c + " is not in column names " + names);
                indices.add(i);
            }
            select = indices.stream().mapToInt(Integer::intValue).toArray();
            selected = indices.stream().map(names::get).toList();
        }
        if (o.labelName != null && !selected.contains(o.labelName)) {
            throw new ValueError("`label_name` provided must be one of the columns: " + selected + ". Received: "
                    + o.labelName);
        }
        List<?> defaults = o.columnDefaults;
        if (defaults == null) defaults = inferDefaults(files, names.size(), select, o);
        else if (defaults.size() != selected.size()) {
            throw new ValueError("If specified, column_defaults and select_columns must have same length.");
        }
        List<?> recordDefaults = defaults;
        int[] cols = select;
        Dataset<Tensor> fileDs = Dataset.fromTensorSlices(files.toArray(new String[0]));
        if (o.shuffle) fileDs = fileDs.shuffle(files.size(), o.shuffleSeed, true);
        Dataset<Tuple<Tensor>> records = fileDs.flatMap(f -> {
            Dataset<Tuple<Tensor>> d = new CsvDataset(List.of(Scalars.text(f)), recordDefaults, o.header, cols,
                    o.naValue, o.fieldDelim, o.useQuoteDelim, o.compressionType);
            return o.ignoreErrors ? d.ignoreErrors() : d;
        });
        if (o.shuffle) records = records.shuffle(o.shuffleBufferSize, o.shuffleSeed, true);
        if (o.numEpochs == null || o.numEpochs != 1) records = records.repeat(o.numEpochs == null ? -1 : o.numEpochs);
        Dataset<Tuple<Tensor>> batches = records.batch(batchSize, o.numEpochs == null);
        List<String> columns = selected;
        return new RestructureDataset<>(batches, element -> {
            List<?> leaves = (List<?>) element;
            OrderedDict<String, Object> features = new OrderedDict<>();
            for (int i = 0; i < columns.size(); i++) features.put(columns.get(i), leaves.get(i));
            if (o.labelName == null) return Tuple.<Object>of(features);
            Object label = features.remove(o.labelName);
            return Tuple.of(features, label);
        });
    }

    /** The features map of a {@link #makeCsvDataset} element. */
    @SuppressWarnings("unchecked")
    public static Map<String, Tensor> features(Tuple<Object> element) { return (Map<String, Tensor>) element.get(0); }

    /** TF's {@code _get_file_names(file_pattern, shuffle=False)}: every pattern's matches, sorted. */
    private static List<String> files(Object filePattern) {
        List<String> patterns = filePattern instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(filePattern));
        if (patterns.isEmpty()) throw new ValueError("Argument `file_pattern` should not be empty.");
        List<String> out = new ArrayList<>();
        for (String p : patterns) out.addAll(ListFiles.match(p));
        if (out.isEmpty()) throw new ValueError("No files match `file_pattern` " + filePattern + ".");
        return out.stream().sorted().toList();
    }

    private static CsvParser parser(String file, Options o) {
        try {
            var in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16);
            return new CsvParser(switch (o.compressionType) {
                case "GZIP" -> new java.util.zip.GZIPInputStream(in);
                case "ZLIB" -> new java.util.zip.InflaterInputStream(in);
                default -> in;
            }, file, o.fieldDelim, o.useQuoteDelim);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** TF's {@code _infer_column_names}: the first file's header, which every file must repeat. */
    private static List<String> inferColumnNames(List<String> files, Options o) {
        if (!o.header) throw new ValueError("Expected `column_names` or `header=True` to infer column names.");
        List<String> names = null;
        for (String f : files) {
            try (CsvParser p = parser(f, o)) {
                List<byte[]> row = p.next();
                List<String> these = row == null ? List.of() : row.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
                if (names == null) names = these;
                else if (!names.equals(these)) throw new ValueError("Files have different column names in the header row.");
            }
        }
        return names;
    }

    private static final Pattern PY_INT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan))\\s*");
    private static final DType[] TYPES = {DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64, DType.STRING};

    /**
     * TF's {@code _infer_column_defaults}: the first {@code numRowsForInference} records of the files
     * (headers skipped) give each column the narrowest of int32, int64, float32, float64, string
     * that holds every non-empty value seen so far; a column with none is string. Defaults are 0 or "".
     */
    private static List<Object> inferDefaults(List<String> files, int numCols, int[] select, Options o) {
        int n = select == null ? numCols : select.length;
        int[] type = new int[n];
        java.util.Arrays.fill(type, -1);
        int rows = 0;
        outer:
        for (String f : files) {
            try (CsvParser p = parser(f, o)) {
                if (o.header) p.next();
                List<byte[]> row;
                while ((row = p.next()) != null) {
                    if (rows++ >= o.numRowsForInference) break outer;
                    if (row.size() != numCols) {
                        throw new ValueError("Problem inferring types: CSV row has different number of fields than expected.");
                    }
                    for (int j = 0; j < n; j++) {
                        String v = new String(row.get(select == null ? j : select[j]), StandardCharsets.UTF_8);
                        type[j] = inferType(v, o.naValue, type[j]);
                    }
                }
            }
        }
        List<Object> out = new ArrayList<>(n);
        for (int t : type) {
            out.add(switch (t < 0 ? 4 : t) {
                case 0 -> 0;
                case 1 -> 0L;
                case 2 -> 0f;
                case 3 -> 0d;
                default -> "";
            });
        }
        return out;
    }

    /** TF's {@code _infer_type}: the first type from {@code prev} on that Python can parse {@code v} as. */
    static int inferType(String v, String naValue, int prev) {
        if (v.isEmpty() || v.equals(naValue)) return prev;
        for (int i = Math.max(prev, 0); i < TYPES.length; i++) {
            if (valid(i, v)) return i;
        }
        return 4;
    }

    private static boolean valid(int type, String v) {
        return switch (type) {
            case 0, 1 -> {
                if (!PY_INT.matcher(v).matches()) yield false;
                java.math.BigInteger x = new java.math.BigInteger(v.strip().replace("+", ""));
                int bits = type == 0 ? 31 : 63;
                yield x.bitLength() <= bits;
            }
            case 2 -> PY_FLOAT.matcher(v).matches() && Float.parseFloat(javaFloat(v)) < Float.POSITIVE_INFINITY;
            case 3 -> PY_FLOAT.matcher(v).matches() && Double.parseDouble(javaFloat(v)) < Double.POSITIVE_INFINITY;
            default -> true;
        };
    }

    private static String javaFloat(String v) {
        String t = v.strip().toLowerCase(java.util.Locale.ROOT);
        boolean neg = t.startsWith("-");
        String body = t.startsWith("+") || neg ? t.substring(1) : t;
        if (body.startsWith("inf")) return neg ? "-Infinity" : "Infinity";
        if (body.equals("nan")) return "NaN";
        return t;
    }
}
