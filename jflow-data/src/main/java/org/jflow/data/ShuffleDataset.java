package org.jflow.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code shuffle(buffer_size, seed, reshuffle_each_iteration)}: a buffer of {@code bufferSize}
 * elements is filled, then each output is a uniformly drawn buffer entry, replaced by the next input
 * element; so the k-th output is one of the first k + bufferSize inputs. With a seed the order is
 * reproducible (each pass draws the next order when reshuffling); without one it differs per run.
 * The draws are JFlow's own: TF's order for the same seed is not reproduced.
 */
final class ShuffleDataset<T> extends Dataset<T> {
    private final Dataset<T> input;
    private final int bufferSize;
    private final long seed;
    private final boolean reshuffle;
    private final AtomicLong passes = new AtomicLong();

    ShuffleDataset(Dataset<T> input, long bufferSize, Long seed, boolean reshuffleEachIteration) {
        if (bufferSize <= 0 && bufferSize != UNKNOWN) throw new org.jflow.errors.InvalidArgumentError("buffer_size must be greater than zero or UNKNOWN_CARDINALITY");
        this.input = input;
        // UNKNOWN_CARDINALITY: a buffer as large as the dataset
        this.bufferSize = bufferSize == UNKNOWN ? Integer.MAX_VALUE - 8 : (int) Math.min(bufferSize, Integer.MAX_VALUE - 8);
        this.seed = seed != null ? seed : new SplittableRandom().nextLong();
        this.reshuffle = reshuffleEachIteration;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        SplittableRandom random = new SplittableRandom(seed + (reshuffle ? passes.getAndIncrement() * 0x9E3779B97F4A7C15L : 0));
        List<T> buffer = new ArrayList<>();
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                while (buffer.size() < bufferSize && in.hasNext()) buffer.add(in.next());
                if (buffer.isEmpty()) return null;
                int i = random.nextInt(buffer.size());
                T out = buffer.get(i);
                if (in.hasNext()) buffer.set(i, in.next());
                else {
                    buffer.set(i, buffer.getLast());
                    buffer.removeLast();
                }
                return out;
            }
        };
    }

    @Override
    public Object elementSpec() { return input.elementSpec(); }

    @Override
    public long cardinality() { return input.cardinality(); }
}
