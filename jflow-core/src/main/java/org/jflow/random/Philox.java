package org.jflow.random;

/**
 * The Philox4x32-10 counter-based generator exactly as TensorFlow's {@code PhiloxRandom}: a 128-bit
 * counter and a 64-bit key; each call returns four 32-bit words and advances the counter by one.
 * Mutable, so each kernel run works on its own copy ({@link #copy()}).
 */
public final class Philox {
    private static final int MUL_A = 0xD2511F53, MUL_B = 0xCD9E8D57;
    private static final int KEY_STEP_A = 0x9E3779B9, KEY_STEP_B = 0xBB67AE85;
    private static final long MASK = 0xFFFFFFFFL;

    private int c0, c1, c2, c3;
    private final int k0, k1;

    /** TF's {@code PhiloxRandom(seed_lo, seed_hi)}: the key from the first seed, the counter's upper half from the second. */
    public Philox(long seedLo, long seedHi) {
        this(0, 0, (int) seedHi, (int) (seedHi >>> 32), (int) seedLo, (int) (seedLo >>> 32));
    }

    /** TF's {@code PhiloxRandom(counter, key)}. */
    public Philox(int c0, int c1, int c2, int c3, int k0, int k1) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
        this.k0 = k0;
        this.k1 = k1;
    }

    public Philox copy() { return new Philox(c0, c1, c2, c3, k0, k1); }

    /** The block for a counter and key (Random123's {@code philox4x32_10}), into {@code out[0..3]}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < 10; round++) {
            long p0 = (c0 & MASK) * (MUL_A & MASK);
            long p1 = (c2 & MASK) * (MUL_B & MASK);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
            k0 += KEY_STEP_A;
            k1 += KEY_STEP_B;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** Four fresh words into {@code out[0..3]}; advances the counter by one. */
    public void next(int[] out) {
        block(c0, c1, c2, c3, k0, k1, out);
        skipOne();
    }

    private void skipOne() {
        if (++c0 == 0 && ++c1 == 0 && ++c2 == 0) ++c3;
    }

    /** Advances the 128-bit counter by {@code count} (an unsigned 64-bit number) blocks. */
    public void skip(long count) {
        int lo = (int) count;
        int hi = (int) (count >>> 32);
        c0 += lo;
        if (Integer.compareUnsigned(c0, lo) < 0) ++hi;
        c1 += hi;
        if (Integer.compareUnsigned(c1, hi) < 0 && ++c2 == 0) ++c3;
    }

    /**
     * TF's {@code SingleSampleAdapter}: hands out the words of successive blocks one at a time,
     * for distributions that consume a variable number of words (and for tf.data's shuffle).
     */
    public static final class SingleSamples {
        private final Philox gen;
        private final int[] block = new int[4];
        private int used = 4;

        public SingleSamples(Philox gen) { this.gen = gen; }

        /** The next 32-bit word (unsigned in TF). */
        public int next() {
            if (used == 4) {
                gen.next(block);
                used = 0;
            }
            return block[used++];
        }
    }
}
