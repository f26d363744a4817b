package org.jflow.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jflow.DType;
import org.jflow.engine.Parallel;

/**
 * Reduces the middle axis of an {@code [outer, n, inner]} buffer with a {@link Monoid}. The walk
 * (rows reduced whole, or rows accumulated into a vector of {@code inner} results, split across
 * threads when large) is written once in {@link #reduce}; the element loops are per buffer type,
 * on the Vector API.
 */
abstract class ReduceKernel {
    /** Columns accumulated together, sized so a block of results stays in the L1 cache. */
    private static final int COLUMN_BLOCK = 2048;

    final Monoid monoid;

    ReduceKernel(Monoid monoid) { this.monoid = monoid; }

    abstract Object allocate(int n);

    /** Sets {@code out[from, to)} to the monoid's identity (the value of an empty reduction). */
    abstract void fillIdentity(Object out, int from, int to);

    /** {@code out[at] = reduce(x[off, off + len))}. */
    abstract void row(Object x, int off, int len, Object out, int at);

    /** {@code out[outOff + k] = combine(out[outOff + k], x[off + k])} for {@code k < len}. */
    abstract void accumulate(Object x, int off, Object out, int outOff, int len);

    /** The kernel for buffers of {@code working}'s type holding values of {@code dtype} (whose range gives the integer identities). */
    static ReduceKernel of(Monoid m, DType working, DType dtype) {
        if (dtype == DType.FLOAT16 && m == Monoid.SUM) return new HalfSums();
        return switch (working.storage()) {
            case FLOAT -> new Floats(m, dtype);
            case DOUBLE -> new Doubles(m, dtype);
            case INT -> new Ints(m, dtype);
            case LONG -> new Longs(m, dtype);
            default -> throw new IllegalArgumentException("No reduce kernel works on " + working);
        };
    }

    /** The reduction of {@code x} (in the kernel's buffer type) over the middle axis of {@code l}. */
    Object reduce(Object x, AxisLayout l) {
        int outer = l.outer(), n = l.n(), inner = l.inner();
        Object out = allocate(outer * inner);
        if (outer * inner == 0) return out;
        if (n == 0) {
            fillIdentity(out, 0, outer * inner);
            return out;
        }
        if (inner == 1) {
            int threads = outer == 1 ? fullReduceThreads(n, elementBytes(x)) : 1;
            if (threads > 1) {
                fullReduce(x, n, threads, out);
            } else {
                Parallel.forRange(outer, Math.max(1, Parallel.DEFAULT_GRAIN / n), (from, to) -> {
                    for (int o = from; o < to; o++) row(x, o * n, n, out, o);
                });
            }
        } else if (outer > 1) {
            Parallel.forRange(outer, Math.max(1, Parallel.DEFAULT_GRAIN / (n * inner)), (from, to) -> {
                for (int o = from; o < to; o++) columns(x, l, o, 0, inner, out);
            });
        } else {
            Parallel.forRange(inner, Math.max(64, Parallel.DEFAULT_GRAIN / n), (from, to) -> columns(x, l, 0, from, to, out));
        }
        return out;
    }

    /**
     * How many threads Eigen's cost model ({@code TensorCostModel::numThreads}) gives a full reduction of
     * {@code n} elements: 11/64 cycles per byte loaded plus one add per 32-byte packet, 100,000 cycles of
     * start-up and per thread. The split decides the blocks, so it is TF's rather than our own grain.
     */
    private static int fullReduceThreads(int n, int bytes) {
        double cost = n * (bytes * 11.0 / 64 + bytes / 32.0);
        int threads = (int) Math.min(Integer.MAX_VALUE, (cost - 100_000) / 100_000 + 0.9);
        return Math.min(Parallel.threads(), Math.max(1, threads));
    }

    private static int elementBytes(Object x) {
        return x instanceof double[] || x instanceof long[] ? 8 : 4;
    }

    /**
     * A whole buffer on {@code threads} threads as Eigen's threaded {@code FullReducer} splits it:
     * blocks of {@code n / threads}, the remainder reduced first, then the blocks added to it in
     * order, so that sums agree with TF's.
     */
    private void fullReduce(Object x, int n, int threads, Object out) {
        int block = n / threads, blocks = n / block, rest = n - blocks * block;
        Object partial = allocate(blocks + 1);
        fillIdentity(partial, 0, 1);
        Parallel.forRange(blocks + 1, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                if (b < blocks) row(x, b * block, block, partial, b + 1);
                else if (rest > 0) row(x, blocks * block, rest, partial, 0);
            }
        });
        accumulateRows(partial, 1, blocks, 1, partial, 0, 1);
        System.arraycopy(partial, 0, out, 0, 1);
    }

    /**
     * Results {@code (o, from..to)}: as Eigen's executor evaluates a reduction that keeps the innermost dim,
     * whole 32-byte packets of results inside one run of {@code inner} go through
     * {@link #columnBlock} (a block of columns at a time), every other result (the outputs past the last
     * whole packet, a packet straddling two runs) one by one, its rows combined in order from the identity.
     */
    private void columns(Object x, AxisLayout l, int o, int from, int to, Object out) {
        int n = l.n(), inner = l.inner(), packet = 32 / elementBytes(x), total = l.outer() * inner;
        for (int c = from; c < to; ) {
            boolean vectorized = inPacket(o * inner + c, inner, total, packet);
            int end = c + 1;
            while (end < to && inPacket(o * inner + end, inner, total, packet) == vectorized) end++;
            for (int b = c; b < end; b += vectorized ? COLUMN_BLOCK : 1) {
                int at = o * inner + b;
                if (vectorized) {
                    columnBlock(x, l.at(o, 0, b), n, inner, out, at, Math.min(COLUMN_BLOCK, end - b));
                } else {
                    fillIdentity(out, at, at + 1);
                    accumulateRows(x, l.at(o, 0, b), n, inner, out, at, 1);
                }
            }
            c = end;
        }
    }

    /** Whether result {@code e} lies in a whole packet of results inside one run of {@code inner} (Eigen's packets). */
    private static boolean inPacket(int e, int inner, int total, int packet) {
        int start = e - e % packet;
        return start + packet <= total && start % inner + packet - 1 < inner;
    }

    /**
     * {@code out[at + k]} = the reduction of {@code x[first + r * stride + k]} over {@code r < n}, as
     * Eigen's {@code InnerMostDimPreserver} takes it: from 16 rows on, rows {@code r % 4 == j} go to four
     * accumulators combined in order and the leftover rows are added last; fewer rows run in order.
     */
    private void columnBlock(Object x, int first, int n, int stride, Object out, int at, int len) {
        System.arraycopy(x, first, out, at, len);
        if (n < 16) {
            accumulateRows(x, first + stride, n - 1, stride, out, at, len);
            return;
        }
        int unrolled = n / 4 * 4;
        Object acc = allocate(3 * len);
        for (int j = 1; j < 4; j++) System.arraycopy(x, first + j * stride, acc, (j - 1) * len, len);
        for (int j = 1; j < 4; j++) {
            accumulateRows(x, first + (j + 4) * stride, unrolled / 4 - 1, 4 * stride, acc, (j - 1) * len, len);
        }
        accumulateRows(x, first + 4 * stride, unrolled / 4 - 1, 4 * stride, out, at, len);
        accumulateRows(acc, 0, 3, len, out, at, len);
        accumulateRows(x, first + unrolled * stride, n - unrolled, stride, out, at, len);
    }

    /** Combines rows {@code x[first + r * stride, + len)}, {@code r < rows}, into {@code out[at, at + len)} in order. */
    private void accumulateRows(Object x, int first, int rows, int stride, Object out, int at, int len) {
        for (int r = 0; r < rows; r++) accumulate(x, first + r * stride, out, at, len);
    }

    // The Vector API compiles to SIMD only when each operation is a constant at its call site, so
    // each monoid gets its own loop (a shared loop taking the operator as a value ran 20x slower),
    // and each element type its own class: Java generics do not reach primitive arrays.
    static class Floats extends ReduceKernel {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        private final float identity;

        Floats(Monoid m, DType dtype) {
            super(m);
            identity = switch (m) {
                case SUM -> 0;
                case PROD -> 1;
                case MAX -> Float.NEGATIVE_INFINITY;
                case MIN -> Float.POSITIVE_INFINITY;
            };
        }

        @Override Object allocate(int n) { return new float[n]; }

        @Override void fillIdentity(Object out, int from, int to) { java.util.Arrays.fill((float[]) out, from, to, identity); }

        @Override
        void row(Object x, int off, int len, Object out, int at) {
            float[] xs = (float[]) x;
            ((float[]) out)[at] = switch (monoid) {
                case SUM -> sum(xs, off, len);
                case MAX -> max(xs, off, len, identity);
                case MIN -> min(xs, off, len, identity);
                case PROD -> FloatLanes.treeProduct(xs, off, len);
            };
        }

        /** Eigen's tree-reduced sum, as TF's kernels take it (see {@link FloatLanes#treeSum}). */
        private static float sum(float[] x, int off, int len) { return FloatLanes.treeSum(x, off, len); }

        private static float max(float[] x, int off, int len, float identity) {
            int step = S.length(), i = 0;
            FloatVector a0 = FloatVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.max(FloatVector.fromArray(S, x, off + i));
                a1 = a1.max(FloatVector.fromArray(S, x, off + i + step));
                a2 = a2.max(FloatVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.max(FloatVector.fromArray(S, x, off + i + 3 * step));
            }
            float acc = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) acc = Math.max(acc, x[off + i]);
            return acc;
        }

        private static float min(float[] x, int off, int len, float identity) {
            int step = S.length(), i = 0;
            FloatVector a0 = FloatVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.min(FloatVector.fromArray(S, x, off + i));
                a1 = a1.min(FloatVector.fromArray(S, x, off + i + step));
                a2 = a2.min(FloatVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.min(FloatVector.fromArray(S, x, off + i + 3 * step));
            }
            float acc = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) acc = Math.min(acc, x[off + i]);
            return acc;
        }

        @Override
        void accumulate(Object x, int off, Object out, int outOff, int len) {
            float[] xs = (float[]) x, o = (float[]) out;
            int step = S.length(), i = 0;
            switch (monoid) {
                case SUM -> {
                    for (; i <= len - step; i += step) {
                        FloatVector.fromArray(S, o, outOff + i).add(FloatVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] += xs[off + i];
                }
                case MAX -> {
                    for (; i <= len - step; i += step) {
                        FloatVector.fromArray(S, o, outOff + i).max(FloatVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.max(o[outOff + i], xs[off + i]);
                }
                case MIN -> {
                    for (; i <= len - step; i += step) {
                        FloatVector.fromArray(S, o, outOff + i).min(FloatVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.min(o[outOff + i], xs[off + i]);
                }
                case PROD -> {
                    for (; i < len; i++) o[outOff + i] *= xs[off + i];
                }
            }
        }
    }

    /**
     * float16 sums, which TF 2.21 computes in half (Eigen's {@code SumReducer<half>}; bfloat16 sums it casts to
     * float): the float32 kernel's walk with each addition rounded to half ({@link HalfTreeSum#sum} for rows).
     */
    static final class HalfSums extends Floats {
        HalfSums() { super(Monoid.SUM, DType.FLOAT16); }

        @Override
        void row(Object x, int off, int len, Object out, int at) { ((float[]) out)[at] = HalfTreeSum.sum((float[]) x, off, len); }

        @Override
        void accumulate(Object x, int off, Object out, int outOff, int len) {
            float[] xs = (float[]) x, o = (float[]) out;
            for (int i = 0; i < len; i++) o[outOff + i] = HalfTreeSum.half(o[outOff + i] + xs[off + i]);
        }
    }

    static final class Doubles extends ReduceKernel {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
        private final double identity;

        Doubles(Monoid m, DType dtype) {
            super(m);
            identity = switch (m) {
                case SUM -> 0;
                case PROD -> 1;
                case MAX -> Double.NEGATIVE_INFINITY;
                case MIN -> Double.POSITIVE_INFINITY;
            };
        }

        @Override Object allocate(int n) { return new double[n]; }

        @Override void fillIdentity(Object out, int from, int to) { java.util.Arrays.fill((double[]) out, from, to, identity); }

        @Override
        void row(Object x, int off, int len, Object out, int at) {
            double[] xs = (double[]) x;
            ((double[]) out)[at] = switch (monoid) {
                case SUM -> sum(xs, off, len);
                case MAX -> max(xs, off, len, identity);
                case MIN -> min(xs, off, len, identity);
                case PROD -> DoubleLanes.treeProduct(xs, off, len);
            };
        }

        private static double sum(double[] x, int off, int len) { return DoubleLanes.treeSum(x, off, len); }

        private static double max(double[] x, int off, int len, double identity) {
            int step = S.length(), i = 0;
            DoubleVector a0 = DoubleVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.max(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.max(DoubleVector.fromArray(S, x, off + i + step));
                a2 = a2.max(DoubleVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.max(DoubleVector.fromArray(S, x, off + i + 3 * step));
            }
            double acc = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) acc = Math.max(acc, x[off + i]);
            return acc;
        }

        private static double min(double[] x, int off, int len, double identity) {
            int step = S.length(), i = 0;
            DoubleVector a0 = DoubleVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.min(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.min(DoubleVector.fromArray(S, x, off + i + step));
                a2 = a2.min(DoubleVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.min(DoubleVector.fromArray(S, x, off + i + 3 * step));
            }
            double acc = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) acc = Math.min(acc, x[off + i]);
            return acc;
        }

        @Override
        void accumulate(Object x, int off, Object out, int outOff, int len) {
            double[] xs = (double[]) x, o = (double[]) out;
            int step = S.length(), i = 0;
            switch (monoid) {
                case SUM -> {
                    for (; i <= len - step; i += step) {
                        DoubleVector.fromArray(S, o, outOff + i).add(DoubleVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] += xs[off + i];
                }
                case MAX -> {
                    for (; i <= len - step; i += step) {
                        DoubleVector.fromArray(S, o, outOff + i).max(DoubleVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.max(o[outOff + i], xs[off + i]);
                }
                case MIN -> {
                    for (; i <= len - step; i += step) {
                        DoubleVector.fromArray(S, o, outOff + i).min(DoubleVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.min(o[outOff + i], xs[off + i]);
                }
                case PROD -> {
                    for (; i < len; i++) o[outOff + i] *= xs[off + i];
                }
            }
        }
    }

    /** Integers of every width, widened to long; callers narrow the results to the dtype (wrapping as C++ does). */
    static final class Longs extends ReduceKernel {
        private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
        private final long identity;

        Longs(Monoid m, DType dtype) {
            super(m);
            identity = switch (m) {
                case SUM -> 0;
                case PROD -> 1;
                case MAX -> (long) dtype.min();
                case MIN -> (long) dtype.max();
            };
        }

        @Override Object allocate(int n) { return new long[n]; }

        @Override void fillIdentity(Object out, int from, int to) { java.util.Arrays.fill((long[]) out, from, to, identity); }

        @Override
        void row(Object x, int off, int len, Object out, int at) {
            long[] xs = (long[]) x;
            ((long[]) out)[at] = switch (monoid) {
                case SUM -> sum(xs, off, len);
                case MAX -> max(xs, off, len, identity);
                case MIN -> min(xs, off, len, identity);
                case PROD -> {
                    long p = 1;
                    for (int i = 0; i < len; i++) p *= xs[off + i];
                    yield p;
                }
            };
        }

        /** Four independent accumulators hide the add latency. */
        private static long sum(long[] x, int off, int len) {
            int step = S.length(), i = 0;
            LongVector a0 = LongVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.add(LongVector.fromArray(S, x, off + i));
                a1 = a1.add(LongVector.fromArray(S, x, off + i + step));
                a2 = a2.add(LongVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.add(LongVector.fromArray(S, x, off + i + 3 * step));
            }
            for (; i <= len - step; i += step) a0 = a0.add(LongVector.fromArray(S, x, off + i));
            long acc = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) acc += x[off + i];
            return acc;
        }

        private static long max(long[] x, int off, int len, long identity) {
            int step = S.length(), i = 0;
            LongVector a0 = LongVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.max(LongVector.fromArray(S, x, off + i));
                a1 = a1.max(LongVector.fromArray(S, x, off + i + step));
                a2 = a2.max(LongVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.max(LongVector.fromArray(S, x, off + i + 3 * step));
            }
            long acc = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) acc = Math.max(acc, x[off + i]);
            return acc;
        }

        private static long min(long[] x, int off, int len, long identity) {
            int step = S.length(), i = 0;
            LongVector a0 = LongVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.min(LongVector.fromArray(S, x, off + i));
                a1 = a1.min(LongVector.fromArray(S, x, off + i + step));
                a2 = a2.min(LongVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.min(LongVector.fromArray(S, x, off + i + 3 * step));
            }
            long acc = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) acc = Math.min(acc, x[off + i]);
            return acc;
        }

        @Override
        void accumulate(Object x, int off, Object out, int outOff, int len) {
            long[] xs = (long[]) x, o = (long[]) out;
            int step = S.length(), i = 0;
            switch (monoid) {
                case SUM -> {
                    for (; i <= len - step; i += step) {
                        LongVector.fromArray(S, o, outOff + i).add(LongVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] += xs[off + i];
                }
                case MAX -> {
                    for (; i <= len - step; i += step) {
                        LongVector.fromArray(S, o, outOff + i).max(LongVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.max(o[outOff + i], xs[off + i]);
                }
                case MIN -> {
                    for (; i <= len - step; i += step) {
                        LongVector.fromArray(S, o, outOff + i).min(LongVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.min(o[outOff + i], xs[off + i]);
                }
                case PROD -> {
                    for (; i < len; i++) o[outOff + i] *= xs[off + i];
                }
            }
        }
    }

    /** Integers of every width, widened to int; callers narrow the results to the dtype (wrapping as C++ does). */
    static final class Ints extends ReduceKernel {
        private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
        private final int identity;

        Ints(Monoid m, DType dtype) {
            super(m);
            identity = switch (m) {
                case SUM -> 0;
                case PROD -> 1;
                case MAX -> (int) dtype.min();
                case MIN -> (int) dtype.max();
            };
        }

        @Override Object allocate(int n) { return new int[n]; }

        @Override void fillIdentity(Object out, int from, int to) { java.util.Arrays.fill((int[]) out, from, to, identity); }

        @Override
        void row(Object x, int off, int len, Object out, int at) {
            int[] xs = (int[]) x;
            ((int[]) out)[at] = switch (monoid) {
                case SUM -> sum(xs, off, len);
                case MAX -> max(xs, off, len, identity);
                case MIN -> min(xs, off, len, identity);
                case PROD -> {
                    int p = 1;
                    for (int i = 0; i < len; i++) p *= xs[off + i];
                    yield p;
                }
            };
        }

        /** Four independent accumulators hide the add latency. */
        private static int sum(int[] x, int off, int len) {
            int step = S.length(), i = 0;
            IntVector a0 = IntVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.add(IntVector.fromArray(S, x, off + i));
                a1 = a1.add(IntVector.fromArray(S, x, off + i + step));
                a2 = a2.add(IntVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.add(IntVector.fromArray(S, x, off + i + 3 * step));
            }
            for (; i <= len - step; i += step) a0 = a0.add(IntVector.fromArray(S, x, off + i));
            int acc = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) acc += x[off + i];
            return acc;
        }

        private static int max(int[] x, int off, int len, int identity) {
            int step = S.length(), i = 0;
            IntVector a0 = IntVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.max(IntVector.fromArray(S, x, off + i));
                a1 = a1.max(IntVector.fromArray(S, x, off + i + step));
                a2 = a2.max(IntVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.max(IntVector.fromArray(S, x, off + i + 3 * step));
            }
            int acc = a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) acc = Math.max(acc, x[off + i]);
            return acc;
        }

        private static int min(int[] x, int off, int len, int identity) {
            int step = S.length(), i = 0;
            IntVector a0 = IntVector.broadcast(S, identity), a1 = a0, a2 = a0, a3 = a0;
            for (; i <= len - 4 * step; i += 4 * step) {
                a0 = a0.min(IntVector.fromArray(S, x, off + i));
                a1 = a1.min(IntVector.fromArray(S, x, off + i + step));
                a2 = a2.min(IntVector.fromArray(S, x, off + i + 2 * step));
                a3 = a3.min(IntVector.fromArray(S, x, off + i + 3 * step));
            }
            int acc = a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) acc = Math.min(acc, x[off + i]);
            return acc;
        }

        @Override
        void accumulate(Object x, int off, Object out, int outOff, int len) {
            int[] xs = (int[]) x, o = (int[]) out;
            int step = S.length(), i = 0;
            switch (monoid) {
                case SUM -> {
                    for (; i <= len - step; i += step) {
                        IntVector.fromArray(S, o, outOff + i).add(IntVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] += xs[off + i];
                }
                case MAX -> {
                    for (; i <= len - step; i += step) {
                        IntVector.fromArray(S, o, outOff + i).max(IntVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.max(o[outOff + i], xs[off + i]);
                }
                case MIN -> {
                    for (; i <= len - step; i += step) {
                        IntVector.fromArray(S, o, outOff + i).min(IntVector.fromArray(S, xs, off + i)).intoArray(o, outOff + i);
                    }
                    for (; i < len; i++) o[outOff + i] = Math.min(o[outOff + i], xs[off + i]);
                }
                case PROD -> {
                    for (; i < len; i++) o[outOff + i] *= xs[off + i];
                }
            }
        }
    }
}
