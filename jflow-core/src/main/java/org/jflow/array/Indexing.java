package org.jflow.array;

import org.jflow.DType;
import org.jflow.Index;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

/** Python's {@code t[...]} and {@code v[...].assign(x)}: an index spec becomes StridedSlice's attrs. */
public final class Indexing {
    private Indexing() {}

    /** The attrs TF's {@code _slice_helper} builds for {@code spec}. */
    public static Attrs stridedSliceAttrs(Index... spec) {
        int n = spec.length;
        int[] begin = new int[n], end = new int[n], strides = new int[n];
        int beginMask = 0, endMask = 0, ellipsisMask = 0, newAxisMask = 0, shrinkMask = 0;
        for (int i = 0; i < n; i++) {
            Index x = spec[i];
            strides[i] = 1;
            switch (x.kind()) {
                case POINT -> {
                    if (x.position() != null) {
                        throw new org.jflow.errors.UnimplementedError("A symbolic tensor index is supported when reading "
                                + "(t[i]), not in a sliced assignment");
                    }
                    begin[i] = x.start();
                    end[i] = x.start() + 1;
                    shrinkMask |= 1 << i;
                }
                case RANGE -> {
                    if (x.start() == null) beginMask |= 1 << i;
                    else begin[i] = x.start();
                    if (x.stop() == null) endMask |= 1 << i;
                    else end[i] = x.stop();
                    if (x.step() != null) strides[i] = x.step();
                }
                case ELLIPSIS -> {
                    if (ellipsisMask != 0) throw new org.jflow.errors.ValueError("An index can only have a single ellipsis ('...')");
                    ellipsisMask |= 1 << i;
                }
                case NEW_AXIS -> newAxisMask |= 1 << i;
            }
        }
        return Attrs.of("begin", begin, "end", end, "strides", strides, "begin_mask", beginMask, "end_mask", endMask,
                "ellipsis_mask", ellipsisMask, "new_axis_mask", newAxisMask, "shrink_axis_mask", shrinkMask);
    }

    public static Tensor get(Tensor t, Index... spec) {
        for (Index x : spec) if (x.position() != null) return withSymbolicPoints(t, spec);
        return Dispatcher.execute1(ArrayOps.STRIDED_SLICE, stridedSliceAttrs(spec), t);
    }

    /**
     * {@code t[spec]} where some points are symbolic scalar tensors: the static entries slice first
     * (each symbolic point kept as {@code :}), then each symbolic point gathers along its axis, last
     * first; a negative position counts from the end as in a strided slice.
     */
    private static Tensor withSymbolicPoints(Tensor t, Index... spec) {
        Index[] kept = spec.clone();
        int[] axis = new int[spec.length];
        int at = 0, ellipsisDims = t.rank();
        for (Index x : spec) if (x.kind() == Index.Kind.POINT || x.kind() == Index.Kind.RANGE) ellipsisDims--;
        for (int i = 0; i < spec.length; i++) {
            axis[i] = at;
            switch (spec[i].kind()) {
                case POINT -> {
                    if (spec[i].position() != null) {
                        kept[i] = Index.all();
                        at++;
                    }
                }
                case RANGE, NEW_AXIS -> at++;
                case ELLIPSIS -> at += Math.max(0, ellipsisDims);
            }
        }
        Tensor r = get(t, kept);
        for (int i = spec.length - 1; i >= 0; i--) {
            Tensor p = spec[i].position();
            if (p == null) continue;
            Tensor axisIndex = Raw.scalar(DType.INT32, (long) axis[i]);
            Tensor dim = RawArray.gatherV2(RawArray.shape(r, DType.INT32), axisIndex, 0, 0);
            if (p.dtype() != DType.INT32) dim = RawMath.cast(dim, p.dtype());
            Tensor wrapped = RawArray.selectV2(RawMath.less(p, Raw.scalarLike(p, 0)), RawMath.addV2(p, dim), p);
            r = RawArray.gatherV2(r, wrapped, axis[i], 0);
        }
        return r;
    }

    /** {@code t} with the slice {@code spec} replaced by {@code value} broadcast to the slice's shape. */
    public static Tensor update(Tensor t, Tensor value, Index... spec) {
        return Dispatcher.execute1(ArrayOps.TENSOR_STRIDED_SLICE_UPDATE, stridedSliceAttrs(spec), t, value);
    }
}
