package org.jflow.data.datasets;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.DataLossError;
import org.jflow.errors.NotFoundError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code keras.datasets.cifar10}: 50,000 training and 10,000 test images, 32x32x3 uint8 in channels-last
 * order, labels uint8 of shape (n, 1), as Keras returns them, read from CIFAR-10's binary version
 * ({@code cifar-10-batches-bin/data_batch_1.bin} ... {@code _5.bin} and {@code test_batch.bin}: each
 * record one label byte and 3,072 pixel bytes, the red, green and blue planes in turn).
 */
public final class Cifar10 {
    private static final int PIXELS = 32 * 32, RECORD = 1 + 3 * PIXELS;

    private Cifar10() {}

    /** {@code cifar10.load_data()} from {@code ~/.jflow/datasets/cifar10/cifar-10-batches-bin}. */
    public static TrainTestArrays loadData() { return loadData(DatasetsFolder.of("cifar10").resolve("cifar-10-batches-bin")); }

    /** The six batch files in {@code folder}. */
    public static TrainTestArrays loadData(Path folder) {
        Tensor[] train = read(folder, List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"));
        Tensor[] test = read(folder, List.of("test_batch.bin"));
        return new TrainTestArrays(train[0], train[1], test[0], test[1]);
    }

    /** Images and labels of the given batch files, in order. */
    static Tensor[] read(Path folder, List<String> files) {
        byte[][] contents = new byte[files.size()][];
        int records = 0;
        for (int f = 0; f < files.size(); f++) {
            Path p = folder.resolve(files.get(f));
            try {
                contents[f] = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new NotFoundError(p + "; No such file or directory");
            } catch (IOException e) {
                throw new DataLossError(p + ": " + e.getMessage());
            }
            if (contents[f].length % RECORD != 0) {
                throw new DataLossError(p + ": " + contents[f].length + " bytes is not a whole number of "
                        + RECORD + "-byte CIFAR-10 records");
            }
            records += contents[f].length / RECORD;
        }
        byte[] images = new byte[records * 3 * PIXELS], labels = new byte[records];
        int r = 0;
        for (byte[] c : contents) {
            for (int off = 0; off < c.length; off += RECORD, r++) {
                labels[r] = c[off];
                for (int px = 0; px < PIXELS; px++) {
                    for (int ch = 0; ch < 3; ch++) images[(r * PIXELS + px) * 3 + ch] = c[off + 1 + ch * PIXELS + px];
                }
            }
        }
        return new Tensor[] {Tensor.wrap(DType.UINT8, Shape.of(records, 32, 32, 3), images),
                Tensor.wrap(DType.UINT8, Shape.of(records, 1), labels)};
    }
}
