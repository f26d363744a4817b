package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.VectorMath;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.function.DoubleUnaryOperator;

/**
 * TF's element-wise gradient ops, the kernels that the gradients of the activations and of Sigmoid,
 * Tanh, Rsqrt, Sqrt and Reciprocal call (TF's {@code gen_nn_ops.relu_grad}, {@code gen_math_ops.sigmoid_grad}
 * ...), with TF's names, input orders and numerics: one pass over both inputs instead of three to five
 * composite ops, so a GraphDef export holds the node TF writes. They run the loop of every binary op
 * ({@link BinaryOp}): float32 and float64 the {@link FloatLanes}/{@link DoubleLanes} loops; float16/bfloat16
 * compute in float32, rounded once.
 * Their own gradients (second order) are TF's {@code _ReluGradGrad}, {@code _SigmoidGradGrad} and so on.
 */
public final class ElementwiseGradient extends BinaryOp {
    /**
     * The formula on one element pair {@code (a, b)} in TF's input order; {@code p}: LeakyReluGrad's alpha;
     * {@code r} rounds a step to the dtype, as TF's float16/bfloat16 kernels round every Eigen operation.
     */
    @FunctionalInterface
    interface Formula { double apply(double a, double b, double p, DoubleUnaryOperator r); }

    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final DoubleUnaryOperator FLOAT_STEP = v -> (float) v;
    /**
     * Eigen evaluates these kernels in packets of 8 floats or 4 doubles (TF's AVX build) and the last
     * {@code n % 8} elements with the scalar functor, whose order of operations differs for SigmoidGrad
     * ({@code dy * (y * (1 - y))} against {@code dy * y * (1 - y)}): the vector loops take the packets and
     * {@link Formula} the rest, as TF's; float16/bfloat16 (packets of 8) take {@link #packet} where it differs.
     */
    private static final int FLOAT_PACKET = 8, DOUBLE_PACKET = 4, HALF_PACKET = 8;
    /** TF's cwise gradient ops take complex too (TF 2.21 has those CPU kernels); JFlow's are real only. */
    private static final TypeList REAL_FLOATS = TypeList.COMPLEX;

    public static final ElementwiseGradient RELU_GRAD = nn("ReluGrad", TypeList.REAL_NUMBERS, BinaryLane.RELU_GRAD,
            (g, f, p, r) -> r.applyAsDouble(g * (f > 0 ? 1 : 0)));
    public static final ElementwiseGradient RELU6_GRAD = nn("Relu6Grad", TypeList.REAL_NUMBERS, BinaryLane.RELU6_GRAD,
            (g, f, p, r) -> r.applyAsDouble(g * (f > 0 && f < 6 ? 1 : 0)));
    public static final ElementwiseGradient ELU_GRAD = nn("EluGrad", TypeList.NN_REAL, BinaryLane.ELU_GRAD,
            (g, a, p, r) -> a < 0 ? r.applyAsDouble(r.applyAsDouble(a + 1) * g) : g);
    public static final ElementwiseGradient SELU_GRAD = nn("SeluGrad", TypeList.NN_REAL, BinaryLane.SELU_GRAD,
            (g, a, p, r) -> a < 0 ? r.applyAsDouble(g * r.applyAsDouble(a + r.applyAsDouble(VectorMath.SELU_SCALE_ALPHA)))
                    : r.applyAsDouble(g * r.applyAsDouble(SELU_SCALE)));
    public static final ElementwiseGradient SOFTPLUS_GRAD = nn("SoftplusGrad", TypeList.NN_REAL, BinaryLane.SOFTPLUS_GRAD,
            (g, f, p, r) -> r.applyAsDouble(g / r.applyAsDouble(r.applyAsDouble(Math.exp(-f)) + 1)));
    /** TF's {@code alpha} is a float attribute (default 0.2), cast to the inputs' dtype. */
    public static final ElementwiseGradient LEAKY_RELU_GRAD = new ElementwiseGradient("LeakyReluGrad", TypeList.NN_REAL,
            "gradients:T, features:T -> backprops:T; attr=alpha:float,default=0.2",
            Signature.of("gradients, features -> backprops", "alpha: float = 0.2"), true, BinaryLane.LEAKY_RELU_GRAD,
            (g, f, alpha, r) -> f > 0 ? g : r.applyAsDouble(g * alpha));
    public static final ElementwiseGradient SIGMOID_GRAD = math("SigmoidGrad", BinaryLane.SIGMOID_GRAD,
            (y, dy, p, r) -> r.applyAsDouble(r.applyAsDouble(dy * y) * r.applyAsDouble(1 - y)))
            .withPacketFormula((y, dy, p, r) -> r.applyAsDouble(dy * r.applyAsDouble(y * r.applyAsDouble(1 - y))));
    public static final ElementwiseGradient TANH_GRAD = math("TanhGrad", BinaryLane.TANH_GRAD,
            (y, dy, p, r) -> r.applyAsDouble(dy * r.applyAsDouble(1 - r.applyAsDouble(y * y))));
    public static final ElementwiseGradient RSQRT_GRAD = math("RsqrtGrad", BinaryLane.RSQRT_GRAD,
            (y, dy, p, r) -> dy == 0 ? 0 : r.applyAsDouble(r.applyAsDouble(-0.5 * r.applyAsDouble(dy * y)) * r.applyAsDouble(y * y)));
    public static final ElementwiseGradient SQRT_GRAD = math("SqrtGrad", BinaryLane.SQRT_GRAD,
            (y, dy, p, r) -> dy == 0 ? 0 : r.applyAsDouble(r.applyAsDouble(0.5 * dy) / y));
    public static final ElementwiseGradient RECIPROCAL_GRAD = math("ReciprocalGrad", BinaryLane.RECIPROCAL_GRAD,
            (y, dy, p, r) -> dy == 0 ? 0 : r.applyAsDouble(-r.applyAsDouble(y * y) * dy));

    static {
        // TF's nn_grad.py: the gradient reaches `gradients` through the same op and `features` gets zeros
        RELU_GRAD.withGradient((g, dy) -> passThrough(g, dy[0]));
        RELU6_GRAD.withGradient((g, dy) -> passThrough(g, dy[0]));
        LEAKY_RELU_GRAD.withGradient((g, dy) -> passThrough(g, dy[0]));
        // _EluGradGrad, _SeluGradGrad: where the activation is negative, grad * gradients flows to it
        ELU_GRAD.withGradient((g, dy) -> passThroughAndNegative(g, dy[0]));
        SELU_GRAD.withGradient((g, dy) -> passThroughAndNegative(g, dy[0]));
        // _SoftplusGradGrad: grad * dy / (exp(-x) + 2 + exp(x)) for the features
        SOFTPLUS_GRAD.withGradient((g, dy) -> {
            Tensor x = g.y();
            Tensor twoPlusExp = RawMath.addV2(RawMath.exp(RawMath.neg(x)), Raw.scalarLike(x, 2));
            Tensor denominator = RawMath.addV2(twoPlusExp, RawMath.exp(x));
            Tensor d2x = RawMath.realDiv(RawMath.mul(dy[0], g.x()), denominator);
            return new Tensor[] {SOFTPLUS_GRAD.call(dy[0], x), d2x};
        });
        // _SigmoidGradGrad: (grad * dy - 2 grad * dy * y, SigmoidGrad(y, grad))
        SIGMOID_GRAD.withGradient((g, dy) -> {
            Tensor gb = RawMath.mul(dy[0], g.y());
            Tensor twice = RawMath.mul(RawMath.mul(gb, Raw.scalarLike(gb, 2)), g.x());
            return new Tensor[] {RawMath.sub(gb, twice), SIGMOID_GRAD.call(g.x(), dy[0])};
        });
        // _TanhGradGrad: (grad * -2 * dy * y, TanhGrad(y, grad))
        TANH_GRAD.withGradient((g, dy) -> new Tensor[] {
            RawMath.mul(RawMath.mul(RawMath.mul(dy[0], Raw.scalarLike(dy[0], -2)), g.y()), g.x()),
            TANH_GRAD.call(g.x(), dy[0])});
        // _RsqrtGradGrad: (-1.5 grad * dy * y^2, RsqrtGrad(y, grad))
        RSQRT_GRAD.withGradient((g, dy) -> new Tensor[] {
            RawMath.mul(RawMath.mul(RawMath.mul(dy[0], Raw.scalarLike(dy[0], -1.5)), g.y()), RawMath.square(g.x())),
            RSQRT_GRAD.call(g.x(), dy[0])});
        // _SqrtGradGrad: ga = grad / y; (-ga * out, 0.5 ga)
        SQRT_GRAD.withGradient((g, dy) -> {
            Tensor ga = RawMath.realDiv(dy[0], g.x());
            return new Tensor[] {RawMath.mul(RawMath.neg(ga), g.out()), RawMath.mul(ga, Raw.scalarLike(ga, 0.5))};
        });
        // _ReciprocalGradGrad: (grad * -2 * dy * y, ReciprocalGrad(y, grad))
        RECIPROCAL_GRAD.withGradient((g, dy) -> new Tensor[] {
            RawMath.mul(RawMath.mul(RawMath.mul(dy[0], Raw.scalarLike(dy[0], -2)), g.y()), g.x()),
            RECIPROCAL_GRAD.call(g.x(), dy[0])});
    }

    private static ElementwiseGradient nn(String name, TypeList types, BinaryLane lane, Formula formula) {
        return new ElementwiseGradient(name, types, "gradients:T, features:T -> backprops:T",
                Signature.of("gradients, features -> backprops"), true, lane, formula);
    }

    private static ElementwiseGradient math(String name, BinaryLane lane, Formula formula) {
        return new ElementwiseGradient(name, REAL_FLOATS, "y:T, dy:T -> z:T", Signature.of("y, dy -> z"), false, lane,
                formula);
    }

    /** (the op on the upstream gradient and the features, zeros for the features) */
    private static Tensor[] passThrough(GradientContext g, Tensor grad) {
        Tensor features = g.y();
        return new Tensor[] {((ElementwiseGradient) g.op()).call(grad, features, g.attrs()), RawArray.zerosLike(features)};
    }

    private static Tensor[] passThroughAndNegative(GradientContext g, Tensor grad) {
        Tensor activations = g.y();
        Tensor negative = RawMath.less(activations, Raw.scalarLike(activations, 0));
        Tensor second = RawArray.selectV2(negative, RawMath.mul(grad, g.x()), RawArray.zerosLike(activations));
        return new Tensor[] {((ElementwiseGradient) g.op()).call(grad, activations, g.attrs()), second};
    }

    /** Whether TF's kernel is a {@code BinaryElementWiseOp} (the nn ops: same shape required) or a cwise op. */
    private final boolean nnKernel;
    private final BinaryLane lane;
    private final Formula formula;
    /** Eigen's packet functor where its order of operations differs from the scalar one; else null. */
    private Formula packet;

    private ElementwiseGradient(String name, TypeList types, String signature, Signature declared, boolean nnKernel,
                                BinaryLane lane, Formula formula) {
        super(name, declared, types, signature);
        this.nnKernel = nnKernel;
        this.lane = lane;
        this.formula = formula;
    }

    /** Sets {@link #packet}; for the static initializers only. */
    private ElementwiseGradient withPacketFormula(Formula f) {
        packet = f;
        return this;
    }

    /** Runs this op on {@code (a, b)} through the dispatcher. */
    public Tensor call(Tensor a, Tensor b) { return call(a, b, Attrs.EMPTY); }

    /** Runs this op with {@code attrs} (LeakyReluGrad's alpha). */
    public Tensor call(Tensor a, Tensor b, Attrs attrs) { return Dispatcher.execute1(this, attrs, a, b); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType a = in[0].dtype(), b = in[1].dtype();
        if (a != b) {
            throw new InvalidArgumentError("cannot compute " + name() + " as input #1(zero-based) was expected to be a "
                    + a.kernelName() + " tensor but is a " + b.kernelName() + " tensor");
        }
        if (!types.accepts(a)) throw types.refusal(a, name(), signature);
        if (a.isComplex()) throw new UnimplementedError("JFlow has no " + a.tfName() + " kernel for " + name() + " yet");
        Shape sa = in[0].shape(), sb = in[1].shape();
        if (sa.isFullyDefined() && sb.isFullyDefined()) {
            if (nnKernel && !sa.equals(sb)) {
                throw new InvalidArgumentError("Inputs to operation " + name() + " of type " + name()
                        + " must have the same size and shape.  Input 0: " + dims(sa) + " != input 1: " + dims(sb));
            }
            if (!nnKernel && sa.size() != sb.size()) {
                throw new InvalidArgumentError("The two arguments to a cwise op must have same number of elements, got "
                        + sa.size() + " and " + sb.size());
            }
        }
        return new TensorSpec[] {new TensorSpec(a, sa.isFullyDefined() ? sa : sb)};
    }

    private static String dims(Shape s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.rank(); i++) sb.append(i == 0 ? "" : ",").append(s.get(i));
        return sb.append(']').toString();
    }

    /** LeakyReluGrad's alpha, a float attribute cast to the dtype as TF's kernel does; 0 for the others. */
    private double param(Attrs attrs, DType dtype) {
        if (this != LEAKY_RELU_GRAD) return 0;
        return Buffers.roundTo(dtype, (float) attrs.getDouble("alpha", 0.2));
    }

    /** The inputs' dtype ({@link #infer} above is this op's own shape and type rule). */
    @Override
    DType outputType(DType in) { return in; }

    /** Both operands walk the output's elements: TF's cwise gradient ops need equal sizes only, not equal shapes. */
    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        return compute(in, attrs, out, out[0].shape(), out[0].shape());
    }

    @Override
    BroadcastLoop.Run kernel(DType dtype, Object x, Object y, Object o) { return kernel(dtype, x, y, o, Attrs.EMPTY); }

    @Override
    BroadcastLoop.Run kernel(DType dtype, Object x, Object y, Object o, Attrs attrs) {
        double p = param(attrs, dtype);
        int size = Buffers.elements(o, dtype);
        return switch (dtype.storage()) {
            case FLOAT -> {
                float[] a = (float[]) x, b = (float[]) y, r = (float[]) o;
                float pf = (float) p;
                int bulk = size - size % FLOAT_PACKET;
                yield (ao, as, bo, bs, oo, n) -> {
                    int packets = Math.clamp(bulk - oo, 0, n);
                    if (packets > 0) FloatLanes.binary(lane, a, ao, as, b, bo, bs, r, oo, packets, pf);
                    for (int k = packets; k < n; k++) r[oo + k] = (float) formula.apply(a[ao + k * as], b[bo + k * bs], pf, FLOAT_STEP);
                };
            }
            case DOUBLE -> {
                double[] a = (double[]) x, b = (double[]) y, r = (double[]) o;
                int bulk = size - size % DOUBLE_PACKET;
                yield (ao, as, bo, bs, oo, n) -> {
                    int packets = Math.clamp(bulk - oo, 0, n);
                    if (packets > 0) DoubleLanes.binary(lane, a, ao, as, b, bo, bs, r, oo, packets, p);
                    for (int k = packets; k < n; k++) r[oo + k] = formula.apply(a[ao + k * as], b[bo + k * bs], p, v -> v);
                };
            }
            default -> {
                // float16/bfloat16 through float32, rounded once; integers (ReluGrad, Relu6Grad) keep or zero the gradient
                boolean floating = dtype.isFloating();
                DoubleUnaryOperator step = v -> Buffers.roundTo(dtype, v);
                int bulk = packet == null ? 0 : size - size % HALF_PACKET;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) {
                        int i = ao + k * as, j = bo + k * bs;
                        if (floating) {
                            Formula f = oo + k < bulk ? packet : formula;
                            double v = f.apply(Buffers.getDouble(x, dtype, i), Buffers.getDouble(y, dtype, j), p, step);
                            Buffers.setDouble(o, dtype, oo + k, v);
                        } else {
                            boolean passes = formula.apply(1, Buffers.getDouble(y, dtype, j), p, step) != 0;
                            Buffers.setLong(o, dtype, oo + k, passes ? Buffers.getLong(x, dtype, i) : 0);
                        }
                    }
                };
            }
        };
    }
}
