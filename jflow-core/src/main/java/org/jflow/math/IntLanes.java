package org.jflow.math;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int32 counterpart of {@link FloatLanes}'s binary loops, for add, subtract, multiply, max
 * and min (integer division has no vector instruction and must check for zero; the other float
 * lanes have no integer kernel).
 */
final class IntLanes {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private IntLanes() {}

    static boolean supports(BinaryLane op) {
        return op == BinaryLane.ADD || op == BinaryLane.SUB || op == BinaryLane.MUL
                || op == BinaryLane.MAX || op == BinaryLane.MIN;
    }

    /** {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for {@code k < n}; steps are 0 or 1; wraps on overflow. */
    static void binary(BinaryLane op, int[] a, int ao, int as, int[] b, int bo, int bs, int[] o, int oo, int n) {
        int i = 0, bound = n - L;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) store(op, IntVector.fromArray(S, a, ao + i), IntVector.fromArray(S, b, bo + i), o, oo + i);
        } else if (as == 0 && bs == 1) {
            IntVector x = IntVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) store(op, x, IntVector.fromArray(S, b, bo + i), o, oo + i);
        } else if (as == 1 && bs == 0) {
            IntVector y = IntVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) store(op, IntVector.fromArray(S, a, ao + i), y, o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = scalar(op, a[ao + i * as], b[bo + i * bs]);
    }

    private static void store(BinaryLane op, IntVector x, IntVector y, int[] o, int at) {
        switch (op) {
            case ADD -> x.add(y).intoArray(o, at);
            case SUB -> x.sub(y).intoArray(o, at);
            case MUL -> x.mul(y).intoArray(o, at);
            case MAX -> x.max(y).intoArray(o, at);
            case MIN -> x.min(y).intoArray(o, at);
            default -> throw new IllegalArgumentException("no int32 vector loop for " + op);
        }
    }

    private static int scalar(BinaryLane op, int x, int y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            default -> throw new IllegalArgumentException("no int32 vector loop for " + op);
        };
    }
}
