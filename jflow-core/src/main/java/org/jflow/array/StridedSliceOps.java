package org.jflow.array;

import org.jflow.Shape;
import org.jflow.engine.Signature;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;

/**
 * {@code StridedSlice} (Python's {@code t[...]}) and {@code TensorStridedSliceUpdate} (the value
 * of {@code v[...].assign(x)}). Attrs {@code begin}, {@code end}, {@code strides} (int[]) and
 * TF's five bit masks.
 */
final class StridedSliceOps {
    private StridedSliceOps() {}

    /** The slice resolved against an input shape: per input dim a start, a step and a count. */
    record Geometry(int[] begin, int[] strides, int[] counts, Shape finalShape) {
        /** Copies between the slice of a buffer of {@code inDims} and a dense buffer. */
        void copy(int[] inDims, Object sliced, Object dense, boolean toDense) {
            int[] xs = Strides.rowMajor(inDims);
            int off = 0;
            int[] ss = new int[xs.length];
            for (int k = 0; k < xs.length; k++) {
                off += begin[k] * xs[k];
                ss[k] = strides[k] * xs[k];
            }
            int[] ds = Strides.rowMajor(counts);
            if (toDense) StridedCopy.copy(sliced, off, ss, dense, 0, ds, counts);
            else StridedCopy.copy(dense, 0, ds, sliced, off, ss, counts);
        }
    }

    /** TF's ValidateStridedSliceOp: expands the ellipsis, applies the masks, clamps, and names bad indices. */
    static Geometry geometry(ArrayOp op, Shape input, Attrs attrs) {
        int[] sb = attrs.getInts("begin"), se = attrs.getInts("end"), st = attrs.getInts("strides");
        int beginMask = attrs.getInt("begin_mask"), endMask = attrs.getInt("end_mask");
        int ellipsisMask = attrs.getInt("ellipsis_mask"), newAxisMask = attrs.getInt("new_axis_mask");
        int shrinkMask = attrs.getInt("shrink_axis_mask");
        if (sb.length != se.length || sb.length != st.length) {
            throw op.error("Expected begin, end, and strides to be 1D equal size tensors, but got shapes ["
                    + sb.length + "], [" + se.length + "], and [" + st.length + "] instead.");
        }
        if (Integer.bitCount(ellipsisMask) > 1) throw op.error("Multiple ellipses in slice spec not allowed");
        int[] dims = input.dimsView();
        int rank = dims.length;
        int sparse = sb.length;
        if (ellipsisMask == 0) { // an implicit ellipsis at the end
            ellipsisMask = 1 << sparse;
            sparse++;
        }
        int ellipsisAt = Integer.numberOfTrailingZeros(ellipsisMask);
        int newAxesAfterEllipsis = 0;
        for (int i = ellipsisAt + 1; i < sparse; i++) if ((newAxisMask >> i & 1) != 0) newAxesAfterEllipsis++;

        int[] begin = new int[rank], end = new int[rank], stride = new int[rank];
        boolean[] bm = new boolean[rank], em = new boolean[rank], shrink = new boolean[rank];
        int[] sparseOf = new int[rank]; // which sparse entry fills each dense dim (-1: the ellipsis)
        // final shape entries: a dense dim index, NEW_AXIS, or skipped when shrunk
        final int newAxis = -1;
        int[] gather = new int[rank + sparse];
        int g = 0, full = 0;
        for (int i = 0; i < sparse; i++) {
            if ((ellipsisMask >> i & 1) != 0) {
                int next = Math.min(rank - (sparse - i) + 1 + newAxesAfterEllipsis, rank);
                for (; full < next; full++) {
                    stride[full] = 1;
                    bm[full] = em[full] = true;
                    sparseOf[full] = -1;
                    gather[g++] = full;
                }
            } else if ((newAxisMask >> i & 1) != 0) {
                gather[g++] = newAxis;
            } else {
                if (rank == 0) throw op.error("Attempting to slice scalar input.");
                if (full == rank) {
                    throw op.error("Index out of range using input dim " + full + "; input has only " + rank + " dims");
                }
                begin[full] = sb[i];
                end[full] = se[i];
                stride[full] = st[i];
                bm[full] = (beginMask >> i & 1) != 0;
                em[full] = (endMask >> i & 1) != 0;
                sparseOf[full] = i;
                if ((shrinkMask >> i & 1) != 0) shrink[full] = true;
                else gather[g++] = full;
                full++;
            }
        }
        int[] counts = new int[rank];
        for (int k = 0; k < rank; k++) {
            int dim = dims[k], s = stride[k];
            if (s == 0) throw op.error("strides[" + sparseOf[k] + "] must be non-zero");
            if (dim == Shape.UNKNOWN) { // a partial shape while tracing: the size is known when the graph runs
                counts[k] = shrink[k] ? 1 : Shape.UNKNOWN;
                continue;
            }
            if (shrink[k]) {
                int b = begin[k] < 0 ? dim + begin[k] : begin[k];
                if (b < 0 || b >= dim) throw op.error("slice index " + begin[k] + " of dimension " + k + " out of bounds.");
                begin[k] = b;
                stride[k] = 1;
                counts[k] = 1;
                continue;
            }
            int lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
            int b = bm[k] ? (s > 0 ? lo : hi) : clamp(begin[k] < 0 ? dim + begin[k] : begin[k], lo, hi);
            int e = em[k] ? (s > 0 ? hi : lo) : clamp(end[k] < 0 ? dim + end[k] : end[k], lo, hi);
            int len = e - b;
            counts[k] = len == 0 || (len < 0) != (s < 0) ? 0 : len / s + (len % s != 0 ? 1 : 0);
            begin[k] = b;
        }
        int[] fin = new int[g];
        int n = 0;
        for (int i = 0; i < g; i++) fin[n++] = gather[i] == newAxis ? 1 : counts[gather[i]];
        return new Geometry(begin, stride, counts, Shape.ofOwned(java.util.Arrays.copyOf(fin, n)));
    }

    private static int clamp(int x, int lo, int hi) { return x < lo ? lo : Math.min(x, hi); }

    static final class StridedSlice extends ArrayOp {
        StridedSlice() { super("StridedSlice", signature("input -> output")); }

        /** TF's StridedSlice attributes, shared with TensorStridedSliceUpdate. */
        static Signature signature(String args) {
            return Signature.of(args, "begin: list(int)", "end: list(int)", "strides: list(int)", "begin_mask: int = 0",
                    "end_mask: int = 0", "ellipsis_mask: int = 0", "new_axis_mask: int = 0",
                    "shrink_axis_mask: int = 0");
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            return spec(in[0].dtype(), geometry(this, in[0].shape(), attrs).finalShape());
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Geometry geo = geometry(this, in[0].shape(), attrs);
            Tensor o = CopyOps.allocate(out[0]);
            geo.copy(in[0].shape().dimsView(), in[0].data(), o.data(), true);
            return one(o);
        }
    }

    /** Inputs: the tensor and the value, which broadcasts to the slice's shape. */
    static final class TensorStridedSliceUpdate extends ArrayOp {
        TensorStridedSliceUpdate() {
            super("TensorStridedSliceUpdate", StridedSlice.signature("input, value -> output"));
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Shape slice = geometry(this, in[0].shape(), attrs).finalShape();
            if (in[1].dtype() != in[0].dtype()) {
                throw error("cannot compute TensorStridedSliceUpdate as input #1(zero-based) was expected to be a "
                        + in[0].dtype().kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
            }
            checkValue(in[1].shape(), slice);
            return spec(in[0].dtype(), in[0].shape());
        }

        /**
         * The value broadcasts to the slice; a dim unknown while tracing (a traced batch, the
         * gradient of a slice of it) passes and is checked when the graph runs (where this shape
         * rule runs again on the actual shapes).
         */
        private void checkValue(Shape value, Shape slice) {
            boolean fits;
            if (value.isFullyDefined() && slice.isFullyDefined()) {
                fits = Broadcast.shape(value, slice, name()).equals(slice);
            } else {
                int[] v = value.dimsView(), d = slice.dimsView();
                fits = !value.hasRank() || !slice.hasRank() || v.length <= d.length;
                for (int k = 0; fits && value.hasRank() && slice.hasRank() && k < v.length; k++) {
                    int a = v[k], b = d[d.length - v.length + k];
                    fits = a == 1 || a == b || a == Shape.UNKNOWN || b == Shape.UNKNOWN;
                }
            }
            if (!fits) {
                throw error("Cannot broadcast input shape " + value.toErrorString() + " into sliced l-value shape " + slice.toErrorString());
            }
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Geometry geo = geometry(this, in[0].shape(), attrs);
            Tensor value = ArrayOps.BROADCAST_TO.compute(new Tensor[] {in[1]},
                    Attrs.of("shape", geo.finalShape().dimsView()), spec(in[1].dtype(), geo.finalShape()))[0];
            Object buf = org.jflow.engine.Buffers.copy(in[0].data());
            geo.copy(in[0].shape().dimsView(), buf, value.data(), false);
            return one(Tensor.wrap(in[0].dtype(), in[0].shape(), buf));
        }
    }
}
