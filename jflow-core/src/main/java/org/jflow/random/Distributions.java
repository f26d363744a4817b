package org.jflow.random;

import org.jflow.DType;
import org.jflow.engine.Halfs;
import org.jflow.engine.Parallel;

/**
 * TF's {@code random_distributions.h}: how Philox words become uniform, normal, truncated normal
 * and integer samples, group by group, so that every element equals what TF's CPU kernel writes.
 * Fixed-size distributions consume one Philox block per group; the truncated normal, which
 * rejects samples, gets a fresh generator skipped to 256 blocks per group, as TF does. Because a
 * group's words depend only on its index, groups fill in parallel with identical results.
 */
final class Distributions {
    /** Blocks TF reserves per truncated-normal group of 4, so that groups never share words. */
    private static final int RESERVED_BLOCKS_PER_GROUP = 256;
    /** Groups below this count are filled on the calling thread. */
    private static final int GRAIN = 4096;

    private Distributions() {}

    /** Writes the {@code count} (at most a group's) elements starting at {@code first} from one block of words. */
    @FunctionalInterface
    private interface GroupWriter { void write(int[] words, int first, int count); }

    /** Runs {@code writer} on consecutive blocks of {@code base}, one block per group of {@code groupSize} elements. */
    private static void fill(Philox base, int n, int groupSize, GroupWriter writer) {
        int groups = (n + groupSize - 1) / groupSize;
        Parallel.forRange(groups, GRAIN, (from, to) -> {
            Philox gen = base.copy();
            gen.skip(from);
            int[] w = new int[4];
            for (int g = from; g < to; g++) {
                gen.next(w);
                writer.write(w, g * groupSize, Math.min(groupSize, n - g * groupSize));
            }
        });
    }

    /** {@code Uint32ToFloat}: 23 random mantissa bits on 1.0f, minus 1. */
    static float toFloat(int x) { return Float.intBitsToFloat((x & 0x7fffff) | 0x3f800000) - 1.0f; }

    /** {@code Uint64ToDouble}: 52 random mantissa bits (20 from x0, 32 from x1) on 1.0, minus 1. */
    static double toDouble(int x0, int x1) {
        long man = ((long) (x0 & 0xfffff) << 32) | (x1 & 0xFFFFFFFFL);
        return Double.longBitsToDouble((1023L << 52) | man) - 1.0;
    }

    /** {@code Uint16ToHalf} / {@code Uint16ToGfloat16}: the low bits as a half's mantissa on 1, minus 1. */
    private static short toHalf(int x, DType dtype) {
        short one = dtype == DType.BFLOAT16 ? (short) (0x3f80 | (x & 0x7f)) : (short) (0x3c00 | (x & 0x3ff));
        return Halfs.fromFloat(Halfs.toFloat(one, dtype) - 1.0f, dtype);
    }

    /** {@code BoxMullerFloat}: two standard normals from two words, in float arithmetic. */
    private static void boxMuller(int x0, int x1, float[] out, int at) {
        float u1 = Math.max(toFloat(x0), 1.0e-7f);
        float v1 = (float) (2.0 * Math.PI * toFloat(x1));
        float u2 = (float) Math.sqrt(-2.0f * (float) Math.log(u1));
        out[at] = (float) Math.sin(v1) * u2;
        out[at + 1] = (float) Math.cos(v1) * u2;
    }

    /** {@code BoxMullerDouble}: two standard normals from four words. */
    private static void boxMuller(int x0, int x1, int x2, int x3, double[] out, int at) {
        double u1 = Math.max(toDouble(x0, x1), 1.0e-7);
        double v1 = 2 * Math.PI * toDouble(x2, x3);
        double u2 = Math.sqrt(-2.0 * Math.log(u1));
        out[at] = Math.sin(v1) * u2;
        out[at + 1] = Math.cos(v1) * u2;
    }

    /** Uniform [0, 1) of a floating dtype: TF's {@code UniformDistribution}. */
    static Object uniform(Philox gen, DType dtype, int n) {
        switch (dtype) {
            case FLOAT32 -> {
                float[] out = new float[n];
                fill(gen, n, 4, (w, first, count) -> {
                    for (int j = 0; j < count; j++) out[first + j] = toFloat(w[j]);
                });
                return out;
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                fill(gen, n, 2, (w, first, count) -> {
                    for (int j = 0; j < count; j++) out[first + j] = toDouble(w[2 * j], w[2 * j + 1]);
                });
                return out;
            }
            default -> {
                short[] out = new short[n];
                fill(gen, n, 4, (w, first, count) -> {
                    for (int j = 0; j < count; j++) out[first + j] = toHalf(w[j], dtype);
                });
                return out;
            }
        }
    }

    /** Integers in [lo, hi): TF's {@code UniformDistribution<int>}, a word (or two) modulo the range. */
    static Object uniformInt(Philox gen, DType dtype, int n, long lo, long hi) {
        if (dtype == DType.INT64) {
            long range = hi - lo;
            long[] out = new long[n];
            fill(gen, n, 2, (w, first, count) -> {
                for (int j = 0; j < count; j++) {
                    long bits = (w[2 * j] & 0xFFFFFFFFL) | ((long) w[2 * j + 1] << 32);
                    out[first + j] = lo + Long.remainderUnsigned(bits, range);
                }
            });
            return out;
        }
        int low = (int) lo, range = (int) hi - (int) lo;
        int[] out = new int[n];
        fill(gen, n, 4, (w, first, count) -> {
            for (int j = 0; j < count; j++) out[first + j] = low + Integer.remainderUnsigned(w[j], range);
        });
        return out;
    }

    /** Every bit pattern of the dtype: TF's {@code UniformFullIntDistribution}. */
    static Object uniformFullInt(Philox gen, DType dtype, int n) {
        if (dtype == DType.INT64) {
            long[] out = new long[n];
            fill(gen, n, 2, (w, first, count) -> {
                for (int j = 0; j < count; j++) out[first + j] = (w[2 * j] & 0xFFFFFFFFL) | ((long) w[2 * j + 1] << 32);
            });
            return out;
        }
        int[] out = new int[n];
        fill(gen, n, 4, (w, first, count) -> System.arraycopy(w, 0, out, first, count));
        return out;
    }

    /** Doubles two per block from one generator, each pair handed out last element first, as TF's gamma kernel uses them. */
    private static final class DoublePairs {
        private final Philox gen;
        private final boolean normal;
        private final int[] w = new int[4];
        private final double[] pair = new double[2];
        private int left;

        DoublePairs(Philox gen, boolean normal) {
            this.gen = gen;
            this.normal = normal;
        }

        double next() {
            if (left == 0) {
                gen.next(w);
                if (normal) {
                    boxMuller(w[0], w[1], w[2], w[3], pair, 0);
                } else {
                    pair[0] = toDouble(w[0], w[1]);
                    pair[1] = toDouble(w[2], w[3]);
                }
                left = 2;
            }
            return pair[--left];
        }
    }

    /**
     * One gamma(alpha) sample as TF's {@code RandomGammaOp} draws it from its own generator:
     * Marsaglia-Tsang with double normals and uniforms; alpha = 1 is an exponential.
     */
    static double gamma(Philox gen, double alpha) {
        DoublePairs uniforms = new DoublePairs(gen, false);
        if (alpha == 1.0) return -Math.log1p(-uniforms.next());
        DoublePairs normals = new DoublePairs(gen, true);
        boolean small = alpha < 1;
        double d = alpha + (small ? 2.0 / 3 : -1.0 / 3);
        double c = 1.0 / 3 / Math.sqrt(d);
        while (true) {
            double x = normals.next();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = uniforms.next();
            if (u < 1 - 0.0331 * (x * x) * (x * x) || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return small ? d * v * Math.pow(uniforms.next(), 1 / alpha) : d * v;
            }
        }
    }

    /**
     * One Poisson(rate) sample as TF's {@code RandomPoissonOp} draws it from its own generator, in
     * double: Knuth's product of uniforms below rate 10, Hormann's transformed rejection above.
     */
    static double poisson(Philox gen, double rate) {
        // TF's kernel loops forever on a NaN rate (no comparison ever ends its loops); a NaN sample ends here instead
        if (Double.isNaN(rate)) return Double.NaN;
        DoublePairs uniforms = new DoublePairs(gen, false);
        if (rate < 10) {
            double limit = Math.exp(-rate), product = 1, k = 0;
            while (true) {
                product *= uniforms.next();
                if (product <= limit) return k;
                k += 1;
            }
        }
        if (Double.isInfinite(rate)) return Double.POSITIVE_INFINITY;
        double logRate = Math.log(rate);
        double b = 0.931 + 2.53 * Math.sqrt(rate);
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vR = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = uniforms.next() - 0.5;
            double v = uniforms.next();
            double uShifted = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / uShifted + b) * u + rate + 0.43);
            if (k < 0) continue;
            if (uShifted >= 0.07 && v <= vR) return k;
            double s = Math.log(v * invAlpha / (a / (uShifted * uShifted) + b));
            double t = -rate + k * logRate - logGamma(k + 1);
            if (s <= t) return k;
        }
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    /** log(Gamma(x)) for x >= 1 (Lanczos, g = 7), which Java's Math lacks. */
    static double logGamma(double x) {
        double z = x - 1, sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Standard normal: TF's {@code NormalDistribution} (Box-Muller on word pairs). */
    static Object normal(Philox gen, DType dtype, int n) {
        if (dtype == DType.FLOAT64) {
            double[] out = new double[n];
            fill(gen, n, 2, (w, first, count) -> {
                double[] pair = new double[2];
                boxMuller(w[0], w[1], w[2], w[3], pair, 0);
                System.arraycopy(pair, 0, out, first, count);
            });
            return out;
        }
        float[] out = new float[n];
        fill(gen, n, 4, (w, first, count) -> {
            float[] group = new float[4];
            boxMuller(w[0], w[1], group, 0);
            boxMuller(w[2], w[3], group, 2);
            System.arraycopy(group, 0, out, first, count);
        });
        return narrow(out, dtype);
    }

    /** Standard normal cut at |x| < 2 by rejection: TF's {@code TruncatedNormalDistribution}. */
    static Object truncatedNormal(Philox base, DType dtype, int n) {
        boolean wide = dtype == DType.FLOAT64;
        int size = wide ? 2 : 4;
        double[] out = new double[n];
        Parallel.forRange((n + size - 1) / size, GRAIN / 8, (from, to) -> {
            double[] pair = new double[2];
            float[] floats = new float[2];
            for (int g = from; g < to; g++) {
                Philox gen = base.copy();
                gen.skip((long) g * size * RESERVED_BLOCKS_PER_GROUP / 4);
                Philox.SingleSamples words = new Philox.SingleSamples(gen);
                int filled = 0;
                while (filled < size) {
                    if (wide) {
                        boxMuller(words.next(), words.next(), words.next(), words.next(), pair, 0);
                    } else {
                        boxMuller(words.next(), words.next(), floats, 0);
                        pair[0] = floats[0];
                        pair[1] = floats[1];
                    }
                    for (int k = 0; k < 2 && filled < size; k++) {
                        if (Math.abs(pair[k]) < 2.0) {
                            if (g * size + filled < n) out[g * size + filled] = pair[k];
                            filled++;
                        }
                    }
                }
            }
        });
        if (wide) return out;
        float[] single = new float[n];
        for (int i = 0; i < n; i++) single[i] = (float) out[i];
        return narrow(single, dtype);
    }

    /** float16/bfloat16 sample in float32 and round once, as TF's half kernels do. */
    private static Object narrow(float[] values, DType dtype) {
        if (dtype == DType.FLOAT32) return values;
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Halfs.fromFloat(values[i], dtype);
        return out;
    }
}
