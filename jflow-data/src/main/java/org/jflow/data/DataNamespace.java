package org.jflow.data;

import org.jflow.Tensor;
import org.jflow.Tuple;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code tf.data}: the aggregate {@code tf} of {@code jflow-tensorflow} holds one as {@code tf.data},
 * so {@code tf.data.Dataset.range(12)} and {@code tf.data.TextLineDataset(files)} read as in Python.
 * Each member forwards to {@link Dataset}'s static factories or a dataset class, where the
 * definitions live (Java code may call {@code Dataset.range(12)} directly).
 */
public final class DataNamespace {
    /** {@code tf.data.AUTOTUNE}. */
    public final int AUTOTUNE = org.jflow.data.Dataset.AUTOTUNE;
    /** {@code tf.data.INFINITE_CARDINALITY}. */
    public final long INFINITE_CARDINALITY = org.jflow.data.Dataset.INFINITE;
    /** {@code tf.data.UNKNOWN_CARDINALITY}. */
    public final long UNKNOWN_CARDINALITY = org.jflow.data.Dataset.UNKNOWN;
    /** {@code tf.data.Dataset}: its static constructors. */
    public final DatasetFactories Dataset = new DatasetFactories();
    /** {@code tf.data.experimental}. */
    public final Experimental experimental = new Experimental();

    /** {@code tf.data.TextLineDataset(filenames)}. */
    public TextLineDataset TextLineDataset(String... filenames) { return new TextLineDataset(filenames); }

    /** {@code tf.data.TextLineDataset(filenames, compression_type)}. */
    public TextLineDataset TextLineDataset(List<String> filenames, String compressionType) {
        return new TextLineDataset(filenames, compressionType);
    }

    /** {@code tf.data.TextLineDataset(x)} of a scalar string tensor, as inside {@code flat_map}. */
    public TextLineDataset TextLineDataset(Tensor filename) { return new TextLineDataset(filename); }

    /** {@code tf.data.TFRecordDataset(filenames)}: each record as a scalar string. */
    public TFRecordDataset TFRecordDataset(String... filenames) { return new TFRecordDataset(filenames); }

    /** {@code tf.data.TFRecordDataset(filenames, compression_type, buffer_size)}. */
    public TFRecordDataset TFRecordDataset(List<String> filenames, String compressionType, int bufferSize) {
        return new TFRecordDataset(filenames, compressionType, bufferSize);
    }

    /** {@code tf.data.Dataset}'s static methods, as members of {@code tf.data.Dataset}. */
    public static final class DatasetFactories {
        DatasetFactories() {}

        public org.jflow.data.Dataset<Tensor> fromTensorSlices(Tensor tensor) { return org.jflow.data.Dataset.fromTensorSlices(tensor); }

        public <T> org.jflow.data.Dataset<T> fromTensorSlices(Object structure) { return org.jflow.data.Dataset.fromTensorSlices(structure); }

        public org.jflow.data.Dataset<Tuple<Tensor>> fromTensorSlices(Object first, Object second, Object... more) {
            return org.jflow.data.Dataset.fromTensorSlices(first, second, more);
        }

        public <T> org.jflow.data.Dataset<T> fromTensors(Object structure) { return org.jflow.data.Dataset.fromTensors(structure); }

        public org.jflow.data.Dataset<Tensor> range(long stop) { return org.jflow.data.Dataset.range(stop); }

        public org.jflow.data.Dataset<Tensor> range(long start, long stop) { return org.jflow.data.Dataset.range(start, stop); }

        public org.jflow.data.Dataset<Tensor> range(long start, long stop, long step) {
            return org.jflow.data.Dataset.range(start, stop, step);
        }

        public org.jflow.data.Dataset<Tuple<Object>> zip(org.jflow.data.Dataset<?>... datasets) {
            return org.jflow.data.Dataset.zip(datasets);
        }

        public <T> org.jflow.data.Dataset<T> fromGenerator(Supplier<? extends Iterator<?>> generator, Object outputSignature) {
            return org.jflow.data.Dataset.fromGenerator(generator, outputSignature);
        }

        public org.jflow.data.Dataset<Tensor> listFiles(String pattern) { return org.jflow.data.Dataset.listFiles(pattern); }

        public org.jflow.data.Dataset<Tensor> listFiles(String pattern, boolean shuffle, Long seed) {
            return org.jflow.data.Dataset.listFiles(pattern, shuffle, seed);
        }
    }

    /** {@code tf.data.experimental}: {@code AUTOTUNE} and the cardinality constants, as TF 2 still has them there. */
    public static final class Experimental {
        Experimental() {}

        /** {@code tf.data.experimental.AUTOTUNE}, the tutorials' spelling. */
        public final int AUTOTUNE = org.jflow.data.Dataset.AUTOTUNE;
        public final long INFINITE_CARDINALITY = org.jflow.data.Dataset.INFINITE;
        public final long UNKNOWN_CARDINALITY = org.jflow.data.Dataset.UNKNOWN;

        /** {@code tf.data.experimental.make_csv_dataset(file_pattern, batch_size)}. */
        public org.jflow.data.Dataset<Tuple<Object>> makeCsvDataset(Object filePattern, int batchSize) {
            return Csv.makeCsvDataset(filePattern, batchSize);
        }

        /** {@code tf.data.experimental.make_csv_dataset(file_pattern, batch_size, **options)}. */
        public org.jflow.data.Dataset<Tuple<Object>> makeCsvDataset(Object filePattern, int batchSize, Csv.Options options) {
            return Csv.makeCsvDataset(filePattern, batchSize, options);
        }

        /** {@code tf.data.experimental.CsvDataset(filenames, record_defaults, header, select_cols, na_value, field_delim)}. */
        public CsvDataset CsvDataset(List<String> filenames, List<?> recordDefaults, boolean header, int[] selectCols,
                                     String naValue, char fieldDelim) {
            return new CsvDataset(filenames, recordDefaults, header, selectCols, naValue, fieldDelim, true, "");
        }

        /** {@code tf.data.experimental.CsvDataset(filename, record_defaults)}. */
        public CsvDataset CsvDataset(String filename, Object... recordDefaults) { return new CsvDataset(filename, recordDefaults); }
    }
}
