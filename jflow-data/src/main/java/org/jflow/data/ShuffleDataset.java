package org.jflow.data;

import org.jflow.random.Philox;
import org.jflow.random.RandomSeed;

import java.security.SecureRandom;
import java.util.Iterator;

/**
 * {@code shuffle(buffer_size, seed, reshuffle_each_iteration)} drawing exactly TF's order: the seeds
 * come from {@code random_seed.get_seed} (the global seed and the op seed, as for every random op),
 * and each pass runs TF's ShuffleDataset iterator: a ring buffer refilled with one input element
 * before each output, the output drawn as {@code buffer[start + u % n]} for a 32-bit Philox word u
 * ({@code SingleSampleAdapter<PhiloxRandom>(seed, seed2)}), then swapped with the ring's front.
 * With {@code reshuffle_each_iteration} each pass takes its two seeds from a generator seeded once
 * per dataset (TF's RandomSeedGenerator); without, every pass uses the same seeds. Seeds of
 * (0, 0), no seed and no global seed, are drawn at random, as in TF.
 */
final class ShuffleDataset<T> extends UnaryDataset<T, T> {
    private static final SecureRandom ENTROPY = new SecureRandom();
    private final int bufferSize;
    private final boolean reshuffle;
    private final long seed, seed2;
    /** TF's RandomSeedGenerator: draws each pass's seeds when reshuffling. */
    private final Philox.SingleSamples seedGenerator;

    ShuffleDataset(Dataset<T> input, long bufferSize, Long opSeed, boolean reshuffleEachIteration) {
        super(input);
        if (bufferSize <= 0 && bufferSize != UNKNOWN) {
            throw new org.jflow.errors.InvalidArgumentError("buffer_size must be greater than zero or UNKNOWN_CARDINALITY");
        }
        // UNKNOWN_CARDINALITY: a buffer as large as the dataset
        this.bufferSize = bufferSize == UNKNOWN ? Integer.MAX_VALUE - 8 : (int) Math.min(bufferSize, Integer.MAX_VALUE - 8);
        this.reshuffle = reshuffleEachIteration;
        long[] seeds = RandomSeed.getSeed(opSeed);
        boolean random = (seeds[0] | seeds[1]) == 0; // TF's RandomSeeds: (0, 0) asks for fresh entropy
        this.seed = random ? ENTROPY.nextLong() : seeds[0];
        this.seed2 = random ? ENTROPY.nextLong() : seeds[1];
        this.seedGenerator = new Philox.SingleSamples(new Philox(seed, seed2));
    }

    @Override
    public Iterator<T> iterator() {
        long s1, s2;
        if (reshuffle) {
            synchronized (seedGenerator) {
                s1 = Integer.toUnsignedLong(seedGenerator.next());
                s2 = Integer.toUnsignedLong(seedGenerator.next());
            }
        } else {
            s1 = seed;
            s2 = seed2;
        }
        Philox.SingleSamples random = new Philox.SingleSamples(new Philox(s1, s2));
        Iterator<T> in = input.iterator();
        Object[] ring = new Object[(int) Math.min(bufferSize, 1 << 16)];
        return new ElementIterator<>() {
            private Object[] buffer = ring;
            private long start, end;

            @Override
            @SuppressWarnings("unchecked")
            protected T advance() {
                while (end - start < bufferSize && in.hasNext()) {
                    if (end - start == buffer.length) grow();
                    buffer[(int) (end % buffer.length)] = in.next();
                    end++;
                }
                if (end == start) return null;
                long offset = Integer.toUnsignedLong(random.next()) % (end - start);
                int index = slot(start + offset), front = slot(start);
                T out = (T) buffer[index];
                buffer[index] = buffer[front];
                buffer[front] = null;
                start++;
                return out;
            }

            /** The ring position of element number {@code i}, as TF's {@code i % buffer_size}. */
            private int slot(long i) { return (int) (i % buffer.length); }

            /** A larger ring (the buffer grows to buffer_size only as elements arrive), positions kept modulo the new size. */
            private void grow() {
                Object[] bigger = new Object[(int) Math.min((long) buffer.length * 2, bufferSize)];
                for (long i = start; i < end; i++) bigger[(int) (i % bigger.length)] = buffer[slot(i)];
                buffer = bigger;
            }
        };
    }


    @Override
    public long cardinality() { return input.cardinality(); }
}
