package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * {@code tf.data.TextLineDataset(filenames, compression_type)}: one scalar string per line of each
 * file in turn, without its line end ({@code \n}, and a {@code \r} before it, as TF's line reader
 * drops), bytes kept as they are. Compression: "" (none), "GZIP" or "ZLIB". A missing file is TF's
 * NotFoundError when the pass reaches it.
 */
public final class TextLineDataset extends Dataset<Tensor> {
    private final List<String> filenames;
    private final String compression;

    /** Uncompressed files, read in order. */
    public TextLineDataset(String... filenames) { this(List.of(filenames), ""); }

    /** Files compressed as {@code compressionType} ("", "GZIP" or "ZLIB"). */
    public TextLineDataset(List<String> filenames, String compressionType) {
        if (!List.of("", "GZIP", "ZLIB").contains(compressionType)) {
            throw new InvalidArgumentError("Unsupported compression_type: " + compressionType + ".");
        }
        this.filenames = List.copyOf(filenames);
        this.compression = compressionType;
    }

    /** The file as a tensor, as {@code TextLineDataset(x)} takes a scalar string tensor inside {@code flat_map}. */
    public TextLineDataset(Tensor filename) { this(List.of(Scalars.text(filename)), ""); }

    @Override
    public Iterator<Tensor> iterator() {
        return new ElementIterator<>() {
            private int file = -1;
            private InputStream in;

            @Override
            protected Tensor advance() {
                try {
                    while (true) {
                        if (in == null) {
                            if (++file >= filenames.size()) return null;
                            in = open(filenames.get(file));
                        }
                        byte[] line = readLine(in);
                        if (line != null) return org.jflow.raw.Raw.scalarString(line);
                        in.close();
                        in = null;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(filenames.get(file) + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private InputStream open(String name) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new NotFoundError(name + "; No such file or directory");
        }
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return switch (compression) {
            case "GZIP" -> new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            case "ZLIB" -> new BufferedInputStream(new InflaterInputStream(buffered), 1 << 16);
            default -> buffered;
        };
    }

    /** The next line without its end, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') break;
            line.write(b);
        }
        if (!any) return null;
        byte[] out = line.toByteArray();
        return out.length > 0 && out[out.length - 1] == '\r' ? java.util.Arrays.copyOf(out, out.length - 1) : out;
    }

    @Override
    public Object elementSpec() { return new TensorSpec(DType.STRING, Shape.scalar()); }
}
