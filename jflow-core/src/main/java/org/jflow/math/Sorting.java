package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
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
 * Sorting ops: TF's {@code TopKV2} (attributes {@code k}, {@code sorted}; outputs values and int32
 * indices, largest first, lower index first on ties) and {@code tf.sort} / {@code tf.argsort}
 * (attributes {@code axis}, {@code direction}), which TF's Python layer builds from top_k and
 * transposes and which are single ops here ({@code Sort}, {@code ArgSort}; both stable).
 */
public final class Sorting extends Op {
    private enum Kind { TOP_K, SORT, ARG_SORT }

    public static final Sorting TOP_K = new Sorting("TopKV2", Kind.TOP_K).withGradient(Sorting::topKGradient);
    public static final Sorting SORT = new Sorting("Sort", Kind.SORT).withGradient(Sorting::sortGradient)
            .withDecomposition((in, attrs) -> new Tensor[] {sortInTfOps(in[0], attrs, false)});
    public static final Sorting ARG_SORT = new Sorting("ArgSort", Kind.ARG_SORT).notDifferentiable()
            .withDecomposition((in, attrs) -> new Tensor[] {sortInTfOps(in[0], attrs, true)});

    /**
     * TF's sort_ops: a descending sort is {@code TopKV2} with k the axis' length, the axis swapped to the
     * end and back; an ascending one sorts a reversed order (unsigned {@code max - x}, signed {@code ~x},
     * written {@code -1 - x}, floats {@code -x}) and reverses the values back.
     */
    private static Tensor sortInTfOps(Tensor x, Attrs attrs, boolean indices) {
        int r = x.rank(), axis = axis(x.shape(), attrs);
        boolean ascending = !attrs.getString("direction").equals("DESCENDING");
        DType t = x.dtype();
        Tensor flip = t == DType.UINT8 ? Raw.scalar(t, 255L) : t.isInteger() ? Raw.scalar(t, -1L) : null;
        Tensor keys = !ascending ? x : flip != null ? RawMath.sub(flip, x) : RawMath.neg(x);
        int[] swap = new int[r];
        for (int i = 0; i < r; i++) swap[i] = i == axis ? r - 1 : i == r - 1 ? axis : i;
        boolean last = axis == r - 1;
        Tensor input = last ? keys : RawArray.transpose(keys, swap);
        Tensor[] top = org.jflow.engine.Dispatcher.execute(TOP_K, topKAttrs(x.shape().get(axis), true), input);
        Tensor out = last ? top[indices ? 1 : 0] : RawArray.transpose(top[indices ? 1 : 0], swap);
        if (indices || !ascending) return out;
        return flip != null ? RawMath.sub(flip, out) : RawMath.neg(out);
    }

    private final Kind kind;

    private Sorting(String name, Kind kind) {
        super(name, switch (kind) {
            case TOP_K -> Signature.of("input -> values, indices", "k: int", "sorted: bool = true");
            default -> Signature.of("values -> output", "axis: int = -1",
                    "direction: {'ASCENDING', 'DESCENDING'} = 'ASCENDING'");
        });
        this.kind = kind;
    }

    /** Each value's gradient goes back to the position it was taken from: one-hot rows of the indices, weighted by dy. */
    private static Tensor scattered(Tensor indices, Tensor dy, int n) {
        Tensor positions = RawArray.oneHot(indices, Raw.scalar(dy.dtype(), 1), Raw.scalar(dy.dtype(), 0), n, -1);
        return RawMath.sum(RawMath.mul(positions, RawArray.expandDims(dy, -1)), new int[] {-2}, false);
    }

    private static Tensor[] topKGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x();
        int n = x.shape().get(-1);
        if (n != Shape.UNKNOWN) return new Tensor[] {scattered(g.outputs()[1], dy[0], n)};
        // TF's _TopKGrad where the last dim is known only when the graph runs: each row's indices offset by the row's
        // start in the flattened input, dy summed into Size(x) segments and reshaped to Shape(x)
        int lead = x.rank() - 1;
        Tensor indices = Grads.flattenLeading(lead == 0 ? RawArray.expandDims(g.outputs()[1], 0) : g.outputs()[1], Math.max(lead, 1));
        Tensor rows = RawMath.cumsum(RawArray.onesLike(indices), 0, true, false);
        Tensor ids = RawMath.addV2(indices, RawMath.mul(rows, Grads.dim(x, lead)));
        Tensor flat = RawArray.reshape(dy[0], new int[] {-1});
        Tensor summed = RawMath.unsortedSegmentSum(flat, RawArray.reshape(ids, new int[] {-1}), RawArray.size(x, DType.INT32));
        return new Tensor[] {Grads.reshapeLike(summed, x)};
    }

    /** Sort: the sorting permutation (a stable argsort in the same direction) routes dy back. */
    private static Tensor[] sortGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x();
        int r = x.rank(), axis = axis(x.shape(), g.attrs());
        int[] toLast = new int[r];
        for (int i = 0, k = 0; i < r; i++) if (i != axis) toLast[k++] = i;
        toLast[r - 1] = axis;
        Tensor argsort = RawMath.argSort(x, axis, g.attrs().getString("direction"));
        Tensor order = RawArray.transpose(argsort, toLast);
        Tensor dx = scattered(order, RawArray.transpose(dy[0], toLast), x.shape().get(axis));
        return new Tensor[] {RawArray.transpose(dx, Grads.inverse(toLast))};
    }

    public static Attrs topKAttrs(int k, boolean sorted) { return Attrs.of("k", k, "sorted", sorted); }

    public static Attrs sortAttrs(int axis, String direction) {
        if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
            throw new ValueError("Argument `direction` should be one of ASCENDING, DESCENDING. Received: direction=" + direction);
        }
        return Attrs.of("axis", axis, "direction", direction);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        if (!t.isNumeric()) {
            throw new InvalidArgumentError("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values").withOp("TopKV2");
        }
        Shape s = in[0].shape();
        if (kind != Kind.TOP_K) {
            if (s.hasRank()) axis(s, attrs);
            return new TensorSpec[] {new TensorSpec(kind == Kind.SORT ? t : DType.INT32, s)};
        }
        int k = attrs.getInt("k");
        if (k < 0) throw new InvalidArgumentError("Need k >= 0, got " + k).withOp("TopKV2");
        if (!s.hasRank()) return new TensorSpec[] {new TensorSpec(t, Shape.unknownRank()), new TensorSpec(DType.INT32, Shape.unknownRank())};
        if (s.rank() < 1) throw new InvalidArgumentError("input must be >= 1-D, got shape " + s.toErrorString()).withOp("TopKV2");
        int cols = s.get(-1);
        if (cols != Shape.UNKNOWN && cols < k) {
            throw new InvalidArgumentError("input must have at least k columns. Had " + cols + ", needed " + k).withOp("TopKV2");
        }
        int[] d = s.dims();
        d[d.length - 1] = k;
        Shape out = Shape.ofOwned(d);
        return new TensorSpec[] {new TensorSpec(t, out), new TensorSpec(DType.INT32, out)};
    }

    /** The non-negative sort axis; TF fails reading the axis' size from the shape when it is out of range. */
    private static int axis(Shape s, Attrs attrs) {
        int rank = s.rank(), a = attrs.getInt("axis");
        if (a < -rank || a >= rank) {
            throw new InvalidArgumentError("slice index " + a + " of dimension 0 out of bounds.").withOp("StridedSlice");
        }
        return a < 0 ? a + rank : a;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        AxisLayout l = AxisLayout.around(x.shape(), kind == Kind.TOP_K ? x.rank() - 1 : axis(x.shape(), attrs));
        int keep = kind == Kind.TOP_K ? attrs.getInt("k") : l.n();
        boolean descending = kind == Kind.TOP_K || "DESCENDING".equals(attrs.getString("direction"));
        // Output element (o, j, i) takes input element (o, order[j], i).
        AxisLayout outLayout = new AxisLayout(l.outer(), keep, l.inner());
        int[] positions = new int[outLayout.size()], source = new int[outLayout.size()];
        if (keep > 0) {
            Object widened = RowOrder.widen(x);
            int[] scratch = new int[l.n()], order = new int[l.n()];
            boolean sorted = kind != Kind.TOP_K || attrs.getBool("sorted");
            // Eigen's AVX packets: 4 doubles, 8 of float, half and bfloat16 (TF's x86 wheels are built for AVX)
            int packet = x.dtype() == DType.FLOAT64 ? 4 : 8;
            for (int o = 0; o < l.outer(); o++) {
                for (int i = 0; i < l.inner(); i++) {
                    if (kind == Kind.TOP_K) RowOrder.topK(widened, l, o, i, keep, sorted, packet, scratch, order);
                    else RowOrder.order(widened, l, o, i, descending, scratch, order);
                    for (int j = 0; j < keep; j++) {
                        positions[outLayout.at(o, j, i)] = order[j];
                        source[outLayout.at(o, j, i)] = l.at(o, order[j], i);
                    }
                }
            }
        }
        Tensor indices = Tensor.wrap(DType.INT32, out[out.length - 1].shape(), positions);
        if (kind == Kind.ARG_SORT) return new Tensor[] {indices};
        Tensor values = Tensor.wrap(x.dtype(), out[0].shape(), Strides.gather(x.data(), source));
        return kind == Kind.SORT ? new Tensor[] {values} : new Tensor[] {values, indices};
    }
}
