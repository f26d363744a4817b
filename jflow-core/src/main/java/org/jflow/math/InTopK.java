package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * TF's {@code InTopKV2} ({@code tf.math.in_top_k(targets, predictions, k)}): whether each row's
 * target class is among its k highest predictions. As in TF, a target ties in when fewer than k
 * predictions are strictly higher, and a non-finite prediction for the target, or a target out of
 * range, gives false. Inputs: predictions {@code [batch, classes]} float32, targets {@code [batch]}
 * int32/int64; attribute {@code k}.
 */
public final class InTopK extends Op {
    public static final InTopK IN_TOP_K = new InTopK();

    private InTopK() {
        super("InTopKV2", Signature.of("predictions, targets -> precision", "k: int"));
        notDifferentiable(); // integer or bool results, as TF
    }

    public static Attrs attrs(int k) { return Attrs.of("k", k); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Tensor predictions = in[0], targets = in[1];
        if (predictions.dtype() != DType.FLOAT32) {
            throw new InvalidArgumentError("cannot compute InTopKV2 as input #0(zero-based) was expected to be a float tensor but is a "
                    + predictions.dtype().kernelName() + " tensor");
        }
        if (targets.dtype() != DType.INT32 && targets.dtype() != DType.INT64) {
            throw new InvalidArgumentError("Value for attr 'T' of " + targets.dtype().kernelName() + " is not in the list of allowed values");
        }
        Shape p = predictions.shape(), t = targets.shape();
        if (!p.hasRank() || !t.hasRank()) return new TensorSpec[] {new TensorSpec(DType.BOOL, Shape.of(Shape.UNKNOWN))};
        if (p.rank() != 2) throw new InvalidArgumentError("predictions must be 2-dimensional");
        if (t.rank() != 1) throw new InvalidArgumentError("targets must be 1-dimensional");
        if (p.get(0) != t.get(0) && p.get(0) != Shape.UNKNOWN && t.get(0) != Shape.UNKNOWN) {
            throw new InvalidArgumentError("First dimension of predictions " + p.get(0) + " must match length of targets " + t.get(0));
        }
        return new TensorSpec[] {new TensorSpec(DType.BOOL, t)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        float[] p = (float[]) in[0].data();
        Tensor targets = in[1];
        int batch = targets.size(), classes = in[0].shape().get(1), k = attrs.getInt("k");
        boolean[] r = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            long target = targets.getLong(b);
            if (target < 0 || target >= classes || !Float.isFinite(p[b * classes + (int) target])) continue;
            float v = p[b * classes + (int) target];
            int higher = 0;
            for (int c = 0; c < classes; c++) if (p[b * classes + c] > v) higher++;
            r[b] = higher < k;
        }
        return new Tensor[] {Tensor.wrap(DType.BOOL, out[0].shape(), r)};
    }
}
