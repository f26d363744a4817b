package org.jflow.math;

import org.jflow.engine.VectorExp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The float64 counterpart of {@link FloatLanes}: the same layout rules and the same loop per operator. */
final class DoubleLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DoubleLanes() {}

    /** {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for {@code k < n}; steps are 0 or 1, and both 0 only for one element. */
    static void binary(BinaryLane op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
        int bound = as + bs == 0 ? -1 : n - L;
        int i = switch (op) {
            case ADD -> add(a, ao, as, b, bo, bs, o, oo, bound);
            case SUB -> sub(a, ao, as, b, bo, bs, o, oo, bound);
            case MUL -> mul(a, ao, as, b, bo, bs, o, oo, bound);
            case DIV -> div(a, ao, as, b, bo, bs, o, oo, bound);
            case MAX -> max(a, ao, as, b, bo, bs, o, oo, bound);
            case MIN -> min(a, ao, as, b, bo, bs, o, oo, bound);
        };
        for (; i < n; i++) o[oo + i] = scalar(op, a[ao + i * as], b[bo + i * bs]);
    }

    private static int add(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).add(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.add(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).add(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sub(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).sub(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.sub(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).sub(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mul(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).mul(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.mul(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).mul(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int div(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).div(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.div(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).div(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int max(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).max(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.max(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).max(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int min(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int bound) {
        int i = 0;
        if (as == 1 && bs == 1) {
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).min(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else if (as == 0) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            for (; i <= bound; i += L) x.min(DoubleVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        } else {
            DoubleVector y = DoubleVector.broadcast(S, b[bo]);
            for (; i <= bound; i += L) DoubleVector.fromArray(S, a, ao + i).min(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static double scalar(BinaryLane op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
        };
    }

    /** {@code o[oo+k] = op(x[xo+k])} for {@code k < n}; one loop per operator, as in {@link FloatLanes}. */
    static void unary(UnaryLane op, double[] x, int xo, double[] o, int oo, int n) {
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

    private static int neg(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.neg().intoArray(o, oo + i);
        }
        return i;
    }

    private static int abs(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.abs().intoArray(o, oo + i);
        }
        return i;
    }

    private static int sqrt(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.sqrt().intoArray(o, oo + i);
        }
        return i;
    }

    private static int square(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.mul(v).intoArray(o, oo + i);
        }
        return i;
    }

    private static int exp(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            VectorExp.exp(v).intoArray(o, oo + i);
        }
        return i;
    }

    private static int log(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        }
        return i;
    }

    private static int tanh(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sigmoid(double[] x, int xo, double[] o, int oo, int bound) {
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (; i <= bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            one.div(VectorExp.exp(v.neg()).add(1.0)).intoArray(o, oo + i);
        }
        return i;
    }

    private static double scalar(UnaryLane op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> Math.sqrt(x);
            case SQUARE -> x * x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
        };
    }
}
