package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;
import org.jflow.raw.RawArray;

import java.util.Iterator;
import java.util.Random;

/**
 * {@code keras.utils.timeseries_dataset_from_array}: sliding windows over the first axis of an
 * array, batched, as Keras 3 builds them. Window {@code i} starts at
 * {@code startIndex + p_i} with {@code p_i = i * sequenceStride}, holds {@code sequenceLength}
 * rows {@code samplingRate} apart, and its target is {@code targets[startIndex + p_i]}; windows
 * that would run past {@code endIndex} (or past the targets) are left out.
 */
public final class Timeseries {
    private Timeseries() {}

    /** Keras' defaults: stride 1, sampling rate 1, batches of 128, in order, the whole array. */
    public static Dataset<Object> timeseriesDatasetFromArray(Tensor data, Tensor targets, int sequenceLength) {
        return timeseriesDatasetFromArray(data, targets, sequenceLength, 1, 1, 128, false, null, null, null);
    }

    /**
     * Every argument. {@code targets} null gives windows alone; {@code batchSize} null gives single
     * windows; {@code startIndex}/{@code endIndex} null mean 0 and the array's length. Shuffling
     * permutes the window starts with NumPy's {@code RandomState(seed)} and then shuffles with a
     * buffer of {@code batchSize * 8} (1024 unbatched) and the same seed, as Keras does, so a seed
     * gives Keras' order.
     */
    public static Dataset<Object> timeseriesDatasetFromArray(Tensor data, Tensor targets, int sequenceLength,
                                                             int sequenceStride, int samplingRate, Integer batchSize,
                                                             boolean shuffle, Long seed, Integer startIndex,
                                                             Integer endIndex) {
        if (data.rank() < 1) throw new ValueError("`data` must be at least 1-D. Received: data of shape " + data.shape().toRepr());
        int len = data.shape().get(0);
        if (startIndex != null) {
            if (startIndex < 0) throw new ValueError("`start_index` must be 0 or greater. Received: start_index=" + startIndex);
            if (startIndex >= len) {
                throw new ValueError("`start_index` must be lower than the length of the data. Received: start_index="
                        + startIndex + ", for data of length " + len);
            }
        }
        if (endIndex != null) {
            if (startIndex != null && endIndex <= startIndex) {
                throw new ValueError("`end_index` must be higher than `start_index`. Received: start_index=" + startIndex
                        + ", and end_index=" + endIndex + " ");
            }
            if (endIndex >= len) {
                throw new ValueError("`end_index` must be lower than the length of the data. Received: end_index="
                        + endIndex + ", for data of length " + len);
            }
            if (endIndex <= 0) throw new ValueError("`end_index` must be higher than 0. Received: end_index=" + endIndex);
        }
        if (samplingRate <= 0) throw new ValueError("`sampling_rate` must be higher than 0. Received: sampling_rate=" + samplingRate);
        if (samplingRate >= len) {
            throw new ValueError("`sampling_rate` must be lower than the length of the data. Received: sampling_rate="
                    + samplingRate + ", for data of length " + len);
        }
        if (sequenceStride <= 0) {
            throw new ValueError("`sequence_stride` must be higher than 0. Received: sequence_stride=" + sequenceStride);
        }
        if (sequenceStride >= len) {
            throw new ValueError("`sequence_stride` must be lower than the length of the data. Received: sequence_stride="
                    + sequenceStride + ", for data of length " + len);
        }
        int start = startIndex == null ? 0 : startIndex, end = endIndex == null ? len : endIndex;
        long numSeqs = end - start - (long) (sequenceLength - 1) * samplingRate;
        if (targets != null) numSeqs = Math.min(numSeqs, targets.shape().get(0));
        int count = (int) Math.max(0, (numSeqs + sequenceStride - 1) / sequenceStride);
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) starts[i] = i * sequenceStride;
        Long shuffleSeed = null;
        if (shuffle) {
            // Keras: seed = np.random.randint(1e6) when none is given; RandomState(seed).shuffle(start_positions)
            shuffleSeed = seed == null ? (long) new Random().nextInt(1_000_000) : seed;
            new NumpyRandomState(shuffleSeed).shuffle(starts);
        }
        Dataset<Object> ds = new Windows(data, targets, starts, start, sequenceLength, samplingRate);
        if (batchSize == null) return shuffle ? ds.shuffle(1024, shuffleSeed, true) : ds;
        if (shuffle) ds = ds.shuffle(batchSize * 8L, shuffleSeed, true);
        return ds.batch(batchSize);
    }

    /** The windows (and targets) in the order of {@code starts}. */
    private static final class Windows extends Dataset<Object> {
        private final Tensor data, targets;
        private final int[] starts;
        private final int offset, length, rate;

        Windows(Tensor data, Tensor targets, int[] starts, int offset, int length, int rate) {
            this.data = data;
            this.targets = targets;
            this.starts = starts;
            this.offset = offset;
            this.length = length;
            this.rate = rate;
        }

        @Override
        public Iterator<Object> iterator() {
            return new ElementIterator<>() {
                private int i;

                @Override
                protected Object advance() {
                    if (i >= starts.length) return null;
                    int s = offset + starts[i++];
                    int[] rows = new int[length];
                    for (int k = 0; k < length; k++) rows[k] = s + k * rate;
                    Tensor window = RawArray.gatherV2(data, Tensor.wrap(DType.INT32, Shape.of(length), rows), 0, 0);
                    if (targets == null) return window;
                    Tensor target = RawArray.gatherV2(targets, Tensor.wrap(DType.INT32, Shape.scalar(), new int[] {s}), 0, 0);
                    return Tuple.of(window, target);
                }
            };
        }

        @Override
        public Object elementSpec() {
            int[] d = data.shape().dims().clone();
            d[0] = length;
            TensorSpec w = new TensorSpec(data.dtype(), Shape.of(d));
            if (targets == null) return w;
            int[] t = targets.shape().dims();
            return Tuple.of(w, new TensorSpec(targets.dtype(), Shape.of(java.util.Arrays.copyOfRange(t, 1, t.length))));
        }

        @Override
        public long cardinality() { return starts.length; }
    }
}
