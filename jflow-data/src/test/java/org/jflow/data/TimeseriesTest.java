package org.jflow.data;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code timeseries_dataset_from_array} against Keras 3.15 ({@code golden/csvdata.py}, case "timeseries"). */
class TimeseriesTest {
    private static final Map<String, Object> GOLDEN = CsvTest.GOLDEN.map("timeseries");
    private static final double[] COVID = Golden.flatten(CsvTest.GOLDEN.get("covid_diff"));
    private static final Tensor DATA = Tensor.wrap(DType.FLOAT64, Shape.of(COVID.length / 3, 3), COVID.clone());

    private static Tensor arange(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.wrap(DType.INT64, Shape.of(n), v);
    }

    /** Flattened (windows, targets) per batch, as doubles. */
    private static List<double[]> flat(Dataset<Object> ds) {
        List<double[]> out = new ArrayList<>();
        for (Object e : ds) {
            if (e instanceof Tuple<?> t) {
                out.add(((Tensor) t.get(0)).toDoubleArray());
                out.add(((Tensor) t.get(1)).toDoubleArray());
            } else {
                out.add(((Tensor) e).toDoubleArray());
            }
        }
        return out;
    }

    private static void check(String name, Dataset<Object> ds) {
        List<?> batches = (List<?>) GOLDEN.get(name);
        List<double[]> got = flat(ds);
        List<double[]> want = new ArrayList<>();
        for (Object b : batches) {
            if (name.equals("no_targets")) want.add(Golden.flatten(b));
            else for (Object part : (List<?>) b) want.add(Golden.flatten(part));
        }
        assertEquals(want.size(), got.size(), name);
        for (int i = 0; i < want.size(); i++) assertArrayEquals(want.get(i), got.get(i), name + " part " + i);
    }

    @Test
    void windowsAsKeras() {
        int rows = DATA.shape().get(0);
        Tensor covidTargets = org.jflow.raw.RawArray.gatherV2(DATA, rangeTensor(8, rows), 0, 0);
        check("covid_window8", Timeseries.timeseriesDatasetFromArray(DATA, covidTargets, 8, 1, 1, 38, false, null, null, null));
        check("stride2_rate2", Timeseries.timeseriesDatasetFromArray(DATA, arange(rows), 3, 2, 2, 4, false, null, null, null));
        check("start_end", Timeseries.timeseriesDatasetFromArray(DATA, arange(rows), 5, 1, 1, 7, false, null, 3, 30));
        check("no_targets", Timeseries.timeseriesDatasetFromArray(arange(10), null, 4, 3, 1, 2, false, null, null, null));
    }

    private static Tensor rangeTensor(int from, int to) {
        int[] v = new int[to - from];
        for (int i = 0; i < v.length; i++) v[i] = from + i;
        return Tensor.wrap(DType.INT32, Shape.of(v.length), v);
    }

    @Test
    void seededShuffleIsKeras() {
        int[] perm = new int[1000];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        new NumpyRandomState(123456).shuffle(perm);
        assertArrayEquals(Golden.flatten(GOLDEN.get("numpy_shuffle_seed123456")), java.util.Arrays.stream(perm).asDoubleStream().toArray());
        check("shuffled_seed3", Timeseries.timeseriesDatasetFromArray(arange(50), arange(50), 5, 1, 1, 4, true, 3L, null, null));
        List<Double> targets = new ArrayList<>();
        for (Object e : Timeseries.timeseriesDatasetFromArray(arange(30), arange(30), 3, 2, 1, null, true, 11L, null, null)) {
            targets.add(((Tensor) ((Tuple<?>) e).get(1)).toDoubleArray()[0]);
        }
        assertArrayEquals(Golden.flatten(GOLDEN.get("shuffled_unbatched_seed11")), targets.stream().mapToDouble(d -> d).toArray());
    }

    @Test
    void shuffleKeepsEveryWindowAndArgumentsAreChecked() {
        List<Double> firsts = new ArrayList<>();
        for (Object e : Timeseries.timeseriesDatasetFromArray(arange(50), arange(50), 5, 1, 1, null, true, 3L, null, null)) {
            firsts.add(((Tensor) ((Tuple<?>) e).get(1)).toDoubleArray()[0]);
        }
        assertEquals(46, firsts.size());
        assertEquals(46, new java.util.HashSet<>(firsts).size());
        assertEquals("`sampling_rate` must be higher than 0. Received: sampling_rate=0", assertThrows(ValueError.class,
                () -> Timeseries.timeseriesDatasetFromArray(arange(10), null, 4, 1, 0, 2, false, null, null, null)).getMessage());
        assertEquals("`start_index` must be 0 or greater. Received: start_index=-1", assertThrows(ValueError.class,
                () -> Timeseries.timeseriesDatasetFromArray(arange(10), null, 4, 1, 1, 2, false, null, -1, null)).getMessage());
    }
}
