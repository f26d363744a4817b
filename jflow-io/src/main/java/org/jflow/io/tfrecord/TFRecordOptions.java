package org.jflow.io.tfrecord;

import org.jflow.errors.ValueError;

import java.util.List;
import java.util.zip.Deflater;

/**
 * {@code tf.io.TFRecordOptions(compression_type, compression_level)}: how a TFRecord file is compressed, "" (none),
 * "GZIP" or "ZLIB"; a level of -1 is zlib's default, as TF's {@code ZlibCompressionOptions}.
 */
public record TFRecordOptions(String compressionType, int compressionLevel) {
    /** No compression. */
    public static final TFRecordOptions NONE = new TFRecordOptions("");

    public TFRecordOptions {
        if (compressionType == null) compressionType = "";
        if (!List.of("", "GZIP", "ZLIB").contains(compressionType)) {
            throw new ValueError("Not a valid compression_type: \"" + compressionType + "\"");
        }
        if (compressionLevel < Deflater.DEFAULT_COMPRESSION || compressionLevel > Deflater.BEST_COMPRESSION) {
            throw new ValueError("compression_level must be in [-1, 9], got " + compressionLevel);
        }
    }

    /** {@code TFRecordOptions(compression_type=...)} at zlib's default level. */
    public TFRecordOptions(String compressionType) { this(compressionType, Deflater.DEFAULT_COMPRESSION); }
}
