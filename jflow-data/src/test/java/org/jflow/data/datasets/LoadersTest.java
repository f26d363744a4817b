package org.jflow.data.datasets;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keras.datasets' loaders on the real files (MNIST's t10k split, golden/mnist_idx.py) and on hostile ones. */
class LoadersTest {
    private static final Path MNIST = org.jflow.data.SharedData.DIR.resolve("mnist");
    private static final Golden GOLDEN = Golden.load("mnist_idx");

    @Test
    void mnistTestSplitEqualsNumPysDecoding() {
        org.jflow.data.SharedData.assume();
        Tensor[] test = Mnist.loadTestData(MNIST);
        Tensor x = test[0], y = test[1];
        assertEquals("(10000, 28, 28)", x.shape().toString());
        assertEquals("(10000,)", y.shape().toString());
        assertEquals(DType.UINT8, x.dtype());
        long[] labels = y.toLongArray();
        long[] first = new long[20];
        System.arraycopy(labels, 0, first, 0, 20);
        assertArrayEquals(Golden.flatten(GOLDEN.get("labels_first_20")), java.util.Arrays.stream(first).asDoubleStream().toArray());
        long[] counts = new long[10];
        for (long l : labels) counts[(int) l]++;
        assertArrayEquals(Golden.flatten(GOLDEN.get("label_counts")), java.util.Arrays.stream(counts).asDoubleStream().toArray());
        long sum = 0;
        long[] pixels = x.toLongArray();
        for (long p : pixels) sum += p;
        assertEquals((long) GOLDEN.number("pixel_sum"), sum);
        assertArrayEquals(Golden.flatten(GOLDEN.get("image_0_row_14")), row(pixels, 0, 14));
        assertArrayEquals(Golden.flatten(GOLDEN.get("image_9999_row_10")), row(pixels, 9999, 10));
    }

    private static double[] row(long[] pixels, int image, int row) {
        double[] out = new double[28];
        for (int i = 0; i < 28; i++) out[i] = pixels[image * 784 + row * 28 + i];
        return out;
    }

    @Test
    void loadDataReadsAllFourFiles(@TempDir Path dir) throws Exception {
        org.jflow.data.SharedData.assume();
        for (String split : new String[] {"train", "t10k"}) {
            Files.copy(MNIST.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve(split + "-images-idx3-ubyte.gz"));
            Files.copy(MNIST.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve(split + "-labels-idx1-ubyte.gz"));
        }
        TrainTestArrays data = Mnist.loadData(dir);
        assertEquals(data.xTest().shape(), data.xTrain().shape());
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        NotFoundError e = assertThrows(NotFoundError.class, () -> Mnist.loadData(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void hostileIdxHeadersAreRefusedWithoutAllocatingTheirClaim(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(huge))) {
            out.write(ByteBuffer.allocate(16).putInt(0x0803).putInt(1 << 15).putInt(1 << 15).putInt(1).array());
            out.write(new byte[100]);
        }
        DataLossError loss = assertThrows(DataLossError.class, () -> Idx.read(huge));
        assertTrue(loss.getMessage().contains("holds 100"), loss.getMessage());
        Path tooLarge = dir.resolve("too-large-idx3-ubyte");
        Files.write(tooLarge, ByteBuffer.allocate(16).putInt(0x0803).putInt(1 << 20).putInt(1 << 20).putInt(8).array());
        assertThrows(InvalidArgumentError.class, () -> Idx.read(tooLarge));
        Path notIdx = dir.resolve("not-idx");
        Files.write(notIdx, "P5\n28 28\n255\n".getBytes());
        assertThrows(InvalidArgumentError.class, () -> Idx.read(notIdx));
        Path shortHeader = dir.resolve("short");
        Files.write(shortHeader, new byte[] {0, 0, 8});
        assertThrows(DataLossError.class, () -> Idx.read(shortHeader));
    }

    /** Keras' own load_data on a synthetic boston_housing.npz (golden/boston_housing.py): NumPy's seeded shuffle, then the split. */
    @Test
    void bostonHousingShufflesAndSplitsAsKeras() throws Exception {
        Path npz = Path.of(LoadersTest.class.getResource("/datasets/boston_housing.npz").toURI());
        TrainTestArrays data = BostonHousing.loadData(npz, 0.3, 7);
        Golden golden = Golden.load("boston_housing");
        assertEquals("(16, 13)", data.xTrain().shape().toString());
        assertArrayEquals(golden.doubles("x_train"), data.xTrain().toDoubleArray());
        assertArrayEquals(golden.doubles("y_train"), data.yTrain().toDoubleArray());
        assertArrayEquals(golden.doubles("x_test"), data.xTest().toDoubleArray());
        assertArrayEquals(golden.doubles("y_test"), data.yTest().toDoubleArray());
        assertThrows(org.jflow.errors.ValueError.class, () -> BostonHousing.loadData(npz, 1.0, 7));
    }

    @Test
    void cifar10BinaryRecordsBecomeChannelsLastImages(@TempDir Path dir) throws Exception {
        byte[] record = new byte[3073];
        record[0] = 7;
        for (int px = 0; px < 1024; px++) {
            record[1 + px] = (byte) px;                 // red plane
            record[1 + 1024 + px] = (byte) (px >> 2);   // green plane
            record[1 + 2048 + px] = (byte) 200;         // blue plane
        }
        byte[] two = new byte[2 * 3073];
        System.arraycopy(record, 0, two, 0, 3073);
        System.arraycopy(record, 0, two, 3073, 3073);
        two[3073] = 3;
        Files.write(dir.resolve("test_batch.bin"), two);
        Tensor[] test = Cifar10.read(dir, java.util.List.of("test_batch.bin"));
        assertEquals("(2, 32, 32, 3)", test[0].shape().toString());
        assertArrayEquals(new long[] {7, 3}, test[1].toLongArray());
        long[] px = test[0].toLongArray();
        int pixel = 5 * 32 + 9; // row 5, column 9
        assertArrayEquals(new long[] {pixel & 0xFF, (pixel >> 2) & 0xFF, 200}, new long[] {px[pixel * 3], px[pixel * 3 + 1], px[pixel * 3 + 2]});
        Files.write(dir.resolve("test_batch.bin"), new byte[3072]);
        assertThrows(DataLossError.class, () -> Cifar10.read(dir, java.util.List.of("test_batch.bin")));
    }
}
