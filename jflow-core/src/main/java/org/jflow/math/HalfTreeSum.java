package org.jflow.math;

/**
 * float16 sums as TF 2.21 takes them: Eigen's {@code SumReducer<half>} in half arithmetic (TF casts only bfloat16
 * sums to float), over the tree of Eigen's {@code InnerMostDimReducer} that {@link FloatLanes#treeSum} walks for
 * float32, with half's leaf size. Halves are held as floats.
 */
final class HalfTreeSum {
    private HalfTreeSum() {}

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
    static float sum(float[] x, int first, int n) {
        int p = HALF_PACKET;
        if (n <= p * HALF_LEAF_PACKETS) return halfLeaf(x, first, n);
        int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
        int left = Math.min(split - first, n);
        float acc = 0f + sum(x, first, left);
        return left < n ? half(acc + sum(x, split, n - left)) : acc;
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
}
