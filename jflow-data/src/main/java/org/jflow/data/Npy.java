package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.errors.DataLossError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} and {@code .npz} files ({@code np.save}, {@code np.load}, {@code np.savez},
 * {@code np.savez_compressed}), the bridge to NumPy users. Every engine dtype maps to NumPy's
 * ({@code <f2 <f4 <f8 |i1 <i2 <i4 <i8 |u1 |b1 <c8 <c16}; bfloat16 as ml_dtypes' {@code bfloat16}
 * descr, strings as {@code |S<n>} bytes; {@code <U<n>} reads as UTF-8 strings); both byte orders and
 * C and Fortran order read. Bad files raise TF's classes naming the file: a bad magic or header is
 * InvalidArgumentError, data shorter than the header claims DataLossError, and nothing the header
 * claims is allocated before it is checked against the bytes actually there. Writes go to a
 * temporary file renamed into place, so no half-written file is left.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The longest header read (NumPy's own reader refuses more than 10,000 bytes unless told otherwise). */
    private static final int MAX_HEADER = 1 << 16;
    /** Deflate cannot expand data more than about 1032 times; an entry claiming more is a zip bomb. */
    private static final long MAX_DEFLATE_RATIO = 1100;

    // ---- reading -------------------------------------------------------------------------------

    /** {@code np.load(path)} of a {@code .npy} file. */
    public static Tensor load(Path path) {
        String name = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, Files.size(path), name);
        } catch (NoSuchFileException e) {
            throw new NotFoundError(name + "; No such file or directory");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The array in {@code bytes}, {@code name} naming it in errors. */
    public static Tensor read(byte[] bytes, String name) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes), bytes.length, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array from {@code in}, which holds at most {@code available} bytes. */
    private static Tensor read(InputStream in, long available, String name) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !java.util.Arrays.equals(magic, 0, 6, MAGIC, 0, 6)) {
            throw new InvalidArgumentError(name + ": not a NumPy .npy file (bad magic string)");
        }
        int major = magic[6], headerLen;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            if (l.length < 2) throw new DataLossError(name + ": truncated .npy header");
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            if (l.length < 4) throw new DataLossError(name + ": truncated .npy header");
            long len = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (len > MAX_HEADER) throw new InvalidArgumentError(name + ": .npy header length " + len + " exceeds " + MAX_HEADER);
            headerLen = (int) len;
        } else {
            throw new InvalidArgumentError(name + ": unsupported .npy format version " + major + "." + magic[7]);
        }
        long dataStart = (major == 1 ? 10 : 12) + (long) headerLen;
        if (dataStart > available) throw new DataLossError(name + ": truncated .npy header");
        byte[] h = in.readNBytes(headerLen);
        if (h.length < headerLen) throw new DataLossError(name + ": truncated .npy header");
        Header header = Header.parse(new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), name);
        long count = 1;
        for (int d : header.shape) {
            count = Math.multiplyExact(count, (long) d);
            if (count > Integer.MAX_VALUE) throw new InvalidArgumentError(name + ": .npy shape " + header.shapeText() + " is too large");
        }
        long bytes = count * header.itemSize;
        if (bytes > Integer.MAX_VALUE - 16) throw new InvalidArgumentError(name + ": .npy array of " + bytes + " bytes is too large");
        if (bytes > available - dataStart) {
            throw new DataLossError(name + ": .npy data is truncated: the header's shape " + header.shapeText() + " needs "
                    + bytes + " bytes, the file holds " + (available - dataStart));
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length < bytes) throw new DataLossError(name + ": .npy data is truncated: expected " + bytes + " bytes, read " + data.length);
        Tensor t = decode(header, data, (int) count, name);
        return header.fortran ? fortranToC(t) : t;
    }

    /** The parsed header dict: {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. */
    private record Header(DType dtype, ByteOrder order, int itemSize, char kind, boolean fortran, int[] shape) {
        private static final Pattern DICT = Pattern.compile(
                "\\s*\\{\\s*(?:(?:'descr'\\s*:\\s*'(?<descr>[^']*)'|'fortran_order'\\s*:\\s*(?<fortran>True|False)"
                        + "|'shape'\\s*:\\s*\\((?<shape>[\\d\\s,L]*)\\))\\s*,?\\s*){3}\\}\\s*");

        static Header parse(String text, String name) {
            Matcher m = DICT.matcher(text);
            if (!m.matches() || m.group("descr") == null || m.group("fortran") == null || m.group("shape") == null) {
                throw new InvalidArgumentError(name + ": cannot parse .npy header " + PythonRepr.of(text));
            }
            String[] parts = m.group("shape").split(",");
            java.util.List<Integer> dims = new java.util.ArrayList<>();
            for (String p : parts) {
                String d = p.strip().replace("L", "");
                if (d.isEmpty()) continue;
                try {
                    dims.add(Integer.parseInt(d));
                } catch (NumberFormatException e) {
                    throw new InvalidArgumentError(name + ": .npy shape dimension " + d + " is too large");
                }
            }
            String descr = m.group("descr");
            if (descr.length() < 2) throw new InvalidArgumentError(name + ": unsupported .npy dtype '" + descr + "'");
            char endian = descr.charAt(0);
            ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String type = "<>|=".indexOf(endian) >= 0 ? descr.substring(1) : descr;
            char kind = type.charAt(0);
            int size;
            try {
                size = type.equals("bfloat16") ? 2 : Integer.parseInt(type.substring(1));
            } catch (NumberFormatException e) {
                throw new InvalidArgumentError(name + ": unsupported .npy dtype '" + descr + "'");
            }
            DType dtype = switch (type) {
                case "f2" -> DType.FLOAT16;
                case "bfloat16", "V2" -> DType.BFLOAT16;
                case "f4" -> DType.FLOAT32;
                case "f8" -> DType.FLOAT64;
                case "i1" -> DType.INT8;
                case "i2" -> DType.INT16;
                case "i4" -> DType.INT32;
                case "i8" -> DType.INT64;
                case "u1" -> DType.UINT8;
                case "b1" -> DType.BOOL;
                case "c8" -> DType.COMPLEX64;
                case "c16" -> DType.COMPLEX128;
                default -> (kind == 'S' || kind == 'U') && size >= 0 && size <= MAX_HEADER * 16 ? DType.STRING : null;
            };
            if (dtype == null) throw new InvalidArgumentError(name + ": unsupported .npy dtype '" + descr + "'");
            for (int d : dims) if (d < 0) throw new InvalidArgumentError(name + ": negative .npy shape dimension " + d);
            int itemSize = kind == 'U' ? size * 4 : size;
            if (itemSize <= 0) throw new InvalidArgumentError(name + ": unsupported .npy dtype '" + descr + "'");
            return new Header(dtype, order, itemSize, kind, m.group("fortran").equals("True"),
                    dims.stream().mapToInt(Integer::intValue).toArray());
        }

        String shapeText() { return java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')'); }
    }

    private static Tensor decode(Header h, byte[] data, int n, String name) {
        ByteBuffer b = ByteBuffer.wrap(data).order(h.order);
        Object out;
        if (h.dtype == DType.STRING) {
            byte[][] s = new byte[n][];
            for (int i = 0; i < n; i++) {
                if (h.kind == 'S') {
                    int end = h.itemSize;
                    while (end > 0 && data[i * h.itemSize + end - 1] == 0) end--;
                    s[i] = java.util.Arrays.copyOfRange(data, i * h.itemSize, i * h.itemSize + end);
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 0; c < h.itemSize / 4; c++) {
                        int cp = b.getInt(i * h.itemSize + c * 4);
                        if (cp == 0) break;
                        if (!Character.isValidCodePoint(cp)) throw new InvalidArgumentError(name + ": invalid code point " + cp + " in .npy '<U' data");
                        sb.appendCodePoint(cp);
                    }
                    s[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            out = s;
        } else {
            out = Buffers.allocate(h.dtype, n);
            switch (out) {
                case float[] f -> b.asFloatBuffer().get(f);
                case double[] d -> b.asDoubleBuffer().get(d);
                case short[] s -> b.asShortBuffer().get(s);
                case int[] i -> b.asIntBuffer().get(i);
                case long[] l -> b.asLongBuffer().get(l);
                case byte[] y -> System.arraycopy(data, 0, y, 0, y.length);
                case boolean[] z -> {
                    for (int i = 0; i < n; i++) z[i] = data[i] != 0;
                }
                default -> throw new IllegalStateException();
            }
        }
        return Tensor.wrap(h.dtype, Shape.of(h.shape), out);
    }

    /** Elements stored in Fortran (column-major) order, rearranged into C order. */
    private static Tensor fortranToC(Tensor t) {
        int[] dims = t.shape().dims();
        int n = t.size(), slots = t.dtype().slots();
        if (dims.length < 2 || n == 0) return t;
        Object src = t.data(), dst = Buffers.allocate(t.dtype(), n);
        int[] idx = new int[dims.length];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int k = 0; k < dims.length; k++) c = c * dims[k] + idx[k];
            System.arraycopy(src, f * slots, dst, c * slots, slots);
            for (int k = 0; k < dims.length && ++idx[k] == dims[k]; k++) idx[k] = 0;
        }
        return Tensor.wrap(t.dtype(), t.shape(), dst);
    }

    // ---- writing -------------------------------------------------------------------------------

    /** {@code np.save(path, t)}: format 1.0, C order. */
    public static void save(Path path, Tensor t) { save(path, t, false); }

    /** {@code np.save(path, np.asfortranarray(t))} when {@code fortranOrder}. */
    public static void save(Path path, Tensor t, boolean fortranOrder) {
        atomicWrite(path, out -> out.write(bytes(t, fortranOrder)));
    }

    /** The {@code .npy} file's bytes for {@code t}. */
    public static byte[] bytes(Tensor t, boolean fortranOrder) {
        DType d = t.dtype();
        int n = t.size();
        Object data = t.data();
        int itemSize = d.byteSize();
        String descr = switch (d) {
            case FLOAT16 -> "<f2";
            case BFLOAT16 -> "<V2";
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT8 -> "|i1";
            case INT16 -> "<i2";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case UINT8 -> "|u1";
            case BOOL -> "|b1";
            case COMPLEX64 -> "<c8";
            case COMPLEX128 -> "<c16";
            case STRING -> {
                int max = 1;
                for (byte[] s : (byte[][]) data) max = Math.max(max, s.length);
                itemSize = max;
                yield "|S" + max;
            }
        };
        int[] dims = t.shape().dims();
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) shape.append(i > 0 ? ", " : "").append(dims[i]);
        if (dims.length == 1) shape.append(',');
        shape.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        // NumPy pads the header with spaces and a newline so the data starts at a multiple of 64
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + n * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Object src = fortranOrder ? cToFortran(t) : data;
        switch (src) {
            case float[] f -> b.asFloatBuffer().put(f);
            case double[] x -> b.asDoubleBuffer().put(x);
            case short[] s -> b.asShortBuffer().put(s);
            case int[] i -> b.asIntBuffer().put(i);
            case long[] l -> b.asLongBuffer().put(l);
            case byte[] y -> b.put(y);
            case boolean[] z -> {
                for (boolean v : z) b.put((byte) (v ? 1 : 0));
            }
            case byte[][] s -> {
                for (byte[] v : s) b.put(v).put(new byte[itemSize - v.length]);
            }
            default -> throw new IllegalStateException();
        }
        return b.array();
    }

    private static Object cToFortran(Tensor t) {
        int[] dims = t.shape().dims();
        int n = t.size(), slots = t.dtype().slots();
        Object src = t.data();
        if (dims.length < 2 || n == 0) return src;
        Object dst = t.dtype() == DType.STRING ? new byte[n][] : Buffers.allocate(t.dtype(), n);
        int[] idx = new int[dims.length];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int k = 0; k < dims.length; k++) c = c * dims[k] + idx[k];
            System.arraycopy(src, c * slots, dst, f * slots, slots);
            for (int k = 0; k < dims.length && ++idx[k] == dims[k]; k++) idx[k] = 0;
        }
        return dst;
    }

    // ---- npz -----------------------------------------------------------------------------------

    /** {@code np.load(path)} of a {@code .npz} file: each array by its name (without {@code .npy}), in file order. */
    public static Map<String, Tensor> loadNpz(Path path) {
        String file = path.toString();
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String where = file + "/" + e.getName();
                long size = e.getSize(), packed = e.getCompressedSize();
                if (size < 0) throw new DataLossError(where + ": the .npz entry has no recorded size");
                if (e.getMethod() == ZipEntry.DEFLATED && size > MAX_DEFLATE_RATIO * Math.max(packed, 1) + 1024) {
                    throw new DataLossError(where + ": the .npz entry claims " + size + " bytes from " + packed
                            + " compressed (more than deflate can expand: a zip bomb)");
                }
                try (InputStream in = new BoundedInputStream(zip.getInputStream(e), size)) {
                    String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                    out.put(key, read(in, size, where));
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NotFoundError(file + "; No such file or directory");
        } catch (java.util.zip.ZipException e) {
            throw new DataLossError(file + ": not a valid .npz (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw new DataLossError(file + ": " + e.getMessage());
        }
        return out;
    }

    /** {@code np.savez(path, **arrays)} (entries stored) or {@code np.savez_compressed} (deflated). */
    public static void saveNpz(Path path, Map<String, Tensor> arrays, boolean compressed) {
        atomicWrite(path, raw -> {
            try (ZipOutputStream zip = new ZipOutputStream(raw)) {
                for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
                    byte[] b = bytes(a.getValue(), false);
                    ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                    if (compressed) {
                        e.setMethod(ZipEntry.DEFLATED);
                    } else {
                        CRC32 crc = new CRC32();
                        crc.update(b);
                        e.setMethod(ZipEntry.STORED);
                        e.setSize(b.length);
                        e.setCompressedSize(b.length);
                        e.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(e);
                    zip.write(b);
                    zip.closeEntry();
                }
            }
        });
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void atomicWrite(Path path, Writer writer) {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is gone or was renamed
                }
            }
        }
    }

    /** An entry's stream that stops at its recorded size: a lying zip entry cannot feed more. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int c = super.read();
            if (c >= 0) left--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int r = super.read(b, off, (int) Math.min(len, left));
            if (r > 0) left -= r;
            return r;
        }
    }

    /** Python's repr of a short header text, for messages. */
    private static final class PythonRepr {
        static String of(String s) {
            String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
            return "'" + cut.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
        }
    }
}
