package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Buffers;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.TypeError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.function.DoubleBinaryOperator;

import static org.jflow.autodiff.Grads.one;

/**
 * A reduction over some axes (attribute {@code axis}: an {@code int[]}, absent for all axes) with
 * {@code keep_dims}: TF's {@code Sum}, {@code Mean}, {@code Prod}, {@code Max}, {@code Min},
 * {@code Any}, {@code All}, {@code EuclideanNorm}, and the reductions TF's Python layer composes
 * from several ops ({@code reduce_logsumexp}, {@code reduce_variance}, {@code reduce_std},
 * {@code count_nonzero}), which are single ops here.
 */
public final class Reduction extends Op {
    private enum Kind { SUM, MEAN, PROD, MAX, MIN, ANY, ALL, EUCLIDEAN_NORM, LOG_SUM_EXP, VARIANCE, STD, COUNT_NONZERO }

    public static final Reduction SUM = new Reduction("Sum", Kind.SUM)
            .withGradient(Reduction::sumGradient);
    public static final Reduction MEAN = new Reduction("Mean", Kind.MEAN)
            .withGradient(Reduction::meanGradient);
    public static final Reduction PROD = new Reduction("Prod", Kind.PROD)
            .withGradient(Reduction::prodGradient);
    public static final Reduction MAX = new Reduction("Max", Kind.MAX)
            .withGradient(Reduction::extremumGradient);
    public static final Reduction MIN = new Reduction("Min", Kind.MIN)
            .withGradient(Reduction::extremumGradient);
    public static final Reduction ANY = new Reduction("Any", Kind.ANY)
            .notDifferentiable();
    public static final Reduction ALL = new Reduction("All", Kind.ALL)
            .notDifferentiable();
    public static final Reduction EUCLIDEAN_NORM = new Reduction("EuclideanNorm", Kind.EUCLIDEAN_NORM)
            .withGradient(Reduction::euclideanNormGradient);
    public static final Reduction LOG_SUM_EXP = new Reduction("ReduceLogSumExp", Kind.LOG_SUM_EXP)
            .withGradient(Reduction::logSumExpGradient).withDecomposition(Reduction::logSumExpInTfOps);
    public static final Reduction VARIANCE = new Reduction("ReduceVariance", Kind.VARIANCE)
            .withGradient(Reduction::varianceGradient)
            .withDecomposition((in, a) -> new Tensor[] {varianceInTfOps(in[0], a)});
    public static final Reduction STD = new Reduction("ReduceStd", Kind.STD)
            .withGradient(Reduction::stdGradient)
            .withDecomposition((in, a) -> new Tensor[] {RawMath.sqrt(varianceInTfOps(in[0], a))});
    /** Output dtype in attribute {@code dtype} (int64 when absent). */
    public static final Reduction COUNT_NONZERO = new Reduction("CountNonzero", Kind.COUNT_NONZERO)
            .notDifferentiable().withDecomposition((in, a) -> {
                // TF's count_nonzero: cast(reduce_sum(cast(x != 0, int64)), dtype)
                Tensor nonzero = RawMath.cast(RawMath.notEqual(in[0], RawArray.zerosLike(in[0])), DType.INT64);
                Tensor count = reduce(SUM, nonzero, a, a.getBool("keep_dims"));
                Object dtype = a.get("dtype");
                boolean int64 = dtype == null || dtype == DType.INT64;
                return new Tensor[] {int64 ? count : RawMath.cast(count, (DType) dtype)};
            });

    /** The axes of {@code attrs} (all when absent) with {@code keepDims}: what a reduction op of TF's takes. */
    private static Attrs reduceAttrs(Attrs attrs, boolean keepDims) {
        Object axes = attrs.get("axis");
        return axes == null ? Attrs.of("keep_dims", keepDims) : Attrs.of("axis", axes, "keep_dims", keepDims);
    }

    private static Tensor reduce(Reduction op, Tensor x, Attrs attrs, boolean keepDims) {
        return org.jflow.engine.Dispatcher.execute1(op, reduceAttrs(attrs, keepDims), x);
    }

    /** TF's reduce_variance: mean(|x - mean(x)|^2) over the axes. */
    private static Tensor varianceInTfOps(Tensor x, Attrs attrs) {
        Tensor mean = reduce(MEAN, x, attrs, true);
        Tensor centered = RawMath.sub(x, mean);
        Tensor magnitude = x.dtype().isComplex() ? RawMath.complexAbs(centered) : RawMath.abs(centered);
        return reduce(MEAN, RawMath.square(magnitude), attrs, attrs.getBool("keep_dims"));
    }

    /** TF's reduce_logsumexp: m + log(sum(exp(x - m))), m the (finite) maximum, kept out of the gradient. */
    private static Tensor[] logSumExpInTfOps(Tensor[] in, Attrs attrs) {
        Tensor x = in[0];
        Tensor rawMax = reduce(MAX, x, attrs, true);
        Tensor finiteMax = RawArray.selectV2(RawMath.isFinite(rawMax), rawMax, RawArray.zerosLike(rawMax));
        Tensor max = RawArray.stopGradient(finiteMax);
        boolean keep = attrs.getBool("keep_dims");
        Tensor sum = reduce(SUM, RawMath.exp(RawMath.sub(x, max)), attrs, keep);
        return new Tensor[] {RawMath.addV2(RawMath.log(sum), keep ? max : reduce(MAX, max, attrs, false))};
    }

    private final Kind kind;

    /**
     * JFlow's reductions take their axes as an attribute, all axes where it is absent; TF's
     * {@code tf.math.count_nonzero} casts its count to {@code dtype}.
     */
    private Reduction(String name, Kind kind) {
        super(name, switch (name) {
            case "CountNonzero" -> Signature.of("input, reduction_indices = axis -> output", "axis: list(int) = None",
                    "keep_dims: bool = false", "dtype: type = int64");
            // TF's reduction_indices also as an input, which a gradient passes where the axes are known only when the
            // graph runs (BroadcastGradientArgs' on a traced batch); the axis attribute stands for it otherwise
            case "Sum" -> Signature.of("input, reduction_indices?, reduction_indices = axis -> output", "axis: list(int) = None",
                    "keep_dims: bool = false");
            default -> Signature.of("input, reduction_indices = axis -> output", "axis: list(int) = None",
                    "keep_dims: bool = false");
        });
        this.kind = kind;
    }

    /** The attributes with the axes of a {@code reduction_indices} input (TF's int32/int64 scalar or vector), if one is given. */
    private static Attrs withIndices(Tensor[] in, Attrs attrs) {
        if (in.length == 1) return attrs;
        checkIndices(in[1]);
        return attrs.with("axis", in[1].toIntArray());
    }

    private static void checkIndices(Tensor indices) {
        DType t = indices.dtype();
        if (t != DType.INT32 && t != DType.INT64) {
            throw new InvalidArgumentError("Value for attr 'Tidx' of " + t.kernelName() + " is not in the list of allowed values: int32, int64");
        }
        if (indices.shape().hasRank() && indices.rank() > 1) {
            throw new InvalidArgumentError("Invalid reduction_indices: must be a scalar or a vector, got " + indices.shape().toErrorString());
        }
    }

    /** Attributes for a reduction over {@code axes} (null: all axes). */
    public static Attrs attrs(int[] axes, boolean keepDims) {
        return axes == null ? Attrs.of("keep_dims", keepDims) : Attrs.of("axis", axes.clone(), "keep_dims", keepDims);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        checkDType(t);
        DType outType = kind == Kind.COUNT_NONZERO ? outputType(attrs) : t;
        Shape s = in[0].shape();
        if (in.length > 1 && !in[1].hasValue()) { // axes known when the graph runs: TF's ReductionShape without them
            checkIndices(in[1]);
            if (!attrs.getBool("keep_dims") || !s.hasRank()) return new TensorSpec[] {new TensorSpec(outType, Shape.unknownRank())};
            int[] dims = new int[s.rank()];
            java.util.Arrays.fill(dims, Shape.UNKNOWN);
            return new TensorSpec[] {new TensorSpec(outType, Shape.ofOwned(dims))};
        }
        if (!s.hasRank()) return new TensorSpec[] {new TensorSpec(outType, Shape.unknownRank())};
        boolean[] reduced = ReducePlan.reducedAxes(s.rank(), (int[]) withIndices(in, attrs).get("axis"), name());
        return new TensorSpec[] {new TensorSpec(outType, ReducePlan.outputShape(s, reduced, attrs.getBool("keep_dims")))};
    }

    private static DType outputType(Attrs attrs) {
        Object d = attrs.get("dtype");
        return d == null ? DType.INT64 : (DType) d;
    }

    private void checkDType(DType t) {
        switch (kind) {
            case ANY, ALL -> {
                if (t != DType.BOOL) {
                    throw new InvalidArgumentError("cannot compute " + name() + " as input #0(zero-based) was expected to be a bool tensor but is a "
                            + t.kernelName() + " tensor");
                }
            }
            case COUNT_NONZERO -> { }
            case LOG_SUM_EXP -> {
                if (!t.isFloating()) throw notAllowed(t, "IsFinite");
            }
            case VARIANCE, STD -> {
                if (!t.isNumeric()) throw notAllowed(t, "Mean");
                if (!t.isFloating()) throw new TypeError("Input must be either real or complex. Received integer type " + t + ".");
            }
            default -> {
                boolean complexKernel = t.isComplex() && (kind == Kind.SUM || kind == Kind.MEAN);
                if (!t.isNumeric() && !complexKernel) {
                    TypeList types = kind == Kind.MAX || kind == Kind.MIN ? TypeList.REAL_NUMBERS_QUANTIZED : TypeList.NUMBER_TYPES;
                    throw types.refusal(t, name(), "input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false",
                            null, "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]");
                }
            }
        }
    }

    private static InvalidArgumentError notAllowed(DType t, String op) {
        return new InvalidArgumentError("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values").withOp(op);
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        if (in.length > 1) return compute(new Tensor[] {in[0]}, withIndices(in, attrs), out);
        if (in[0].dtype().isComplex()) return complex(in[0], attrs, out);
        Tensor x = in[0];
        ReducePlan plan = ReducePlan.of(x.shape(), ReducePlan.reducedAxes(x.rank(), (int[]) attrs.get("axis"), name()));
        Object data = plan.arrange(x);
        AxisLayout l = plan.layout;
        DType t = x.dtype();
        Object r = switch (kind) {
            // Over axes of size 1 TF's reduction helper copies the input (a -0.0 stays -0.0, 0.0 + -0.0 would not).
            case SUM -> l.n() == 1 ? Buffers.copy(data) : monoid(Monoid.SUM, data, t, l);
            case PROD -> monoid(Monoid.PROD, data, t, l);
            case MAX -> monoid(Monoid.MAX, data, t, l);
            case MIN -> monoid(Monoid.MIN, data, t, l);
            // Bools reduce as 0/1: any is their max, all their min.
            case ANY -> monoid(Monoid.MAX, data, t, l);
            case ALL -> monoid(Monoid.MIN, data, t, l);
            case MEAN -> mean(data, t, l);
            case EUCLIDEAN_NORM -> euclideanNorm(data, t, l);
            case COUNT_NONZERO -> Buffers.convert(ReduceKernel.of(Monoid.SUM, DType.INT64, DType.INT64)
                    .reduce(nonzero(data, t), l), DType.INT64, out[0].dtype());
            case LOG_SUM_EXP -> Buffers.convert(logSumExp(toDoubles(data, t), l), DType.FLOAT64, t);
            case VARIANCE -> Buffers.convert(variance(toDoubles(data, t), l), DType.FLOAT64, t);
            case STD -> Buffers.convert(sqrt(variance(toDoubles(data, t), l)), DType.FLOAT64, t);
        };
        return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), r)};
    }

    /**
     * Complex input: sum and mean are linear, so they reduce the real and imaginary parts apart;
     * count_nonzero counts the elements with a non-zero part.
     */
    private Tensor[] complex(Tensor x, Attrs attrs, TensorSpec[] out) {
        DType t = x.dtype();
        if (kind == Kind.COUNT_NONZERO) {
            return compute(new Tensor[] {Tensor.wrap(DType.BOOL, x.shape(), Buffers.convert(x.data(), t, DType.BOOL))}, attrs, out);
        }
        DType real = t.realDType();
        TensorSpec[] partSpec = {new TensorSpec(real, out[0].shape())};
        Tensor re = compute(new Tensor[] {Tensor.wrap(real, x.shape(), Buffers.part(x.data(), t, false))}, attrs, partSpec)[0];
        Tensor im = compute(new Tensor[] {Tensor.wrap(real, x.shape(), Buffers.part(x.data(), t, true))}, attrs, partSpec)[0];
        return new Tensor[] {Tensor.wrap(t, out[0].shape(), Buffers.join(re.data(), im.data(), t))};
    }

    /**
     * The buffer type a dtype's reductions accumulate in: float32 for float32 and the halves, int32
     * for int32, int64 for the other integers and bools.
     */
    private static DType working(DType t) {
        return switch (t.storage()) {
            case FLOAT, HALF -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case INT -> DType.INT32;
            default -> DType.INT64;
        };
    }

    /** The reduction by {@code m} in dtype {@code t}'s own buffer type (integers wrap as in C++). */
    private static Object monoid(Monoid m, Object data, DType t, AxisLayout l) {
        return fromWorking(reduceWorking(m, toWorking(data, t), t, l), t);
    }

    private static Object toWorking(Object data, DType t) {
        DType w = working(t);
        return w == t ? data : Buffers.convert(data, t, w);
    }

    private static Object fromWorking(Object r, DType t) {
        DType w = working(t);
        return w == t ? r : Buffers.convert(r, w, t);
    }

    private static Object reduceWorking(Monoid m, Object working, DType t, AxisLayout l) {
        return ReduceKernel.of(m, working(t), t).reduce(working, l);
    }

    /**
     * Sum divided by the count, in the dtype. Integer means sum in int64 (TF's
     * {@code CASTING_SPECIALIZATION} of its mean reducer: int8 mean of [100, 100] is 100, not the
     * wrapped sum's -28), divide with truncation, and narrow back; only int64 sums wrap.
     */
    private static Object mean(Object data, DType t, AxisLayout l) {
        int n = l.n();
        if (t.isInteger()) {
            Object wide = t == DType.INT64 ? data : Buffers.convert(data, t, DType.INT64);
            long[] s = (long[]) ReduceKernel.of(Monoid.SUM, DType.INT64, DType.INT64).reduce(wide, l);
            for (int k = 0; k < s.length; k++) s[k] = n == 0 ? 0 : s[k] / n;
            return t == DType.INT64 ? s : Buffers.convert(s, DType.INT64, t);
        }
        Object sum = reduceWorking(Monoid.SUM, toWorking(data, t), t, l);
        if (t == DType.FLOAT16) {
            // TF's MeanReducer for float16 divides in the dtype: the half sum and the count rounded to it, so a
            // mean over more than 65504 elements divides by inf (100000 x 0.1 gives 0, as in TF). bfloat16 is
            // one of its CASTING_SPECIALIZATIONs: float sum divided by the float count, rounded once (below).
            float[] s = (float[]) toWorking(fromWorking(sum, t), t);
            float count = ((float[]) toWorking(Buffers.convert(new float[] {n}, DType.FLOAT32, t), t))[0];
            for (int k = 0; k < s.length; k++) s[k] /= count;
            return fromWorking(s, t);
        }
        switch (sum) {
            case float[] s -> { for (int k = 0; k < s.length; k++) s[k] /= n; }
            case double[] s -> { for (int k = 0; k < s.length; k++) s[k] /= n; }
            default -> throw new IllegalStateException();
        }
        return fromWorking(sum, t);
    }

    /** The square root of the sum of squares; integer results truncate. */
    private static Object euclideanNorm(Object data, DType t, AxisLayout l) {
        Object squares = toWorking(data, t);
        if (squares == data) squares = Buffers.copy(data);
        switch (squares) {
            // float16 squares round to half, as TF's in * conj(in) in Eigen::half before its half sum
            case float[] a -> { for (int k = 0; k < a.length; k++) a[k] = t == DType.FLOAT16 ? HalfTreeSum.half(a[k] * a[k]) : a[k] * a[k]; }
            case double[] a -> { for (int k = 0; k < a.length; k++) a[k] *= a[k]; }
            case int[] a -> { for (int k = 0; k < a.length; k++) a[k] *= a[k]; }
            case long[] a -> { for (int k = 0; k < a.length; k++) a[k] *= a[k]; }
            default -> throw new IllegalStateException();
        }
        Object sum = reduceWorking(Monoid.SUM, squares, t, l);
        switch (sum) {
            case float[] s -> { for (int k = 0; k < s.length; k++) s[k] = (float) Math.sqrt(s[k]); }
            case double[] s -> { for (int k = 0; k < s.length; k++) s[k] = Math.sqrt(s[k]); }
            case int[] s -> { for (int k = 0; k < s.length; k++) s[k] = (int) Math.sqrt(s[k]); }
            case long[] s -> {
                Object wrapped = Buffers.convert(s, DType.INT64, t);
                for (int k = 0; k < s.length; k++) s[k] = (long) Math.sqrt(Buffers.getLong(wrapped, t, k));
            }
            default -> throw new IllegalStateException();
        }
        return fromWorking(sum, t);
    }

    /** 1 where an element is not zero (for strings: not empty), else 0. */
    private static long[] nonzero(Object data, DType t) {
        int n = Buffers.length(data);
        long[] flags = new long[n];
        if (t == DType.STRING) {
            byte[][] s = (byte[][]) data;
            for (int k = 0; k < n; k++) flags[k] = s[k].length != 0 ? 1 : 0;
        } else if (t.isFloating()) {
            for (int k = 0; k < n; k++) flags[k] = Buffers.getDouble(data, t, k) != 0 ? 1 : 0;
        } else {
            for (int k = 0; k < n; k++) flags[k] = Buffers.getLong(data, t, k) != 0 ? 1 : 0;
        }
        return flags;
    }

    private static double[] toDoubles(Object data, DType t) {
        return (double[]) (t == DType.FLOAT64 ? Buffers.copy(data) : Buffers.convert(data, t, DType.FLOAT64));
    }

    private static double[] sum(double[] x, AxisLayout l) {
        return (double[]) ReduceKernel.of(Monoid.SUM, DType.FLOAT64, DType.FLOAT64).reduce(x, l);
    }

    /** {@code log(sum(exp(x - m))) + m} with m the (finite) maximum, so large inputs do not overflow. */
    private static double[] logSumExp(double[] x, AxisLayout l) {
        double[] shift = (double[]) ReduceKernel.of(Monoid.MAX, DType.FLOAT64, DType.FLOAT64).reduce(x, l);
        for (int k = 0; k < shift.length; k++) if (Double.isInfinite(shift[k]) || Double.isNaN(shift[k])) shift[k] = 0;
        mapWithResult(x, l, shift, (v, m) -> Math.exp(v - m));
        double[] s = sum(x, l);
        for (int k = 0; k < s.length; k++) s[k] = Math.log(s[k]) + shift[k];
        return s;
    }

    /** The mean of squared deviations from the mean; NaN for an empty reduction. */
    private static double[] variance(double[] x, AxisLayout l) {
        int n = l.n();
        double[] mean = sum(x, l);
        for (int k = 0; k < mean.length; k++) mean[k] /= n;
        mapWithResult(x, l, mean, (v, m) -> (v - m) * (v - m));
        double[] var = sum(x, l);
        for (int k = 0; k < var.length; k++) var[k] /= n;
        return var;
    }

    private static double[] sqrt(double[] v) {
        for (int k = 0; k < v.length; k++) v[k] = Math.sqrt(v[k]);
        return v;
    }

    /** {@code x[o, r, i] = f(x[o, r, i], perResult[o, i])} in place. */
    private static void mapWithResult(double[] x, AxisLayout l, double[] perResult, DoubleBinaryOperator f) {
        for (int o = 0; o < l.outer(); o++) {
            for (int r = 0; r < l.n(); r++) {
                int base = l.at(o, r, 0), res = o * l.inner();
                for (int i = 0; i < l.inner(); i++) x[base + i] = f.applyAsDouble(x[base + i], perResult[res + i]);
            }
        }
    }

    // ---- gradients (TF's math_grad.py), all in terms of the upstream gradient broadcast back over the reduced axes ----

    private static int[] axes(GradientContext g) { return (int[]) withIndices(g.inputs(), g.attrs()).get("axis"); }

    /** {@code t}, a reduction's shape, reshaped with the reduced axes kept as 1. */
    private static Tensor kept(GradientContext g, Tensor t) { return Grads.kept(t, g.x().shape(), axes(g)); }

    /** How many elements each output element reduces. */
    private static int count(GradientContext g) {
        int out = g.out().size();
        return out == 0 ? 0 : g.x().size() / out;
    }

    private static Tensor[] sumGradient(GradientContext g, Tensor[] dy) {
        if (g.inputs().length > 1 && !g.input(1).hasValue()) { // TF's _SumGrad on axes known when the graph runs
            return one(Grads.broadcastLike(RawArray.reshape(dy[0], Grads.reducedShape(g.x(), g.input(1))), g.x()));
        }
        return one(Grads.broadcastLike(kept(g, dy[0]), g.x()));
    }

    private static Tensor[] meanGradient(GradientContext g, Tensor[] dy) {
        Tensor sum = sumGradient(g, dy)[0];
        if (!g.x().shape().isFullyDefined()) {
            return one(RawMath.realDiv(sum, Grads.sizeRatio(g.x(), g.out(), g.x().dtype())));
        }
        return one(RawMath.realDiv(sum, Raw.scalarLike(sum, count(g))));
    }

    /** Max and Min: the gradient is shared equally among the elements equal to the result. */
    private static Tensor[] extremumGradient(GradientContext g, Tensor[] dy) {
        Tensor hits = RawMath.cast(RawMath.equal(kept(g, g.out()), g.x()), g.x().dtype());
        Tensor shares = RawMath.realDiv(hits, RawMath.sum(hits, axes(g), true));
        return one(RawMath.mul(shares, kept(g, dy[0])));
    }

    /**
     * The product of all other elements, as TF computes it: the reduced axes moved to the front and
     * flattened, then exclusive cumulative products from both ends (correct where x has zeros).
     */
    private static Tensor[] prodGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x();
        int r = x.rank();
        boolean[] reduced = ReducePlan.reducedAxes(r, axes(g), "Prod");
        int[] perm = new int[r];
        int n = 0, reducedCount = 0;
        long reducedSize = 1, otherSize = 1; // Shape.UNKNOWN where a dim is unknown while tracing
        for (int i = 0; i < r; i++) if (reduced[i]) { perm[n++] = i; reducedCount++; reducedSize = times(reducedSize, x.shape().get(i)); }
        for (int i = 0; i < r; i++) if (!reduced[i]) { perm[n++] = i; otherSize = times(otherSize, x.shape().get(i)); }
        Tensor permuted = RawArray.transpose(x, perm);
        Tensor flat;
        if (reducedSize != Shape.UNKNOWN || otherSize != Shape.UNKNOWN) {
            flat = RawArray.reshape(permuted, new int[] {(int) reducedSize, (int) otherSize}); // one of them may be -1
        } else { // TF's reshape to (reduce_prod(Shape(x)[reduced]), reduce_prod(Shape(x)[other])) when the graph runs
            Tensor shape = RawArray.shape(permuted, DType.INT32);
            Tensor rows = RawMath.prod(RawArray.stridedSlice(shape, new int[] {0}, new int[] {reducedCount}, new int[] {1},
                    0, 0, 0, 0, 0), new int[] {0}, false);
            Tensor cols = RawMath.prod(RawArray.stridedSlice(shape, new int[] {reducedCount}, new int[] {0}, new int[] {1},
                    0, 1, 0, 0, 0), new int[] {0}, false);
            flat = RawArray.reshape(permuted, RawArray.pack(java.util.List.of(rows, cols), 0));
        }
        Tensor others = RawMath.mul(RawMath.cumprod(flat, 0, true, false), RawMath.cumprod(flat, 0, true, true));
        Tensor back = RawArray.transpose(Grads.reshapeLike(others, permuted), Grads.inverse(perm));
        return one(RawMath.mul(back, kept(g, dy[0])));
    }

    /** {@code size * d} with an unknown dim (or size) making it unknown. */
    private static long times(long size, int d) { return size == Shape.UNKNOWN || d == Shape.UNKNOWN ? Shape.UNKNOWN : size * d; }

    private static Tensor[] logSumExpGradient(GradientContext g, Tensor[] dy) {
        return one(RawMath.mul(kept(g, dy[0]), RawMath.exp(RawMath.sub(g.x(), kept(g, g.out())))));
    }

    private static Tensor[] euclideanNormGradient(GradientContext g, Tensor[] dy) {
        return one(RawMath.mul(kept(g, dy[0]), RawMath.divNoNan(g.x(), kept(g, g.out()))));
    }

    private static Tensor centered(GradientContext g) { return RawMath.sub(g.x(), RawMath.mean(g.x(), axes(g), true)); }

    private static Tensor[] varianceGradient(GradientContext g, Tensor[] dy) {
        Tensor centered = centered(g);
        return one(RawMath.mul(kept(g, dy[0]), RawMath.mul(centered, Raw.scalarLike(centered, 2.0 / count(g)))));
    }

    private static Tensor[] stdGradient(GradientContext g, Tensor[] dy) {
        Tensor out = kept(g, g.out());
        Tensor perStd = RawMath.divNoNan(centered(g), RawMath.mul(out, Raw.scalarLike(out, count(g))));
        return one(RawMath.mul(kept(g, dy[0]), perStd));
    }
}
