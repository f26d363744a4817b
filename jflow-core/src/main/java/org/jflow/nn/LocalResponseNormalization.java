package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import static org.jflow.raw.Raw.scalarLike;

/**
 * {@code LRN}: each element divided by {@code (bias + alpha * sum of squares over the channels
 * within depth_radius) ^ beta}, on a 4-D channels-last input (AlexNet's normalization).
 */
public final class LocalResponseNormalization extends Op {
    public static final LocalResponseNormalization LRN = new LocalResponseNormalization()
            .withGradient((g, dy) -> Grads.composite(g, dy, x -> new Tensor[] {inOps(x[0], g.attrs())}));

    private LocalResponseNormalization() { super("LRN", Signature.of("input -> output",
            "depth_radius: int = 5", "bias: float = 1", "alpha: float = 1", "beta: float = 0.5")); }

    /**
     * LRN in ops, for its gradient (so it differentiates again): the windowed sums of squares are
     * the squares times a band matrix over the channels.
     */
    private static Tensor inOps(Tensor x, Attrs attrs) {
        int radius = attrs.getInt("depth_radius"), c = x.shape().get(3);
        double[] band = new double[c * c];
        for (int i = 0; i < c; i++) for (int j = Math.max(0, i - radius); j <= Math.min(c - 1, i + radius); j++) band[i * c + j] = 1;
        Tensor bandMatrix = RawMath.cast(Tensor.wrap(DType.FLOAT64, Shape.of(c, c), band), x.dtype());
        Tensor rows = RawArray.reshape(RawMath.square(x), new int[] {-1, c});
        Tensor sums = RawArray.reshape(RawMath.matMul(rows, bandMatrix, false, false), x.shape().dims());
        Tensor alpha = scalarLike(x, attrs.getDouble("alpha")), bias = scalarLike(x, attrs.getDouble("bias"));
        Tensor base = RawMath.addV2(RawMath.mul(sums, alpha), bias);
        return RawMath.mul(x, RawMath.pow(base, scalarLike(x, -attrs.getDouble("beta"))));
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireKernel(in[0].dtype(), name(), "half, bfloat16, float");
        long radius = attrs.has("depth_radius") ? attrs.getLong("depth_radius") : 5;
        if (radius < 0 || radius >= Integer.MAX_VALUE) { // TF's LRNOp constructor: an unsigned FastBoundsCheck
            throw new InvalidArgumentError("depth_radius = " + radius + " larger than int max");
        }
        if (in[0].rank() != 4) throw new InvalidArgumentError("in must be 4-dimensional");
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        int radius = attrs.getInt("depth_radius");
        double bias = attrs.getDouble("bias"), alpha = attrs.getDouble("alpha"), beta = attrs.getDouble("beta");
        int c = in[0].shape().get(3);
        double[] x = Reals.doubles(in[0]), y = new double[x.length];
        int pixels = c == 0 ? 0 : x.length / c;
        Parallel.forRange(pixels, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, c * (2 * radius + 1))), (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * c;
                for (int d = 0; d < c; d++) {
                    double sum = 0;
                    for (int k = Math.max(0, d - radius), end = Math.min(c - 1, d + radius); k <= end; k++) sum += x[base + k] * x[base + k];
                    y[base + d] = x[base + d] / Math.pow(bias + alpha * sum, beta);
                }
            }
        });
        return new Tensor[] {Reals.fromDoubles(in[0].dtype(), in[0].shape(), y)};
    }
}
