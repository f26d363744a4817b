package org.jflow.data.datasets;

import org.jflow.Tensor;
import org.jflow.data.Npy;
import org.jflow.data.NumpyRandomState;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code keras.datasets.boston_housing}: 506 rows of 13 float64 features and a float64 price, from
 * Keras' {@code boston_housing.npz} ({@code x}, {@code y}), shuffled by NumPy's {@code RandomState(seed)}
 * exactly as Keras shuffles them, then split at {@code int(n * (1 - testSplit))}.
 */
public final class BostonHousing {
    private BostonHousing() {}

    /** {@code boston_housing.load_data()} from {@code ~/.jflow/datasets/boston_housing.npz}: test split 0.2, seed 113. */
    public static TrainTestArrays loadData() {
        return loadData(DatasetsFolder.of("boston_housing.npz"), 0.2, 113);
    }

    /** {@code boston_housing.load_data(path, test_split, seed)}. */
    public static TrainTestArrays loadData(Path npz, double testSplit, long seed) {
        if (!(testSplit >= 0 && testSplit < 1)) {
            throw new ValueError("Invalid `test_split` argument: " + testSplit + ". It must be between 0 and 1 (exclusive of 1).");
        }
        Map<String, Tensor> arrays = Npy.loadNpz(npz);
        Tensor x = arrays.get("x"), y = arrays.get("y");
        if (x == null || y == null || x.shape().rank() < 1 || y.shape().rank() < 1 || x.shape().get(0) != y.shape().get(0)) {
            throw new InvalidArgumentError(npz + ": expected arrays 'x' and 'y' with the same first dimension, got "
                    + arrays.keySet());
        }
        int n = x.shape().get(0);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        new NumpyRandomState(seed).shuffle(order);
        Tensor indices = Raw.ints(order);
        Tensor xs = RawArray.gatherV2(x, indices, 0, 0), ys = RawArray.gatherV2(y, indices, 0, 0);
        int train = (int) (n * (1 - testSplit));
        return new TrainTestArrays(rows(xs, 0, train), rows(ys, 0, train), rows(xs, train, n), rows(ys, train, n));
    }

    private static Tensor rows(Tensor t, int from, int to) {
        int[] begin = new int[t.shape().rank()], size = t.shape().dims();
        begin[0] = from;
        size[0] = to - from;
        return RawArray.slice(t, begin, size);
    }
}
