package org.jflow.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jflow.engine.LaneSums;

/**
 * Floating-point sums (and products, {@link #product}) of a contiguous run as TF's CPU kernels take them: Eigen's
 * {@code InnerMostDimReducer} with tree reduction. A run longer than a leaf ({@code 1024} packets) is
 * split at the packet boundary nearest its middle and the halves summed recursively, so each element
 * takes part in O(log n) additions (float32 sum of 1e7 x 0.1 is 1000001.4, not 1000675.2 as a running
 * sum gives); a leaf is summed by four packet accumulators, then single packets, then a scalar tail.
 * The packet is AVX's (8 floats, 4 doubles), the width TF's x86 wheels are built for, so results
 * agree with TF's to the last bit where the blocks agree, whatever this machine's vector width.
 */
final class TreeSum {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    /** Eigen's {@code LeafSize<T>()} for float and double, in packets. */
    private static final int LEAF_PACKETS = 1024;

    private TreeSum() {}

    /**
     * The sum of {@code x[first, first + n)}. {@code first} is the position in the whole buffer, as
     * Eigen's split points are aligned to packets of the whole buffer.
     */
    static float sum(float[] x, int first, int n) {
        int p = F.length();
        if (n <= p * LEAF_PACKETS) return leaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        float acc = 0f + sum(x, first, left);
        return left < n ? acc + sum(x, split, n - left) : acc;
    }

    static double sum(double[] x, int first, int n) {
        int p = D.length();
        if (n <= p * LEAF_PACKETS) return leaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        double acc = 0d + sum(x, first, left);
        return left < n ? acc + sum(x, split, n - left) : acc;
    }

    /** Eigen's {@code LeafSize<half>()}, in packets. */
    private static final int HALF_LEAF_PACKETS = 200;
    /** Eigen's {@code Packet8h}: AVX's half packet holds 8 lanes. */
    private static final int HALF_PACKET = 8;

    /**
     * The float16 sum of {@code x[first, first + n)} (halves held as floats) as TF 2.21 takes it: Eigen's
     * {@code SumReducer<half>} in half arithmetic (TF casts only bfloat16 sums to float), the same tree with
     * a leaf of 200 packets of 8, every lane and scalar addition rounded to half, the 8 lanes folded in
     * float by {@code predux<Packet8h>} and rounded once. A running sum stalls where TF's does (0.5 added
     * to 2048 stays 2048).
     */
    static float halfSum(float[] x, int first, int n) {
        int p = HALF_PACKET;
        if (n <= p * HALF_LEAF_PACKETS) return halfLeaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        float acc = 0f + halfSum(x, first, left);
        return left < n ? half(acc + halfSum(x, split, n - left)) : acc;
    }

    /** {@code v} rounded to the nearest float16, as {@code Eigen::half}'s arithmetic rounds each result. */
    static float half(float v) { return Float.float16ToFloat(Float.floatToFloat16(v)); }

    private static float halfLeaf(float[] x, int off, int n) {
        int p = HALF_PACKET, i = 0;
        float[] a0 = new float[p];
        if (n >= 4 * p) {
            float[] a1 = new float[p], a2 = new float[p], a3 = new float[p];
            for (; i <= n - 4 * p; i += 4 * p) {
                halfAdd(a0, x, off + i);
                halfAdd(a1, x, off + i + p);
                halfAdd(a2, x, off + i + 2 * p);
                halfAdd(a3, x, off + i + 3 * p);
            }
            halfAdd(a0, a1, 0);
            halfAdd(a0, a2, 0);
            halfAdd(a0, a3, 0);
        }
        for (; i <= n - p; i += p) halfAdd(a0, x, off + i);
        float tail = 0f;
        for (; i < n; i++) tail = half(tail + x[off + i]);
        for (int w = p / 2; w > 0; w /= 2) for (int k = 0; k < w; k++) a0[k] += a0[k + w];
        return half(tail + half(a0[0]));
    }

    /** Lane-wise {@code acc += x[off, off + 8)} in half ({@code padd<Packet8h>}). */
    private static void halfAdd(float[] acc, float[] x, int off) {
        for (int k = 0; k < acc.length; k++) acc[k] = half(acc[k] + x[off + k]);
    }

    private static float leaf(float[] x, int off, int n) {
        int p = F.length(), i = 0;
        FloatVector a0 = FloatVector.zero(F);
        if (n >= 4 * p) {
            FloatVector a1 = a0, a2 = a0, a3 = a0;
            for (; i <= n - 4 * p; i += 4 * p) {
                a0 = a0.add(FloatVector.fromArray(F, x, off + i));
                a1 = a1.add(FloatVector.fromArray(F, x, off + i + p));
                a2 = a2.add(FloatVector.fromArray(F, x, off + i + 2 * p));
                a3 = a3.add(FloatVector.fromArray(F, x, off + i + 3 * p));
            }
            a0 = a0.add(a1).add(a2).add(a3);
        }
        for (; i <= n - p; i += p) a0 = a0.add(FloatVector.fromArray(F, x, off + i));
        float tail = 0f;
        for (; i < n; i++) tail += x[off + i];
        return tail + LaneSums.halving(a0);
    }

    private static double leaf(double[] x, int off, int n) {
        int p = D.length(), i = 0;
        DoubleVector a0 = DoubleVector.zero(D);
        if (n >= 4 * p) {
            DoubleVector a1 = a0, a2 = a0, a3 = a0;
            for (; i <= n - 4 * p; i += 4 * p) {
                a0 = a0.add(DoubleVector.fromArray(D, x, off + i));
                a1 = a1.add(DoubleVector.fromArray(D, x, off + i + p));
                a2 = a2.add(DoubleVector.fromArray(D, x, off + i + 2 * p));
                a3 = a3.add(DoubleVector.fromArray(D, x, off + i + 3 * p));
            }
            a0 = a0.add(a1).add(a2).add(a3);
        }
        for (; i <= n - p; i += p) a0 = a0.add(DoubleVector.fromArray(D, x, off + i));
        double tail = 0d;
        for (; i < n; i++) tail += x[off + i];
        return tail + LaneSums.halving(a0);
    }

    /**
     * The product of {@code x[first, first + n)} as Eigen's {@code ProdReducer} takes it: the same tree and
     * leaf (its traits allow tree reduction exactly as the sum's), packets multiplied lane-wise and the
     * lanes folded in {@code predux_mul}'s halving order. A running product drifts from TF's by several
     * ulps over a thousand factors.
     */
    static float product(float[] x, int first, int n) {
        int p = F.length();
        if (n <= p * LEAF_PACKETS) return productLeaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        float acc = 1f * product(x, first, left);
        return left < n ? acc * product(x, split, n - left) : acc;
    }

    static double product(double[] x, int first, int n) {
        int p = D.length();
        if (n <= p * LEAF_PACKETS) return productLeaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        double acc = 1d * product(x, first, left);
        return left < n ? acc * product(x, split, n - left) : acc;
    }

    private static float productLeaf(float[] x, int off, int n) {
        int p = F.length(), i = 0;
        FloatVector a0 = FloatVector.broadcast(F, 1f);
        if (n >= 4 * p) {
            FloatVector a1 = a0, a2 = a0, a3 = a0;
            for (; i <= n - 4 * p; i += 4 * p) {
                a0 = a0.mul(FloatVector.fromArray(F, x, off + i));
                a1 = a1.mul(FloatVector.fromArray(F, x, off + i + p));
                a2 = a2.mul(FloatVector.fromArray(F, x, off + i + 2 * p));
                a3 = a3.mul(FloatVector.fromArray(F, x, off + i + 3 * p));
            }
            a0 = a0.mul(a1).mul(a2).mul(a3);
        }
        for (; i <= n - p; i += p) a0 = a0.mul(FloatVector.fromArray(F, x, off + i));
        float tail = 1f;
        for (; i < n; i++) tail *= x[off + i];
        float[] l = a0.toArray();
        for (int w = l.length / 2; w > 0; w /= 2) for (int k = 0; k < w; k++) l[k] *= l[k + w];
        return tail * l[0];
    }

    private static double productLeaf(double[] x, int off, int n) {
        int p = D.length(), i = 0;
        DoubleVector a0 = DoubleVector.broadcast(D, 1d);
        if (n >= 4 * p) {
            DoubleVector a1 = a0, a2 = a0, a3 = a0;
            for (; i <= n - 4 * p; i += 4 * p) {
                a0 = a0.mul(DoubleVector.fromArray(D, x, off + i));
                a1 = a1.mul(DoubleVector.fromArray(D, x, off + i + p));
                a2 = a2.mul(DoubleVector.fromArray(D, x, off + i + 2 * p));
                a3 = a3.mul(DoubleVector.fromArray(D, x, off + i + 3 * p));
            }
            a0 = a0.mul(a1).mul(a2).mul(a3);
        }
        for (; i <= n - p; i += p) a0 = a0.mul(DoubleVector.fromArray(D, x, off + i));
        double tail = 1d;
        for (; i < n; i++) tail *= x[off + i];
        double[] l = a0.toArray();
        for (int w = l.length / 2; w > 0; w /= 2) for (int k = 0; k < w; k++) l[k] *= l[k + w];
        return tail * l[0];
    }
}
