package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.raw.RawMath;

import static org.jflow.raw.Raw.scalarLike;

/**
 * {@code tf.nn.batch_normalization} (a composite in TF, one op here): inputs x, mean, variance,
 * offset, scale, broadcast together; {@code (x - mean) * scale / sqrt(variance + variance_epsilon) + offset}.
 */
public final class BatchNormalization extends Op {
    public static final BatchNormalization BATCH_NORMALIZATION = new BatchNormalization().withGradient((g, dy) -> {
        double eps = g.attrs().getDouble("variance_epsilon");
        return Grads.composite(g, dy, in -> new Tensor[] {
            RawMath.addV2(RawMath.mul(RawMath.sub(in[0], in[1]),
                    RawMath.mul(in[4], RawMath.rsqrt(RawMath.addV2(in[2], scalarLike(in[2], eps))))), in[3])});
    }).withDecomposition((in, attrs) -> {
        // TF's batch_normalization: inv = rsqrt(variance + epsilon) * scale; x * inv + (offset - mean * inv)
        Tensor eps = scalarLike(in[2], attrs.getDouble("variance_epsilon"));
        Tensor inv = RawMath.mul(RawMath.rsqrt(RawMath.addV2(in[2], eps)), in[4]);
        return new Tensor[] {RawMath.addV2(RawMath.mul(in[0], inv), RawMath.sub(in[3], RawMath.mul(in[1], inv)))};
    });

    private BatchNormalization() { super("BatchNormalization",
            Signature.of("x, mean, variance, offset, scale -> y", "variance_epsilon: float")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireFloating(in[0].dtype(), name());
        Shape s = in[0].shape();
        for (int i = 1; i < in.length; i++) {
            Reals.requireSameDType(in, i, name());
            s = Broadcast.shape(s, in[i].shape(), name());
        }
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), s)};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Shape shape = out[0].shape();
        int n = shape.size();
        double eps = attrs.getDouble("variance_epsilon");
        double[][] v = new double[in.length][];
        int[][] map = new int[in.length][];
        for (int i = 0; i < in.length; i++) {
            v[i] = Reals.doubles(in[i]);
            map[i] = in[i].shape().equals(shape) ? null : Broadcast.indexMap(in[i].shape(), shape);
        }
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double x = at(v, map, 0, k), mean = at(v, map, 1, k), variance = at(v, map, 2, k);
            double offset = at(v, map, 3, k), scale = at(v, map, 4, k);
            y[k] = (x - mean) * (scale / Math.sqrt(variance + eps)) + offset;
        }
        return new Tensor[] {Reals.fromDoubles(in[0].dtype(), shape, y)};
    }

    private static double at(double[][] v, int[][] map, int input, int k) {
        return v[input][map[input] == null ? k : map[input][k]];
    }
}
