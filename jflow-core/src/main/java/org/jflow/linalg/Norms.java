package org.jflow.linalg;

import org.jflow.engine.Strides;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawLinalg;
import org.jflow.raw.RawMath;

import java.util.Arrays;


/**
 * {@code tf.norm} and {@code tf.math.l2_normalize}. TF builds both in Python from several ops
 * (abs, pow, reduce_sum/max, sqrt, svd); here each is one fused op, named {@code Norm} and
 * {@code L2Normalize}, with TF's argument checks and results.
 */
public final class Norms {
    private Norms() {}

    /** The reduced elements of a tensor regrouped so each group (one output element) is contiguous in {@link #map}. */
    private record Grouping(int[] map, int groups, int groupLen, int[] reducedDims) {
        static Grouping of(Shape shape, int[] axes, boolean keepDims) {
            int r = shape.rank();
            int[] dims = shape.dimsView();
            boolean[] reduced = new boolean[r];
            for (int a : axes) reduced[a] = true;
            int[] order = new int[r];
            int k = 0;
            for (int i = 0; i < r; i++) if (!reduced[i]) order[k++] = i;
            for (int a : axes) order[k++] = a;
            int groupLen = 1;
            int[] reducedDims = new int[axes.length];
            for (int i = 0; i < axes.length; i++) groupLen *= reducedDims[i] = dims[axes[i]];
            int[] map = Strides.permutedMap(dims, order);
            return new Grouping(map, groupLen == 0 ? outShape(shape, axes, keepDims).size() : map.length / groupLen, groupLen, reducedDims);
        }
    }

    /** The reduction's result shape, from dims alone (unknown ones stay unknown): the shape rule's part of {@link Grouping}. */
    private static Shape outShape(Shape shape, int[] axes, boolean keepDims) {
        int r = shape.rank();
        boolean[] reduced = new boolean[r];
        for (int a : axes) reduced[a] = true;
        int[] out = new int[keepDims ? r : r - axes.length];
        for (int i = 0, j = 0; i < r; i++) {
            if (!reduced[i]) out[j++] = shape.get(i);
            else if (keepDims) out[j++] = 1;
        }
        return Shape.ofOwned(out);
    }

    /** Axes in range and made non-negative; null means all axes. */
    private static int[] normalizeAxes(String op, int[] axes, int rank) {
        if (axes == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i];
            if (a < -rank || a >= rank) {
                throw new InvalidArgumentError("Invalid reduction dimension (" + a + " for input with " + rank + " dimension(s)").withOp(op);
            }
            out[i] = a < 0 ? a + rank : a;
        }
        return out;
    }

    private static void requireFloating(String op, Tensor t) {
        if (t.dtype().isComplex()) {
            throw new org.jflow.errors.UnimplementedError("JFlow has no " + t.dtype().tfName() + " kernel for " + op + " yet").withOp(op);
        }
        if (!t.dtype().isFloating()) {
            throw new InvalidArgumentError("Value for attr 'T' of " + t.dtype().kernelName()
                    + " is not in the list of allowed values: bfloat16, half, float, double, complex64, complex128").withOp(op);
        }
    }

    private static String ordText(Object ord) {
        if (ord instanceof Double d) {
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        return String.valueOf(ord);
    }

    /**
     * {@code tf.norm}: attributes {@code ord} (a String {@code "euclidean"}/{@code "fro"} or a Double,
     * {@code Double.POSITIVE_INFINITY} for inf), {@code axis} (int[], absent for all) and {@code keep_dims}.
     */
    public static final Op NORM = new Op("Norm", Signature.of("tensor -> output", "ord: object",
            "axis: list(int) = None", "keep_dims: bool = false")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int[] axis = (int[]) attrs.get("axis");
            Object ord = attrs.get("ord");
            boolean matrix = axis != null && axis.length == 2;
            if (axis != null && (axis.length < 1 || axis.length > 2 || (matrix && axis[0] == axis[1]))) {
                throw new ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, got " + Arrays.toString(axis));
            }
            if (matrix) {
                boolean ok = "euclidean".equals(ord) || "fro".equals(ord)
                        || (ord instanceof Double d && (d == 1 || d == 2 || d == Double.POSITIVE_INFINITY));
                if (!ok) throw new ValueError("'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got " + ordText(ord));
            } else if (!("euclidean".equals(ord) || (ord instanceof Double d && d > 0))) {
                throw new ValueError("'ord' must be a supported vector norm, got " + ordText(ord));
            }
            requireFloating(name(), in[0]);
            int[] axes = normalizeAxes(name(), axis, in[0].rank());
            if (matrix && axes[0] == axes[1]) {
                throw new ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, got " + Arrays.toString(axis));
            }
            return new TensorSpec[] {new TensorSpec(in[0].dtype(), outShape(in[0].shape(), axes, attrs.getBool("keep_dims")))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int[] axis = (int[]) attrs.get("axis");
            int[] axes = normalizeAxes(name(), axis, in[0].rank());
            Grouping g = Grouping.of(in[0].shape(), axes, attrs.getBool("keep_dims"));
            double[] x = (double[]) Buffers.convert(in[0].data(), in[0].dtype(), DType.FLOAT64);
            Object ord = attrs.get("ord");
            double p = ord instanceof Double d ? d : 2;
            boolean matrix = axis != null && axis.length == 2;
            double[] result = new double[g.groups()];
            double[] values = new double[g.groupLen()];
            for (int k = 0; k < g.groups(); k++) {
                for (int i = 0; i < values.length; i++) values[i] = x[g.map()[k * values.length + i]];
                int rows = matrix ? g.reducedDims()[0] : 0, cols = matrix ? g.reducedDims()[1] : 0;
                if (!matrix || ord instanceof String) result[k] = vectorNorm(values, p); // 'fro' is the flattened 2-norm
                else if (p == 2) result[k] = spectralNorm(values, rows, cols);
                else result[k] = matrixNorm(values, rows, cols, p);
            }
            return new Tensor[] {MatrixOp.wrap(out[0], result)};
        }
    }.withGradient((g, dy) -> Grads.composite(g, dy, in -> new Tensor[] {composedNorm(in[0], g.attrs(), g.out().shape())}))
            .withDecomposition((in, attrs) -> {
                Shape out = Norms.NORM.infer(in, attrs)[0].shape();
                return new Tensor[] {composedNorm(in[0], attrs, out)};
            });

    /** {@code tf.norm} as TF's Python composes it from ops, for its gradient. */
    private static Tensor composedNorm(Tensor x, Attrs attrs, Shape out) {
        int[] axis = (int[]) attrs.get("axis");
        Object ord = attrs.get("ord");
        double p = ord instanceof Double d ? d : 2;
        boolean matrix = axis != null && axis.length == 2;
        Tensor norm;
        if (p == 2 && (!matrix || ord instanceof String)) {
            norm = RawMath.sqrt(RawMath.sum(RawMath.square(x), axis, true));
        } else if (matrix) {
            if (p == 2) return RawArray.reshape(spectralNormByOps(x, axis), out.dimsView());
            int inner = p == 1 ? axis[0] : axis[1], outer = p == 1 ? axis[1] : axis[0];
            norm = RawMath.max(RawMath.sum(RawMath.abs(x), new int[] {inner}, true), new int[] {outer}, true);
        } else if (p == 1) norm = RawMath.sum(RawMath.abs(x), axis, true);
        else if (p == Double.POSITIVE_INFINITY) norm = RawMath.max(RawMath.abs(x), axis, true);
        else {
            Tensor powers = RawMath.pow(RawMath.abs(x), Raw.scalarLike(x, p));
            norm = RawMath.pow(RawMath.sum(powers, axis, true), Raw.scalarLike(x, 1 / p));
        }
        return RawArray.reshape(norm, out.dimsView());
    }

    /**
     * As TF: the two axes moved last (the others keep their order), then the largest singular value
     * of {@code Svd(compute_uv=False)}, whose gradient is {@code u1 v1^T}.
     */
    private static Tensor spectralNormByOps(Tensor x, int[] axis) {
        int r = x.rank(), a0 = Math.floorMod(axis[0], r), a1 = Math.floorMod(axis[1], r);
        int[] perm = new int[r];
        for (int i = 0, k = 0; i < r; i++) if (i != a0 && i != a1) perm[k++] = i;
        perm[r - 2] = a0;
        perm[r - 1] = a1;
        Tensor s = RawLinalg.svd(RawArray.transpose(x, perm), false, false)[0];
        return RawMath.max(s, new int[] {-1}, false);
    }

    private static double vectorNorm(double[] v, double p) {
        double acc = 0;
        if (p == Double.POSITIVE_INFINITY) {
            for (double x : v) acc = Math.max(acc, Math.abs(x));
            return acc;
        }
        if (p == 2) {
            for (double x : v) acc += x * x;
            return Math.sqrt(acc);
        }
        if (p == 1) {
            for (double x : v) acc += Math.abs(x);
            return acc;
        }
        for (double x : v) acc += Math.pow(Math.abs(x), p);
        return Math.pow(acc, 1 / p);
    }

    /** The induced 1-norm (max column sum) or inf-norm (max row sum) of a rows x cols matrix. */
    private static double matrixNorm(double[] a, int rows, int cols, double p) {
        boolean byColumn = p == 1;
        int outer = byColumn ? cols : rows, inner = byColumn ? rows : cols;
        double best = 0;
        for (int o = 0; o < outer; o++) {
            double s = 0;
            for (int i = 0; i < inner; i++) s += Math.abs(byColumn ? a[i * cols + o] : a[o * cols + i]);
            best = Math.max(best, s);
        }
        return best;
    }

    private static double spectralNorm(double[] a, int rows, int cols) {
        if (rows == 0 || cols == 0) return 0;
        return Decompositions.svd(a, rows, cols, false)[0][0];
    }

    /** {@code tf.math.l2_normalize}: {@code x / sqrt(max(sum(x^2, axis), epsilon))}; attributes {@code axis} (int[] or absent) and {@code epsilon}. */
    public static final Op L2_NORMALIZE = new Op("L2Normalize", Signature.of("x -> output", "axis: list(int) = None",
            "epsilon: float = 1e-12")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireFloating(name(), in[0]);
            normalizeAxes(name(), (int[]) attrs.get("axis"), in[0].rank());
            return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int[] axes = normalizeAxes(name(), (int[]) attrs.get("axis"), in[0].rank());
            Grouping g = Grouping.of(in[0].shape(), axes, true);
            double eps = attrs.getDouble("epsilon");
            DType dt = in[0].dtype();
            double[] x = (double[]) Buffers.convert(in[0].data(), dt, DType.FLOAT64);
            double[] y = new double[x.length];
            boolean single = dt != DType.FLOAT64;
            int len = g.groupLen();
            for (int k = 0; k < g.groups(); k++) {
                double sum = 0;
                for (int i = 0; i < len; i++) {
                    double v = x[g.map()[k * len + i]];
                    sum += v * v;
                }
                double inv = 1 / Math.sqrt(Math.max(sum, eps));
                // float inputs scale by a float reciprocal, as TF's float rsqrt does
                if (single) inv = (float) inv;
                for (int i = 0; i < len; i++) {
                    int idx = g.map()[k * len + i];
                    y[idx] = single ? (float) x[idx] * (float) inv : x[idx] * inv;
                }
            }
            return new Tensor[] {MatrixOp.wrap(out[0], y)};
        }
    }.withGradient((g, dy) -> Grads.composite(g, dy, in -> l2NormalizeInTfOps(in, g.attrs())))
            .withDecomposition(Norms::l2NormalizeInTfOps);

    /** TF's l2_normalize: {@code x * rsqrt(max(sum(x^2, axis, keepdims), epsilon))}. */
    private static Tensor[] l2NormalizeInTfOps(Tensor[] in, Attrs attrs) {
        Tensor squares = RawMath.sum(RawMath.square(in[0]), (int[]) attrs.get("axis"), true);
        Tensor epsilon = Raw.scalarLike(squares, attrs.getDouble("epsilon"));
        return new Tensor[] {RawMath.mul(in[0], RawMath.rsqrt(RawMath.maximum(squares, epsilon)))};
    }
}
