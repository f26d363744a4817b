package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** Input tensors for cases: each dtype's edge values, and seeded random values. */
public final class Values {
    private Values() {}

    /** Every dtype JFlow has: each op is tried with all, so refusals are compared too. */
    public static final DType[] ALL = DType.values();

    /** The edge values of a float dtype, subnormals apart (see {@link #subnormals}). */
    public static double[] floatEdges(DType t) {
        return new double[] {0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 0.1, 10, -100, 1e10, -1e10, 1e30,
                t.max(), t.min(), smallestNormal(t), Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    public static double smallestNormal(DType t) {
        return switch (t) {
            case FLOAT16 -> 0x1p-14;
            case FLOAT64, COMPLEX128 -> Double.MIN_NORMAL;
            default -> Float.MIN_NORMAL; // float32, bfloat16, complex64
        };
    }

    /** Values below the smallest normal, positive and negative, that the dtype keeps as subnormals. */
    public static double[] subnormals(DType t) {
        double m = smallestNormal(t);
        return new double[] {m / 4, -m / 4, m / 1024, -m / 1024};
    }

    /** The edge values of an integer dtype: its extremes, their neighbours, small values of both signs. */
    public static long[] intEdges(DType t) {
        long min = (long) t.min(), max = (long) t.max();
        return LongStream.of(0, 1, -1, 2, -2, 7, -7, 100, -100, min, min + 1, max, max - 1)
                .filter(v -> v >= min && v <= max).distinct().toArray();
    }

    /** Divisors from {@link #intEdges}: positive ones, and negative ones without -1 (MIN / -1 traps in TF's C++). */
    public static long[] positiveDivisors(DType t) { return LongStream.of(intEdges(t)).filter(v -> v > 0).toArray(); }

    public static long[] negativeDivisors(DType t) { return LongStream.of(intEdges(t)).filter(v -> v < -1).toArray(); }

    public static final String[] STRINGS = {"", "a", "Hello", "h\u00e9llo w\u00f6rld", "  x  ", "123", "-4.5e1", "TRUE"};

    /** The edge values of {@code t} as a vector. */
    public static Tensor edges(DType t) {
        if (t == DType.STRING) return strings(Shape.of(STRINGS.length), STRINGS);
        if (t == DType.BOOL) return ints(t, Shape.of(2), 0, 1);
        if (t.isInteger()) return ints(t, Shape.of(intEdges(t).length), intEdges(t));
        if (!t.isComplex()) return floats(t, Shape.of(floatEdges(t).length), floatEdges(t));
        // complex: a few (re, im) pairs of edge values, each part from the real edges
        double[] parts = {0, 1, -1, 0.5, 2.5, -3.7, 1e10, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        return complexPairs(t, parts);
    }

    public static Tensor complexPairs(DType t, double[] parts) {
        int n = parts.length;
        Object data = Buffers.allocate(t, n * n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) Buffers.setComplex(data, t, i * n + j, parts[i], parts[j]);
        return Tensor.wrap(t, Shape.of(n * n), data);
    }

    /** Seeded random values of {@code t}: floats in [-5, 5), integers in [-20, 20] (unsigned [0, 40]). */
    public static Tensor random(DType t, Shape s, SplittableRandom rnd) {
        int n = s.size();
        if (t == DType.STRING) {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) v[i] = STRINGS[rnd.nextInt(STRINGS.length)];
            return strings(s, v);
        }
        Object data = Buffers.allocate(t, n);
        for (int i = 0; i < n; i++) {
            if (t == DType.BOOL) Buffers.setLong(data, t, i, rnd.nextInt(2));
            else if (t.isInteger()) Buffers.setLong(data, t, i, t.isUnsigned() ? rnd.nextInt(41) : rnd.nextInt(41) - 20);
            else if (t.isComplex()) Buffers.setComplex(data, t, i, rnd.nextDouble(-5, 5), rnd.nextDouble(-5, 5));
            else Buffers.setDouble(data, t, i, rnd.nextDouble(-5, 5));
        }
        return Tensor.wrap(t, s, data);
    }

    /** Seeded random non-zero values of {@code t} in [1, 9] (and for floats, also negative), for divisors. */
    public static Tensor randomNonZero(DType t, Shape s, SplittableRandom rnd) {
        if (t == DType.STRING || t == DType.BOOL) return random(t, s, rnd);
        int n = s.size();
        Object data = Buffers.allocate(t, n);
        for (int i = 0; i < n; i++) {
            int v = 1 + rnd.nextInt(9);
            if (t.isComplex()) Buffers.setComplex(data, t, i, v, rnd.nextInt(3) - 1);
            else Buffers.setLong(data, t, i, t.isFloating() && rnd.nextBoolean() ? -v : v);
        }
        return Tensor.wrap(t, s, data);
    }

    /** The values in dtype {@code t}; for strings, their decimal texts. */
    public static Tensor floats(DType t, Shape s, double... v) {
        if (t == DType.STRING) return strings(s, Arrays.stream(v).mapToObj(Double::toString).toArray(String[]::new));
        Object data = Buffers.allocate(t, v.length);
        for (int i = 0; i < v.length; i++) Buffers.setDouble(data, t, i, v[i]);
        return Tensor.wrap(t, s, data);
    }

    /** The values in dtype {@code t} (wrapping as C++ narrowing does); for strings, their decimal texts. */
    public static Tensor ints(DType t, Shape s, long... v) {
        if (t == DType.STRING) return strings(s, Arrays.stream(v).mapToObj(Long::toString).toArray(String[]::new));
        Object data = Buffers.allocate(t, v.length);
        for (int i = 0; i < v.length; i++) Buffers.setLong(data, t, i, v[i]);
        return Tensor.wrap(t, s, data);
    }

    public static Tensor strings(Shape s, String... v) {
        return Tensor.wrap(DType.STRING, s, Arrays.stream(v).map(x -> x.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
    }

    /** {@code x} with shape {@code s} (same element count). */
    public static Tensor reshaped(Tensor x, Shape s) { return Tensor.wrap(x.dtype(), s, x.data()); }
}
