package org.jflow.array;

import org.jflow.DType;
import org.jflow.engine.Signature;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Buffers;
import org.jflow.engine.Parallel;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.UnimplementedError;
import org.jflow.device.Devices;

import java.util.Arrays;
import java.util.Map;

/** Index-driven ops: GatherV2, GatherNd, ScatterNd, TensorScatterUpdate/Add, Where, SelectV2. */
final class GatherScatterOps {
    private GatherScatterOps() {}

    /** TF's SliceDebugString: the row-major multi-index of flat position {@code i} in {@code shape}, as {@code [1,2]}. */
    static String position(int[] shape, int i) {
        if (shape.length == 0) return "";
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = shape[k] == 0 ? 0 : i % shape[k];
            i = shape[k] == 0 ? 0 : i / shape[k];
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < idx.length; k++) sb.append(k > 0 ? "," : "").append(idx[k]);
        return sb.append(']').toString();
    }

    static long product(int[] d, int from, int to) {
        long p = 1;
        for (int k = from; k < to; k++) p *= d[k];
        return p;
    }

    /** {@code GatherV2}: inputs params, indices; attrs {@code axis}, {@code batch_dims}. */
    static final class GatherV2 extends ArrayOp {
        GatherV2() {
            super("GatherV2", Signature.of("params, indices -> output", "axis: int = 0", "batch_dims: int = 0"));
        }

        private int[] axes(Tensor[] in, Attrs attrs) {
            int pr = in[0].rank(), ir = in[1].rank();
            int bd = attrs.getInt("batch_dims");
            if (bd < 0) bd += ir;
            if (bd < 0 || bd > ir) throw error("Expected batch_dims in the range [" + -ir + ", " + ir + "], but got " + attrs.getInt("batch_dims"));
            int axis = attrs.getInt("axis");
            if (axis < -pr || axis >= pr) throw error("Expected axis in the range [" + -pr + ", " + pr + "), but got " + axis);
            if (axis < 0) axis += pr;
            if (bd > axis) throw error("batch_dims (" + bd + ") must be less than or equal to axis (" + axis + ").");
            for (int k = 0; k < bd; k++) {
                if (!Shape.compatibleDims(in[0].shape().get(k), in[1].shape().get(k))) { // an unknown dim is checked when the graph runs
                    throw error("params.shape[" + k + "]: " + in[0].shape().get(k) + " should be equal to indices.shape[" + k + "]: " + in[1].shape().get(k));
                }
            }
            return new int[] {axis, bd};
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireIndexType(in[1]);
            int[] ab = axes(in, attrs);
            int[] p = in[0].shape().dimsView(), id = in[1].shape().dimsView();
            int axis = ab[0], bd = ab[1];
            int[] o = new int[axis + (id.length - bd) + (p.length - axis - 1)];
            int n = 0;
            for (int k = 0; k < axis; k++) o[n++] = k < bd && p[k] == Shape.UNKNOWN ? id[k] : p[k]; // a batch dim either knows
            for (int k = bd; k < id.length; k++) o[n++] = id[k];
            for (int k = axis + 1; k < p.length; k++) o[n++] = p[k];
            return spec(in[0].dtype(), Shape.ofOwned(o));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] ab = axes(in, attrs);
            int axis = ab[0], bd = ab[1];
            int[] p = in[0].shape().dimsView(), id = in[1].shape().dimsView();
            int batches = (int) product(p, 0, bd), outer = (int) product(p, bd, axis), limit = p[axis];
            int inner = (int) product(p, axis + 1, p.length), per = (int) product(id, bd, id.length);
            int[] idx = in[1].toIntArray();
            for (int i = 0; i < idx.length; i++) {
                long v = in[1].getLong(i);
                if (v < 0 || v >= limit) throw error("indices" + position(id, i) + " = " + v + " is not in [0, " + limit + ")");
            }
            Tensor o = CopyOps.allocate(out[0]);
            Object src = in[0].data(), dst = o.data();
            Parallel.forRange(batches * outer, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, per * inner)), (from, to) -> {
                for (int bo = from; bo < to; bo++) {
                    int b = bo / outer;
                    int srcBase = bo * limit * inner, dstBase = bo * per * inner;
                    if (inner == 1) {
                        StridedCopy.pick(src, srcBase, idx, b * per, dst, dstBase, per);
                    } else {
                        for (int j = 0; j < per; j++) {
                            System.arraycopy(src, srcBase + idx[b * per + j] * inner, dst, dstBase + j * inner, inner);
                        }
                    }
                }
            });
            return one(o);
        }
    }

    /** Flat element offsets of the slices that {@code indices} (last dim K) addresses in {@code shape}; TF's error for a bad one. */
    static int[] sliceOffsets(ArrayOp op, Tensor indices, int[] shape, String what) {
        int[] id = indices.shape().dimsView();
        int k = id[id.length - 1];
        int n = (int) product(id, 0, id.length - 1);
        int slice = (int) product(shape, k, shape.length);
        int[] strides = Strides.rowMajor(Arrays.copyOf(shape, k));
        int[] off = new int[n];
        for (int i = 0; i < n; i++) {
            long flat = 0;
            boolean bad = false;
            for (int j = 0; j < k; j++) {
                long v = indices.getLong(i * k + j);
                bad |= v < 0 || v >= shape[j];
                flat += v * strides[j];
            }
            if (bad) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < k; j++) sb.append(j > 0 ? ", " : "").append(indices.getLong(i * k + j));
                throw op.error("indices" + position(Arrays.copyOf(id, id.length - 1), i) + " = [" + sb
                        + "] does not index into " + what + " " + Shape.of(shape).toErrorString());
            }
            off[i] = (int) flat * slice;
        }
        return off;
    }

    /** {@code GatherNd}: inputs params, indices (last dim K); each index row picks a slice of params. */
    static final class GatherNd extends ArrayOp {
        GatherNd() { super("GatherNd", Signature.of("params, indices -> output")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            requireIndexType(in[1]);
            int[] p = in[0].shape().dimsView(), id = in[1].shape().dimsView();
            if (id.length == 0) throw error("indices must be at least a vector, got shape " + in[1].shape().toErrorString());
            int k = id[id.length - 1];
            if (k == Shape.UNKNOWN) return spec(in[0].dtype(), Shape.unknownRank()); // the index depth decides the rank, as in TF
            if (k > p.length) {
                throw error("index innermost dimension length must be <= params rank; saw: " + k + " vs. " + p.length);
            }
            return spec(in[0].dtype(), Shape.ofOwned(ndSliceShape(id, p)));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] p = in[0].shape().dimsView(), id = in[1].shape().dimsView();
            int[] off = sliceOffsets(this, in[1], p, "param shape");
            int slice = (int) product(p, id[id.length - 1], p.length);
            Tensor o = CopyOps.allocate(out[0]);
            for (int i = 0; i < off.length; i++) System.arraycopy(in[0].data(), off[i], o.data(), i * slice, slice);
            return one(o);
        }
    }

    /**
     * {@code ScatterNd} (inputs indices, updates; attr {@code shape}; into zeros, duplicates add),
     * {@code TensorScatterUpdate} and {@code TensorScatterAdd} (inputs tensor, indices, updates).
     */
    static final class Scatter extends ArrayOp {
        private final boolean intoZeros, add;

        private Scatter(String name, boolean intoZeros, boolean add) {
            super(name, intoZeros ? Signature.of("indices, updates -> output", "shape: list(int)")
                    : Signature.of("tensor, indices, updates -> output"));
            this.intoZeros = intoZeros;
            this.add = add;
        }

        static Scatter scatterNd() { return new Scatter("ScatterNd", true, true); }

        static Scatter update() { return new Scatter("TensorScatterUpdate", false, false); }

        static Scatter add() { return new Scatter("TensorScatterAdd", false, true); }

        private Tensor indices(Tensor[] in) { return in[intoZeros ? 0 : 1]; }

        private Tensor updates(Tensor[] in) { return in[intoZeros ? 1 : 2]; }

        private int[] target(Tensor[] in, Attrs attrs) {
            return intoZeros ? attrs.getInts("shape") : in[0].shape().dimsView();
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Tensor indices = indices(in), updates = updates(in);
            requireIndexType(indices);
            int[] shape = target(in, attrs), id = indices.shape().dimsView();
            // TF's TensorShape of ScatterNd's `shape` (a tensor's own dims may be unknown while tracing)
            if (intoZeros) for (int d : shape) if (d < 0) throw error("Dimension " + d + " must be >= 0");
            if (!intoZeros && updates.dtype() != in[0].dtype()) {
                throw error("cannot compute " + name() + " as input #2(zero-based) was expected to be a "
                        + in[0].dtype().kernelName() + " tensor but is a " + updates.dtype().kernelName() + " tensor");
            }
            // TF registers TensorScatterAdd for number types only (ScatterNd concatenates strings)
            if (!intoZeros && add) {
                Devices.kernels().requireCpuKernel(name(), Map.of("T", updates.dtype(), "Tindices", indices.dtype()), attrs);
            }
            if (id.length == 0) throw error("Indices shape must have rank at least one. Found:" + indices.shape().toErrorString());
            int k = id[id.length - 1];
            if (k == Shape.UNKNOWN) return spec(updates.dtype(), Shape.of(shape)); // updates are checked when the graph runs
            if (k > shape.length) {
                throw error("Index innermost dimension length must be <= tensor rank; saw: " + k + " vs. " + shape.length);
            }
            int[] expect = ndSliceShape(id, shape);
            if (!Shape.of(expect).isCompatibleWith(updates.shape())) {
                throw error("Dimensions of updates " + updates.shape().toErrorString() + " must be indices.shape[:-1] + shape[indices.shape[-1]:] = "
                        + Shape.of(expect).toErrorString() + " (indices " + indices.shape().toErrorString() + ", shape " + Shape.of(shape).toErrorString() + ")");
            }
            return spec(updates.dtype(), Shape.of(shape));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Tensor indices = indices(in), updates = updates(in);
            int[] shape = target(in, attrs);
            int[] off = sliceOffsets(this, indices, shape, "shape");
            int slice = off.length == 0 ? 0 : updates.size() / off.length;
            DType t = out[0].dtype();
            Object buf = intoZeros ? Buffers.allocate(t, out[0].shape().size()) : Buffers.copy(in[0].data());
            Object u = updates.data();
            for (int i = 0; i < off.length; i++) {
                if (add) addInto(u, i * slice, buf, off[i], slice, t);
                else System.arraycopy(u, i * slice, buf, off[i], slice);
            }
            return one(Tensor.wrap(t, out[0].shape(), buf));
        }

        private static void addInto(Object src, int s, Object dst, int d, int n, DType t) {
            switch (dst) {
                case float[] o -> { float[] a = (float[]) src; for (int i = 0; i < n; i++) o[d + i] += a[s + i]; }
                case double[] o -> { double[] a = (double[]) src; for (int i = 0; i < n; i++) o[d + i] += a[s + i]; }
                case int[] o -> { int[] a = (int[]) src; for (int i = 0; i < n; i++) o[d + i] += a[s + i]; }
                case long[] o -> { long[] a = (long[]) src; for (int i = 0; i < n; i++) o[d + i] += a[s + i]; }
                case boolean[] o -> { boolean[] a = (boolean[]) src; for (int i = 0; i < n; i++) o[d + i] |= a[s + i]; }
                // TF adds strings as C++ does: duplicate indices concatenate in order
                case byte[][] o -> { byte[][] a = (byte[][]) src; for (int i = 0; i < n; i++) o[d + i] = concat(o[d + i], a[s + i]); }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (t.isFloating()) Buffers.setDouble(dst, t, d + i, Buffers.getDouble(dst, t, d + i) + Buffers.getDouble(src, t, s + i));
                        else Buffers.setLong(dst, t, d + i, Buffers.getLong(dst, t, d + i) + Buffers.getLong(src, t, s + i));
                    }
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** {@code Where} with one input: the int64 coordinates of the non-zero elements, row-major, shape [n, rank]. */
    static final class Where extends ArrayOp {
        Where() { super("Where", Signature.of("input -> index")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].dtype() == DType.STRING) throw error("Value for attr 'T' of string is not in the list of allowed values");
            return spec(DType.INT64, Shape.of(Shape.UNKNOWN, in[0].rank()));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            // TF's CPU kernel refuses these when it runs (its shape function accepts them)
            if (in[0].rank() == 0) throw error("WhereOp : Unhandled input dimensions: 0");
            if (in[0].dtype() == DType.FLOAT16) {
                throw new UnimplementedError("No WhereOp available for float16/half type on CPU; dying in CPU WhereOp to avoid "
                        + "silently creating costly copies from device.").withOp("Where");
            }
            boolean[] nz = in[0].toBooleanArray();
            int count = 0;
            for (boolean b : nz) if (b) count++;
            int[] d = in[0].shape().dimsView();
            int r = d.length;
            long[] coords = new long[count * r];
            int[] idx = new int[r];
            int c = 0;
            for (boolean b : nz) {
                if (b) for (int k = 0; k < r; k++) coords[c++] = idx[k];
                for (int k = r - 1; k >= 0; k--) {
                    if (++idx[k] < d[k]) break;
                    idx[k] = 0;
                }
            }
            return one(Tensor.wrap(DType.INT64, Shape.of(count, r), coords));
        }
    }

    /** {@code SelectV2}: inputs condition (bool), then, else; all three broadcast. */
    static final class SelectV2 extends ArrayOp {
        SelectV2() { super("SelectV2", Signature.of("condition, t, e -> output")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].dtype() != DType.BOOL) {
                throw error("cannot compute SelectV2 as input #0(zero-based) was expected to be a bool tensor but is a "
                        + in[0].dtype().kernelName() + " tensor");
            }
            if (in[1].dtype() != in[2].dtype()) {
                throw error("cannot compute SelectV2 as input #2(zero-based) was expected to be a " + in[1].dtype().kernelName()
                        + " tensor but is a " + in[2].dtype().kernelName() + " tensor");
            }
            Shape s = Broadcast.shape(Broadcast.shape(in[0].shape(), in[1].shape(), name()), in[2].shape(), name());
            return spec(in[1].dtype(), s);
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Shape s = out[0].shape();
            int n = s.size();
            int[] mc = map(in[0], s), mx = map(in[1], s), my = map(in[2], s);
            boolean[] c = (boolean[]) in[0].data();
            Object x = in[1].data(), y = in[2].data();
            Object o = Buffers.allocate(out[0].dtype(), n);
            switch (o) {
                case float[] f -> {
                    float[] a = (float[]) x, b = (float[]) y;
                    for (int i = 0; i < n; i++) f[i] = c[at(mc, i)] ? a[at(mx, i)] : b[at(my, i)];
                }
                case int[] f -> {
                    int[] a = (int[]) x, b = (int[]) y;
                    for (int i = 0; i < n; i++) f[i] = c[at(mc, i)] ? a[at(mx, i)] : b[at(my, i)];
                }
                case double[] f -> {
                    double[] a = (double[]) x, b = (double[]) y;
                    for (int i = 0; i < n; i++) f[i] = c[at(mc, i)] ? a[at(mx, i)] : b[at(my, i)];
                }
                case long[] f -> {
                    long[] a = (long[]) x, b = (long[]) y;
                    for (int i = 0; i < n; i++) f[i] = c[at(mc, i)] ? a[at(mx, i)] : b[at(my, i)];
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (c[at(mc, i)]) System.arraycopy(x, at(mx, i), o, i, 1);
                        else System.arraycopy(y, at(my, i), o, i, 1);
                    }
                }
            }
            return one(Tensor.wrap(out[0].dtype(), s, o));
        }

        private static int[] map(Tensor t, Shape out) { return t.shape().equals(out) ? null : Broadcast.indexMap(t.shape(), out); }

        private static int at(int[] map, int i) { return map == null ? i : map[i]; }
    }

    /**
     * What an nd-index tensor addresses in a tensor of shape {@code shape}: {@code indices.shape[:-1] +
     * shape[indices.shape[-1]:]}, the shape of gather_nd's result and of scatter_nd's updates.
     */
    private static int[] ndSliceShape(int[] indexDims, int[] shape) {
        int k = indexDims[indexDims.length - 1];
        int[] out = new int[indexDims.length - 1 + shape.length - k];
        System.arraycopy(indexDims, 0, out, 0, indexDims.length - 1);
        System.arraycopy(shape, k, out, indexDims.length - 1, shape.length - k);
        return out;
    }
}
