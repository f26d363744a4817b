package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;
import org.jflow.raw.RawMath;
import org.jflow.raw.RawNn;

import static org.jflow.raw.Raw.scalarLike;

/**
 * {@code tf.nn.sigmoid_cross_entropy_with_logits} and {@code tf.nn.weighted_cross_entropy_with_logits}
 * (composites in TF, one op each here). Inputs: logits {@code x}, labels {@code z} of the same
 * shape. TF's stable forms: {@code max(x, 0) - x z + log(1 + exp(-|x|))}, and with
 * {@code l = 1 + (pos_weight - 1) z}: {@code (1 - z) x + l (log(1 + exp(-|x|)) + max(-x, 0))}.
 */
public final class SigmoidCrossEntropy extends Op {
    public static final SigmoidCrossEntropy SIGMOID = new SigmoidCrossEntropy("SigmoidCrossEntropyWithLogits", false)
            .withGradient((g, dy) -> new Tensor[] {
                RawMath.mul(dy[0], RawMath.sub(RawMath.sigmoid(g.x()), g.y())),
                RawMath.mul(dy[0], RawMath.neg(g.x()))})
            .withDecomposition((in, attrs) -> new Tensor[] {
                // TF's sigmoid_cross_entropy_with_logits: max(x, 0) - x z + log1p(exp(-|x|))
                RawMath.addV2(RawMath.sub(RawMath.maximum(in[0], scalarLike(in[0], 0)), RawMath.mul(in[0], in[1])),
                        RawMath.log1p(RawMath.exp(RawMath.neg(RawMath.abs(in[0])))))});
    /**
     * With {@code l = 1 + (w - 1) z}: d/dx {@code = (1 - z) - l sigmoid(-x)}, d/dz {@code = -x + (w - 1) softplus(-x)}.
     */
    public static final SigmoidCrossEntropy WEIGHTED = new SigmoidCrossEntropy("WeightedCrossEntropyWithLogits", true)
            .withGradient((g, dy) -> {
                double w1 = g.attrs().getDouble("pos_weight") - 1;
                Tensor x = g.x(), z = g.y(), minusX = RawMath.neg(x), one = scalarLike(x, 1);
                Tensor logWeight = RawMath.addV2(RawMath.mul(z, scalarLike(z, w1)), one);
                Tensor dx = RawMath.sub(RawMath.sub(one, z), RawMath.mul(logWeight, RawMath.sigmoid(minusX)));
                Tensor dz = RawMath.addV2(minusX, RawMath.mul(RawNn.softplus(minusX), scalarLike(x, w1)));
                return new Tensor[] {RawMath.mul(dy[0], dx), RawMath.mul(dy[0], dz)};
            })
            .withDecomposition((in, attrs) -> {
                // TF's weighted_cross_entropy_with_logits: (1 - z) x + l (log1p(exp(-|x|)) + max(-x, 0))
                Tensor x = in[0], z = in[1];
                Tensor one = scalarLike(x, 1);
                Tensor l = RawMath.addV2(RawMath.mul(z, scalarLike(z, attrs.getDouble("pos_weight") - 1)), one);
                Tensor softplusPart = RawMath.addV2(RawMath.log1p(RawMath.exp(RawMath.neg(RawMath.abs(x)))),
                        RawMath.maximum(RawMath.neg(x), scalarLike(x, 0)));
                return new Tensor[] {RawMath.addV2(RawMath.mul(RawMath.sub(one, z), x), RawMath.mul(l, softplusPart))};
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
