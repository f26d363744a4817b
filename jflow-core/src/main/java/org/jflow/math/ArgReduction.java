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

/**
 * TF's {@code ArgMax} and {@code ArgMin}: the index of the largest (smallest) element along
 * attribute {@code axis}, the first one on ties, as attribute {@code output_type} (int64 when absent).
 */
public final class ArgReduction extends Op {
    public static final ArgReduction ARG_MAX = new ArgReduction("ArgMax", true);
    public static final ArgReduction ARG_MIN = new ArgReduction("ArgMin", false);

    private final boolean max;

    private ArgReduction(String name, boolean max) {
        super(name, Signature.of("input, dimension = axis -> output", "axis: int", "output_type: type = int64"));
        notDifferentiable(); // bool, integer or string results, as TF
        this.max = max;
    }

    public static Attrs attrs(int axis, DType outputType) { return Attrs.of("axis", axis, "output_type", outputType); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        if (!t.isNumeric() && t != DType.BOOL) {
            throw new InvalidArgumentError("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values");
        }
        DType outType = outputType(attrs);
        if (outType != DType.INT32 && outType != DType.INT64 && outType != DType.INT16) {
            throw new InvalidArgumentError("Value for attr 'output_type' of " + outType.kernelName()
                    + " is not in the list of allowed values");
        }
        Shape s = in[0].shape();
        if (!s.hasRank()) return new TensorSpec[] {new TensorSpec(outType, Shape.unknownRank())};
        int rank = s.rank(), dim = attrs.getInt("axis"), axis = dim < 0 ? dim + rank : dim;
        if (axis < 0 || axis >= rank) {
            throw new InvalidArgumentError("Expected dimension in the range [" + -rank + ", " + rank + "), but got " + dim);
        }
        if (s.get(axis) == 0) {
            throw new InvalidArgumentError("Reduction axis " + dim + " is empty in shape " + s.toErrorString());
        }
        int[] d = s.dimsView(), out = new int[rank - 1];
        for (int i = 0, k = 0; i < rank; i++) if (i != axis) out[k++] = d[i];
        return new TensorSpec[] {new TensorSpec(outType, Shape.ofOwned(out))};
    }

    private static DType outputType(Attrs attrs) {
        Object t = attrs.get("output_type");
        return t == null ? DType.INT64 : (DType) t;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        int dim = attrs.getInt("axis");
        AxisLayout l = AxisLayout.around(x.shape(), dim < 0 ? dim + x.rank() : dim);
        int[] idx = switch (x.dtype().storage()) {
            case FLOAT -> floats((float[]) x.data(), l);
            case DOUBLE, HALF -> doubles((double[]) Buffers.convert(x.data(), x.dtype(), DType.FLOAT64), l);
            default -> longs((long[]) Buffers.convert(x.data(), x.dtype(), DType.INT64), l);
        };
        DType outType = out[0].dtype();
        return new Tensor[] {Tensor.wrap(outType, out[0].shape(), Buffers.convert(idx, DType.INT32, outType))};
    }

    // One loop per buffer type: the comparison is the hot part, and boxing it through an interface would cost more than the copy.
    private int[] floats(float[] x, AxisLayout l) {
        int[] res = new int[l.outer() * l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            for (int i = 0; i < l.inner(); i++) {
                int best = 0;
                float bv = x[l.at(o, 0, i)];
                for (int r = 1; r < l.n(); r++) {
                    float v = x[l.at(o, r, i)];
                    if (max ? v > bv : v < bv) { bv = v; best = r; }
                }
                res[o * l.inner() + i] = best;
            }
        }
        return res;
    }

    private int[] doubles(double[] x, AxisLayout l) {
        int[] res = new int[l.outer() * l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            for (int i = 0; i < l.inner(); i++) {
                int best = 0;
                double bv = x[l.at(o, 0, i)];
                for (int r = 1; r < l.n(); r++) {
                    double v = x[l.at(o, r, i)];
                    if (max ? v > bv : v < bv) { bv = v; best = r; }
                }
                res[o * l.inner() + i] = best;
            }
        }
        return res;
    }

    private int[] longs(long[] x, AxisLayout l) {
        int[] res = new int[l.outer() * l.inner()];
        for (int o = 0; o < l.outer(); o++) {
            for (int i = 0; i < l.inner(); i++) {
                int best = 0;
                long bv = x[l.at(o, 0, i)];
                for (int r = 1; r < l.n(); r++) {
                    long v = x[l.at(o, r, i)];
                    if (max ? v > bv : v < bv) { bv = v; best = r; }
                }
                res[o * l.inner() + i] = best;
            }
        }
        return res;
    }
}
