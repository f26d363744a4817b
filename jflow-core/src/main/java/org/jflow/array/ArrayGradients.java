package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.Arrays;
import java.util.List;


/** The gradients of the array ops too long for one line of {@link ArrayOps} (TF's array_grad.py). */
final class ArrayGradients {
    private ArrayGradients() {}

    static Tensor reshapeBack(GradientContext g, Tensor dy) { return Grads.reshapeLike(dy, g.x()); }

    /**
     * ConcatV2: dy split back into pieces of the inputs' sizes along the axis (one size may be
     * unknown: SplitV's -1). Where more are unknown (a concat of traced batches), as TF's
     * {@code _ConcatGradHelper} with run-time offsets: each piece gathered from dy at the
     * positions {@code offset .. offset + Shape(x)[axis]}, the offset the sizes before it.
     */
    static Tensor[] concat(GradientContext g, Tensor[] dy) {
        Tensor[] in = g.inputs();
        int axis = normalized(g.attrs().getInt("axis"), in[0].rank());
        int[] sizes = new int[in.length];
        int unknown = 0;
        for (int i = 0; i < in.length; i++) if ((sizes[i] = in[i].shape().get(axis)) == Shape.UNKNOWN) unknown++;
        if (unknown <= 1) return RawArray.splitV(dy[0], sizes, axis);
        Tensor[] pieces = new Tensor[in.length];
        Tensor offset = Raw.scalar(DType.INT32, 0);
        for (int i = 0; i < in.length; i++) {
            Tensor size = Grads.dim(in[i], axis);
            Tensor ones = RawArray.broadcastTo(Raw.scalar(DType.INT32, 1), RawArray.reshape(size, new int[] {1}));
            Tensor positions = RawMath.addV2(RawMath.cumsum(ones, 0, true, false), offset);
            pieces[i] = RawArray.gatherV2(dy[0], positions, axis, 0);
            offset = RawMath.addV2(offset, size);
        }
        return pieces;
    }

    /** Unpack, Split, SplitV: the outputs' gradients joined again. */
    static Tensor[] join(GradientContext g, Tensor[] dy, boolean stack) {
        int axis = g.attrs().getInt("axis", 0);
        List<Tensor> parts = Arrays.asList(dy);
        return new Tensor[] {stack ? RawArray.pack(parts, axis) : RawArray.concatV2(parts, axis)};
    }

    /** Tile: dy viewed as [m0, d0, m1, d1, ...] and summed over the multiples. */
    static Tensor tile(GradientContext g, Tensor dy) {
        int[] m = g.attrs().getInts("multiples"), d = g.x().shape().dimsView();
        int[] split = new int[2 * d.length], evens = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            split[2 * i] = m[i];
            split[2 * i + 1] = d[i];
            evens[i] = 2 * i;
        }
        return RawArray.reshape(RawMath.sum(RawArray.reshape(dy, split), evens, false), d);
    }

    /** Slice: dy padded with zeros back to the input's shape. */
    static Tensor slice(GradientContext g, Tensor dy) {
        int[] begin = g.attrs().getInts("begin"), d = g.x().shape().dimsView(), s = dy.shape().dimsView();
        if (!g.x().shape().isFullyDefined()) { // TF pads by Shape(x) - begin - Shape(dy): here dy written into zeros of Shape(x)
            int[] size = g.attrs().getInts("size"), end = new int[d.length], strides = new int[d.length];
            int endMask = 0;
            for (int i = 0; i < d.length; i++) {
                strides[i] = 1;
                if (size[i] == -1) endMask |= 1 << i;
                else end[i] = begin[i] + size[i];
            }
            return RawArray.tensorStridedSliceUpdate(RawArray.zerosLike(g.x()), dy, begin, end, strides, 0, endMask, 0, 0, 0);
        }
        int[] paddings = new int[2 * d.length];
        for (int i = 0; i < d.length; i++) {
            paddings[2 * i] = begin[i];
            paddings[2 * i + 1] = d[i] - begin[i] - s[i];
        }
        return RawArray.pad(dy, paddings);
    }

    /**
     * Pad and PadV2: the unpadded middle of dy; the constant gets no gradient, as in TF. The middle
     * is dy from each dim's padding before to its padding after counted from the end (a strided
     * slice), so it needs no static size where the input's dims are unknown (a traced batch).
     */
    static Tensor[] pad(GradientContext g, Tensor[] dy) {
        int[] p = g.attrs().getInts("paddings");
        int rank = p.length / 2, endMask = 0;
        int[] begin = new int[rank], end = new int[rank], strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            begin[i] = p[2 * i];
            end[i] = -p[2 * i + 1];
            strides[i] = 1;
            if (p[2 * i + 1] == 0) endMask |= 1 << i;
        }
        Tensor[] dx = new Tensor[g.inputs().length];
        dx[0] = Dispatcher.execute1(ArrayOps.STRIDED_SLICE, Attrs.of("begin", begin, "end", end, "strides", strides,
                "end_mask", endMask), dy[0]);
        return dx;
    }

    /** StridedSlice: dy written into zeros of the input's shape at the sliced positions. */
    static Tensor stridedSlice(GradientContext g, Tensor dy) {
        return Dispatcher.execute1(ArrayOps.TENSOR_STRIDED_SLICE_UPDATE, g.attrs(), RawArray.zerosLike(g.x()), dy);
    }

    /** TensorStridedSliceUpdate: dy with the overwritten slice zeroed; the value gets that slice, summed to its shape. */
    static Tensor[] stridedSliceUpdate(GradientContext g, Tensor[] dy) {
        Tensor zero = Raw.scalar(dy[0].dtype(), 0);
        Tensor dt = g.needs(0) ? Dispatcher.execute1(ArrayOps.TENSOR_STRIDED_SLICE_UPDATE, g.attrs(), dy[0], zero) : null;
        Tensor dv = g.needs(1) ? Grads.sumToShape(Dispatcher.execute1(ArrayOps.STRIDED_SLICE, g.attrs(), dy[0]), g.y()) : null;
        return new Tensor[] {dt, dv};
    }

    /**
     * GatherV2, as TF's {@code _GatherV2Grad}: on axis 0 the IndexedSlices of dy's rows at the
     * gathered indices (see {@link Grads#gatherSlices}); on other axes, or with batch dimensions,
     * dy's slices summed densely into the slices they were gathered from.
     */
    static TensorLike[] gather(GradientContext g, Tensor[] dy) {
        Tensor params = g.x(), indices = g.y();
        int axis = normalized(g.attrs().getInt("axis", 0), params.rank());
        int batchDims = normalized(g.attrs().getInt("batch_dims", 0), indices.rank());
        TensorLike dx = batchDims > 0 ? batchUngather(dy[0], indices, axis, batchDims, params)
                : axis == 0 && params.shape().isFullyDefined() ? Grads.gatherSlices(dy[0], indices, params.shape())
                : ungather(dy[0], indices, axis, params);
        return new TensorLike[] {dx, null};
    }

    /**
     * The adjoint of a gather with {@code batchDims} leading batch dimensions: batch b's indices
     * pick from batch b's slices only, so with the batch dimensions merged into the gathered one
     * (index {@code i} of batch b becomes {@code b * params[axis] + i}) it is a plain ungather on
     * axis 0. dy {@code [batch.., before.., indices.., after..]} is brought to that order first,
     * {@code [batch.., indices.., before.., after..]}, and the sums back to the params' order.
     * Sizes are the static ones where known, else read when the graph runs (a traced batch).
     */
    private static Tensor batchUngather(Tensor dy, Tensor indices, int axis, int batchDims, Tensor params) {
        int pr = params.rank(), ir = indices.rank(), before = axis - batchDims, gathered = ir - batchDims;
        int[] perm = new int[dy.rank()];
        int n = 0;
        for (int i = 0; i < batchDims; i++) perm[n++] = i;
        for (int i = 0; i < gathered; i++) perm[n++] = axis + i;
        for (int i = 0; i < before; i++) perm[n++] = batchDims + i;
        for (int i = axis + gathered; i < dy.rank(); i++) perm[n++] = i;
        Tensor values = Grads.flattenLeading(RawArray.transpose(dy, perm), ir);
        // [batch, picks..] ids, each offset by its batch's first row: b counted by an exclusive cumsum of ones
        Tensor byBatch = Grads.flattenLeading(gathered == 0 ? RawArray.expandDims(indices, -1) : indices, batchDims);
        Tensor rows = Raw.castTo(Grads.dim(params, axis), indices.dtype());
        Tensor batchOf = RawMath.cumsum(RawArray.onesLike(byBatch), 0, true, false);
        Tensor ids = RawArray.reshape(RawMath.addV2(byBatch, RawMath.mul(batchOf, rows)), new int[] {-1});
        Tensor segments = RawMath.mul(Grads.dim(byBatch, 0), Grads.dim(params, axis));
        int batch = byBatch.shape().get(0), size = params.shape().get(axis);
        Tensor summed = batch != Shape.UNKNOWN && size != Shape.UNKNOWN ? RawMath.unsortedSegmentSum(values, ids, batch * size)
                : RawMath.unsortedSegmentSum(values, ids, segments);
        // [batch * A, before.., after..] -> [batch.., A, before.., after..] -> params' order
        int[] order = new int[pr];
        for (int i = 0; i < batchDims; i++) order[i] = i;
        order[batchDims] = axis;
        for (int i = batchDims, k = batchDims + 1; i < pr; i++) if (i != axis) order[k++] = i;
        int[] back = new int[pr];
        for (int i = 0; i < pr; i++) back[i] = i < batchDims || i > axis ? i : i == axis ? batchDims : i + 1;
        int[] unmerged = new int[pr];
        int unknown = 0;
        for (int i = 0; i < pr; i++) if ((unmerged[i] = params.shape().get(order[i])) == Shape.UNKNOWN) unknown++;
        Tensor shaped = unknown <= 1 ? RawArray.reshape(summed, unmerged)
                : RawArray.reshape(summed, RawArray.gatherV2(RawArray.shape(params, DType.INT32), Raw.ints(order), 0, 0));
        return RawArray.transpose(shaped, back);
    }

    /**
     * The adjoint of gathering {@code indices} along {@code axis} from {@code params}: each slice
     * of dy added into the slice it came from (TF's {@code UnsortedSegmentSum} of dy's slices
     * brought to the front). Dims unknown while tracing (a traced batch) are read when the graph
     * runs: the segment count from {@code Shape(params)}.
     */
    private static Tensor ungather(Tensor dy, Tensor indices, int axis, Tensor params) {
        int pr = params.rank(), ir = indices.rank(), outRank = dy.rank();
        int[] toFront = new int[outRank];
        int n = 0;
        for (int i = 0; i < ir; i++) toFront[n++] = axis + i;
        for (int i = 0; i < axis; i++) toFront[n++] = i;
        for (int i = axis + ir; i < outRank; i++) toFront[n++] = i;
        Tensor values = Grads.flattenLeading(RawArray.transpose(dy, toFront), ir);
        Tensor flat = RawArray.reshape(indices, new int[] {-1});
        int rows = params.shape().get(axis);
        Tensor summed = rows != Shape.UNKNOWN ? RawMath.unsortedSegmentSum(values, flat, rows)
                : RawMath.unsortedSegmentSum(values, flat, Grads.dim(params, axis));
        int[] back = new int[pr];
        for (int i = 0; i < pr; i++) back[i] = i < axis ? i + 1 : i == axis ? 0 : i;
        return RawArray.transpose(summed, back);
    }

    /**
     * MirrorPad, as TF's {@code MirrorPadGrad}: along each padded axis the middle of dy, with the
     * padding before added back reversed onto the positions it mirrored, then the padding after.
     * Slices with ends counted from the end need no size, so a traced batch dim may be unknown.
     */
    static Tensor[] mirrorPad(GradientContext g, Tensor[] dy) {
        int[] p = g.attrs().getInts("paddings");
        int o = g.attrs().getString("mode").equalsIgnoreCase("REFLECT") ? 1 : 0; // REFLECT skips the edge, SYMMETRIC repeats it
        Tensor grad = dy[0];
        for (int axis = 0; axis < p.length / 2; axis++) {
            int before = p[2 * axis], after = p[2 * axis + 1];
            if (before == 0 && after == 0) continue;
            Tensor middle = onAxis(grad, axis, before, -after, null);
            if (before > 0) {
                Tensor mirrored = RawArray.reverseV2(onAxis(grad, axis, 0, before, null), new int[] {axis});
                middle = onAxis(middle, axis, o, o + before, mirrored);
            }
            if (after > 0) {
                Tensor mirrored = RawArray.reverseV2(onAxis(grad, axis, -after, 0, null), new int[] {axis});
                middle = onAxis(middle, axis, -(after + o), -o, mirrored);
            }
            grad = middle;
        }
        return new Tensor[] {grad};
    }

    /**
     * {@code t[..., begin:end, ...]} on {@code axis} (an end of 0 or past a negative begin: to the
     * end), or with {@code added} summed into that slice where it is given.
     */
    private static Tensor onAxis(Tensor t, int axis, int begin, int end, Tensor added) {
        int[] b = new int[axis + 1], e = new int[axis + 1], s = new int[axis + 1];
        Arrays.fill(s, 1);
        b[axis] = begin;
        e[axis] = end;
        int beginMask = (1 << axis) - 1, endMask = (1 << axis) - 1 | (end == 0 ? 1 << axis : 0);
        if (added == null) return RawArray.stridedSlice(t, b, e, s, beginMask, endMask, 0, 0, 0);
        Tensor sum = RawMath.addV2(RawArray.stridedSlice(t, b, e, s, beginMask, endMask, 0, 0, 0), added);
        return RawArray.tensorStridedSliceUpdate(t, sum, b, e, s, beginMask, endMask, 0, 0, 0);
    }

    /** GatherNd: dy scattered (added) back into zeros of the params' shape. */
    static Tensor[] gatherNd(GradientContext g, Tensor[] dy) {
        if (!g.x().shape().isFullyDefined()) { // TF scatters into Shape(params): here added into its zeros
            return new Tensor[] {RawArray.tensorScatterAdd(RawArray.zerosLike(g.x()), g.y(), dy[0]), null};
        }
        return new Tensor[] {RawArray.scatterNd(g.y(), dy[0], g.x().shape().dimsView()), null};
    }

    /** ScatterNd (indices, updates): each update gets dy at its index. */
    static Tensor[] scatterNd(GradientContext g, Tensor[] dy) {
        return new Tensor[] {null, RawArray.gatherNd(dy[0], g.x())};
    }

    /** TensorScatterUpdate and TensorScatterAdd (tensor, indices, updates). */
    static Tensor[] tensorScatter(GradientContext g, Tensor[] dy, boolean overwrites) {
        Tensor indices = g.input(1), updates = g.input(2);
        Tensor dt = !g.needs(0) ? null
                : overwrites ? RawArray.tensorScatterUpdate(dy[0], indices, RawArray.zerosLike(updates)) : dy[0];
        return new Tensor[] {dt, null, g.needs(2) ? RawArray.gatherNd(dy[0], indices) : null};
    }

    /** SelectV2: dy goes to x where the condition holds and to y elsewhere. */
    static Tensor[] select(GradientContext g, Tensor[] dy) {
        Tensor c = g.input(0), x = g.input(1), y = g.input(2);
        return new Tensor[] {null,
            g.needs(1) ? Grads.sumToShape(RawArray.selectV2(c, dy[0], Raw.scalarLike(dy[0], 0)), x) : null,
            g.needs(2) ? Grads.sumToShape(RawArray.selectV2(c, Raw.scalarLike(dy[0], 0), dy[0]), y) : null};
    }

    /** Transpose: dy transposed by the inverse permutation. */
    static Tensor transpose(GradientContext g, Tensor dy) {
        return RawArray.transpose(dy, Grads.inverse(g.attrs().getInts("perm")));
    }

    private static int normalized(int axis, int rank) { return axis < 0 ? axis + rank : axis; }

    static Attrs none() { return Attrs.EMPTY; }
}
