package org.jflow.math;

import org.jflow.DType;
import org.jflow.autodiff.Grads;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.engine.Gradient;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Halfs;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import static org.jflow.autodiff.Grads.binary;
import static org.jflow.autodiff.Grads.conj;

/**
 * The broadcasting binary ops on numbers whose output has the inputs' dtype, one line each: TF's
 * name, allowed dtypes, an optional vector loop (float32, float64, int32), and the formula for
 * float32, float64 and integers. float16/bfloat16 compute in float32 and small integers through
 * int64, narrowed on store (so int8 wraps around as in C++).
 */
public final class BinaryArithmetic extends BinaryOp {
    /** A float32 formula, kept apart from the float64 one where rounding twice would differ from TF. */
    @FunctionalInterface
    public interface FloatFormula { float apply(float a, float b); }

    /** A float16/bfloat16 formula that rounds its intermediate steps to {@code half}, as TF's Eigen kernels do. */
    @FunctionalInterface
    public interface HalfFormula { float apply(float a, float b, DType half); }

    public static final BinaryArithmetic ADD = new BinaryArithmetic("AddV2", TypeList.ADD, BinaryLane.ADD,
            (a, b) -> a + b, (a, b) -> a + b, (a, b) -> a + b, ComplexFormula.ADD)
            .withGradient((g, dy) -> binary(g, () -> dy[0], () -> dy[0]));
    public static final BinaryArithmetic SUB = new BinaryArithmetic("Sub", TypeList.SUB, BinaryLane.SUB,
            (a, b) -> a - b, (a, b) -> a - b, (a, b) -> a - b, ComplexFormula.SUB)
            .withGradient((g, dy) -> binary(g, () -> dy[0], () -> RawMath.neg(dy[0])));
    public static final BinaryArithmetic MUL = new BinaryArithmetic("Mul", TypeList.BINARY_MORE, BinaryLane.MUL,
            (a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b, ComplexFormula.MUL)
            .withGradient((g, dy) -> binary(g, () -> RawMath.mul(dy[0], conj(g.y())),
                    () -> RawMath.mul(conj(g.x()), dy[0])));
    /**
     * Float division: TF's op accepts integers but registers float and complex CPU kernels only
     * (NotFoundError); Python's {@code /} ({@code tf.truediv}) casts integers to floats first.
     */
    public static final BinaryArithmetic REAL_DIV = new BinaryArithmetic("RealDiv",
            TypeList.BINARY_MORE, BinaryLane.DIV,
            (a, b) -> a / b, (a, b) -> a / b, null, ComplexFormula.DIV)
            .withGradient(BinaryArithmetic::divideGradient);
    /** TF's legacy {@code Div}: C division, truncating on integers. */
    public static final BinaryArithmetic DIV = new BinaryArithmetic("Div", TypeList.BINARY_MORE, BinaryLane.DIV,
            (a, b) -> a / b, (a, b) -> a / b, (a, b) -> a / nonZero(b, "Div"), ComplexFormula.DIV)
            .withGradient(BinaryArithmetic::divideGradient);
    public static final BinaryArithmetic FLOOR_DIV = new BinaryArithmetic("FloorDiv", TypeList.BINARY_MORE, BinaryLane.FLOOR_DIV,
            (a, b) -> (float) Math.floor(a / b), (a, b) -> Math.floor(a / b), (a, b) -> Math.floorDiv(a, nonZero(b, "FloorDiv")))
            .withHalfSteps((a, b, t) -> (float) Math.floor(round(a / b, t)))
            .withGradient(Gradient.NONE);
    public static final BinaryArithmetic FLOOR_MOD = new BinaryArithmetic("FloorMod", TypeList.FLOOR_MOD, null,
            (a, b) -> (float) floorOfRemainder(FloatRemainder.fmod(a, b), b), BinaryArithmetic::floorMod, (a, b) -> Math.floorMod(a, nonZero(b, "FloorMod")))
            .withGradient((g, dy) -> binary(g, () -> dy[0],
                    () -> RawMath.mul(dy[0], RawMath.neg(RawMath.floorDiv(g.x(), g.y())))));
    /** C's integer division, rounding toward zero. */
    public static final BinaryArithmetic TRUNCATE_DIV = new BinaryArithmetic("TruncateDiv", TypeList.BINARY_MORE, null,
            (a, b) -> (float) truncate(a / b), (a, b) -> truncate(a / b), (a, b) -> a / nonZero(b, "TruncateDiv"))
            .withHalfSteps((a, b, t) -> (float) truncate(round(a / b, t)))
            .withGradient(Gradient.NONE);
    /** C's remainder: the result takes the dividend's sign. */
    public static final BinaryArithmetic TRUNCATE_MOD = new BinaryArithmetic("TruncateMod", TypeList.TRUNCATE_MOD, null,
            (a, b) -> a % b, (a, b) -> a % b, (a, b) -> a % nonZero(b, "TruncateMod"));
    // no gradient, as in TF: math_grad.py registers one for FloorMod only, so tapes raise LookupError for TruncateMod
    public static final BinaryArithmetic POW = new BinaryArithmetic("Pow", TypeList.POW, BinaryLane.POW,
            (a, b) -> (float) cPow(a, b), BinaryArithmetic::cPow, BinaryArithmetic::integerPow)
            .withGradient(BinaryArithmetic::powGradient);
    public static final BinaryArithmetic MAXIMUM = new BinaryArithmetic("Maximum", TypeList.MIN_MAX, BinaryLane.MAX,
            Math::max, Math::max, Math::max)
            .withGradient((g, dy) -> selectGradient(g, dy[0], RawMath.greaterEqual(g.x(), g.y())));
    public static final BinaryArithmetic MINIMUM = new BinaryArithmetic("Minimum", TypeList.MIN_MAX, BinaryLane.MIN,
            Math::min, Math::min, Math::min)
            .withGradient((g, dy) -> selectGradient(g, dy[0], RawMath.lessEqual(g.x(), g.y())));
    public static final BinaryArithmetic SQUARED_DIFFERENCE = new BinaryArithmetic("SquaredDifference", TypeList.SQUARED_DIFFERENCE, BinaryLane.SQUARED_DIFFERENCE,
            (a, b) -> (a - b) * (a - b), (a, b) -> (a - b) * (a - b), (a, b) -> (a - b) * (a - b))
            .withHalfSteps((a, b, t) -> round(a - b, t) * round(a - b, t))
            .withGradient(BinaryArithmetic::squaredDifferenceGradient);
    public static final BinaryArithmetic ATAN2 = new BinaryArithmetic("Atan2", TypeList.REAL, BinaryLane.ATAN2,
            (a, b) -> (float) Math.atan2(a, b), Math::atan2, null)
            .withGradient(BinaryArithmetic::atan2Gradient);
    public static final BinaryArithmetic DIV_NO_NAN = new BinaryArithmetic("DivNoNan", TypeList.DIV_NO_NAN, BinaryLane.DIV_NO_NAN,
            (a, b) -> b == 0 ? 0 : a / b, (a, b) -> b == 0 ? 0 : a / b, null)
            .withGradient((g, dy) -> binary(g, () -> RawMath.divNoNan(dy[0], g.y()),
                    () -> RawMath.mul(dy[0],
                            RawMath.divNoNan(RawMath.divNoNan(RawMath.neg(g.x()), g.y()), g.y()))));
    public static final BinaryArithmetic MUL_NO_NAN = new BinaryArithmetic("MulNoNan", TypeList.COMPLEX, BinaryLane.MUL_NO_NAN,
            (a, b) -> b == 0 ? 0 : a * b, (a, b) -> b == 0 ? 0 : a * b, null)
            .withGradient((g, dy) -> binary(g, () -> RawMath.mulNoNan(dy[0], g.y()),
                    () -> RawMath.mulNoNan(g.x(), dy[0])));
    public static final BinaryArithmetic XDIVY = new BinaryArithmetic("Xdivy", TypeList.DIV_NO_NAN, BinaryLane.XDIVY,
            (a, b) -> a == 0 ? 0 : a / b, (a, b) -> a == 0 ? 0 : a / b, null)
            .withGradient((g, dy) -> binary(g,
                    () -> RawMath.mul(dy[0], RawMath.xdivy(RawMath.cast(
                            RawMath.notEqual(g.x(), Raw.scalarLike(g.x(), 0)), g.x().dtype()), g.y())),
                    () -> RawMath.mul(dy[0], RawMath.xdivy(RawMath.neg(g.x()), RawMath.square(g.y())))));
    /** {@code tf.math.polygamma(a, x)}; TF differentiates x only: {@code polygamma(a + 1, x)}. */
    public static final BinaryArithmetic POLYGAMMA = new BinaryArithmetic("Polygamma", TypeList.FLOAT_DOUBLE, null,
            (a, x) -> (float) GammaFunctions.polygamma(a, x), GammaFunctions::polygamma, null)
            .withGradient((g, dy) -> secondOnly(g, () -> RawMath.mul(dy[0],
                    RawMath.polygamma(RawMath.addV2(g.x(), Raw.scalarLike(g.x(), 1)), g.y()))));
    /** {@code tf.math.zeta(x, q)}, the Hurwitz zeta function; TF differentiates q only: {@code -x * zeta(x + 1, q)}. */
    public static final BinaryArithmetic ZETA = new BinaryArithmetic("Zeta", TypeList.FLOAT_DOUBLE, null,
            (s, q) -> (float) GammaFunctions.zeta(s, q), GammaFunctions::zeta, null)
            .withGradient((g, dy) -> secondOnly(g, () -> RawMath.mul(dy[0],
                    RawMath.mul(RawMath.neg(g.x()),
                            RawMath.zeta(RawMath.addV2(g.x(), Raw.scalarLike(g.x(), 1)), g.y())))));
    /**
     * {@code tf.math.igamma(a, x)}, the regularized lower incomplete gamma function. As TF's _IgammaGrad:
     * the a gradient is {@code IgammaGradA(a, x)}, the x gradient {@code exp(-x + (a - 1) log x - lgamma(a))}.
     */
    public static final BinaryArithmetic IGAMMA = new BinaryArithmetic("Igamma", TypeList.FLOAT_DOUBLE, null,
            (a, x) -> (float) GammaFunctions.igamma(a, x), GammaFunctions::igamma, null)
            .withGradient((g, dy) -> igammaGradient(g, dy[0]));
    /** {@code tf.math.igammac(a, x)} = 1 - igamma(a, x); both gradients are igamma's negated. */
    public static final BinaryArithmetic IGAMMAC = new BinaryArithmetic("Igammac", TypeList.FLOAT_DOUBLE, null,
            (a, x) -> (float) GammaFunctions.igammac(a, x), GammaFunctions::igammac, null)
            .withGradient((g, dy) -> igammaGradient(g, RawMath.neg(dy[0])));
    /** TF's {@code IgammaGradA(a, x)}: d igamma(a, x) / da, computed in double and rounded for float32. */
    public static final BinaryArithmetic IGAMMA_GRAD_A = new BinaryArithmetic("IgammaGradA", TypeList.FLOAT_DOUBLE,
            null, (a, x) -> (float) GammaFunctions.igammaDerA(a, x), GammaFunctions::igammaDerA, null)
            .notDifferentiable();

    private static Tensor[] igammaGradient(GradientContext g, Tensor dy) {
        Tensor da = null, dx = null;
        if (g.needs(0)) {
            da = Grads.sumToShape(RawMath.mul(dy, RawMath.igammaGradA(g.x(), g.y())), g.x());
        }
        if (g.needs(1)) {
            dx = Grads.sumToShape(RawMath.mul(dy, igammaDensity(g.x(), g.y())), g.y());
        }
        return new Tensor[] {da, dx};
    }

    /** d igamma(a, x) / dx, as TF's _IgammaGrad writes it. */
    private static Tensor igammaDensity(Tensor a, Tensor x) {
        Tensor aLess1 = RawMath.sub(a, Raw.scalarLike(a, 1));
        Tensor logDensity = RawMath.addV2(RawMath.neg(x), RawMath.mul(aLess1, RawMath.log(x)));
        return RawMath.exp(RawMath.sub(logDensity, RawMath.lgamma(a)));
    }

    /** A gradient for the second input only; the first gets none, as TF's registered gradient returns None for it. */
    private static Tensor[] secondOnly(GradientContext g, java.util.function.Supplier<Tensor> dx) {
        return new Tensor[] {null, g.needs(1) ? org.jflow.autodiff.Grads.sumToShape(dx.get(), g.y()) : null};
    }

    private final BinaryLane lanes;
    private final FloatFormula f;
    private final DoubleBinaryOperator d;
    private final LongBinaryOperator l;
    private final ComplexFormula c;
    /** The half types' formula where rounding once at the end would differ from TF's; else null (f, then one rounding). */
    private HalfFormula h;

    private BinaryArithmetic(String name, TypeList types, BinaryLane lanes, FloatFormula f, DoubleBinaryOperator d,
                             LongBinaryOperator l) {
        this(name, types, lanes, f, d, l, null);
    }

    /** An op with complex kernels too ({@code c}, computed in double, complex64 rounding each part). */
    private BinaryArithmetic(String name, TypeList types, BinaryLane lanes, FloatFormula f, DoubleBinaryOperator d,
                             LongBinaryOperator l, ComplexFormula c) {
        super(name, c == null ? types : types.withComplexKernels(), "x:T, y:T -> z:T");
        this.lanes = lanes;
        this.f = f;
        this.d = d;
        this.l = l;
        this.c = c;
    }

    /** Sets the half types' formula; for the static initializers only. */
    private BinaryArithmetic withHalfSteps(HalfFormula formula) {
        h = formula;
        return this;
    }

    private static float round(float v, DType half) { return (float) Buffers.roundTo(half, v); }

    @Override
    DType outputType(DType in) { return in; }

    /** {@code o[oo+k] = x[xo+k*xs] op y[yo+k*ys]} for {@code k < n}, steps 0 or 1 (not both 0 unless n is 1). */
    @FunctionalInterface
    public interface Run { void run(int xo, int xs, int yo, int ys, int oo, int n); }

    /** This op's kernel on buffers of {@code dtype}, one run at a time: what a fused elementwise loop calls. */
    public Run runs(DType dtype, Object x, Object y, Object o) {
        BroadcastLoop.Run run = kernel(dtype, x, y, o);
        return run::run;
    }

    @Override
    BroadcastLoop.Run kernel(DType dtype, Object x, Object y, Object o) {
        return switch (dtype.storage()) {
            case FLOAT -> {
                float[] a = (float[]) x, b = (float[]) y, r = (float[]) o;
                if (lanes != null) yield (ao, as, bo, bs, oo, n) -> FloatLanes.binary(lanes, a, ao, as, b, bo, bs, r, oo, n);
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = f.apply(a[ao + k * as], b[bo + k * bs]);
                };
            }
            case DOUBLE -> {
                double[] a = (double[]) x, b = (double[]) y, r = (double[]) o;
                if (lanes != null) yield (ao, as, bo, bs, oo, n) -> DoubleLanes.binary(lanes, a, ao, as, b, bo, bs, r, oo, n);
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = d.applyAsDouble(a[ao + k * as], b[bo + k * bs]);
                };
            }
            case INT -> {
                int[] a = (int[]) x, b = (int[]) y, r = (int[]) o;
                if (IntLanes.supports(lanes)) yield (ao, as, bo, bs, oo, n) -> IntLanes.binary(lanes, a, ao, as, b, bo, bs, r, oo, n);
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = (int) l.applyAsLong(a[ao + k * as], b[bo + k * bs]);
                };
            }
            case LONG -> {
                long[] a = (long[]) x, b = (long[]) y, r = (long[]) o;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = l.applyAsLong(a[ao + k * as], b[bo + k * bs]);
                };
            }
            case HALF -> {
                short[] a = (short[]) x, b = (short[]) y, r = (short[]) o;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) {
                        float p = Halfs.toFloat(a[ao + k * as], dtype), q = Halfs.toFloat(b[bo + k * bs], dtype);
                        float v = h != null ? h.apply(p, q, dtype) : f.apply(p, q);
                        r[oo + k] = Halfs.fromFloat(v, dtype);
                    }
                };
            }
            case COMPLEX64, COMPLEX128 -> (ao, as, bo, bs, oo, n) -> {
                for (int k = 0; k < n; k++) {
                    int i = ao + k * as, j = bo + k * bs;
                    double ar = Buffers.getDouble(x, dtype, i), ai = Buffers.getImag(x, dtype, i);
                    double br = Buffers.getDouble(y, dtype, j), bi = Buffers.getImag(y, dtype, j);
                    Buffers.setComplex(o, dtype, oo + k, c.real(ar, ai, br, bi), c.imag(ar, ai, br, bi));
                }
            };
            default -> (ao, as, bo, bs, oo, n) -> {
                for (int k = 0; k < n; k++) {
                    Buffers.setLong(o, dtype, oo + k, l.applyAsLong(Buffers.getLong(x, dtype, ao + k * as), Buffers.getLong(y, dtype, bo + k * bs)));
                }
            };
        };
    }

    // ---- gradients (TF's math_grad.py) ----

    /** With conj(x) and conj(y) for complex operands, as TF's; real ones are their own conjugates. */
    private static Tensor[] divideGradient(GradientContext g, Tensor[] dy) {
        Tensor x = conj(g.x()), y = conj(g.y());
        return binary(g, () -> RawMath.realDiv(dy[0], y),
                () -> RawMath.mul(dy[0], RawMath.realDiv(RawMath.realDiv(RawMath.neg(x), y), y)));
    }

    /** d(x^y)/dy uses log(x) only where x > 0 (0 elsewhere), keeping NaN out of higher orders too. */
    private static Tensor[] powGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x(), y = g.y();
        Tensor one = Raw.scalarLike(y, 1);
        return binary(g, () -> RawMath.mul(dy[0], RawMath.mul(y, RawMath.pow(x, RawMath.sub(y, one)))), () -> {
            Tensor positive = RawMath.greater(x, Raw.scalarLike(x, 0));
            Tensor logX = RawMath.log(RawArray.selectV2(positive, x, Raw.scalarLike(x, 1)));
            logX = RawArray.selectV2(positive, logX, Raw.scalarLike(logX, 0));
            return RawMath.mul(dy[0], RawMath.mul(g.out(), logX));
        });
    }

    /** Maximum and Minimum: the upstream gradient goes to the input that was chosen (x on ties). */
    private static Tensor[] selectGradient(GradientContext g, Tensor dy, Tensor xChosen) {
        Tensor zero = Raw.scalarLike(dy, 0);
        return binary(g, () -> RawArray.selectV2(xChosen, dy, zero), () -> RawArray.selectV2(xChosen, zero, dy));
    }

    private static Tensor[] squaredDifferenceGradient(GradientContext g, Tensor[] dy) {
        Tensor xGrad = RawMath.mul(RawMath.mul(dy[0], Raw.scalarLike(dy[0], 2)), RawMath.sub(g.x(), g.y()));
        return binary(g, () -> xGrad, () -> RawMath.neg(xGrad));
    }

    /** Inputs are (y, x) as in {@code atan2(y, x)}. */
    private static Tensor[] atan2Gradient(GradientContext g, Tensor[] dy) {
        Tensor y = g.x(), x = g.y();
        Tensor inv = RawMath.realDiv(dy[0], RawMath.addV2(RawMath.square(x), RawMath.square(y)));
        return binary(g, () -> RawMath.mul(x, inv), () -> RawMath.mul(RawMath.neg(y), inv));
    }

    /** TF's integer kernels refuse a zero divisor (C++ would trap). */
    private static long nonZero(long b, String op) {
        if (b == 0) throw new InvalidArgumentError("Integer division by zero").withOp(op);
        return b;
    }

    private static double truncate(double v) { return v < 0 ? Math.ceil(v) : Math.floor(v); }

    /** Python's float {@code %}: the remainder takes the divisor's sign (TF's {@code google_floor_fmod}). */
    private static double floorMod(double a, double b) { return floorOfRemainder(a % b, b); }

    /** Python's {@code %} from C's {@code fmod(a, b)}, {@code trunc}. */
    private static double floorOfRemainder(double trunc, double b) {
        return trunc != 0 && (b < 0) != (trunc < 0) ? trunc + b : trunc;
    }

    /** C's {@code pow}, which TF's kernels call: 1 for {@code pow(1, y)} and {@code pow(-1, ±inf)}, where Java's {@code Math.pow} gives NaN. */
    private static double cPow(double a, double b) {
        return a == 1 || a == -1 && Double.isInfinite(b) ? 1 : Math.pow(a, b);
    }

    /** Exponentiation by squaring, wrapping like C++ integer arithmetic; TF refuses negative exponents. */
    private static long integerPow(long base, long exp) {
        if (exp < 0) throw new InvalidArgumentError("Integers to negative integer powers are not allowed").withOp("Pow");
        long result = 1;
        while (exp != 0) {
            if ((exp & 1) != 0) result *= base;
            base *= base;
            exp >>= 1;
        }
        return result;
    }
}
