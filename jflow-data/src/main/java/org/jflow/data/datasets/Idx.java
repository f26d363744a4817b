package org.jflow.data.datasets;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST ({@code magic = 0, 0, type, rank}, big-endian int32
 * dims, then the data in big-endian order), plain or gzipped ({@code .gz}). The data is read as it
 * arrives and checked against the header's size, so a header that claims more than the file holds is
 * a DataLossError naming the file, never an allocation of the claimed size.
 */
public final class Idx {
    private Idx() {}

    /** The tensor stored in an IDX file: uint8, int8, int16, int32, float32 or float64 as its type byte says. */
    public static Tensor read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            if (file.toString().endsWith(".gz")) in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            return read(new DataInputStream(in), file);
        } catch (NoSuchFileException e) {
            throw new NotFoundError(file + "; No such file or directory");
        } catch (EOFException e) {
            throw new DataLossError(file + ": truncated IDX header");
        } catch (IOException e) {
            throw new DataLossError(file + ": " + e.getMessage());
        }
    }

    private static Tensor read(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF, rank = magic & 0xFF;
        if ((magic >>> 16) != 0) throw new InvalidArgumentError(file + ": not an IDX file (magic " + Integer.toHexString(magic) + ")");
        DType dtype = switch (type) {
            case 0x08 -> DType.UINT8;
            case 0x09 -> DType.INT8;
            case 0x0B -> DType.INT16;
            case 0x0C -> DType.INT32;
            case 0x0D -> DType.FLOAT32;
            case 0x0E -> DType.FLOAT64;
            default -> throw new InvalidArgumentError(file + ": unknown IDX data type 0x" + Integer.toHexString(type));
        };
        int[] dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) throw new InvalidArgumentError(file + ": negative IDX dimension " + dims[i]);
            count = Math.multiplyExact(count, dims[i]);
        }
        int width = dtype.byteSize();
        long bytes = count * width;
        if (count > Integer.MAX_VALUE || bytes > Integer.MAX_VALUE - 8) {
            throw new InvalidArgumentError(file + ": IDX shape " + java.util.Arrays.toString(dims) + " is too large");
        }
        byte[] data = readUpTo(in, (int) bytes, file);
        return Tensor.wrap(dtype, Shape.of(dims), decode(data, dtype, (int) count));
    }

    /** Exactly {@code n} bytes, grown as they arrive (a false header cannot make us allocate its claim). */
    private static byte[] readUpTo(InputStream in, int n, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, 1 << 20));
        byte[] chunk = new byte[1 << 16];
        int total = 0;
        while (total < n) {
            int r = in.read(chunk, 0, Math.min(chunk.length, n - total));
            if (r < 0) throw new DataLossError(file + ": truncated IDX data: the header declares " + n + " bytes, the file holds " + total);
            out.write(chunk, 0, r);
            total += r;
        }
        return out.toByteArray();
    }

    private static Object decode(byte[] data, DType dtype, int count) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        return switch (dtype) {
            case UINT8, INT8 -> data;
            case INT16 -> { short[] s = new short[count]; b.asShortBuffer().get(s); yield s; }
            case INT32 -> { int[] s = new int[count]; b.asIntBuffer().get(s); yield s; }
            case FLOAT32 -> { float[] s = new float[count]; b.asFloatBuffer().get(s); yield s; }
            case FLOAT64 -> { double[] s = new double[count]; b.asDoubleBuffer().get(s); yield s; }
            default -> throw new IllegalStateException(dtype.toString());
        };
    }
}
