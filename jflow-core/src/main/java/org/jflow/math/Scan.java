package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawMath;
import org.jflow.engine.GradientContext;

import static org.jflow.autodiff.Grads.unary;

/**
 * TF's {@code Cumsum} and {@code Cumprod} along attribute {@code axis}, with {@code exclusive}
 * (each output leaves out its own element) and {@code reverse} (scans from the end).
 */
public final class Scan extends Op {
    public static final Scan CUMSUM = new Scan("Cumsum", Monoid.SUM).withGradient(unary((g, dy) ->
            reversedCumsum(g, dy)));
    /** As TF: the reversed cumulative sum of y dy, divided by x (so not defined where x is 0). */
    public static final Scan CUMPROD = new Scan("Cumprod", Monoid.PROD).withGradient(unary((g, dy) ->
            RawMath.realDiv(reversedCumsum(g, RawMath.mul(g.out(), dy)), g.x())));

    /** The cumulative sum of {@code t} in the opposite direction of the op's: both gradients' core. */
    private static Tensor reversedCumsum(GradientContext g, Tensor t) {
        return RawMath.cumsum(t, g.attrs().getInt("axis"), g.attrs().getBool("exclusive"),
                !g.attrs().getBool("reverse"));
    }

    private final Monoid monoid;

    private Scan(String name, Monoid monoid) {
        super(name, Signature.of("x -> out", "axis: int", "exclusive: bool = false", "reverse: bool = false"));
        this.monoid = monoid;
    }

    public static Attrs attrs(int axis, boolean exclusive, boolean reverse) {
        return Attrs.of("axis", axis, "exclusive", exclusive, "reverse", reverse);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        if (!t.isNumeric()) {
            throw new InvalidArgumentError("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values");
        }
        Shape s = in[0].shape();
        if (s.hasRank()) {
            int rank = s.rank(), arg = attrs.getInt("axis"), axis = arg < 0 ? arg + rank : arg;
            if (axis < 0 || axis >= rank) {
                throw new InvalidArgumentError("ScanOp: Expected scan axis in the range [" + -rank + ", " + rank + "), but got " + axis);
            }
        }
        return new TensorSpec[] {new TensorSpec(t, s)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        DType t = x.dtype();
        int arg = attrs.getInt("axis");
        AxisLayout l = AxisLayout.around(x.shape(), arg < 0 ? arg + x.rank() : arg);
        boolean exclusive = attrs.getBool("exclusive"), reverse = attrs.getBool("reverse");
        Object r = switch (t.storage()) {
            case FLOAT -> scanFloats((float[]) Buffers.copy(x.data()), l, exclusive, reverse);
            case HALF -> Buffers.convert(scanFloats((float[]) Buffers.convert(x.data(), t, DType.FLOAT32), l, exclusive, reverse), DType.FLOAT32, t);
            case DOUBLE -> scanDoubles((double[]) Buffers.copy(x.data()), l, exclusive, reverse);
            default -> Buffers.convert(scanLongs((long[]) Buffers.convert(x.data(), t, DType.INT64), l, exclusive, reverse), DType.INT64, t);
        };
        return new Tensor[] {Tensor.wrap(t, x.shape(), r)};
    }

    // The scans run in place over a copy, one row of `inner` running totals at a time (cache-friendly for any axis).
    private float[] scanFloats(float[] x, AxisLayout l, boolean exclusive, boolean reverse) {
        float[] acc = new float[l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            java.util.Arrays.fill(acc, monoid == Monoid.SUM ? 0f : 1f);
            for (int s = 0; s < l.n(); s++) {
                int base = l.at(o, reverse ? l.n() - 1 - s : s, 0);
                for (int i = 0; i < acc.length; i++) {
                    float v = x[base + i], next = monoid == Monoid.SUM ? acc[i] + v : acc[i] * v;
                    x[base + i] = exclusive ? acc[i] : next;
                    acc[i] = next;
                }
            }
        }
        return x;
    }

    private double[] scanDoubles(double[] x, AxisLayout l, boolean exclusive, boolean reverse) {
        double[] acc = new double[l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            java.util.Arrays.fill(acc, monoid == Monoid.SUM ? 0 : 1);
            for (int s = 0; s < l.n(); s++) {
                int base = l.at(o, reverse ? l.n() - 1 - s : s, 0);
                for (int i = 0; i < acc.length; i++) {
                    double v = x[base + i], next = monoid == Monoid.SUM ? acc[i] + v : acc[i] * v;
                    x[base + i] = exclusive ? acc[i] : next;
                    acc[i] = next;
                }
            }
        }
        return x;
    }

    private long[] scanLongs(long[] x, AxisLayout l, boolean exclusive, boolean reverse) {
        long[] acc = new long[l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            java.util.Arrays.fill(acc, monoid == Monoid.SUM ? 0 : 1);
            for (int s = 0; s < l.n(); s++) {
                int base = l.at(o, reverse ? l.n() - 1 - s : s, 0);
                for (int i = 0; i < acc.length; i++) {
                    long v = x[base + i], next = monoid == Monoid.SUM ? acc[i] + v : acc[i] * v;
                    x[base + i] = exclusive ? acc[i] : next;
                    acc[i] = next;
                }
            }
        }
        return x;
    }
}
