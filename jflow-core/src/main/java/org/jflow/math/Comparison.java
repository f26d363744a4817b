package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Halfs;
import org.jflow.engine.TensorSpec;

import java.util.Arrays;

/**
 * The broadcasting comparisons, bool out. Floats compare as doubles (exact, and NaN compares
 * false except for NotEqual), integers as longs; Equal and NotEqual also take bools and strings.
 */
public final class Comparison extends BinaryOp {
    @FunctionalInterface
    interface DoubleTest { boolean test(double a, double b); }

    @FunctionalInterface
    interface LongTest { boolean test(long a, long b); }

    /** {@code incompatible_shape_error=false} makes Equal/NotEqual answer a scalar instead of failing, as Python's {@code ==} does. */
    public static final String INCOMPATIBLE_SHAPE_ERROR = "incompatible_shape_error";

    public static final Comparison EQUAL = new Comparison(CompareLane.EQ, "Equal", TypeList.ANY, (a, b) -> a == b, (a, b) -> a == b);
    public static final Comparison NOT_EQUAL = new Comparison(CompareLane.NE, "NotEqual", TypeList.ANY, (a, b) -> a != b, (a, b) -> a != b);
    public static final Comparison LESS = new Comparison(CompareLane.LT, "Less", TypeList.REAL_NUMBERS, (a, b) -> a < b, (a, b) -> a < b);
    public static final Comparison LESS_EQUAL = new Comparison(CompareLane.LE, "LessEqual", TypeList.REAL_NUMBERS, (a, b) -> a <= b, (a, b) -> a <= b);
    public static final Comparison GREATER = new Comparison(CompareLane.GT, "Greater", TypeList.REAL_NUMBERS, (a, b) -> a > b, (a, b) -> a > b);
    public static final Comparison GREATER_EQUAL = new Comparison(CompareLane.GE, "GreaterEqual", TypeList.REAL_NUMBERS, (a, b) -> a >= b, (a, b) -> a >= b);

    private final CompareLane lanes;
    private final DoubleTest d;
    private final LongTest l;

    private Comparison(CompareLane lanes, String name, TypeList types, DoubleTest d, LongTest l) {
        super(name, types, "x:T, y:T -> z:bool", name.endsWith("Equal") && !name.startsWith("Greater")
                && !name.startsWith("Less") ? new String[] {INCOMPATIBLE_SHAPE_ERROR + ": bool = true"} : new String[0]);
        notDifferentiable(); // bool, integer or string results, as TF
        this.lanes = lanes;
        this.d = d;
        this.l = l;
    }

    @Override
    DType outputType(DType in) { return DType.BOOL; }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        if (!attrs.getBool(INCOMPATIBLE_SHAPE_ERROR, true) && !broadcastable(in[0].shape(), in[1].shape())) {
            checkTypes(in);
            return new TensorSpec[] {new TensorSpec(DType.BOOL, Shape.scalar())};
        }
        return super.infer(in, attrs);
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        if (!broadcastable(in[0].shape(), in[1].shape())) { // only without the shape error: Equal is false, NotEqual true
            return new Tensor[] {Tensor.wrap(DType.BOOL, Shape.scalar(), new boolean[] {this == NOT_EQUAL})};
        }
        return super.compute(in, attrs, out);
    }

    private static boolean broadcastable(Shape a, Shape b) {
        for (int i = 1; i <= Math.min(a.rank(), b.rank()); i++) {
            int da = a.get(-i), db = b.get(-i);
            if (da != db && da != 1 && db != 1) return false;
        }
        return true;
    }

    @Override
    BroadcastLoop.Run kernel(DType dtype, Object x, Object y, Object o) {
        boolean[] r = (boolean[]) o;
        return switch (dtype.storage()) {
            case FLOAT -> {
                float[] a = (float[]) x, b = (float[]) y;
                yield (ao, as, bo, bs, oo, n) -> FloatLanes.compare(lanes, a, ao, as, b, bo, bs, r, oo, n);
            }
            case DOUBLE -> {
                double[] a = (double[]) x, b = (double[]) y;
                yield (ao, as, bo, bs, oo, n) -> DoubleLanes.compare(lanes, a, ao, as, b, bo, bs, r, oo, n);
            }
            case HALF -> {
                short[] a = (short[]) x, b = (short[]) y;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = d.test(Halfs.toFloat(a[ao + k * as], dtype), Halfs.toFloat(b[bo + k * bs], dtype));
                };
            }
            case STRING -> {
                byte[][] a = (byte[][]) x, b = (byte[][]) y;
                boolean same = this == EQUAL;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) r[oo + k] = Arrays.equals(a[ao + k * as], b[bo + k * bs]) == same;
                };
            }
            case COMPLEX64, COMPLEX128 -> { // only Equal and NotEqual accept complex numbers
                boolean same = this == EQUAL;
                yield (ao, as, bo, bs, oo, n) -> {
                    for (int k = 0; k < n; k++) {
                        int i = ao + k * as, j = bo + k * bs;
                        boolean equal = Buffers.getDouble(x, dtype, i) == Buffers.getDouble(y, dtype, j)
                                && Buffers.getImag(x, dtype, i) == Buffers.getImag(y, dtype, j);
                        r[oo + k] = equal == same;
                    }
                };
            }
            default -> (ao, as, bo, bs, oo, n) -> {
                for (int k = 0; k < n; k++) r[oo + k] = l.test(Buffers.getLong(x, dtype, ao + k * as),
                        Buffers.getLong(y, dtype, bo + k * bs));
            };
        };
    }
}
