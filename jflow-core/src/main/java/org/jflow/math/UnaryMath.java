package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Gradient;
import org.jflow.engine.Halfs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.device.Devices;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

import static org.jflow.autodiff.Grads.conj;
import static org.jflow.autodiff.Grads.unary;

/**
 * The element-wise functions of one number, one line each: TF's op name, the dtypes TF's op
 * accepts, an optional vector loop (float32, float64), the formula on floats (float32 rounds the
 * float64 result) and, where TF has integer kernels, on integers (wrapping like C++, so
 * {@code abs(int8 -128)} is -128).
 */
public final class UnaryMath extends Op {
    public static final UnaryMath ABS = new UnaryMath("Abs", TypeList.ABS, UnaryLane.ABS, Math::abs, Math::abs)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.sign(g.x()))));
    public static final UnaryMath NEG = new UnaryMath("Neg", TypeList.SIGNED, UnaryLane.NEG, x -> -x, x -> -x, ComplexUnary.NEG)
            .withGradient(unary((g, dy) -> RawMath.neg(dy)));
    public static final UnaryMath SIGN = new UnaryMath("Sign", TypeList.SIGNED, UnaryLane.SIGN, UnaryMath::sign, Long::signum, ComplexUnary.SIGN)
            .withGradient(unary((g, dy) -> RawArray.zerosLike(g.x())));
    public static final UnaryMath SQUARE = new UnaryMath("Square", TypeList.UNSIGNED, UnaryLane.SQUARE, x -> x * x, x -> x * x, ComplexUnary.SQUARE)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.mul(conj(g.x()), Raw.scalarLike(g.x(), 2)))));
    public static final UnaryMath SQRT = new UnaryMath("Sqrt", TypeList.COMPLEX, UnaryLane.SQRT, Math::sqrt, null, ComplexUnary.SQRT)
            .withGradient(unary((g, dy) -> realFloat(dy) ? ElementwiseGradient.SQRT_GRAD.call(g.out(), dy)
                    : zeroWhereNoUpstream(dy, RawMath.realDiv(RawMath.mul(dy, Raw.scalarLike(dy, 0.5)), conj(g.out())))));
    public static final UnaryMath RSQRT = new UnaryMath("Rsqrt", TypeList.COMPLEX, UnaryLane.RSQRT, x -> 1 / Math.sqrt(x), null, ComplexUnary.RSQRT)
            .withGradient(unary((g, dy) -> {
                if (realFloat(dy)) return ElementwiseGradient.RSQRT_GRAD.call(g.out(), dy);
                Tensor y = conj(g.out());
                Tensor scaled = RawMath.mul(dy, Raw.scalarLike(dy, -0.5));
                return zeroWhereNoUpstream(dy, RawMath.mul(scaled, RawMath.mul(y, RawMath.square(y))));
            }));
    public static final UnaryMath EXP = new UnaryMath("Exp", TypeList.COMPLEX, UnaryLane.EXP, Math::exp, null, ComplexUnary.EXP)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, conj(g.out()))));
    public static final UnaryMath EXPM1 = new UnaryMath("Expm1", TypeList.COMPLEX, UnaryLane.EXPM1, Math::expm1, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.exp(g.x()))));
    public static final UnaryMath LOG = new UnaryMath("Log", TypeList.COMPLEX, UnaryLane.LOG, Math::log, null, ComplexUnary.LOG)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.reciprocal(conj(g.x())))));
    public static final UnaryMath LOG1P = new UnaryMath("Log1p", TypeList.COMPLEX, UnaryLane.LOG1P, Math::log1p, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.reciprocal(RawMath.addV2(g.x(), one(g.x()))))));
    public static final UnaryMath SIN = new UnaryMath("Sin", TypeList.COMPLEX, UnaryLane.SIN, Math::sin, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.cos(g.x()))));
    public static final UnaryMath COS = new UnaryMath("Cos", TypeList.COMPLEX, UnaryLane.COS, Math::cos, null)
            .withGradient(unary((g, dy) -> RawMath.mul(RawMath.neg(dy), RawMath.sin(g.x()))));
    public static final UnaryMath TAN = new UnaryMath("Tan", TypeList.SIGNED, UnaryLane.TAN, Math::tan, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.square(RawMath.reciprocal(RawMath.cos(g.x()))))));
    public static final UnaryMath ASIN = new UnaryMath("Asin", TypeList.COMPLEX, UnaryLane.ASIN, Math::asin, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.rsqrt(oneMinusSquare(g.x())))));
    public static final UnaryMath ACOS = new UnaryMath("Acos", TypeList.COMPLEX, UnaryLane.ACOS, Math::acos, null)
            .withGradient(unary((g, dy) -> RawMath.neg(RawMath.mul(dy, RawMath.rsqrt(oneMinusSquare(g.x()))))));
    public static final UnaryMath ATAN = new UnaryMath("Atan", TypeList.COMPLEX, UnaryLane.ATAN, Math::atan, null)
            .withGradient(unary((g, dy) ->
                    RawMath.mul(dy, RawMath.reciprocal(RawMath.addV2(RawMath.square(g.x()), one(g.x()))))));
    public static final UnaryMath SINH = new UnaryMath("Sinh", TypeList.COMPLEX, UnaryLane.SINH, Math::sinh, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.cosh(g.x()))));
    public static final UnaryMath COSH = new UnaryMath("Cosh", TypeList.COMPLEX, UnaryLane.COSH, Math::cosh, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.sinh(g.x()))));
    public static final UnaryMath TANH = new UnaryMath("Tanh", TypeList.COMPLEX, UnaryLane.TANH, Math::tanh, null)
            .withGradient(unary((g, dy) -> realFloat(dy) ? ElementwiseGradient.TANH_GRAD.call(g.out(), dy)
                    : RawMath.mul(dy, oneMinusSquare(g.out()))));
    public static final UnaryMath ASINH = new UnaryMath("Asinh", TypeList.COMPLEX, UnaryLane.ASINH, SpecialFunctions::asinh, null)
            .withGradient(unary((g, dy) -> RawMath.realDiv(dy, RawMath.cosh(g.out()))));
    public static final UnaryMath ACOSH = new UnaryMath("Acosh", TypeList.COMPLEX, UnaryLane.ACOSH, SpecialFunctions::acosh, null)
            .withGradient(unary((g, dy) -> RawMath.realDiv(dy, RawMath.sinh(g.out()))));
    public static final UnaryMath ATANH = new UnaryMath("Atanh", TypeList.COMPLEX, UnaryLane.ATANH, SpecialFunctions::atanh, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.reciprocal(oneMinusSquare(g.x())))));
    public static final UnaryMath SIGMOID = new UnaryMath("Sigmoid", TypeList.COMPLEX, UnaryLane.SIGMOID, x -> 1 / (1 + Math.exp(-x)), null)
            .withGradient(unary((g, dy) -> realFloat(dy) ? ElementwiseGradient.SIGMOID_GRAD.call(g.out(), dy)
                    : RawMath.mul(dy, RawMath.mul(g.out(), RawMath.sub(one(g.out()), g.out())))));
    public static final UnaryMath SOFTPLUS = new UnaryMath("Softplus", TypeList.NN_REAL, "features:T -> activations:T", UnaryLane.SOFTPLUS,
            SpecialFunctions::softplus, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.sigmoid(g.x())))); // TF 2.18's _SoftplusGrad, not SoftplusGrad
    public static final UnaryMath ERF = new UnaryMath("Erf", TypeList.REAL, UnaryLane.ERF, SpecialFunctions::erf, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, gaussian(g.x(), 2 / Math.sqrt(Math.PI)))));
    public static final UnaryMath ERFC = new UnaryMath("Erfc", TypeList.REAL, UnaryLane.ERFC, SpecialFunctions::erfc, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, gaussian(g.x(), -2 / Math.sqrt(Math.PI)))));
    /** {@code tf.math.lgamma}: log|Gamma(x)|, +inf at the poles; its gradient is digamma. */
    public static final UnaryMath LGAMMA = new UnaryMath("Lgamma", TypeList.REAL, null, GammaFunctions::lgamma, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.digamma(g.x()))));
    /** {@code tf.math.digamma}; its gradient is {@code polygamma(1, x)}. */
    public static final UnaryMath DIGAMMA = new UnaryMath("Digamma", TypeList.REAL, null, GammaFunctions::digamma, null)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, RawMath.polygamma(RawArray.onesLike(g.x()), g.x()))));
    public static final UnaryMath FLOOR = new UnaryMath("Floor", TypeList.REAL, UnaryLane.FLOOR, Math::floor, null)
            .withGradient(Gradient.NONE);
    public static final UnaryMath CEIL = new UnaryMath("Ceil", TypeList.REAL, UnaryLane.CEIL, Math::ceil, null)
            .withGradient(Gradient.NONE);
    /** Half to even, as TF's {@code Round} (not Python's or Java's {@code round}); tf.round returns integers as they are. */
    public static final UnaryMath ROUND = new UnaryMath("Round", TypeList.SIGNED,
            UnaryLane.RINT, Math::rint, x -> x)
            .withGradient(Gradient.NONE);
    /** Half to even on floats only. */
    public static final UnaryMath RINT = new UnaryMath("Rint", TypeList.REAL, UnaryLane.RINT, Math::rint, null)
            .withGradient(Gradient.NONE);
    public static final UnaryMath RECIPROCAL = new UnaryMath("Reciprocal", TypeList.SIGNED, UnaryLane.RECIPROCAL, x -> 1 / x, null, ComplexUnary.RECIPROCAL)
            .withGradient(unary((g, dy) -> realFloat(dy) ? ElementwiseGradient.RECIPROCAL_GRAD.call(g.out(), dy)
                    : zeroWhereNoUpstream(dy, RawMath.mul(RawMath.neg(dy), RawMath.square(conj(g.out()))))));

    /**
     * Whether TF's gradient kernel (SqrtGrad, SigmoidGrad...) runs on this dtype: the float types. Complex
     * gradients keep their composite form (conj first, as TF's Python gradient), integers have no such kernel.
     */
    private static boolean realFloat(Tensor dy) { return dy.dtype().isFloating(); }

    /**
     * TF's SqrtGrad, RsqrtGrad and ReciprocalGrad kernels return 0 where the upstream gradient is 0 instead
     * of 0 * inf = NaN, so the guard {@code tf.where(x > 0, tf.sqrt(x), 0.)} has gradient 0 at x <= 0; the
     * complex gradients here do the same.
     */
    private static Tensor zeroWhereNoUpstream(Tensor dy, Tensor grad) {
        return RawArray.selectV2(RawMath.equal(dy, Raw.scalarLike(dy, 0)), RawArray.zerosLike(grad), grad);
    }

    private static Tensor one(Tensor like) { return Raw.scalarLike(like, 1); }

    /** {@code 1 - x^2} in x's dtype. */
    private static Tensor oneMinusSquare(Tensor x) { return RawMath.sub(one(x), RawMath.square(x)); }

    /** {@code exp(-x^2) * scale}, erf's and erfc's derivative with scale 2/sqrt(pi) and -2/sqrt(pi). */
    private static Tensor gaussian(Tensor x, double scale) {
        Tensor density = RawMath.exp(RawMath.neg(RawMath.square(x)));
        return RawMath.mul(density, Raw.scalarLike(density, scale));
    }

    // For complex x, TF's gradients use conj(x) and conj(y) where real ones use x and y (tf.math.conj
    // of a real tensor is the tensor itself, so real gradients are unchanged).

    /**
     * Elements per parallel chunk. The vector loops run each chunk's last partial vector masked
     * through the same formula, so a fused loop gives the same bits however it splits; the
     * functions without a vector loop are scalar throughout.
     */
    public static final int GRAIN = Parallel.DEFAULT_GRAIN / 4;

    private final TypeList types;
    /** The dtypes TF's op allows but no TF CPU kernel takes (from the kernel table). */
    private final java.util.Set<DType> withoutCpuKernel;
    private final String signature;
    private final UnaryLane lanes;
    private final DoubleUnaryOperator d;
    private final LongUnaryOperator l;
    private final ComplexUnary c;

    private UnaryMath(String name, TypeList types, UnaryLane lanes, DoubleUnaryOperator d, LongUnaryOperator l) {
        this(name, types, "x:T -> y:T", lanes, d, l, null);
    }

    /** A function with a complex kernel too ({@code c}, computed in double, complex64 rounding each part). */
    private UnaryMath(String name, TypeList types, UnaryLane lanes, DoubleUnaryOperator d, LongUnaryOperator l, ComplexUnary c) {
        this(name, types, "x:T -> y:T", lanes, d, l, c);
    }

    private UnaryMath(String name, TypeList types, String signature, UnaryLane lanes, DoubleUnaryOperator d, LongUnaryOperator l) {
        this(name, types, signature, lanes, d, l, null);
    }

    private UnaryMath(String name, TypeList types, String signature, UnaryLane lanes, DoubleUnaryOperator d, LongUnaryOperator l,
                      ComplexUnary c) {
        super(name, Signature.of(signature));
        this.types = c == null ? types : types.withComplexKernels();
        this.withoutCpuKernel = this.types.withoutCpuKernel(name);
        this.signature = signature;
        this.lanes = lanes;
        this.d = d;
        this.l = l;
        this.c = c;
    }

    /** TF's sign: 0 for both zeros, NaN for NaN. */
    private static double sign(double x) { return x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x; }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType dtype = in[0].dtype();
        if (!types.accepts(dtype)) throw types.refusal(dtype, name(), signature);
        boolean noIntegerKernel = dtype.isInteger() && l == null;
        if (withoutCpuKernel.contains(dtype) || noIntegerKernel) Devices.kernels().requireCpuKernel(name(), dtype);
        if (noIntegerKernel) {
            throw new UnimplementedError("JFlow has no " + dtype.tfName() + " kernel for " + name() + " yet");
        }
        return new TensorSpec[] {new TensorSpec(dtype, in[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType dtype = out[0].dtype();
        int n = in[0].size();
        Object o = Buffers.allocateUninitialized(dtype, n);
        Run run = kernel(dtype, in[0].data(), o);
        Parallel.RangeBody body = (from, to) -> run.run(from, from, to - from);
        if (n < GRAIN) body.run(0, n);
        else Parallel.forRange(n, GRAIN, body);
        return new Tensor[] {Tensor.wrap(dtype, out[0].shape(), o)};
    }

    /** {@code o[oo+k] = f(x[xo+k])} for {@code k < n}: the kernel on one run of elements. */
    @FunctionalInterface
    public interface Run { void run(int xo, int oo, int n); }

    /** This function's kernel from buffer {@code x} to buffer {@code o}, both of {@code dtype}. */
    public Run kernel(DType dtype, Object x, Object o) {
        return switch (dtype.storage()) {
            case FLOAT -> {
                float[] a = (float[]) x, r = (float[]) o;
                if (lanes != null) yield (xo, oo, n) -> FloatLanes.unary(lanes, a, xo, r, oo, n);
                yield (xo, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = (float) d.applyAsDouble(a[xo + k]);
                };
            }
            case DOUBLE -> {
                double[] a = (double[]) x, r = (double[]) o;
                if (lanes != null && lanes.hasFloat64Loop()) yield (xo, oo, n) -> DoubleLanes.unary(lanes, a, xo, r, oo, n);
                yield (xo, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = d.applyAsDouble(a[xo + k]);
                };
            }
            case HALF -> {
                short[] a = (short[]) x, r = (short[]) o;
                yield (xo, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = Halfs.fromFloat((float) d.applyAsDouble(Halfs.toFloat(a[xo + k], dtype)), dtype);
                };
            }
            case INT -> {
                int[] a = (int[]) x, r = (int[]) o;
                yield (xo, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = (int) l.applyAsLong(a[xo + k]);
                };
            }
            case LONG -> {
                long[] a = (long[]) x, r = (long[]) o;
                yield (xo, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = l.applyAsLong(a[xo + k]);
                };
            }
            case COMPLEX64, COMPLEX128 -> (xo, oo, n) -> {
                for (int k = 0; k < n; k++) {
                    double re = Buffers.getDouble(x, dtype, xo + k), im = Buffers.getImag(x, dtype, xo + k);
                    Buffers.setComplex(o, dtype, oo + k, c.real(re, im), c.imag(re, im));
                }
            };
            default -> (xo, oo, n) -> {
                for (int k = 0; k < n; k++) Buffers.setLong(o, dtype, oo + k, l.applyAsLong(Buffers.getLong(x, dtype, xo + k)));
            };
        };
    }
}
