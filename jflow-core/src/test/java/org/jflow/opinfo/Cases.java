package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.math.Cast;
import org.jflow.math.Reduction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.jflow.opinfo.Values.ALL;

/** The case generators: the inputs and attributes each op family is tried on, in every dtype. */
public final class Cases {
    private Cases() {}

    /** One call: JFlow's inputs and attributes; the label names it in reports and known differences. */
    public record Case(String label, Attrs attrs, Tensor... inputs) {}

    /** Makes an op's cases from a seeded random source. */
    @FunctionalInterface
    public interface Generator {
        List<Case> cases(SplittableRandom rnd);
    }

    /** One-input element-wise ops: edge values, subnormals, a random matrix, a scalar, an empty tensor. */
    public static List<Case> unary(SplittableRandom rnd) {
        List<Case> cases = new ArrayList<>();
        for (DType t : ALL) {
            cases.add(new Case(t.tfName() + " edges", Attrs.EMPTY, Values.edges(t)));
            if (t.isFloating()) cases.add(new Case(t.tfName() + " subnormal", Attrs.EMPTY, subnormals(t)));
            cases.add(new Case(t.tfName() + " random [2,3]", Attrs.EMPTY, Values.random(t, Shape.of(2, 3), rnd)));
            cases.add(new Case(t.tfName() + " scalar", Attrs.EMPTY, Values.random(t, Shape.scalar(), rnd)));
            cases.add(new Case(t.tfName() + " empty [0,2]", Attrs.EMPTY, Values.random(t, Shape.of(0, 2), rnd)));
        }
        return cases;
    }

    private static Tensor subnormals(DType t) {
        double[] s = Values.subnormals(t);
        return Values.floats(t, Shape.of(s.length), s);
    }

    /** Broadcast shape pairs, the last one incompatible. */
    private static final int[][][] BROADCASTS = {
        {{}, {}}, {{2, 3}, {}}, {{}, {3}}, {{2, 3}, {3}}, {{2, 1}, {1, 3}}, {{4, 1, 3}, {2, 1}}, {{0, 3}, {1, 3}},
        {{0}, {}}, {{2, 3}, {2}},
    };

    /**
     * Two-input broadcasting ops: every pair of edge values (x as a column, y as a row), integer
     * division by zero and by -1 apart, then random values over broadcast shapes (y non-zero).
     */
    public static List<Case> binary(SplittableRandom rnd) {
        List<Case> cases = new ArrayList<>();
        for (DType t : ALL) {
            String n = t.tfName();
            if (t.isFloating()) {
                Tensor e = Values.edges(t);
                cases.add(pair(n + " edges x edges", column(e), row(e)));
                cases.add(pair(n + " subnormal x edges", column(subnormals(t)), row(e)));
            } else if (t.isInteger()) {
                Tensor e = column(Values.edges(t));
                cases.add(pair(n + " edges x positive", e, row(ints(t, Values.positiveDivisors(t)))));
                long[] negative = Values.negativeDivisors(t);
                if (negative.length > 0) cases.add(pair(n + " edges x negative", e, row(ints(t, negative))));
                long min = (long) t.min();
                if (min < 0) cases.add(pair(n + " edges but min by -1", ints(t, LongStream.of(Values.intEdges(t)).filter(v -> v != min).toArray()),
                        Values.ints(t, Shape.scalar(), -1)));
                cases.add(pair(n + " by zero", ints(t, t.isUnsigned() ? new long[] {5, 0} : new long[] {5, -5, 0}), Values.ints(t, Shape.scalar(), 0)));
            } else if (t.isComplex()) {
                Tensor e = Values.complexPairs(t, new double[] {0, 1, -2.5, Double.NaN, Double.POSITIVE_INFINITY});
                cases.add(pair(n + " edges x edges", column(e), row(e)));
            } else {
                Tensor e = Values.edges(t);
                cases.add(pair(n + " all pairs", column(e), row(e)));
            }
            for (int[][] shapes : BROADCASTS) {
                Shape a = Shape.of(shapes[0]), b = Shape.of(shapes[1]);
                cases.add(pair(n + " random " + a + " with " + b, Values.random(t, a, rnd), Values.randomNonZero(t, b, rnd)));
            }
        }
        return cases;
    }

    private static Case pair(String label, Tensor x, Tensor y) { return new Case(label, Attrs.EMPTY, x, y); }

    private static Tensor ints(DType t, long[] v) { return Values.ints(t, Shape.of(v.length), v); }

    private static Tensor column(Tensor v) { return Values.reshaped(v, Shape.of(v.size(), 1)); }

    private static Tensor row(Tensor v) { return Values.reshaped(v, Shape.of(1, v.size())); }

    /** Reduction axes tried on a [2,3,4] input: all (null), none, single, negative, several, out of range, repeated. */
    private static final int[][] AXES = {null, {}, {0}, {1}, {-1}, {0, 2}, {-3, -1}, {0, 1, 2}, {3}, {-4}, {1, 1}};

    /** Reductions: every axis variant with and without keep_dims, empty inputs, a scalar, and the edge values. */
    public static List<Case> reduction(SplittableRandom rnd) {
        List<Case> cases = new ArrayList<>();
        for (DType t : ALL) {
            String n = t.tfName();
            Tensor x = Values.random(t, Shape.of(2, 3, 4), rnd);
            for (int[] axes : AXES) {
                for (boolean keep : new boolean[] {false, true}) {
                    cases.add(new Case(n + " [2,3,4] axis " + axes(axes) + (keep ? " keep_dims" : ""), Reduction.attrs(axes, keep), x));
                }
            }
            Tensor empty = Values.random(t, Shape.of(0, 3), rnd);
            for (int[] axes : new int[][] {null, {0}, {1}}) {
                cases.add(new Case(n + " [0,3] axis " + axes(axes), Reduction.attrs(axes, false), empty));
            }
            cases.add(new Case(n + " scalar axis all", Reduction.attrs(null, false), Values.random(t, Shape.scalar(), rnd)));
            cases.add(new Case(n + " edges axis all", Reduction.attrs(null, false), Values.edges(t)));
        }
        return cases;
    }

    private static String axes(int[] axes) { return axes == null ? "all" : Arrays.toString(axes); }

    /** Cast from every dtype to every dtype, on the source's edge values (and subnormals). */
    public static List<Case> cast(SplittableRandom rnd) {
        List<Case> cases = new ArrayList<>();
        for (DType from : ALL) {
            for (DType to : ALL) {
                Attrs attrs = Attrs.of(Cast.DST_T, to);
                cases.add(new Case(from.tfName() + " to " + to.tfName() + " edges", attrs, Values.edges(from)));
                if (from.isFloating()) cases.add(new Case(from.tfName() + " to " + to.tfName() + " subnormal", attrs, subnormals(from)));
            }
        }
        return cases;
    }
}
