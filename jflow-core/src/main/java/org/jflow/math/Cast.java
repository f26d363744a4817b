package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.UnimplementedError;

/**
 * TF's {@code Cast} (attribute {@code DstT}): C++ conversion semantics, so floats truncate toward
 * zero, out-of-range values and NaN become the x86 "integer indefinite", integers wrap, and any
 * non-zero number (NaN included) is {@code true}; complex numbers convert by their real part
 * (to bool too). Strings convert to nothing else.
 */
public final class Cast extends Op {
    /** Differentiable between float dtypes only, as in TF. */
    public static final Cast CAST = new Cast().withGradient((g, dy) ->
            new Tensor[] {g.x().dtype().isFloating() ? org.jflow.TF.tf.cast(dy[0], g.x().dtype()) : null});
    public static final String DST_T = "DstT";

    private Cast() { super("Cast"); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType from = in[0].dtype(), to = attrs.getDType(DST_T);
        if (from != to && (from == DType.STRING || to == DType.STRING)) {
            throw new UnimplementedError("Cast " + from.kernelName() + " to " + to.kernelName() + " is not supported [Op:Cast]");
        }
        return new TensorSpec[] {new TensorSpec(to, in[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType to = out[0].dtype();
        Object data = in[0].data();
        Object converted = switch (data) {
            case float[] f when in[0].dtype() == DType.FLOAT32 && to == DType.INT32 -> floatToInt(f);
            case boolean[] b when to == DType.FLOAT32 -> boolToFloat(b);
            // complex to bool looks at the real part only, as every complex-to-real cast in TF (Eigen's cast)
            case Object c when in[0].dtype().isComplex() && to == DType.BOOL -> {
                DType real = in[0].dtype().realDType();
                yield Buffers.convert(Buffers.part(c, in[0].dtype(), false), real, to);
            }
            default -> Buffers.convert(data, in[0].dtype(), to);
        };
        return new Tensor[] {Tensor.wrap(to, out[0].shape(), converted)};
    }

    // The two casts training loops do per batch (predictions to labels, masks to weights) get their own loops.

    private static int[] floatToInt(float[] f) {
        int[] r = new int[f.length];
        for (int i = 0; i < f.length; i++) r[i] = Buffers.floatToInt(f[i]);
        return r;
    }

    private static float[] boolToFloat(boolean[] b) {
        float[] r = new float[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[i] ? 1f : 0f;
        return r;
    }
}
