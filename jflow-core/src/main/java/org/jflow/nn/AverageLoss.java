package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;

import static org.jflow.TF.tf;
import static org.jflow.autodiff.Grads.unary;

/**
 * {@code tf.nn.compute_average_loss} (a composite in TF): {@code sum(per_example_loss) /
 * global_batch_size}, where attribute {@code global_batch_size} defaults to the loss's first dim
 * (one replica).
 */
public final class AverageLoss extends Op {
    public static final AverageLoss COMPUTE_AVERAGE_LOSS = new AverageLoss().withGradient(unary((g, dy) ->
            org.jflow.autodiff.Grads.broadcastLike(tf.divide(dy, batchSize(g.attrs(), g.x())), g.x())));

    /** The divisor: attribute {@code global_batch_size}, else the loss's first dim (read when the graph runs where unknown). */
    private static Object batchSize(Attrs attrs, Tensor x) {
        int n = attrs.getInt("global_batch_size", x.shape().get(0));
        if (n != Shape.UNKNOWN) return (double) n;
        return tf.cast(tf.gather(tf.shape(x), 0), x.dtype());
    }

    private AverageLoss() { super("ComputeAverageLoss"); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireFloating(in[0].dtype(), name());
        if (in[0].rank() == 0) {
            throw new ValueError("Invalid value passed for `per_example_loss`. Expected a tensor with at least rank 1. Received: "
                    + in[0]);
        }
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.scalar())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        double sum = 0;
        for (double v : Reals.doubles(in[0])) sum += v;
        int batch = attrs.getInt("global_batch_size", in[0].shape().get(0));
        return new Tensor[] {Reals.fromDoubles(in[0].dtype(), Shape.scalar(), new double[] {sum / batch})};
    }
}
