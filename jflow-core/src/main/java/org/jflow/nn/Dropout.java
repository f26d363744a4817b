package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;
import org.jflow.random.RandomSeed;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;
import org.jflow.raw.RawRandom;

import static org.jflow.raw.Raw.scalarLike;

/**
 * {@code tf.nn.dropout}, a composite in TF: {@code random_uniform(noise_shape, x.dtype, seed)}
 * (so {@code tf.random.setSeed} fixes the mask and the op-seed sequence stays in step with TF's),
 * then this op: each element is kept where its uniform is {@code >= rate} and scaled by
 * {@code 1 / (1 - rate)}. Inputs: x and the uniforms (broadcast to x); attribute {@code rate}.
 */
public final class Dropout extends Op {
    /** The forward's own mask (the uniforms are an input), scaled; the uniforms get no gradient. */
    public static final Dropout DROPOUT = new Dropout().withGradient((g, dy) -> {
        double rate = g.attrs().getDouble("rate");
        Tensor kept = RawMath.cast(RawMath.greaterEqual(g.y(), scalarLike(g.y(), rate)), dy[0].dtype());
        return new Tensor[] {RawMath.mul(RawMath.mul(dy[0], scalarLike(dy[0], 1 / (1 - rate))), kept), null};
    });

    private Dropout() { super("Dropout", Signature.of("x, seed -> output", "rate: float")); }

    /** TF's {@code nn_ops.dropout_v2}; {@code seed} is null when the caller gave none. */
    static Tensor apply(Tensor x, double rate, int[] noiseShape, Long seed) {
        checkRate(rate);
        Reals.requireFloating(x.dtype(), "Dropout");
        if (rate == 0) { // TF's fast path still draws the op seed, so later random ops see the same sequence
            RandomSeed.getSeed(seed);
            return x;
        }
        Shape noise = noiseShape == null ? x.shape() : Shape.of(noiseShape);
        checkNoiseShape(x.shape(), noise);
        // On a traced x of unknown dims the mask's shape is TF's array_ops.shape(x), known when the graph runs
        // tf.random.uniform(shape, dtype=x.dtype, seed=seed): [0, 1) needs no scale and shift
        long[] seeds = RandomSeed.getSeed(seed);
        Tensor u = noise.isFullyDefined() ? RawRandom.randomUniform(noise, x.dtype(), seeds[0], seeds[1])
                : RawRandom.randomUniform(RawArray.shape(x, DType.INT32), x.dtype(), seeds[0], seeds[1]);
        return Dispatcher.execute1(DROPOUT, Attrs.of("rate", rate), x, u);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Reals.requireFloating(in[0].dtype(), name());
        Reals.requireSameDType(in, 1, name());
        checkRate(attrs.getDouble("rate"));
        checkNoiseShape(in[0].shape(), in[1].shape());
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())};
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new ValueError("rate must be a scalar tensor or a float in the range [0, 1), got " + formatRate(rate));
        }
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) && !Double.isInfinite(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static void checkNoiseShape(Shape x, Shape noise) {
        if (!Broadcast.shape(x, noise, "Dropout").equals(x)) {
            throw new ValueError("noise_shape " + noise + " must broadcast to the shape of x " + x);
        }
    }

    /**
     * {@code mul(x * scale, cast(u >= rate))} with scale and rate in x's dtype, as TF computes it:
     * dropped elements are {@code x * 0} (so -0 and NaN survive, as in TF).
     */
    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType dtype = in[0].dtype();
        double rate = attrs.getDouble("rate");
        double scale = Buffers.roundTo(dtype, 1 / (1 - rate)), threshold = Buffers.roundTo(dtype, rate);
        Shape shape = in[0].shape();
        double[] x = Reals.doubles(in[0]), u = Reals.doubles(in[1]), y = new double[x.length];
        int[] map = in[1].shape().equals(shape) ? null : Broadcast.indexMap(in[1].shape(), shape);
        for (int i = 0; i < x.length; i++) {
            double kept = Buffers.roundTo(dtype, x[i] * scale);
            y[i] = kept * (u[map == null ? i : map[i]] >= threshold ? 1 : 0);
        }
        return new Tensor[] {Reals.fromDoubles(dtype, shape, y)};
    }
}
