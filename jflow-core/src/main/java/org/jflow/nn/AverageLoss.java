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
            tf.broadcastTo(tf.divide(dy, (double) g.attrs().getInt("global_batch_size", g.x().shape().get(0))), g.x().shape().dims())))
            // TF's compute_average_loss: reduce_sum(losses) / global_batch_size
            .withDecomposition((in, attrs) -> new Tensor[] {
                tf.divide(tf.reduceSum(in[0]), (double) attrs.getInt("global_batch_size", in[0].shape().get(0)))});

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
