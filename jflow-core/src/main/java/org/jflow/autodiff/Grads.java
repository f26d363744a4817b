package org.jflow.autodiff;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.IndexedSlices;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Gradient;
import org.jflow.engine.GradientContext;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Building blocks for writing gradients in ops (never raw loops, so outer tapes record them). */
public final class Grads {
    private Grads() {}

    /**
     * {@code g} summed back to {@code like}'s shape, TF's {@code _ReduceGradientArgs}: over the
     * leading axes broadcasting added and the axes where {@code like} has 1 and {@code g} does not.
     * With both shapes known the axes are found while tracing; else, as TF's
     * {@code SmartBroadcastGradientArgs}, by {@code BroadcastGradientArgs(Shape(like), Shape(g))}
     * when the graph runs (an unknown dim may be 1 and broadcast, or not), summed without keeping
     * them and reshaped to {@code Shape(like)}.
     */
    public static Tensor sumToShape(Tensor g, Tensor like) {
        Shape shape = like.shape();
        if (!shape.isFullyDefined() || !g.shape().isFullyDefined()) {
            Tensor target = RawArray.shape(like, DType.INT32);
            Tensor axes = RawArray.broadcastGradientArgs(target, RawArray.shape(g, DType.INT32))[0];
            return RawArray.reshape(RawMath.sum(g, axes, false), target);
        }
        if (g.shape().equals(shape)) return g;
        int[] gd = g.shape().dimsView(), sd = shape.dimsView();
        int lead = gd.length - sd.length;
        int[] axes = new int[gd.length];
        int n = 0;
        for (int i = 0; i < gd.length; i++) {
            if (i < lead || (sd[i - lead] == 1 && gd[i] != 1)) axes[n++] = i;
        }
        Tensor summed = n == 0 ? g : RawMath.sum(g, Arrays.copyOf(axes, n), false);
        return summed.shape().equals(shape) ? summed : RawArray.reshape(summed, sd);
    }

    /**
     * TF's {@code math_ops.reduced_shape}: {@code x}'s shape as an int32 vector with the axes
     * {@code axes} (an int32/int64 tensor, negative ones from the end) set to 1, the shape a
     * reduction over axes known only when the graph runs keeps.
     */
    public static Tensor reducedShape(Tensor x, Tensor axes) {
        Tensor shape = RawArray.shape(x, DType.INT32);
        Tensor rank = RawArray.size(shape, DType.INT32);
        Tensor flat = RawArray.reshape(Raw.castTo(axes, DType.INT32), new int[] {-1});
        Tensor positive = RawMath.floorMod(RawMath.addV2(flat, rank), rank);
        return RawArray.tensorScatterUpdate(shape, RawArray.expandDims(positive, 1), RawArray.onesLike(flat));
    }

    /**
     * {@code g} reshaped to {@code like}'s shape: its static dims where known (a single unknown dim
     * as -1), else TF's {@code Reshape(g, Shape(like))}, so the gradient works for any batch size.
     */
    public static Tensor reshapeLike(Tensor g, Tensor like) {
        Shape s = like.shape();
        if (s.isFullyDefined()) return g.shape().equals(s) ? g : RawArray.reshape(g, s.dimsView());
        if (s.hasRank() && unknownDims(s) == 1 && Arrays.stream(s.dimsView()).noneMatch(d -> d == 0)) {
            return RawArray.reshape(g, s.dimsView());
        }
        return RawArray.reshape(g, RawArray.shape(like, DType.INT32));
    }

    /** Dim {@code axis} of {@code x} as an int32 scalar: its static size where known, else TF's {@code Shape(x)[axis]}. */
    public static Tensor dim(Tensor x, int axis) {
        int d = x.shape().get(axis);
        if (d != Shape.UNKNOWN) return Raw.scalar(DType.INT32, d);
        return RawArray.stridedSlice(RawArray.shape(x, DType.INT32), new int[] {axis}, new int[] {axis + 1}, new int[] {1},
                0, 0, 0, 0, 1);
    }

    /**
     * {@code t} with its first {@code n} dims flattened into one: a static reshape where at most
     * one of the result's dims is unknown, else {@code Reshape(t, concat([-1], Shape(t)[n:]))}.
     */
    public static Tensor flattenLeading(Tensor t, int n) {
        if (n == 1) return t;
        int[] d = t.shape().dimsView();
        int[] rows = new int[d.length - n + 1];
        long lead = 1;
        for (int i = 0; i < n; i++) lead = d[i] == Shape.UNKNOWN || lead == Shape.UNKNOWN ? Shape.UNKNOWN : lead * d[i];
        rows[0] = (int) lead;
        System.arraycopy(d, n, rows, 1, d.length - n);
        if (unknownDims(Shape.of(rows)) <= 1) return RawArray.reshape(t, rows);
        Tensor rest = RawArray.stridedSlice(RawArray.shape(t, DType.INT32), new int[] {n}, new int[] {0}, new int[] {1}, 0, 1, 0, 0, 0);
        return RawArray.reshape(t, RawArray.concatV2(List.of(Raw.ints(-1), rest), 0));
    }

    /** {@code g} broadcast to {@code like}'s shape: static where known, else TF's {@code BroadcastTo(g, Shape(x))}. */
    public static Tensor broadcastLike(Tensor g, Tensor like) {
        if (like.shape().isFullyDefined()) return RawArray.broadcastTo(g, like.shape().dimsView());
        return RawArray.broadcastTo(g, RawArray.shape(like, DType.INT32));
    }

    /**
     * TF's {@code _safe_shape_div(size(x), size(y))} in {@code dtype}: how many elements of {@code x}
     * each element of {@code y} stands for (a mean's divisor), computed when the graph runs where
     * the sizes are unknown while tracing.
     */
    public static Tensor sizeRatio(Tensor x, Tensor y, DType dtype) {
        if (x.shape().isFullyDefined() && y.shape().isFullyDefined()) {
            int out = y.size();
            return Raw.scalar(dtype, (long) (out == 0 ? 0 : x.size() / out));
        }
        Tensor ySize = RawMath.maximum(RawArray.size(y, DType.INT32), Raw.scalar(DType.INT32, 1L));
        return RawMath.cast(RawMath.floorDiv(RawArray.size(x, DType.INT32), ySize), dtype);
    }

    private static int unknownDims(Shape s) {
        int n = 0;
        for (int d : s.dimsView()) if (d == Shape.UNKNOWN) n++;
        return n;
    }

    /**
     * The gradients of a broadcasting binary op: each computed only when its input needs it,
     * then summed back to that input's shape.
     */
    public static Tensor[] binary(GradientContext g, Supplier<Tensor> dx, Supplier<Tensor> dy) {
        return new Tensor[] {
            g.needs(0) ? sumToShape(dx.get(), g.x()) : null,
            g.needs(1) ? sumToShape(dy.get(), g.y()) : null,
        };
    }

    /** The gradient of a one-input, one-output op: the input's gradient from the upstream one. */
    @FunctionalInterface
    public interface UnaryGradient {
        Tensor apply(GradientContext g, Tensor dy);
    }

    public static Gradient unary(UnaryGradient f) { return (g, dy) -> new Tensor[] {f.apply(g, dy[0])}; }

    /** A one-input gradient as the array a {@link org.jflow.engine.Gradient} returns. */
    public static Tensor[] one(Tensor dx) { return new Tensor[] {dx}; }

    /**
     * The shape a reduction of {@code in} over {@code axes} (null: all) has with {@code keep_dims}:
     * the reduced axes as 1.
     */
    public static int[] keptShape(Shape in, int[] axes) {
        int[] d = in.dims();
        if (axes == null) {
            java.util.Arrays.fill(d, 1);
            return d;
        }
        for (int a : axes) d[a < 0 ? a + d.length : a] = 1;
        return d;
    }

    /** A reduction's upstream gradient (or output) reshaped to keep the reduced axes as 1, so it broadcasts against the input. */
    public static Tensor kept(Tensor reduced, Shape in, int[] axes) {
        if (!in.isFullyDefined() && axes != null) { // unknown dims: the reduced axes back one by one, sizes dynamic
            if (reduced.rank() == in.rank()) return reduced;
            int[] sorted = axes.clone();
            for (int i = 0; i < sorted.length; i++) if (sorted[i] < 0) sorted[i] += in.rank();
            Arrays.sort(sorted);
            Tensor t = reduced;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) t = RawArray.expandDims(t, sorted[i]);
            }
            return t;
        }
        int[] k = keptShape(in, axes);
        return Arrays.equals(reduced.shape().dimsView(), k) ? reduced : RawArray.reshape(reduced, k);
    }

    /**
     * The gradient of an op that one kernel computes but that is a composition of other ops
     * ({@code forward}, applied to the op's inputs): the composition is run again under a tape and
     * differentiated. It costs one more forward pass; outer tapes record it, so it differentiates again.
     */
    public static Tensor[] composite(GradientContext g, Tensor[] dy, Function<Tensor[], Tensor[]> forward) {
        Tensor[] in = g.inputs();
        List<Tensor> sources = new ArrayList<>();
        for (int i = 0; i < in.length; i++) if (g.needs(i)) sources.add(in[i]);
        GradientTape tape = new GradientTape(o -> o.watchAccessedVariables(false));
        Tensor[] out;
        try (tape) {
            tape.watch(sources);
            out = forward.apply(in);
        }
        List<Tensor> grads = tape.gradient(Arrays.asList(out), sources, o -> o.outputGradients(Arrays.asList(dy)));
        Tensor[] result = new Tensor[in.length];
        for (int i = 0, k = 0; i < in.length; i++) if (g.needs(i)) result[i] = grads.get(k++);
        return result;
    }

    /**
     * The gradient of gathering rows {@code indices} (any shape, int32/int64) of a tensor shaped
     * {@code params} on axis 0, given the gather's upstream gradient {@code dy} (shaped
     * {@code indices.shape + params[1:]}): TF's IndexedSlices with values dy reshaped to
     * {@code [indices.size] + params[1:]} and the flattened indices. Embedding lookups use it too.
     */
    public static IndexedSlices gatherSlices(Tensor dy, Tensor indices, Shape params) {
        int[] rows = params.dims();
        rows[0] = indices.shape().isFullyDefined() ? indices.size() : -1; // a traced batch of ids: as many rows as it has
        Tensor values = rows[0] != -1 && Arrays.equals(dy.shape().dimsView(), rows) ? dy : RawArray.reshape(dy, rows);
        Tensor flat = indices.rank() == 1 ? indices : RawArray.reshape(indices, new int[] {-1});
        return new IndexedSlices(values, flat, params);
    }

    /** TF's {@code math_ops.conj}: the complex conjugate, a real tensor itself (no op). */
    public static Tensor conj(Tensor x) { return x.dtype().isComplex() ? RawMath.conj(x) : x; }

    /** The inverse of a permutation. */
    public static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
        return inv;
    }
}
