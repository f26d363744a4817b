package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;

import static org.jflow.TF.tf;

/**
 * {@code tf.nn.sigmoid_cross_entropy_with_logits} and {@code tf.nn.weighted_cross_entropy_with_logits}
 * (composites in TF, one op each here). Inputs: logits {@code x}, labels {@code z} of the same
 * shape. TF's stable forms: {@code max(x, 0) - x z + log(1 + exp(-|x|))}, and with
 * {@code l = 1 + (pos_weight - 1) z}: {@code (1 - z) x + l (log(1 + exp(-|x|)) + max(-x, 0))}.
 */
public final class SigmoidCrossEntropy extends Op {
    public static final SigmoidCrossEntropy SIGMOID = new SigmoidCrossEntropy("SigmoidCrossEntropyWithLogits", false)
            .withGradient((g, dy) -> new Tensor[] {
                tf.multiply(dy[0], tf.subtract(tf.sigmoid(g.x()), g.y())),
                tf.multiply(dy[0], tf.negative(g.x()))})
            .withDecomposition((in, attrs) -> new Tensor[] {
                // TF's sigmoid_cross_entropy_with_logits: max(x, 0) - x z + log1p(exp(-|x|))
                tf.add(tf.subtract(tf.maximum(in[0], 0), tf.multiply(in[0], in[1])),
                        tf.log1p(tf.exp(tf.negative(tf.abs(in[0])))))});
    /**
     * With {@code l = 1 + (w - 1) z}: d/dx {@code = (1 - z) - l sigmoid(-x)}, d/dz {@code = -x + (w - 1) softplus(-x)}.
     */
    public static final SigmoidCrossEntropy WEIGHTED = new SigmoidCrossEntropy("WeightedCrossEntropyWithLogits", true)
            .withGradient((g, dy) -> {
                double w1 = g.attrs().getDouble("pos_weight") - 1;
                Tensor x = g.x(), z = g.y(), minusX = tf.negative(x);
                Tensor logWeight = tf.add(tf.multiply(z, w1), 1);
                return new Tensor[] {
                    tf.multiply(dy[0], tf.subtract(tf.subtract(1, z), tf.multiply(logWeight, tf.sigmoid(minusX)))),
                    tf.multiply(dy[0], tf.add(minusX, tf.multiply(tf.softplus(minusX), w1)))};
            })
            .withDecomposition((in, attrs) -> {
                // TF's weighted_cross_entropy_with_logits: (1 - z) x + l (log1p(exp(-|x|)) + max(-x, 0))
                Tensor x = in[0], z = in[1];
                Tensor l = tf.add(tf.multiply(z, attrs.getDouble("pos_weight") - 1), 1);
                Tensor softplusPart = tf.add(tf.log1p(tf.exp(tf.negative(tf.abs(x)))), tf.maximum(tf.negative(x), 0));
                return new Tensor[] {tf.add(tf.multiply(tf.subtract(1, z), x), tf.multiply(l, softplusPart))};
            });

    private final boolean weighted;

    private SigmoidCrossEntropy(String name, boolean weighted) {
        super(name, weighted ? Signature.of("labels, logits -> output", "pos_weight: float")
                : Signature.of("labels, logits -> output"));
        this.weighted = weighted;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireFloating(in[0].dtype(), name());
        Reals.requireSameDType(in, 1, name());
        Shape x = in[0].shape(), z = in[1].shape();
        if (!x.equals(z)) throw new ValueError("logits and labels must have the same shape (" + x + " vs " + z + ")");
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), x)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        double[] x = Reals.doubles(in[0]), z = Reals.doubles(in[1]), loss = new double[x.length];
        double posWeight = weighted ? attrs.getDouble("pos_weight") : 1;
        Parallel.forRange(x.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double softplusTail = Math.log1p(Math.exp(-Math.abs(x[i])));
                if (weighted) {
                    double logWeight = 1 + (posWeight - 1) * z[i];
                    loss[i] = (1 - z[i]) * x[i] + logWeight * (softplusTail + Math.max(-x[i], 0));
                } else {
                    loss[i] = Math.max(x[i], 0) - x[i] * z[i] + softplusTail;
                }
            }
        });
        return new Tensor[] {Reals.fromDoubles(in[0].dtype(), out[0].shape(), loss)};
    }
}
