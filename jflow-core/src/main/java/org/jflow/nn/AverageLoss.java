package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;
import org.jflow.math.Reduction;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import static org.jflow.raw.Raw.scalarLike;
import static org.jflow.autodiff.Grads.unary;

/**
 * {@code tf.nn.compute_average_loss} (a composite in TF): {@code sum(per_example_loss) /
 * global_batch_size}, where attribute {@code global_batch_size} defaults to the loss's first dim
 * (one replica).
 */
public final class AverageLoss extends Op {
    public static final AverageLoss COMPUTE_AVERAGE_LOSS = new AverageLoss().withGradient(unary((g, dy) ->
            org.jflow.autodiff.Grads.broadcastLike(RawMath.realDiv(dy, batchSize(g.attrs(), g.x())), g.x())))
            // TF's compute_average_loss: div_no_nan(reduce_sum(losses), cast(global_batch_size, dtype))
            .withDecomposition((in, attrs) -> new Tensor[] {
                RawMath.divNoNan(RawMath.sum(in[0], allAxes(in[0]), false), batchSize(attrs, in[0]))});

    /** The divisor: attribute {@code global_batch_size}, else the loss's first dim (read when the graph runs where unknown). */
    private static Tensor batchSize(Attrs attrs, Tensor x) {
        int n = globalBatchSize(attrs, x);
        if (n != Shape.UNKNOWN) return scalarLike(x, n);
        Tensor firstDim = RawArray.gatherV2(RawArray.shape(x, DType.INT32), Raw.scalar(DType.INT32, 0), 0, 0);
        return RawMath.cast(firstDim, x.dtype());
    }

    /** Attribute {@code global_batch_size}, declared without a default: absent, the loss's first dim. */
    private static int globalBatchSize(Attrs attrs, Tensor x) {
        return attrs.getInt("global_batch_size", x.shape().get(0));
    }

    private static int[] allAxes(Tensor x) {
        int[] axes = new int[x.rank()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        return axes;
    }

    private AverageLoss() { super("ComputeAverageLoss",
            Signature.of("per_example_loss -> loss", "global_batch_size: int = None")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireFloating(in[0].dtype(), name());
        if (in[0].rank() == 0) {
            throw new ValueError("Invalid value passed for `per_example_loss`. Expected a tensor with at least rank 1. Received: "
                    + in[0]);
        }
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.scalar())};
    }

    /**
     * TF's {@code div_no_nan(reduce_sum(per_example_loss), cast(global_batch_size, dtype))}: the sum is
     * the {@code Sum} kernel's (tree-reduced in the dtype, as TF's), and a batch of 0 gives 0.
     */
    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType t = in[0].dtype();
        Tensor sum = Reduction.SUM.compute(in, Reduction.attrs(null, false), out)[0];
        int batch = globalBatchSize(attrs, in[0]);
        if (t == DType.FLOAT64) {
            double s = ((double[]) sum.data())[0];
            return new Tensor[] {Reals.fromDoubles(t, Shape.scalar(), new double[] {batch == 0 ? 0 : s / batch})};
        }
        float s = Reals.floats(sum)[0], b = Reals.floats(Reals.fromFloats(t, Shape.scalar(), new float[] {batch}))[0];
        return new Tensor[] {Reals.fromFloats(t, Shape.scalar(), new float[] {b == 0 ? 0 : s / b})};
    }
}
