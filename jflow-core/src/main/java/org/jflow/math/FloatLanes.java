package org.jflow.math;

import org.jflow.engine.VectorExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for the hot float32 ops. The operator is chosen by a switch on each vector
 * whose every case calls the Vector API method directly: the JIT then sees a constant operator
 * and intrinsifies it. (Passing a {@code VectorOperators} value into a shared loop does not
 * work: once that loop is compiled on its own, the operator is a variable and every lane falls
 * back to slow generic code.) Tails that do not fill a vector run the scalar formula.
 */
final class FloatLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatLanes() {}

    /**
     * {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for {@code k < n}; steps are 0 or 1, and both 0
     * only for a single element.
     */
    static void binary(BinaryLane op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int bound = as + bs == 0 ? -1 : n - L; // both steps 0: a single element, no vector
        int i = switch (op) { // one loop per operator, as in unary: a shared loop boxed its vectors
            case ADD -> add(a, ao, as, b, bo, bs, o, oo, bound);
            case SUB -> sub(a, ao, as, b, bo, bs, o, oo, bound);
            case MUL -> mul(a, ao, as, b, bo, bs, o, oo, bound);
            case DIV -> div(a, ao, as, b, bo, bs, o, oo, bound);
            case MAX -> max(a, ao, as, b, bo, bs, o, oo, bound);
            case MIN -> min(a, ao, as, b, bo, bs, o, oo, bound);
        };
        for (; i < n; i++) o[oo + i] = scalar(op, a[ao + i * as], b[bo + i * bs]);
    }

    private static int add(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.add(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).add(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sub(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.sub(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).sub(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mul(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.mul(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int div(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).div(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.div(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).div(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int max(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).max(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.max(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).max(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int min(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).min(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.min(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).min(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static float scalar(BinaryLane op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
        };
    }

    /** {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for a comparison, with the layouts of {@link #binary}. */
    static void compare(CompareLane op, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int n) {
        int bound = as + bs == 0 ? -1 : n - L;
        int i = switch (op) {
            case EQ -> eq(a, ao, as, b, bo, bs, o, oo, bound);
            case NE -> ne(a, ao, as, b, bo, bs, o, oo, bound);
            case LT -> lt(a, ao, as, b, bo, bs, o, oo, bound);
            case LE -> le(a, ao, as, b, bo, bs, o, oo, bound);
            case GT -> gt(a, ao, as, b, bo, bs, o, oo, bound);
            case GE -> ge(a, ao, as, b, bo, bs, o, oo, bound);
        };
        for (; i < n; i++) o[oo + i] = scalar(op, a[ao + i * as], b[bo + i * bs]);
    }

    private static int eq(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.EQ, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.EQ, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.EQ, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int ne(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.NE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.NE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.NE, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int lt(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.LT, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.LT, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.LT, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int le(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.LE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.LE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.LE, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int gt(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.GT, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.GT, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.GT, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int ge(float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.GE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.compare(VectorOperators.GE, FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) FloatVector.fromArray(S, a, ao + i).compare(VectorOperators.GE, y).intoArray(o, oo + i);
        }
        return i;
    }

    private static boolean scalar(CompareLane op, float x, float y) {
        return switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
        };
    }

    /**
     * {@code o[oo+k] = op(x[xo+k])} for {@code k < n}. Each operator has its own small loop: with
     * one shared loop, after several operators had run the JIT stopped inlining the (large) lane
     * code into it, and every vector became a heap object.
     */
    static void unary(UnaryLane op, float[] x, int xo, float[] o, int oo, int n) {
        int bound = n - L;
        int i = switch (op) {
            case NEG -> neg(x, xo, o, oo, bound);
            case ABS -> abs(x, xo, o, oo, bound);
            case SQRT -> sqrt(x, xo, o, oo, bound);
            case SQUARE -> square(x, xo, o, oo, bound);
            case EXP -> exp(x, xo, o, oo, bound);
            case LOG -> log(x, xo, o, oo, bound);
            case TANH -> tanh(x, xo, o, oo, bound);
            case SIGMOID -> sigmoid(x, xo, o, oo, bound);
        };
        for (; i < n; i++) o[oo + i] = scalar(op, x[xo + i]);
    }

    private static int neg(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) FloatVector.fromArray(S, x, xo + i).neg().intoArray(o, oo + i);
        return i;
    }

    private static int abs(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) FloatVector.fromArray(S, x, xo + i).abs().intoArray(o, oo + i);
        return i;
    }

    private static int sqrt(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) FloatVector.fromArray(S, x, xo + i).sqrt().intoArray(o, oo + i);
        return i;
    }

    private static int square(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.mul(v).intoArray(o, oo + i);
        }
        return i;
    }

    private static int exp(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) VectorExp.exp(FloatVector.fromArray(S, x, xo + i)).intoArray(o, oo + i);
        return i;
    }

    private static int sigmoid(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i <= bound; i += L) one.div(VectorExp.exp(FloatVector.fromArray(S, x, xo + i).neg()).add(1f)).intoArray(o, oo + i);
        return i;
    }

    private static int log(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        return i;
    }

    private static int tanh(float[] x, int xo, float[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        return i;
    }

    private static float scalar(UnaryLane op, float x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> (float) Math.sqrt(x);
            case SQUARE -> x * x;
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> (float) (1 / (1 + Math.exp(-x)));
        };
    }
}
