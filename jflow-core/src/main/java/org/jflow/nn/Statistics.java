package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import static org.jflow.autodiff.Grads.unary;
import static org.jflow.raw.Raw.scalarLike;

/**
 * {@code L2Loss} ({@code sum(x^2) / 2}) and {@code Moments} (mean and variance over attribute
 * {@code axes}, kept as size-1 dims when {@code keep_dims}; a composite in TF). Accumulates in
 * double, then rounds to the input's dtype.
 */
public final class Statistics extends Op {
    public static final Statistics L2_LOSS = new Statistics("L2Loss").withGradient(unary((g, dy) -> RawMath.mul(g.x(), dy)));
    /** {@code dmean / N + dvariance * 2 (x - mean) / N}, N the count of reduced elements. */
    public static final Statistics MOMENTS = new Statistics("Moments").withGradient((g, dy) -> {
        Tensor x = g.x();
        int[] axes = g.attrs().getInts("axes");
        int n = x.size() / Math.max(1, g.out().size());
        Tensor mean = Grads.kept(g.outputs()[0], x.shape(), axes);
        Tensor dMean = Grads.kept(dy[0], x.shape(), axes), dVariance = Grads.kept(dy[1], x.shape(), axes);
        Tensor fromVariance = RawMath.mul(RawMath.mul(dVariance, RawMath.sub(x, mean)), scalarLike(x, 2.0 / n));
        return Grads.one(RawMath.addV2(RawMath.mul(dMean, scalarLike(x, 1.0 / n)), fromVariance));
    }).withDecomposition(Statistics::momentsInTfOps);

    /**
     * TF's nn.moments: the mean kept over the axes, the variance as the mean squared difference from it
     * (float16 computed in float32), squeezed unless {@code keep_dims}.
     */
    private static Tensor[] momentsInTfOps(Tensor[] in, Attrs attrs) {
        Tensor x = in[0];
        DType dtype = x.dtype();
        Tensor y = dtype == DType.FLOAT16 ? RawMath.cast(x, DType.FLOAT32) : x;
        int[] axes = attrs.getInts("axes");
        Tensor mean = RawMath.mean(y, axes, true);
        Tensor variance = RawMath.mean(RawMath.squaredDifference(y, RawArray.stopGradient(mean)), axes, true);
        if (!attrs.getBool("keep_dims")) {
            mean = RawArray.squeeze(mean, axes);
            variance = RawArray.squeeze(variance, axes);
        }
        if (dtype == DType.FLOAT16) return new Tensor[] {RawMath.cast(mean, dtype), RawMath.cast(variance, dtype)};
        return new Tensor[] {mean, variance};
    }

    private Statistics(String name) {
        super(name, name.equals("Moments")
                ? Signature.of("x -> mean, variance", "axes: list(int)", "keep_dims: bool = false")
                : Signature.of("t -> output"));
    }

    private boolean isMoments() { return this == MOMENTS; }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Tensor x = in[0];
        Reals.requireFloating(x.dtype(), name());
        if (!isMoments()) return new TensorSpec[] {new TensorSpec(x.dtype(), Shape.scalar())};
        boolean[] reduced = reducedAxes(attrs.getInts("axes"), x.rank());
        boolean keep = attrs.getBool("keep_dims");
        int[] d = x.shape().dimsView();
        int[] outDims = new int[d.length];
        int j = 0;
        for (int i = 0; i < d.length; i++) {
            if (!reduced[i]) outDims[j++] = d[i];
            else if (keep) outDims[j++] = 1;
        }
        Shape s = Shape.of(java.util.Arrays.copyOf(outDims, j));
        return new TensorSpec[] {new TensorSpec(x.dtype(), s), new TensorSpec(x.dtype(), s)};
    }

    private boolean[] reducedAxes(int[] axes, int rank) {
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            int k = a < 0 ? a + rank : a;
            if (k < 0 || k >= rank) {
                throw new InvalidArgumentError("Invalid reduction dimension (" + a + " for input with " + rank + " dimension(s)");
            }
            reduced[k] = true;
        }
        return reduced;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        double[] x = Reals.doubles(in[0]);
        if (!isMoments()) {
            double sum = 0;
            for (double v : x) sum += v * v;
            return new Tensor[] {Reals.fromDoubles(in[0].dtype(), Shape.scalar(), new double[] {sum / 2})};
        }
        int[] d = in[0].shape().dimsView();
        boolean[] reduced = reducedAxes(attrs.getInts("axes"), d.length);
        int outSize = out[0].shape().size();
        int[] target = Strides.reducedMap(d, reduced);
        double[] mean = new double[outSize], variance = new double[outSize];
        int[] count = new int[outSize];
        for (int i = 0; i < x.length; i++) {
            mean[target[i]] += x[i];
            count[target[i]]++;
        }
        for (int o = 0; o < outSize; o++) mean[o] /= count[o];
        for (int i = 0; i < x.length; i++) {
            double dev = x[i] - mean[target[i]];
            variance[target[i]] += dev * dev;
        }
        for (int o = 0; o < outSize; o++) variance[o] /= count[o];
        return new Tensor[] {Reals.fromDoubles(in[0].dtype(), out[0].shape(), mean), Reals.fromDoubles(in[0].dtype(), out[1].shape(), variance)};
    }
}
