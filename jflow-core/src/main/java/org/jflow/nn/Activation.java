package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.math.DoubleLanes;
import org.jflow.math.ElementwiseGradient;
import org.jflow.math.FloatLanes;
import org.jflow.math.SpecialFunctions;
import org.jflow.math.UnaryLane;
import org.jflow.raw.RawMath;

import java.util.function.DoubleFunction;
import java.util.function.LongUnaryOperator;

import static org.jflow.raw.Raw.scalarLike;

import static org.jflow.autodiff.Grads.unary;

/**
 * An element-wise activation with at most one float parameter taken from an attribute
 * ({@code alpha} of LeakyRelu, {@code beta} of swish, {@code approximate} of GELU). The formula is
 * given per precision; float16/bfloat16 compute through float32.
 */
public final class Activation extends Op {
    /** The formula per precision; {@code p} is the op's parameter. */
    interface Formula {
        float f(float x, float p);

        double d(double x, double p);

        /**
         * The float16/bfloat16 formula ({@code x} and the result of that dtype): {@link #f} rounded once,
         * unless a formula rounds its steps to the half type as TF's kernel does.
         */
        default float half(float x, float p, DType t) { return f(x, p); }
    }

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;

    public static final Activation RELU = new Activation("Relu", null, 0, v -> Math.max(v, 0), new Formula() {
        // Math.max keeps NaN, as TF's max(x, 0) does (and as the vector loop's max)
        public float f(float x, float p) { return Math.max(x, 0f); }
        public double d(double x, double p) { return Math.max(x, 0.0); }
    }).withLanes(p -> UnaryLane.RELU).withGradient(unary((g, dy) -> ElementwiseGradient.RELU_GRAD.call(dy, g.out())));

    public static final Activation RELU6 = new Activation("Relu6", null, 0, v -> Math.min(Math.max(v, 0), 6), new Formula() {
        public float f(float x, float p) { return Math.min(Math.max(x, 0f), 6f); }
        public double d(double x, double p) { return Math.min(Math.max(x, 0.0), 6.0); }
    }).withLanes(p -> UnaryLane.RELU6).withGradient(unary((g, dy) -> ElementwiseGradient.RELU6_GRAD.call(dy, g.out())));

    public static final Activation ELU = new Activation("Elu", null, 0, null, new Formula() {
        public float f(float x, float p) { return x < 0 ? (float) Math.expm1(x) : x; }
        public double d(double x, double p) { return x < 0 ? Math.expm1(x) : x; }
    }).withLanes(p -> UnaryLane.ELU).withGradient(unary((g, dy) -> ElementwiseGradient.ELU_GRAD.call(dy, g.out())));

    public static final Activation SELU = new Activation("Selu", null, 0, null, new Formula() {
        public float f(float x, float p) { return (float) d(x, p); }
        public double d(double x, double p) { return x < 0 ? SELU_SCALE * SELU_ALPHA * Math.expm1(x) : SELU_SCALE * x; }
        /** TF's kernel: scale_alpha * (exp(x) - 1) or scale * x, the constants and every step in the half type. */
        public float half(float x, float p, DType t) {
            if (x >= 0) return round(t, round(t, SELU_SCALE) * x);
            return round(t, round(t, SELU_SCALE * SELU_ALPHA) * round(t, round(t, Math.exp(x)) - 1));
        }
    }).withLanes(p -> UnaryLane.SELU).withGradient(unary((g, dy) -> ElementwiseGradient.SELU_GRAD.call(dy, g.out())));

    /** TF's {@code alpha} is a float attribute, cast to the input's dtype before it multiplies. */
    public static final Activation LEAKY_RELU = new Activation("LeakyRelu", "alpha", 0.2, null, true, new Formula() {
        public float f(float x, float p) { return x > 0 ? x : x * p; }
        public double d(double x, double p) { return x > 0 ? x : x * p; }
    }).withLanes(p -> UnaryLane.LEAKY_RELU)
            .withGradient(unary((g, dy) -> ElementwiseGradient.LEAKY_RELU_GRAD.call(dy, g.x(), g.attrs())));

    public static final Activation SOFTSIGN = new Activation("Softsign", null, 0, null, new Formula() {
        public float f(float x, float p) { return x / (1 + Math.abs(x)); }
        public double d(double x, double p) { return x / (1 + Math.abs(x)); }
        public float half(float x, float p, DType t) { return round(t, x / round(t, 1 + Math.abs(x))); }
    }).withLanes(p -> UnaryLane.SOFTSIGN).withGradient(unary((g, dy) ->
            RawMath.realDiv(dy, RawMath.square(RawMath.addV2(RawMath.abs(g.x()), scalarLike(g.x(), 1))))));

    /** {@code tf.nn.gelu}: composite ops in TF; one op here. {@code approximate} selects the tanh form. */
    public static final Activation GELU = new Activation("Gelu", "approximate", 0, null, new Formula() {
        public float f(float x, float p) { return (float) d(x, p); }
        public double d(double x, double p) {
            if (p != 0) return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
            return 0.5 * x * (1 + SpecialFunctions.erf(x * SQRT_HALF));
        }
    }).withLanes(p -> p != 0 ? UnaryLane.GELU_TANH : UnaryLane.GELU)
            .withGradient(unary((g, dy) -> RawMath.mul(dy, param(g) != 0 ? geluTanhSlope(g.x()) : geluSlope(g.x()))))
            .withDecomposition((in, attrs) -> new Tensor[] {geluInTfOps(in[0], attrs)});

    /** {@code tf.nn.silu} / {@code tf.nn.swish}: {@code x * sigmoid(beta * x)}, composite in TF. */
    public static final Activation SWISH = new Activation("Swish", "beta", 1.0, null, new Formula() {
        public float f(float x, float p) { return (float) d(x, p); }
        public double d(double x, double p) { return x / (1 + Math.exp(-p * x)); }
    }).withLanes(p -> UnaryLane.SWISH).withGradient(unary((g, dy) -> {
        Tensor x = g.x(), betaX = RawMath.mul(x, scalarLike(x, param(g))), s = RawMath.sigmoid(betaX);
        Tensor one = scalarLike(x, 1); // s (1 + beta x (1 - s))
        return RawMath.mul(dy, RawMath.mul(s, RawMath.addV2(RawMath.mul(betaX, RawMath.sub(one, s)), one)));
    })).withDecomposition((in, attrs) -> new Tensor[] {
        // TF's nn.silu: x * sigmoid(beta * x)
        RawMath.mul(in[0], RawMath.sigmoid(RawMath.mul(in[0],
                scalarLike(in[0], Activation.SWISH.param(attrs, in[0].dtype())))))});

    /** TF's {@code nn.gelu}: {@code 0.5 x (1 + erf(x / sqrt 2))}, or with {@code approximate} its tanh form. */
    private static Tensor geluInTfOps(Tensor x, Attrs attrs) {
        Tensor half = RawMath.mul(x, scalarLike(x, 0.5)), one = scalarLike(x, 1);
        if (GELU.param(attrs) == 0) {
            return RawMath.mul(half, RawMath.addV2(RawMath.erf(RawMath.mul(x, scalarLike(x, SQRT_HALF))), one));
        }
        Tensor cubic = RawMath.mul(RawMath.pow(x, scalarLike(x, 3)), scalarLike(x, 0.044715));
        Tensor inner = RawMath.mul(RawMath.addV2(x, cubic), scalarLike(x, SQRT_2_OVER_PI));
        return RawMath.mul(half, RawMath.addV2(RawMath.tanh(inner), one));
    }

    private static float round(DType half, double v) { return (float) Buffers.roundTo(half, v); }

    /** The op's parameter as recorded with the call. */
    private static double param(GradientContext g) { return ((Activation) g.op()).param(g.attrs(), g.inputs()[0].dtype()); }

    /** d/dx of {@code x Phi(x)}: {@code Phi(x) + x phi(x)}. */
    private static Tensor geluSlope(Tensor x) {
        Tensor cdf = RawMath.mul(RawMath.addV2(RawMath.erf(RawMath.mul(x, scalarLike(x, SQRT_HALF))), scalarLike(x, 1)),
                scalarLike(x, 0.5));
        Tensor pdf = RawMath.mul(RawMath.exp(RawMath.mul(RawMath.square(x), scalarLike(x, -0.5))),
                scalarLike(x, SQRT_HALF / Math.sqrt(Math.PI)));
        return RawMath.addV2(cdf, RawMath.mul(x, pdf));
    }

    /** d/dx of {@code x (1 + tanh(u)) / 2}, {@code u = c (x + 0.044715 x^3)}: {@code (1 + t) / 2 + x (1 - t^2) c (1 + 3 0.044715 x^2) / 2}. */
    private static Tensor geluTanhSlope(Tensor x) {
        Tensor x2 = RawMath.square(x), one = scalarLike(x, 1), c = scalarLike(x, SQRT_2_OVER_PI);
        Tensor u = RawMath.mul(RawMath.mul(x, RawMath.addV2(RawMath.mul(x2, scalarLike(x, 0.044715)), one)), c);
        Tensor t = RawMath.tanh(u);
        Tensor du = RawMath.mul(RawMath.addV2(RawMath.mul(x2, scalarLike(x, 3 * 0.044715)), one), c);
        Tensor fromTanh = RawMath.mul(RawMath.mul(x, RawMath.sub(one, RawMath.square(t))), du);
        Tensor slope = RawMath.addV2(RawMath.addV2(t, one), fromTanh);
        return RawMath.mul(slope, scalarLike(x, 0.5));
    }

    private final String param;
    /** The formula on integer dtypes, for the ops TF also defines on them; else null. */
    private final LongUnaryOperator integers;
    /** Whether the parameter is a TF float attribute, so float32 first and then the input's dtype, as TF's kernel sees it. */
    private final boolean tfFloatParam;
    private final Formula formula;
    /** The vector loop (float32, float64 where it has one) for the op's parameter; null where none. */
    private DoubleFunction<UnaryLane> lanes = p -> null;

    private Activation(String name, String param, double paramDefault, LongUnaryOperator integers, Formula formula) {
        this(name, param, paramDefault, integers, false, formula);
    }

    private Activation(String name, String param, double paramDefault, LongUnaryOperator integers, boolean tfFloatParam, Formula formula) {
        super(name, param == null ? Signature.of("features -> activations")
                : Signature.of("features -> activations", param + (param.equals("approximate") ? ": bool = false"
                        : ": float = " + paramDefault)));
        this.param = param;
        this.integers = integers;
        this.tfFloatParam = tfFloatParam;
        this.formula = formula;
    }

    /** Sets the vector loop chosen by the parameter; for the static initializers only. */
    private Activation withLanes(DoubleFunction<UnaryLane> choice) {
        lanes = choice;
        return this;
    }

    /**
     * The dtypes of TF's activations (Relu's {@code {realnumbertypes, qint8}}, Relu6's {@code realnumbertypes}, the
     * float ones' {@code {half, bfloat16, float, double}}) are TF's definitions, which the dispatcher checks with
     * TF's attr error; Gelu and Swish, which TF composes in Python, refuse others with the short message.
     */
    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        if (integers != null ? !t.isNumeric() : !t.isFloating()) {
            throw Reals.notAllowed(t, integers != null ? Reals.REAL_TYPES : Reals.FLOAT_TYPES, name());
        }
        return new TensorSpec[] {new TensorSpec(t, in[0].shape())};
    }

    private double param(Attrs attrs) {
        if (param == null) return 0;
        Object v = attrs.get(param); // the declared default where the call left it out (Dispatcher)
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).doubleValue();
    }

    /** The parameter as the kernel (and so the gradient) uses it on a {@code dtype} input. */
    private double param(Attrs attrs, DType dtype) {
        return tfFloatParam ? Buffers.roundTo(dtype, (float) param(attrs)) : param(attrs);
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        DType dtype = x.dtype();
        Shape shape = x.shape();
        int n = shape.size();
        double p = param(attrs, dtype);
        UnaryLane lane = lanes.apply(p);
        if (dtype == DType.FLOAT64) {
            double[] a = (double[]) x.data(), o = (double[]) Buffers.allocateUninitialized(dtype, n);
            if (lane != null && lane.hasFloat64Loop()) Parallel.forRange(n, (from, to) -> DoubleLanes.unary(lane, a, from, o, from, to - from, p));
            else Parallel.forRange(n, (from, to) -> { for (int i = from; i < to; i++) o[i] = formula.d(a[i], p); });
            return new Tensor[] {Tensor.wrap(dtype, shape, o)};
        }
        if (dtype.isFloating()) {
            float[] a = Reals.floats(x), o = dtype == DType.FLOAT32 ? (float[]) Buffers.allocateUninitialized(dtype, n) : new float[n];
            float pf = (float) p;
            if (dtype == DType.FLOAT32 && lane != null) Parallel.forRange(n, (from, to) -> FloatLanes.unary(lane, a, from, o, from, to - from, pf));
            else if (dtype == DType.FLOAT32) Parallel.forRange(n, (from, to) -> { for (int i = from; i < to; i++) o[i] = formula.f(a[i], pf); });
            else Parallel.forRange(n, (from, to) -> { for (int i = from; i < to; i++) o[i] = formula.half(a[i], pf, dtype); });
            return new Tensor[] {Reals.fromFloats(dtype, shape, o)};
        }
        Object a = x.data(), o = Buffers.allocate(dtype, n);
        for (int i = 0; i < n; i++) Buffers.setLong(o, dtype, i, integers.applyAsLong(Buffers.getLong(a, dtype, i)));
        return new Tensor[] {Tensor.wrap(dtype, shape, o)};
    }
}
