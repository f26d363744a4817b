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
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;


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
        Tensor norm = RawMath.sqrt(RawMath.sum(RawMath.square(t), axes, true));
        Tensor clipped = RawMath.greater(norm, c);
        Tensor dot = RawMath.sum(RawMath.mul(dy, t), axes, true);
        Tensor dt = null, dc = null;
        if (g.needs(0)) {
            Tensor scaled = RawMath.realDiv(RawMath.mul(dy, c), RawMath.maximum(norm, c));
            Tensor cubed = RawMath.mul(norm, RawMath.square(norm));
            Tensor normPart = RawMath.realDiv(RawMath.mul(t, RawMath.mul(c, dot)), cubed);
            dt = RawMath.sub(scaled, RawArray.selectV2(clipped, normPart, Raw.scalarLike(normPart, 0)));
        }
        if (g.needs(1)) {
            Tensor share = RawMath.realDiv(dot, norm);
            dc = Grads.sumToShape(RawArray.selectV2(clipped, share, Raw.scalarLike(share, 0)), c);
        }
        return new Tensor[] {dt, dc};
    }

    /**
     * TF's clip_by_norm: {@code l2sum = sum(t^2)}, the norm {@code sqrt(l2sum)} where l2sum > 0 (0
     * elsewhere, keeping the gradient finite), then {@code t * clip_norm / max(norm, clip_norm)}.
     */
    private static Tensor[] inTfOps(Tensor[] in, Attrs attrs) {
        Tensor t = in[0], c = in[1];
        Tensor l2sum = RawMath.sum(RawMath.mul(t, t), attrs.has(AXES) ? attrs.getInts(AXES) : null, true);
        Tensor positive = RawMath.greater(l2sum, RawArray.zerosLike(l2sum));
        Tensor safe = RawArray.selectV2(positive, l2sum, RawArray.onesLike(l2sum));
        Tensor norm = RawArray.selectV2(positive, RawMath.sqrt(safe), l2sum);
        return new Tensor[] {RawMath.realDiv(RawMath.mul(t, c), RawMath.maximum(norm, c))};
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
