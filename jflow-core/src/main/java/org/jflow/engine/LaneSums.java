package org.jflow.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Sums of a vector's lanes in a fixed order. {@code reduceLanes(ADD)} leaves the order open, and the
 * interpreter and the JIT pick different ones, so the same float reduction could give a different
 * last digit before and after compilation; results must not depend on when the JIT kicks in.
 */
public final class LaneSums {
    private LaneSums() {}

    public static float sum(FloatVector v) {
        float s = 0;
        for (int i = 0; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    public static double sum(DoubleVector v) {
        double s = 0;
        for (int i = 0; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    /**
     * The sum of a vector's lanes in Eigen's {@code predux} order: the upper half added to the lower
     * half until one lane is left ({@code (l0 + l2) + (l1 + l3)} for four lanes).
     */
    public static float halving(FloatVector v) {
        float[] l = v.toArray();
        for (int w = l.length / 2; w > 0; w /= 2) for (int i = 0; i < w; i++) l[i] += l[i + w];
        return l[0];
    }

    public static double halving(DoubleVector v) {
        double[] l = v.toArray();
        for (int w = l.length / 2; w > 0; w /= 2) for (int i = 0; i < w; i++) l[i] += l[i + w];
        return l[0];
    }
}
