package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawMath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NPY/NPZ against NumPy 2.4: the fixtures {@code npy/make_fixtures.py} wrote read back as the
 * arrays it made, and JFlow's writer produces the same bytes as {@code np.save} (C and Fortran
 * order), so NumPy loads what JFlow writes.
 */
class NpyTest {
    static final Path DIR = Path.of("src/test/resources/npy").toAbsolutePath();
    static final List<DType> DTYPES = List.of(DType.FLOAT16, DType.BFLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT8,
            DType.INT16, DType.INT32, DType.INT64, DType.UINT8, DType.BOOL, DType.COMPLEX64, DType.COMPLEX128, DType.STRING);

    /** The fixture script's array for {@code dtype}. */
    static Tensor expected(DType dtype) {
        Shape s = Shape.of(2, 3);
        double[] base = {0, 1, 2, 3, 4, 5};
        return switch (dtype) {
            case BOOL -> Tensor.wrap(dtype, s, new boolean[] {true, false, true, false, true, false});
            case COMPLEX64 -> Tensor.wrap(dtype, s, new float[] {0, 0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5});
            case COMPLEX128 -> Tensor.wrap(dtype, s, new double[] {0, 0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5});
            case STRING -> Tensor.wrap(dtype, s, new byte[][] {"".getBytes(), "a".getBytes(), "bc".getBytes(),
                    "def".getBytes(), "ghij".getBytes(), "k".getBytes()});
            default -> RawMath.cast(Tensor.wrap(DType.FLOAT64, s, base), dtype);
        };
    }

    private static void assertSame(Tensor want, Tensor got, String what) {
        assertEquals(want.dtype(), got.dtype(), what);
        assertEquals(want.shape(), got.shape(), what);
        assertTrue(java.util.Objects.deepEquals(want.data(), got.data()), what + ": " + got);
    }

    @Test
    void numpyFilesReadBackAndJflowWritesNumpysBytes() throws Exception {
        for (DType d : DTYPES) {
            Tensor want = expected(d);
            for (boolean fortran : new boolean[] {false, true}) {
                Path f = DIR.resolve(d.tfName() + (fortran ? "_f" : "") + ".npy");
                assertSame(want, Npy.load(f), f.toString());
                assertArrayEquals(Files.readAllBytes(f), Npy.bytes(want, fortran), "np.save's bytes for " + f);
            }
        }
        assertSame(expected(DType.INT32), Npy.load(DIR.resolve("int32_be.npy")), "big-endian");
        Tensor unicode = Npy.load(DIR.resolve("unicode.npy"));
        assertEquals("héllo", new String(((byte[][]) unicode.data())[0], StandardCharsets.UTF_8));
        assertEquals("wörld", new String(((byte[][]) unicode.data())[1], StandardCharsets.UTF_8));
    }

    @Test
    void npzStoredAndDeflated() throws Exception {
        for (String name : List.of("stored.npz", "deflated.npz")) {
            Map<String, Tensor> m = Npy.loadNpz(DIR.resolve(name));
            assertEquals(List.of("x", "y"), List.copyOf(m.keySet()));
            assertSame(expected(DType.FLOAT32), m.get("x"), name);
            assertSame(expected(DType.INT64), m.get("y"), name);
        }
        Path dir = Files.createTempDirectory("npz");
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (DType d : DTYPES) all.put(d.tfName(), expected(d));
        for (boolean compressed : new boolean[] {false, true}) {
            Path f = dir.resolve(compressed + ".npz");
            Npy.saveNpz(f, all, compressed);
            Map<String, Tensor> back = Npy.loadNpz(f);
            for (DType d : DTYPES) assertSame(all.get(d.tfName()), back.get(d.tfName()), f + " " + d);
            try (var zip = new java.util.zip.ZipFile(f.toFile())) {
                assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, zip.getEntry("float32.npy").getMethod());
                assertArrayEquals(Files.readAllBytes(DIR.resolve("float32.npy")), zip.getInputStream(zip.getEntry("float32.npy")).readAllBytes());
            }
        }
        Npy.save(dir.resolve("a.npy"), expected(DType.FLOAT64));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.npy", "false.npz", "true.npz"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
    }

    static byte[] npy(String header, int dataBytes) {
        String h = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length()).put(h.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    @Test
    void hostileFilesRaiseTfErrorsNamingTheFile() throws Exception {
        assertEquals("x.npy: not a NumPy .npy file (bad magic string)",
                assertThrows(InvalidArgumentError.class, () -> Npy.read("PK\3\4 not numpy".getBytes(), "x.npy")).getMessage());
        String huge = assertThrows(InvalidArgumentError.class, () -> Npy.read(
                npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000, 1000000), }", 8), "h.npy")).getMessage();
        assertTrue(huge.startsWith("h.npy: .npy shape"), huge);
        String claims = assertThrows(DataLossError.class, () -> Npy.read(
                npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }", 16), "c.npy")).getMessage();
        assertEquals("c.npy: .npy data is truncated: the header's shape (100000000) needs 800000000 bytes, the file holds 16", claims);
        byte[] longHeader = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 8);
        longHeader[8] = (byte) 0xff;
        longHeader[9] = (byte) 0xff;
        assertThrows(DataLossError.class, () -> Npy.read(longHeader, "l.npy"));
        assertThrows(InvalidArgumentError.class, () -> Npy.read(npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 8), "o.npy"));
        assertThrows(InvalidArgumentError.class, () -> Npy.read(npy("{'descr': '<f8', 'shape': (1,), }", 8), "m.npy"));

        // a zip bomb: an entry whose recorded size is far more than its compressed bytes can inflate to
        Path dir = Files.createTempDirectory("bomb");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1000000,), }", 1000000));
            zip.closeEntry();
        }
        byte[] z = raw.toByteArray();
        ByteBuffer bb = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = z.length - 22; i >= 0; i--) {
            if (bb.getInt(i) == 0x02014b50) {
                bb.putInt(i + 24, 0xfffffff0);   // the central directory's uncompressed size: about 4 GiB
                break;
            }
        }
        Path bomb = dir.resolve("bomb.npz");
        Files.write(bomb, z);
        String msg = assertThrows(DataLossError.class, () -> Npy.loadNpz(bomb)).getMessage();
        assertTrue(msg.startsWith(bomb + "/x.npy: the .npz entry claims 4294967280 bytes"), msg);
        Path notZip = dir.resolve("no.npz");
        Files.writeString(notZip, "not a zip");
        assertThrows(DataLossError.class, () -> Npy.loadNpz(notZip));
    }
}
