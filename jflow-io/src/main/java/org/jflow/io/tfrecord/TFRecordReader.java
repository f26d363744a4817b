package org.jflow.io.tfrecord;

import org.jflow.errors.DataLossError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.OpError;
import org.jflow.errors.ResourceExhaustedError;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a TFRecord file one record at a time, as TF's {@code RecordReader}: both CRCs checked, and a bad file is
 * TF's {@link DataLossError} with TF's text ({@code corrupted record at 12}, {@code truncated record at 21' failed
 * with Read less bytes than requested}) followed by the file's name. Offsets count uncompressed bytes, as TF's.
 * <p>
 * A record's length is checked against what the file still holds before its buffer is allocated (for a
 * compressed file, whose size is unknown, the buffer grows with the data actually read), so a length field of
 * 2**60 is a truncated record, never an out-of-memory. Where TF ends a file silently on a partial header (1 to
 * 11 bytes after the last record), JFlow raises the truncated-record error, so a cut file is never taken as
 * complete.
 */
public final class TFRecordReader implements AutoCloseable {
    /** TF's {@code TFRecordDataset} default read buffer, 256 KiB. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;
    /** The first read of a record of unknown (compressed) extent allocates at most this much. */
    private static final int FIRST_CHUNK = 1 << 16;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String path;
    private final InputStream in;
    /** Bytes the uncompressed file holds, or -1 when compressed. */
    private final long size;
    private final byte[] header = new byte[Framing.HEADER];
    private final byte[] footer = new byte[Framing.FOOTER];
    private long offset;

    /** An uncompressed file with TF's default buffer. */
    public TFRecordReader(String path) { this(path, "", DEFAULT_BUFFER_SIZE); }

    /**
     * {@code compressionType} "", "GZIP" or "ZLIB"; {@code bufferSize} bytes of read buffer (0: TF's default). A
     * missing file is TF's NotFoundError {@code <path>; No such file or directory}.
     */
    public TFRecordReader(String path, String compressionType, int bufferSize) {
        this(path, open(path, bufferSize), compressionType, bufferSize);
    }

    /** Reads {@code raw}, the bytes of the file {@code path} names, from its start. */
    TFRecordReader(String path, Opened raw, String compressionType, int bufferSize) {
        String compression = new TFRecordOptions(compressionType).compressionType();
        this.path = path;
        int buffer = bufferSize <= 0 ? DEFAULT_BUFFER_SIZE : bufferSize;
        this.size = compression.isEmpty() ? raw.size() : -1;
        try {
            this.in = switch (compression) {
                case "GZIP" -> new BufferedInputStream(new GZIPInputStream(raw.in(), buffer), buffer);
                case "ZLIB" -> new BufferedInputStream(new InflaterInputStream(raw.in()), buffer);
                default -> raw.in();
            };
        } catch (IOException e) {
            try {
                raw.in().close();
            } catch (IOException ignored) {
                // The failure to read is the one to report.
            }
            throw failure(e);
        }
    }

    /** A file's stream and size. */
    record Opened(InputStream in, long size) {}

    private static Opened open(String path, int bufferSize) {
        Path p = Path.of(path);
        try {
            return new Opened(new BufferedInputStream(Files.newInputStream(p), bufferSize <= 0 ? DEFAULT_BUFFER_SIZE
                    : bufferSize), Files.size(p));
        } catch (NoSuchFileException e) {
            throw new NotFoundError(path + "; No such file or directory");
        } catch (IOException e) {
            throw new OpError(path + "; " + e.getMessage(), e);
        }
    }

    /** The file this reads. */
    public String path() { return path; }

    /** The offset of the next record in the uncompressed stream. */
    public long offset() { return offset; }

    /** The next record's data, or null at the end of the file. */
    public byte[] next() {
        try {
            long start = offset;
            int got = in.readNBytes(header, 0, Framing.HEADER);
            if (got == 0) return null;
            if (got < Framing.HEADER) throw truncated(start);
            if (Framing.maskedCrc(header, 0, 8) != Framing.readInt(header, 8)) {
                throw loss("corrupted record at " + start + (start == 0 ? " (Is this even a TFRecord file?)" : ""));
            }
            long length = Framing.readLong(header, 0);
            // Unsigned: a length past 2**63 is as impossible as one past the file's end.
            if (length < 0 || size >= 0 && length > size - start - Framing.HEADER - Framing.FOOTER) {
                throw truncated(start);
            }
            byte[] data = readData(start, length);
            if (in.readNBytes(footer, 0, Framing.FOOTER) < Framing.FOOTER) throw truncated(start);
            if (Framing.maskedCrc(data, 0, data.length) != Framing.readInt(footer, 0)) {
                throw loss("corrupted record at " + (start + Framing.HEADER));
            }
            offset = start + Framing.HEADER + length + Framing.FOOTER;
            return data;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code length} bytes of data, read into a buffer that never outgrows what the stream delivered. */
    private byte[] readData(long start, long length) throws IOException {
        byte[] data = new byte[(int) Math.min(length, size >= 0 ? MAX_ARRAY : FIRST_CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                if (filled == MAX_ARRAY) {
                    throw new ResourceExhaustedError("record at " + start + " of " + Long.toUnsignedString(length)
                            + " bytes is larger than a Java array, in file " + path);
                }
                data = Arrays.copyOf(data, (int) Math.min(Math.min(length, MAX_ARRAY), 2L * data.length));
            }
            int r = in.read(data, filled, data.length - filled);
            if (r < 0) throw truncated(start);
            filled += r;
        }
        return data;
    }

    private DataLossError truncated(long start) {
        return loss("truncated record at " + start + "' failed with Read less bytes than requested");
    }

    private DataLossError loss(String tfText) { return new DataLossError(tfText + ", in file " + path); }

    /** A failed read: corrupt compressed data is TF's DataLossError, as its zlib stream reports it. */
    private OpError failure(IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return loss("corrupted compressed data at or after " + offset + " (" + e.getMessage() + ")");
        }
        return new OpError(path + "; " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }
}
