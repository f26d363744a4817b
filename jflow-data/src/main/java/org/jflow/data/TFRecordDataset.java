package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.io.tfrecord.TFRecordOptions;
import org.jflow.io.tfrecord.TFRecordReader;

import java.util.Iterator;
import java.util.List;

/**
 * {@code tf.data.TFRecordDataset(filenames, compression_type, buffer_size)}: one scalar string per record of each
 * file in turn, read and checked by jflow-io's {@link TFRecordReader} (a corrupted or truncated file is TF's
 * DataLossError naming the file and offset; a missing one TF's NotFoundError when the pass reaches it).
 */
public final class TFRecordDataset extends Dataset<Tensor> {
    private final List<String> filenames;
    private final String compression;
    private final int bufferSize;

    /** Uncompressed files, read in order. */
    public TFRecordDataset(String... filenames) { this(List.of(filenames), "", 0); }

    /** Files compressed as {@code compressionType} ("", "GZIP" or "ZLIB"); a buffer of 0 bytes is TF's 256 KiB. */
    public TFRecordDataset(List<String> filenames, String compressionType, int bufferSize) {
        this.filenames = List.copyOf(filenames);
        this.compression = new TFRecordOptions(compressionType).compressionType();
        this.bufferSize = bufferSize;
    }

    /** The file as a tensor, as {@code TFRecordDataset(x)} inside {@code interleave}. */
    public TFRecordDataset(Tensor filename) { this(List.of(Scalars.text(filename)), "", 0); }

    @Override
    public Iterator<Tensor> iterator() {
        return new ElementIterator<>() {
            private int file = -1;
            private TFRecordReader reader;

            @Override
            protected Tensor advance() {
                while (true) {
                    if (reader == null) {
                        if (++file >= filenames.size()) return null;
                        reader = new TFRecordReader(filenames.get(file), compression, bufferSize);
                    }
                    byte[] record;
                    try {
                        record = reader.next();
                    } catch (RuntimeException e) {
                        reader.close();
                        throw e;
                    }
                    if (record != null) return org.jflow.raw.Raw.scalarString(record);
                    reader.close();
                    reader = null;
                }
            }
        };
    }

    @Override
    public Object elementSpec() { return new TensorSpec(DType.STRING, Shape.scalar()); }
}
