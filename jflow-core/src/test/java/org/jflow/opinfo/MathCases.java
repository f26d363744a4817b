package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.opinfo.Variants.*;

/** Cases of the ops on axes (arg max, scans, products), linear algebra and a few more math ops: per op a list of variants (see {@link Variants}). */
public final class MathCases {
    private MathCases() {}

    public static List<Cases.Case> argReduction(SplittableRandom rnd) {
        return of(v("[3,4] axis 0", a("axis", 0, "output_type", DType.INT64), s(3, 4)),
                v("[3,4] axis -1 int32", a("axis", -1, "output_type", DType.INT32), s(3, 4)),
                v("[0,4] axis 1", a("axis", 1, "output_type", DType.INT64), s(0, 4)),
                v("[0,4] axis 0 (error)", a("axis", 0, "output_type", DType.INT64), s(0, 4)),
                v("[3,4] axis 2 (error)", a("axis", 2, "output_type", DType.INT64), s(3, 4))).cases(rnd);
    }

    public static List<Cases.Case> scan(SplittableRandom rnd) {
        return of(v("[3,4] axis 0", a("axis", 0, "exclusive", false, "reverse", false), s(3, 4)),
                v("[3,4] axis 1 exclusive", a("axis", 1, "exclusive", true, "reverse", false), s(3, 4)),
                v("[3,4] axis -1 reverse", a("axis", -1, "exclusive", false, "reverse", true), s(3, 4)),
                v("[3,4] axis 0 exclusive reverse", a("axis", 0, "exclusive", true, "reverse", true), s(3, 4)),
                v("[3,4] axis 2 (error)", a("axis", 2, "exclusive", false, "reverse", false), s(3, 4))).cases(rnd);
    }

    public static List<Cases.Case> matMul(SplittableRandom rnd) {
        return of(v("[2,3] x [3,4]", a("transpose_a", false, "transpose_b", false), s(2, 3), s(3, 4)),
                v("[3,2]^T x [3,4]", a("transpose_a", true, "transpose_b", false), s(3, 2), s(3, 4)),
                v("[2,3] x [4,3]^T", a("transpose_a", false, "transpose_b", true), s(2, 3), s(4, 3)),
                v("[2,0] x [0,3]", a("transpose_a", false, "transpose_b", false), s(2, 0), s(0, 3)),
                v("[2,3] x [2,3] (error)", a("transpose_a", false, "transpose_b", false), s(2, 3), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> biasAdd(SplittableRandom rnd) {
        return of(v("[2,3] + [3]", Attrs.EMPTY, s(2, 3), s(3)),
                v("[2,2,3] + [3]", Attrs.EMPTY, s(2, 2, 3), s(3)),
                v("[2,3] + [2] (error)", Attrs.EMPTY, s(2, 3), s(2))).cases(rnd);
    }

    public static List<Cases.Case> addN(SplittableRandom rnd) {
        return of(v("3x[2,3]", Attrs.EMPTY, s(2, 3), s(2, 3), s(2, 3)),
                v("1x[2]", Attrs.EMPTY, s(2)),
                v("[2,3]+[3] (error)", Attrs.EMPTY, s(2, 3), s(3))).cases(rnd);
    }

    public static List<Cases.Case> leakyRelu(SplittableRandom rnd) {
        return of(v("[2,3] alpha 0.2", a("alpha", 0.2), s(2, 3)),
                v("[4] alpha 2", a("alpha", 2.0), s(4)),
                v("scalar alpha 0.2", a("alpha", 0.2), s())).cases(rnd);
    }

    public static List<Cases.Case> squareMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", false, 3), matrices("[2,4,4]", false, 4, 2), matrices("[0,2,2]", false, 2, 0),
                v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> spdMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", true, 3), matrices("[2,4,4]", true, 4, 2), v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> inTopK(SplittableRandom rnd) {
        return of(indexed("[3,4] targets k 2", a("k", 2), s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] k 0", a("k", 0), s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] target 4", a("k", 1), s(3, 4), int32(Shape.of(3), 0, 4, 1))).cases(rnd);
    }

    public static List<Cases.Case> broadcastArgs(SplittableRandom rnd) {
        return List.of(new Cases.Case("[2,1] and [3]", Attrs.EMPTY, int32(Shape.of(2), 2, 1), int32(Shape.of(1), 3)),
                new Cases.Case("[] and [4,0]", Attrs.EMPTY, int32(Shape.of(0)), int32(Shape.of(2), 4, 0)),
                new Cases.Case("[2] and [3] (error)", Attrs.EMPTY, int32(Shape.of(1), 2), int32(Shape.of(1), 3)));
    }

    /** Equal shapes (nothing summed, ones included), leading axes added, ones on either side, an empty dim, int64, errors. */
    public static List<Cases.Case> broadcastGradientArgs(SplittableRandom rnd) {
        return List.of(new Cases.Case("[2,3,4] and [3,4]", Attrs.EMPTY, int32(Shape.of(3), 2, 3, 4), int32(Shape.of(2), 3, 4)),
                new Cases.Case("[2,1,3] and [1,4,1]", Attrs.EMPTY, int32(Shape.of(3), 2, 1, 3), int32(Shape.of(3), 1, 4, 1)),
                new Cases.Case("[1,1] and [1]", Attrs.EMPTY, int32(Shape.of(2), 1, 1), int32(Shape.of(1), 1)),
                new Cases.Case("[1,1] and [1,1]", Attrs.EMPTY, int32(Shape.of(2), 1, 1), int32(Shape.of(2), 1, 1)),
                new Cases.Case("[] and [2,3]", Attrs.EMPTY, int32(Shape.of(0)), int32(Shape.of(2), 2, 3)),
                new Cases.Case("[0,3] and [1,3]", Attrs.EMPTY, int32(Shape.of(2), 0, 3), int32(Shape.of(2), 1, 3)),
                new Cases.Case("int64 [5,1] and [1]", Attrs.EMPTY, Values.ints(DType.INT64, Shape.of(2), 5, 1),
                        Values.ints(DType.INT64, Shape.of(1), 1)),
                new Cases.Case("[2,3] and [3,2] (error)", Attrs.EMPTY, int32(Shape.of(2), 2, 3), int32(Shape.of(2), 3, 2)),
                new Cases.Case("[[2]] and [3] (error)", Attrs.EMPTY, int32(Shape.of(1, 1), 2), int32(Shape.of(1), 3)),
                new Cases.Case("int32 and int64 (error)", Attrs.EMPTY, int32(Shape.of(1), 1), Values.ints(DType.INT64, Shape.of(1), 1)),
                new Cases.Case("float (error)", Attrs.EMPTY, Values.random(DType.FLOAT32, Shape.of(1), rnd),
                        Values.random(DType.FLOAT32, Shape.of(1), rnd)));
    }

    public static List<Cases.Case> bandPart(SplittableRandom rnd) {
        return of(v("[4,4] lower 1 upper 0", a("num_lower", 1L, "num_upper", 0L), s(4, 4)),
                v("[2,3,4] lower -1 upper 1", a("num_lower", -1L, "num_upper", 1L), s(2, 3, 4)),
                v("[3] (error)", a("num_lower", 0L, "num_upper", 0L), s(3))).cases(rnd);
    }

    public static List<Cases.Case> complexOf(SplittableRandom rnd) {
        return of(v("[2,3] parts", Attrs.EMPTY, s(2, 3), s(2, 3)), v("[2,3] with scalar", Attrs.EMPTY, s(2, 3), s())).cases(rnd);
    }

    public static List<Cases.Case> matrixSolve(SplittableRandom rnd) {
        Variant m = matrices("[3,3]", false, 3);
        return of(new Variant("[3,3] rhs [3,2]", a("adjoint", false), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(3, 2), r)}),
                new Variant("[3,3]^H rhs [3,1]", a("adjoint", true), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(3, 1), r)}),
                new Variant("rhs [2,1] (error)", a("adjoint", false), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(2, 1), r)}))
                .cases(rnd);
    }

    // ---- decompositions (compared by InvariantChecks) ----

    /** {@code m x n} matrices (after {@code batch}): uniform in [-1, 1] plus 3 on the diagonal, so well conditioned with distinct singular values. */
    private static Variant rectangular(String label, Attrs attrs, int m, int n, int... batch) {
        return new Variant(label, attrs, (t, r) -> {
            int[] dims = java.util.Arrays.copyOf(batch, batch.length + 2);
            dims[batch.length] = m;
            dims[batch.length + 1] = n;
            Shape shape = Shape.of(dims);
            double[] v = new double[shape.size()];
            for (int k = 0; k < v.length; k++) v[k] = r.nextDouble(-1, 1) + (k / n % m == k % n ? 3 : 0);
            return new Tensor[] {Values.floats(t, shape, v)};
        });
    }

    public static List<Cases.Case> qr(SplittableRandom rnd) {
        Attrs reduced = a("full_matrices", false), full = a("full_matrices", true);
        return of(rectangular("[3,3]", reduced, 3, 3), rectangular("[4,2]", reduced, 4, 2), rectangular("[4,2] full", full, 4, 2),
                rectangular("[2,4]", reduced, 2, 4), rectangular("[2,4] full", full, 2, 4), rectangular("[2,3,3]", reduced, 3, 3, 2),
                rectangular("[0,2,2]", reduced, 2, 2, 0), v("[3] (error)", reduced, s(3))).cases(rnd);
    }

    public static List<Cases.Case> svd(SplittableRandom rnd) {
        Attrs reduced = a("compute_uv", true, "full_matrices", false);
        return of(rectangular("[3,3]", reduced, 3, 3), rectangular("[4,2]", reduced, 4, 2),
                rectangular("[4,2] full", a("compute_uv", true, "full_matrices", true), 4, 2), rectangular("[2,4]", reduced, 2, 4),
                rectangular("[2,4] values only", a("compute_uv", false, "full_matrices", false), 2, 4),
                rectangular("[2,3,3]", reduced, 3, 3, 2), v("[3] (error)", reduced, s(3))).cases(rnd);
    }

    public static List<Cases.Case> selfAdjointEig(SplittableRandom rnd) {
        return of(symmetric(matrices("[4,4]", true, 4), a("compute_v", true)), symmetric(matrices("[2,3,3]", true, 3, 2), a("compute_v", true)),
                symmetric(matrices("[3,3] values only", true, 3), a("compute_v", false)), v("[2,3] (error)", a("compute_v", true), s(2, 3))).cases(rnd);
    }

    private static Variant symmetric(Variant spd, Attrs attrs) { return new Variant(spd.label(), attrs, spd.inputs()); }

    public static List<Cases.Case> eig(SplittableRandom rnd) {
        return of(symmetric(matrices("[3,3]", false, 3), a("compute_v", true)), symmetric(matrices("[2,4,4]", false, 4, 2), a("compute_v", true)),
                new Variant("[2,2] rotation (eigenvalues +-i)", a("compute_v", true), (t, r) -> new Tensor[] {Values.floats(t, Shape.of(2, 2), 0, -1, 1, 0)}),
                v("[2,3] (error)", a("compute_v", true), s(2, 3))).cases(rnd);
    }

    // ---- diagonals, bincount ----

    public static List<Cases.Case> matrixDiag(SplittableRandom rnd) {
        return of(v("[3]", Attrs.EMPTY, s(3)), v("[2,3]", Attrs.EMPTY, s(2, 3)), v("[3] num_rows 3 num_cols 5", a("num_rows", 3, "num_cols", 5), s(3)),
                v("[2] num_rows 4 num_cols 2", a("num_rows", 4, "num_cols", 2), s(2)), v("[0]", Attrs.EMPTY, s(0)),
                v("[3] num_rows 4 num_cols 4 (error)", a("num_rows", 4, "num_cols", 4), s(3)), v("scalar (error)", Attrs.EMPTY, s())).cases(rnd);
    }

    public static List<Cases.Case> matrixDiagPart(SplittableRandom rnd) {
        return of(v("[3,3]", Attrs.EMPTY, s(3, 3)), v("[2,3,4]", Attrs.EMPTY, s(2, 3, 4)), v("[4,2]", Attrs.EMPTY, s(4, 2)),
                v("[0,3]", Attrs.EMPTY, s(0, 3)), v("[3] (error)", Attrs.EMPTY, s(3))).cases(rnd);
    }

    /** Padding zero of the diagonal ops' dtype (TF's Python default). */
    public static Tensor zeroOf(Cases.Case c) {
        DType t = c.inputs()[0].dtype();
        return t == DType.STRING ? Values.strings(Shape.scalar(), "") : Values.ints(t, Shape.scalar(), 0);
    }

    /** {@code tf.math.bincount}'s size input: max(arr) + 1 (0 when empty), raised to minlength, cut to maxlength. */
    public static Tensor bincountSize(Cases.Case c) {
        Tensor arr = c.inputs()[0];
        long size = 0;
        for (int k = 0; k < arr.size(); k++) size = Math.max(size, arr.getLong(k) + 1);
        int min = c.attrs().getInt("minlength", -1), max = c.attrs().getInt("maxlength", -1);
        if (min >= 0) size = Math.max(size, min);
        if (max >= 0) size = Math.min(size, max);
        return Values.ints(DType.INT32, Shape.scalar(), size);
    }

    /** No weights: TF's Python passes an empty tensor of the output dtype. */
    public static Tensor noWeights(Cases.Case c) {
        DType t = (DType) c.attrs().get("dtype");
        return Values.ints(t == null ? DType.INT32 : t, Shape.of(0));
    }

    public static List<Cases.Case> bincount(SplittableRandom rnd) {
        Tensor arr = Values.ints(DType.INT32, Shape.of(8), 1, 3, 3, 0, 7, 3, 1, 9);
        java.util.ArrayList<Cases.Case> cases = new java.util.ArrayList<>();
        for (DType t : Values.ALL) {
            cases.add(new Cases.Case(t.tfName() + " weights", a("minlength", -1, "maxlength", -1), arr, Values.random(t, Shape.of(8), rnd)));
        }
        cases.add(new Cases.Case("no weights int32", org.jflow.math.Bincount.attrs(-1, -1, DType.INT32), arr));
        cases.add(new Cases.Case("no weights float32 minlength 12", org.jflow.math.Bincount.attrs(12, -1, DType.FLOAT32), arr));
        cases.add(new Cases.Case("no weights int64 maxlength 4", org.jflow.math.Bincount.attrs(-1, 4, DType.INT64), arr));
        cases.add(new Cases.Case("[2,4] arr", org.jflow.math.Bincount.attrs(-1, -1, DType.INT32), Values.reshaped(arr, Shape.of(2, 4))));
        cases.add(new Cases.Case("empty arr", org.jflow.math.Bincount.attrs(-1, -1, DType.INT32), Values.ints(DType.INT32, Shape.of(0))));
        cases.add(new Cases.Case("negative (error)", org.jflow.math.Bincount.attrs(-1, -1, DType.INT32), Values.ints(DType.INT32, Shape.of(2), 1, -1)));
        return cases;
    }

    /** Alpha in [0.3, 6], samples in [0.05, 10]: both positive, as gamma draws are. */
    public static List<Cases.Case> gammaGrad(SplittableRandom rnd) {
        Variants.Inputs positive = (t, r) -> {
            double[] alpha = new double[6], sample = new double[6];
            for (int k = 0; k < 6; k++) {
                alpha[k] = r.nextDouble(0.3, 6);
                sample[k] = r.nextDouble(0.05, 10);
            }
            return new Tensor[] {Values.floats(t, Shape.of(2, 3), alpha), Values.floats(t, Shape.of(2, 3), sample)};
        };
        return of(new Variant("[2,3]", Attrs.EMPTY, positive), v("empty [0]", Attrs.EMPTY, s(0), s(0))).cases(rnd);
    }

    /** Arguments of lgamma and digamma: positive, negative between the poles, and the poles, inf and NaN. */
    public static List<Cases.Case> gammaFunction(SplittableRandom rnd) {
        Variants.Inputs domain = (t, r) -> {
            double[] x = new double[12];
            for (int k = 0; k < 6; k++) x[k] = r.nextDouble(0.05, 30);
            for (int k = 6; k < 12; k++) x[k] = -r.nextInt(5) - r.nextDouble(0.1, 0.9);
            return new Tensor[] {Values.floats(t, Shape.of(3, 4), x)};
        };
        Variants.Inputs edges = (t, r) -> new Tensor[] {Values.floats(t, Shape.of(8), 0, -0.0, -1, -2, 1, 2,
                Double.POSITIVE_INFINITY, Double.NaN)};
        return of(new Variant("domain [3,4]", Attrs.EMPTY, domain), new Variant("poles and edges", Attrs.EMPTY, edges),
                v("empty [0]", Attrs.EMPTY, s(0))).cases(rnd);
    }

    /**
     * Two-argument special functions over their domains ({@code first} and {@code second} bound each
     * argument), e.g. igamma's positive (a, x) or zeta's x > 1, q > 0; {@code integerFirst} draws
     * polygamma's order n from 0..3. The edges pair zeros, infinities and NaN.
     */
    public static Cases.Generator special(double[] first, double[] second, boolean integerFirst) {
        return rnd -> {
            Variants.Inputs domain = (t, r) -> {
                double[] a = new double[8], x = new double[8];
                for (int k = 0; k < 8; k++) {
                    a[k] = integerFirst ? r.nextInt(4) : r.nextDouble(first[0], first[1]);
                    x[k] = r.nextDouble(second[0], second[1]);
                }
                return new Tensor[] {Values.floats(t, Shape.of(2, 4), a), Values.floats(t, Shape.of(2, 4), x)};
            };
            double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
            Variants.Inputs edges = (t, r) -> new Tensor[] {Values.floats(t, Shape.of(6), 0, 1, 2, inf, nan, 3),
                    Values.floats(t, Shape.of(6), 1, 0, inf, 2, 1, nan)};
            return of(new Variant("domain [2,4]", Attrs.EMPTY, domain), new Variant("edges", Attrs.EMPTY, edges),
                    v("broadcast [2,1] x [3]", Attrs.EMPTY, s(2, 1), s(3)),
                    v("empty [0]", Attrs.EMPTY, s(0), s(0))).cases(rnd);
        };
    }

    public static List<Cases.Case> argSort(SplittableRandom rnd) {
        return of(v("[2,4] axis -1", a("axis", -1, "direction", "ASCENDING"), s(2, 4)),
                v("[3,2,2] axis 0 descending", a("axis", 0, "direction", "DESCENDING"), s(3, 2, 2))).cases(rnd);
    }

    public static List<Cases.Case> countNonzero(SplittableRandom rnd) {
        return of(v("[2,3,4] all axes", a("keep_dims", false), s(2, 3, 4)),
                v("[2,3,4] axis 1 keep_dims", a("axis", new int[] {1}, "keep_dims", true), s(2, 3, 4))).cases(rnd);
    }

    /** Labels and predictions in the tested dtype (only integers are accepted), with and without num_classes. */
    public static List<Cases.Case> confusionMatrix(SplittableRandom rnd) {
        Variants.Inputs pairs = (t, r) -> new Tensor[] {Values.ints(t, Shape.of(5), 0, 1, 3, 2, 1), Values.ints(t, Shape.of(5), 0, 2, 3, 1, 1)};
        // dtype is required on the op (TF's Python default, int32, is the facade's)
        return of(new Variant("labels, predictions", a("dtype", DType.INT32), pairs),
                new Variant("labels, predictions, num_classes 5", a("num_classes", 5, "dtype", DType.INT32), pairs)).cases(rnd);
    }
}
