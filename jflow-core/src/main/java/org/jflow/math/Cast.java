package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.Raw;

/**
 * TF's {@code Cast} (attribute {@code DstT}): C++ conversion semantics, so floats truncate toward
 * zero, out-of-range values and NaN become the x86 "integer indefinite", integers wrap, and any
 * non-zero number (NaN included) is {@code true}; complex numbers convert by their real part
 * (to bool too). Strings convert to nothing else.
 */
public final class Cast extends Op {
    /** Differentiable between float dtypes only, as in TF. */
    public static final Cast CAST = new Cast().withGradient((g, dy) ->
            new Tensor[] {!g.x().dtype().isFloating() ? null
                    : Raw.castTo(dy[0], g.x().dtype())});
    public static final String DST_T = "DstT";

    private Cast() { super("Cast", Signature.of("x:SrcT -> y:DstT", "DstT: type")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType from = in[0].dtype(), to = attrs.getDType(DST_T);
        if (from != to && (from == DType.STRING || to == DType.STRING)) {
            throw new UnimplementedError("Cast " + from.kernelName() + " to " + to.kernelName() + " is not supported");
        }
        return new TensorSpec[] {new TensorSpec(to, in[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType to = out[0].dtype();
        Object data = in[0].data();
        DType from = in[0].dtype();
        Object converted = switch (data) {
            case float[] f when from == DType.FLOAT32 && to == DType.INT32 -> floatToInt(f);
            case double[] d when from == DType.FLOAT64 && to == DType.INT32 -> doubleToInt(d);
            case float[] f when from == DType.FLOAT32 && to == DType.FLOAT64 -> floatToDouble(f);
            case double[] d when from == DType.FLOAT64 && to == DType.FLOAT32 -> doubleToFloat(d);
            case int[] i when from == DType.INT32 && to == DType.FLOAT32 -> intToFloat(i);
            case boolean[] b when to == DType.FLOAT32 -> boolToFloat(b);
            // complex to bool looks at the real part only, as every complex-to-real cast in TF (Eigen's cast)
            case Object c when from.isComplex() && to == DType.BOOL -> {
                DType real = from.realDType();
                yield Buffers.convert(Buffers.part(c, from, false), real, to);
            }
            default -> Buffers.convert(data, from, to);
        };
        return new Tensor[] {Tensor.wrap(to, out[0].shape(), converted)};
    }

    // The casts training loops do per batch (predictions to labels, masks to weights, mixed
    // precision) get their own parallel loops: Vector API ones to int32 (the JIT does not vectorize
    // the x86 conversion's branches), plain ones that the JIT vectorizes for the rest.

    private static int[] floatToInt(float[] f) {
        int[] r = (int[]) Buffers.allocateUninitialized(DType.INT32, f.length);
        Parallel.forRange(f.length, (from, to) -> FloatLanes.toInt32(f, r, from, to));
        return r;
    }

    private static int[] doubleToInt(double[] d) {
        int[] r = (int[]) Buffers.allocateUninitialized(DType.INT32, d.length);
        Parallel.forRange(d.length, (from, to) -> DoubleLanes.toInt32(d, r, from, to));
        return r;
    }

    private static double[] floatToDouble(float[] f) {
        double[] r = (double[]) Buffers.allocateUninitialized(DType.FLOAT64, f.length);
        Parallel.forRange(f.length, (from, to) -> { for (int i = from; i < to; i++) r[i] = f[i]; });
        return r;
    }

    private static float[] doubleToFloat(double[] d) {
        float[] r = (float[]) Buffers.allocateUninitialized(DType.FLOAT32, d.length);
        Parallel.forRange(d.length, (from, to) -> { for (int i = from; i < to; i++) r[i] = (float) d[i]; });
        return r;
    }

    private static float[] intToFloat(int[] v) {
        float[] r = (float[]) Buffers.allocateUninitialized(DType.FLOAT32, v.length);
        Parallel.forRange(v.length, (from, to) -> { for (int i = from; i < to; i++) r[i] = v[i]; });
        return r;
    }

    private static float[] boolToFloat(boolean[] b) {
        float[] r = (float[]) Buffers.allocateUninitialized(DType.FLOAT32, b.length);
        Parallel.forRange(b.length, (from, to) -> { for (int i = from; i < to; i++) r[i] = b[i] ? 1f : 0f; });
        return r;
    }
}
