package org.jflow.io.tfrecord;

import org.jflow.errors.OpError;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code tf.io.TFRecordWriter(path, options)}: records framed as TF's {@code RecordWriter} frames them, compressed
 * as {@link TFRecordOptions} says. Unlike TF, which writes in place, the records go to a temporary file beside
 * {@code path} that {@link #close()} renames onto it, so a crash never leaves a half-written TFRecord file that a
 * reader would take as complete. Use it as Python's {@code with} block: {@code try (var w = new TFRecordWriter(p))}.
 */
public final class TFRecordWriter implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private final byte[] header = new byte[Framing.HEADER];
    private final byte[] footer = new byte[Framing.FOOTER];
    private boolean closed;

    /** An uncompressed file. */
    public TFRecordWriter(String path) { this(path, TFRecordOptions.NONE); }

    /** {@code TFRecordWriter(path, options)}; a missing folder is TF's NotFoundError. */
    public TFRecordWriter(String path, TFRecordOptions options) {
        this.target = Path.of(path).toAbsolutePath();
        try {
            // Not Files.createTempFile, whose owner-only permissions the renamed file would keep.
            this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                    + "-" + Long.toHexString(System.nanoTime()));
            OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
            int level = options.compressionLevel();
            this.out = switch (options.compressionType()) {
                case "GZIP" -> new GZIPOutputStream(file, 1 << 16) {
                    { def.setLevel(level); }
                };
                case "ZLIB" -> new DeflaterOutputStream(file, new Deflater(level), 1 << 16);
                default -> file;
            };
        } catch (NoSuchFileException e) {
            throw new org.jflow.errors.NotFoundError(path + "; No such file or directory");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code write(record)}: one record. */
    public void write(byte[] record) {
        if (closed) throw new org.jflow.errors.FailedPreconditionError("Writer is closed.");
        Framing.writeLong(header, 0, record.length);
        Framing.writeInt(header, 8, Framing.maskedCrc(header, 0, 8));
        Framing.writeInt(footer, 0, Framing.maskedCrc(record, 0, record.length));
        try {
            out.write(header);
            out.write(record);
            out.write(footer);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code flush()}: the records so far reach the temporary file (the target appears on close). */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code close()}: finishes the compressed stream and renames the file onto its path; closing twice is a no-op. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            out.close();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw failure(e);
        }
    }

    /** TF's file system errors read "{@code <path>; <reason>}". */
    private OpError failure(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new OpError(target + "; " + reason, e);
    }
}
