package org.jflow.data.datasets;

import org.jflow.Tensor;

import java.nio.file.Path;

/**
 * {@code keras.datasets.mnist} and {@code keras.datasets.fashion_mnist}: 28x28 uint8 images and uint8
 * labels, from the four IDX files both distribute ({@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz};
 * unzipped names work too).
 */
public final class Mnist {
    private Mnist() {}

    /** {@code mnist.load_data()} from {@code ~/.jflow/datasets/mnist}. */
    public static TrainTestArrays loadData() { return loadData(DatasetsFolder.of("mnist")); }

    /** {@code fashion_mnist.load_data()} from {@code ~/.jflow/datasets/fashion_mnist}. */
    public static TrainTestArrays loadFashionData() { return loadData(DatasetsFolder.of("fashion_mnist")); }

    /** The four IDX files in {@code folder}. */
    public static TrainTestArrays loadData(Path folder) {
        return new TrainTestArrays(read(folder, "train-images-idx3-ubyte"), read(folder, "train-labels-idx1-ubyte"),
                read(folder, "t10k-images-idx3-ubyte"), read(folder, "t10k-labels-idx1-ubyte"));
    }

    /** The test split alone, {@code (x_test, y_test)}, for folders that hold only it. */
    public static Tensor[] loadTestData(Path folder) {
        return new Tensor[] {read(folder, "t10k-images-idx3-ubyte"), read(folder, "t10k-labels-idx1-ubyte")};
    }

    private static Tensor read(Path folder, String name) {
        Path gz = folder.resolve(name + ".gz");
        return Idx.read(java.nio.file.Files.exists(gz) ? gz : folder.resolve(name));
    }
}
