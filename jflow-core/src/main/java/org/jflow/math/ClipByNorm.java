package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;

import static org.jflow.TF.tf;

/**
 * {@code tf.clip_by_norm(t, clip_norm, axes)}: {@code t * clip_norm / max(l2norm, clip_norm)},
 * the norm taken over {@code axes} (attribute {@code axes}, absent for all). TF composes it in
 * Python from reduce_sum, sqrt and maximum; here it is one op with its own sum of squares, and
 * each step rounds to the dtype in TF's order (multiply first, then divide), so float32 results
 * match TF's bit for bit.
 */
public final class ClipByNorm extends Op {
    public static final ClipByNorm CLIP_BY_NORM = new ClipByNorm().withGradient(ClipByNorm::gradient)
            .withDecomposition(ClipByNorm::inTfOps);
    public static final String AXES = "axes";

    private ClipByNorm() { super("ClipByNorm", Signature.of("t, clip_norm -> output", "axes: list(int) = None")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType dtype = in[0].dtype();
        if (in[1].dtype() != dtype) {
            throw new InvalidArgumentError("cannot compute Mul as input #1(zero-based) was expected to be a " + dtype.kernelName()
                    + " tensor but is a " + in[1].dtype().kernelName() + " tensor").withOp("Mul");
        }
        if (!dtype.isFloating()) throw TypeList.COMPLEX.refusal(dtype, "Sqrt", "x:T -> y:T");
        if (in[1].shape().isFullyDefined() && in[1].size() != 1) {
            throw new ValueError("clip_norm must be a scalar, got shape " + in[1].shape());
        }
        reducedAxes(in[0].shape(), attrs);
        return new TensorSpec[] {new TensorSpec(dtype, in[0].shape())};
    }

    /**
     * With n the norm and m = max(n, c): the output is t c / m, so dt = dy c / m minus, where n > c,
     * t c sum(dy t) / n^3; dc = sum(dy t) / n where n > c, else 0.
     */
    private static Tensor[] gradient(GradientContext g, Tensor[] upstream) {
        Tensor t = g.x(), c = g.y(), dy = upstream[0];
        int[] axes = g.attrs().has(AXES) ? g.attrs().getInts(AXES) : null;
        Tensor norm = tf.sqrt(tf.reduceSum(tf.square(t), axes, true));
        Tensor clipped = tf.greater(norm, c);
        Tensor dot = tf.reduceSum(tf.multiply(dy, t), axes, true);
        Tensor dt = null, dc = null;
        if (g.needs(0)) {
            Tensor scaled = tf.divide(tf.multiply(dy, c), tf.maximum(norm, c));
            Tensor normPart = tf.divide(tf.multiply(t, tf.multiply(c, dot)), tf.multiply(norm, tf.square(norm)));
            dt = tf.subtract(scaled, tf.where(clipped, normPart, 0));
        }
        if (g.needs(1)) dc = Grads.sumToShape(tf.where(clipped, tf.divide(dot, norm), 0), c.shape());
        return new Tensor[] {dt, dc};
    }

    /**
     * TF's clip_by_norm: {@code l2sum = sum(t^2)}, the norm {@code sqrt(l2sum)} where l2sum > 0 (0
     * elsewhere, keeping the gradient finite), then {@code t * clip_norm / max(norm, clip_norm)}.
     */
    private static Tensor[] inTfOps(Tensor[] in, Attrs attrs) {
        Tensor t = in[0], c = in[1];
        Tensor l2sum = tf.reduceSum(tf.multiply(t, t), attrs.has(AXES) ? attrs.getInts(AXES) : null, true);
        Tensor positive = tf.greater(l2sum, tf.zerosLike(l2sum));
        Tensor safe = tf.where(positive, l2sum, tf.onesLike(l2sum));
        Tensor norm = tf.where(positive, tf.sqrt(safe), l2sum);
        return new Tensor[] {tf.divide(tf.multiply(t, c), tf.maximum(norm, c))};
    }

    private static boolean[] reducedAxes(Shape shape, Attrs attrs) {
        int r = shape.rank();
        boolean[] reduced = new boolean[r];
        int[] axes = attrs.has(AXES) ? attrs.getInts(AXES) : null;
        if (axes == null) java.util.Arrays.fill(reduced, true);
        else {
            for (int a : axes) {
                if (a < -r || a >= r) {
                    throw new InvalidArgumentError("Invalid reduction dimension (" + a + " for input with " + r + " dimension(s)").withOp("Sum");
                }
                reduced[a < 0 ? a + r : a] = true;
            }
        }
        return reduced;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor t = in[0];
        DType dtype = t.dtype();
        Shape shape = t.shape();
        int n = t.size();
        int[] group = Strides.reducedMap(shape.dimsView(), reducedAxes(shape, attrs));
        double[] sums = new double[n == 0 ? 0 : max(group) + 1];
        Object x = t.data();
        for (int k = 0; k < n; k++) {
            double v = Buffers.getDouble(x, dtype, k);
            sums[group[k]] += Buffers.roundTo(dtype, v * v);
        }
        double clip = in[1].getDouble(0);
        double[] denominator = new double[sums.length];
        for (int g = 0; g < sums.length; g++) {
            double l2sum = Buffers.roundTo(dtype, sums[g]);
            double l2norm = l2sum > 0 ? Buffers.roundTo(dtype, Math.sqrt(l2sum)) : l2sum;
            denominator[g] = Math.max(l2norm, clip);
        }
        Object o = Buffers.allocate(dtype, n);
        for (int k = 0; k < n; k++) {
            double scaled = Buffers.roundTo(dtype, Buffers.getDouble(x, dtype, k) * clip);
            Buffers.setDouble(o, dtype, k, Buffers.roundTo(dtype, scaled / denominator[group[k]]));
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, o)};
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) m = Math.max(m, v);
        return m;
    }
}
