package org.jflow.data;

/**
 * NumPy's legacy {@code np.random.RandomState(seed)} (MT19937 seeded by {@code init_genrand}) as far
 * as Keras uses it ({@code timeseries_dataset_from_array}, {@code boston_housing.load_data}): {@code shuffle} of a 1-D array, which draws
 * each swap index with {@code random_interval} (masked 32-bit draws, rejected above the bound), so a
 * seeded shuffle gives NumPy's permutation.
 */
public final class NumpyRandomState {
    private final int[] mt = new int[624];
    private int index;

    public NumpyRandomState(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < 624; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        index = 624;
    }

    private int nextInt() {
        if (index >= 624) {
            for (int i = 0; i < 624; i++) {
                int y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
                mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** {@code random_interval(max)}: uniform in [0, max]. */
    private long interval(long max) {
        if (max == 0) return 0;
        long mask = max;
        for (int s = 1; s <= 16; s <<= 1) mask |= mask >>> s;
        long v;
        do {
            v = (nextInt() & 0xffffffffL) & mask;
        } while (v > max);
        return v;
    }

    /** {@code rng.shuffle(a)} of a 1-D array, in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) interval(i), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
