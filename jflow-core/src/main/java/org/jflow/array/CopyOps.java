package org.jflow.array;

import org.jflow.Shape;
import org.jflow.engine.Signature;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import java.util.Arrays;

/** Ops that rearrange elements without arithmetic; each is one or a few {@link StridedCopy} calls. */
final class CopyOps {
    private CopyOps() {}

    static Tensor allocate(TensorSpec spec) {
        return Tensor.wrap(spec.dtype(), spec.shape(), Buffers.allocate(spec.dtype(), spec.shape().size()));
    }

    /** Copies all of {@code t} into {@code dst} at {@code dOff} with destination strides {@code dStr} (one per dim of t). */
    static void copyInto(Tensor t, Object dst, int dOff, int[] dStr) {
        int[] d = t.shape().dimsView();
        StridedCopy.copy(t.data(), 0, Strides.rowMajor(d), dst, dOff, dStr, d);
    }

    static int[] without(int[] a, int k) {
        int[] o = new int[a.length - 1];
        System.arraycopy(a, 0, o, 0, k);
        System.arraycopy(a, k + 1, o, k, a.length - k - 1);
        return o;
    }

    static int[] with(int[] a, int k, int v) {
        int[] o = new int[a.length + 1];
        System.arraycopy(a, 0, o, 0, k);
        o[k] = v;
        System.arraycopy(a, k, o, k + 1, a.length - k);
        return o;
    }

    /** {@code ConcatV2}: inputs are the values; attr {@code axis}. */
    static final class ConcatV2 extends ArrayOp {
        ConcatV2() { super("ConcatV2", Signature.of("values: N * T -> output", "axis: int")); }

        /**
         * tf.concat names its op "concat", and TF's eager message says so after the op ({@code ... [Op:ConcatV2]
         * name: concat}): the text is complete, the dispatcher appends nothing.
         */
        private InvalidArgumentError named(String message) {
            return new InvalidArgumentError(message + " [Op:" + name() + "] name: concat").withOp("");
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in.length == 0) throw new org.jflow.errors.ValueError("List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum length 1.");
            // an input of unknown rank (an imported graph's) has the others' rank, its dims unknown, as TF's shape function
            int[] ranked = null;
            for (Tensor t : in) if (ranked == null && t.shape().hasRank()) ranked = t.shape().dimsView();
            if (ranked == null) return spec(in[0].dtype(), Shape.unknownRank());
            int[] first = dimsOrUnknown(in[0], ranked.length);
            int r = first.length;
            if (r == 0) throw error("Can't concatenate scalars (use tf.stack instead)");
            int axis = attrs.getInt("axis");
            if (axis < -r || axis >= r) throw error("ConcatOp : Expected concatenating dimensions in the range [" + -r + ", " + r + "), but got " + axis);
            if (axis < 0) axis += r;
            int[] out = first.clone();
            for (int i = 1; i < in.length; i++) {
                if (in[i].dtype() != in[0].dtype()) {
                    throw error("cannot compute ConcatV2 as input #" + i + "(zero-based) was expected to be a "
                            + in[0].dtype().kernelName() + " tensor but is a " + in[i].dtype().kernelName() + " tensor");
                }
                int[] d = dimsOrUnknown(in[i], r);
                if (d.length != r) {
                    throw named("ConcatOp : Ranks of all input tensors should match: shape[0] = " + in[0].shape().toErrorString()
                            + " vs. shape[" + i + "] = " + in[i].shape().toErrorString());
                }
                for (int k = 0; k < r; k++) {
                    if (k != axis && !Shape.compatibleDims(d[k], first[k])) {
                        throw named("ConcatOp : Dimensions of inputs should match: shape[0] = " + in[0].shape().toErrorString()
                                + " vs. shape[" + i + "] = " + in[i].shape().toErrorString());
                    }
                }
                for (int k = 0; k < r; k++) if (k != axis && out[k] == Shape.UNKNOWN) out[k] = d[k];
                out[axis] = out[axis] == Shape.UNKNOWN || d[axis] == Shape.UNKNOWN ? Shape.UNKNOWN : out[axis] + d[axis];
            }
            return spec(in[0].dtype(), Shape.ofOwned(out));
        }

        private static int[] dimsOrUnknown(Tensor t, int rank) {
            if (t.shape().hasRank()) return t.shape().dimsView();
            int[] d = new int[rank];
            Arrays.fill(d, Shape.UNKNOWN);
            return d;
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            if (in.length == 1) return one(in[0]);
            Tensor o = allocate(out[0]);
            int r = in[0].rank(), axis = attrs.getInt("axis");
            if (axis < 0) axis += r;
            int[] os = Strides.rowMajor(out[0].shape().dimsView());
            int at = 0;
            for (Tensor t : in) {
                copyInto(t, o.data(), at * os[axis], os);
                at += t.shape().get(axis);
            }
            return one(o);
        }
    }

    /** {@code Pack} (tf.stack): attr {@code axis}. */
    static final class Pack extends ArrayOp {
        Pack() { super("Pack", Signature.of("values: N * T -> output", "axis: int = 0")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in.length == 0) throw new org.jflow.errors.ValueError("List argument 'values' to 'Pack' Op with length 0 shorter than minimum length 1.");
            for (int i = 1; i < in.length; i++) {
                if (!in[i].shape().isCompatibleWith(in[0].shape())) {
                    throw error("Shapes of all inputs must match: values[0].shape = " + in[0].shape().toErrorString()
                            + " != values[" + i + "].shape = " + in[i].shape().toErrorString());
                }
                if (in[i].dtype() != in[0].dtype()) {
                    throw error("cannot compute Pack as input #" + i + "(zero-based) was expected to be a "
                            + in[0].dtype().kernelName() + " tensor but is a " + in[i].dtype().kernelName() + " tensor");
                }
            }
            int r = in[0].rank(), axis = attrs.getInt("axis");
            if (axis < -(r + 1) || axis > r) throw error("axis = " + axis + " not in [" + -(r + 1) + ", " + (r + 1) + ")");
            if (axis < 0) axis += r + 1;
            return spec(in[0].dtype(), Shape.ofOwned(with(in[0].shape().dimsView(), axis, in.length)));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Tensor o = allocate(out[0]);
            int axis = attrs.getInt("axis");
            if (axis < 0) axis += in[0].rank() + 1;
            int[] os = Strides.rowMajor(out[0].shape().dimsView());
            int[] ds = without(os, axis);
            for (int i = 0; i < in.length; i++) copyInto(in[i], o.data(), i * os[axis], ds);
            return one(o);
        }
    }

    /**
     * Slices along one axis into several outputs: {@code Unpack} (attr {@code num}, the axis
     * dropped), {@code Split} (attr {@code num_split}) and {@code SplitV} (attr {@code size_splits},
     * one entry may be -1). All take attr {@code axis}.
     */
    static final class AxisSplit extends ArrayOp {
        private final int kind; // 0 Unpack, 1 Split, 2 SplitV

        private AxisSplit(String name, int kind) {
            super(name, switch (kind) {
                case 0 -> Signature.of("value -> output: num * T", "axis: int = 0", "num: int = None");
                case 1 -> Signature.of("split_dim = axis, value -> output: num_split * T", "axis: int",
                        "num_split: int");
                default -> Signature.of("value, split_dim = axis -> output: num_split * T", "axis: int",
                        "size_splits: list(int)",
                        "num_split: int = None");
            });
            this.kind = kind;
        }

        static AxisSplit unpack() { return new AxisSplit("Unpack", 0); }

        static AxisSplit split() { return new AxisSplit("Split", 1); }

        static AxisSplit splitV() { return new AxisSplit("SplitV", 2); }

        private int[] sizes(Tensor x, int axis, Attrs attrs) {
            int dim = x.shape().get(axis);
            switch (kind) {
                case 0 -> {
                    if (dim == Shape.UNKNOWN && attrs.get("num") == null) {
                        throw new org.jflow.errors.ValueError("Cannot infer argument `num` from shape " + x.shape());
                    }
                    int num = attrs.getInt("num", dim);
                    if (!Shape.compatibleDims(num, dim)) throw error("Input shape axis " + axis + " must equal " + num + ", got shape " + x.shape().toErrorString());
                    int[] s = new int[num];
                    Arrays.fill(s, 1);
                    return s;
                }
                case 1 -> {
                    int num = attrs.getInt("num_split");
                    if (num <= 0) throw error("Number of ways to split should be > 0, but got " + num);
                    if (dim != Shape.UNKNOWN && dim % num != 0) {
                        throw error("Number of ways to split should evenly divide the split dimension, but got split_dim "
                                + axis + " (size = " + dim + ") and num_split " + num);
                    }
                    int[] s = new int[num];
                    Arrays.fill(s, dim == Shape.UNKNOWN ? dim : dim / num);
                    return s;
                }
                default -> {
                    int[] s = attrs.getInts("size_splits").clone();
                    int unknown = -1;
                    long total = 0;
                    for (int i = 0; i < s.length; i++) {
                        if (s[i] == -1) {
                            if (unknown >= 0) throw error("There can only be one -1 in the input.");
                            unknown = i;
                        } else {
                            total += s[i];
                        }
                    }
                    if (dim == Shape.UNKNOWN) return s; // a -1 entry stays unknown until the graph runs
                    if ((unknown < 0 && total != dim) || (unknown >= 0 && total > dim)) {
                        throw error("Determined shape must either match input shape along split_dim exactly if fully specified, "
                                + "or be less than the size of the input along split_dim if not fully specified.  Got: " + total);
                    }
                    if (unknown >= 0) s[unknown] = (int) (dim - total);
                    for (int i = 0; i < s.length; i++) { // TF's split_v_op.cc checks each size after filling in the -1
                        if (s[i] < 0) throw error("Split size at index " + i + " must be >= 0. Got: " + s[i]);
                    }
                    return s;
                }
            }
        }

        /** An input of unknown rank (an imported graph's): as many outputs as the attributes say, of unknown rank, as TF's shape functions. */
        private TensorSpec[] unknownRanks(Tensor x, Attrs attrs) {
            int n = switch (kind) {
                case 0 -> {
                    if (attrs.get("num") == null) throw new org.jflow.errors.ValueError("Cannot infer argument `num` from shape " + x.shape());
                    yield attrs.getInt("num");
                }
                case 1 -> attrs.getInt("num_split");
                default -> attrs.getInts("size_splits").length;
            };
            if (n <= 0 && kind == 1) throw error("Number of ways to split should be > 0, but got " + n);
            TensorSpec[] out = new TensorSpec[Math.max(n, 0)];
            java.util.Arrays.fill(out, new TensorSpec(x.dtype(), Shape.unknownRank()));
            return out;
        }

        private int axis(Tensor x, Attrs attrs) {
            int r = x.rank(), axis = attrs.getInt("axis");
            if (axis < -r || axis >= r) {
                throw error(kind == 0 ? "axis = " + axis + " not in [" + -r + ", " + r + ")"
                        : "-" + r + " <= split_dim < " + r + " but got " + axis);
            }
            return axis < 0 ? axis + r : axis;
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Tensor x = in[0];
            if (!x.shape().hasRank()) return unknownRanks(x, attrs);
            int axis = axis(x, attrs);
            int[] sizes = sizes(x, axis, attrs);
            TensorSpec[] out = new TensorSpec[sizes.length];
            int[] d = x.shape().dimsView();
            for (int i = 0; i < sizes.length; i++) {
                int[] o = d.clone();
                o[axis] = sizes[i];
                out[i] = new TensorSpec(x.dtype(), Shape.ofOwned(kind == 0 ? without(o, axis) : o));
            }
            return out;
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Tensor x = in[0];
            int axis = axis(x, attrs);
            int[] sizes = sizes(x, axis, attrs);
            int[] d = x.shape().dimsView(), xs = Strides.rowMajor(d);
            Tensor[] res = new Tensor[sizes.length];
            int at = 0;
            for (int i = 0; i < sizes.length; i++) {
                int[] part = d.clone();
                part[axis] = sizes[i];
                res[i] = allocate(out[i]);
                StridedCopy.copy(x.data(), at * xs[axis], xs, res[i].data(), 0, Strides.rowMajor(part), part);
                at += sizes[i];
            }
            return res;
        }
    }

    /** {@code Tile}: attr {@code multiples}; a copy whose source strides are zero along the repeats. */
    static final class Tile extends ArrayOp {
        Tile() { super("Tile", Signature.of("input -> output", "multiples: list(int)")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int[] m = attrs.getInts("multiples"), d = in[0].shape().dimsView();
            if (m.length != d.length) {
                throw error("Expected multiples argument to be a vector of length " + d.length + " but got length " + m.length);
            }
            long[] o = new long[d.length];
            for (int k = 0; k < d.length; k++) {
                if (m[k] < 0) throw error("Expected multiples[" + k + "] >= 0, but got " + m[k]);
                o[k] = d[k] == Shape.UNKNOWN ? Shape.UNKNOWN : (long) d[k] * m[k];
            }
            return spec(in[0].dtype(), checkedShape(o, in[0].dtype()));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] m = attrs.getInts("multiples"), d = in[0].shape().dimsView();
            int r = d.length;
            int[] xs = Strides.rowMajor(d), os = Strides.rowMajor(out[0].shape().dimsView());
            int[] dims = new int[2 * r], ss = new int[2 * r], ds = new int[2 * r];
            for (int k = 0; k < r; k++) {
                dims[2 * k] = m[k];
                ss[2 * k] = 0;
                ds[2 * k] = d[k] * os[k];
                dims[2 * k + 1] = d[k];
                ss[2 * k + 1] = xs[k];
                ds[2 * k + 1] = os[k];
            }
            Tensor o = allocate(out[0]);
            StridedCopy.copy(in[0].data(), 0, ss, o.data(), 0, ds, dims);
            return one(o);
        }
    }

    /**
     * {@code BroadcastTo}: attr {@code shape}, or TF's second input, a shape tensor (gradients on
     * unknown dims); a copy with zero source strides along broadcast dims.
     */
    static final class BroadcastTo extends ArrayOp {
        BroadcastTo() { super("BroadcastTo", Signature.of("input, shape? -> output", "shape: list(int) = None")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in.length > 1 && !in[1].hasValue()) { // checked when the graph runs, where the shape is known
                int[] dims = ShapeTensors.dims(in[1]);
                return spec(in[0].dtype(), dims == null ? Shape.unknownRank() : Shape.ofOwned(dims));
            }
            if (in.length == 1 && !attrs.has("shape")) { // JFlow's shape attribute stands for TF's input 1
                throw error("BroadcastTo has no target shape: neither attribute 'shape' nor input 1");
            }
            int[] target = in.length > 1 ? ShapeTensors.dims(in[1]) : attrs.getInts("shape");
            int[] d = in[0].shape().dimsView();
            for (int t : target) if (t < 0) throw error("Dimension " + t + " must be >= 0");
            // TF's BroadcastTo kernel: the rank, then broadcast compatibility, then whether the result is the target
            if (d.length > target.length) {
                throw error("Rank of input (" + d.length + ") must be no greater than rank of output shape (" + target.length + ").");
            }
            boolean ok = true;
            for (int k = 0; k < d.length; k++) {
                int t = target[target.length - d.length + k];
                if (d[k] != t && d[k] != 1 && t != 1 && d[k] != Shape.UNKNOWN) {
                    throw error("Incompatible shapes: " + in[0].shape().toErrorString() + " vs. " + Shape.of(target).toErrorString());
                }
                ok &= d[k] == t || d[k] == 1 || d[k] == Shape.UNKNOWN;
            }
            if (!ok) {
                throw error("Unable to broadcast tensor of shape " + in[0].shape().toErrorString()
                        + " to tensor of shape " + Shape.of(target).toErrorString());
            }
            return spec(in[0].dtype(), Shape.of(target));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            if (in[0].shape().equals(out[0].shape())) return one(in[0]);
            int[] target = out[0].shape().dimsView(), d = in[0].shape().dimsView(), xs = Strides.rowMajor(d);
            int[] ss = new int[target.length];
            int lead = target.length - d.length;
            for (int k = 0; k < d.length; k++) ss[lead + k] = d[k] == 1 ? 0 : xs[k];
            Tensor o = allocate(out[0]);
            StridedCopy.copy(in[0].data(), 0, ss, o.data(), 0, Strides.rowMajor(target), target);
            return one(o);
        }
    }

    /** {@code ReverseV2}: attr {@code axis} (int[]); negative source strides along the reversed dims. */
    static final class ReverseV2 extends ArrayOp {
        ReverseV2() { super("ReverseV2", Signature.of("tensor -> output", "axis: list(int)")); }

        private boolean[] flags(Tensor x, Attrs attrs) {
            int r = x.rank();
            boolean[] f = new boolean[r];
            for (int a : attrs.getInts("axis")) {
                if (a < -r || a >= r) throw error("'axis'[" + a + "] = " + a + " is out of valid range [0, " + (r - 1) + "]");
                int k = a < 0 ? a + r : a;
                if (f[k]) throw error("axis " + k + " specified more than once.");
                f[k] = true;
            }
            return f;
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            flags(in[0], attrs);
            return spec(in[0].dtype(), in[0].shape());
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            boolean[] f = flags(in[0], attrs);
            int[] d = in[0].shape().dimsView(), xs = Strides.rowMajor(d), ss = xs.clone();
            int off = 0;
            for (int k = 0; k < d.length; k++) {
                if (f[k] && d[k] > 0) {
                    off += (d[k] - 1) * xs[k];
                    ss[k] = -xs[k];
                }
            }
            Tensor o = allocate(out[0]);
            StridedCopy.copy(in[0].data(), off, ss, o.data(), 0, xs, d);
            return one(o);
        }
    }

    /** {@code Slice}: attrs {@code begin} and {@code size} (-1 takes the rest). */
    static final class Slice extends ArrayOp {
        Slice() { super("Slice", Signature.of("input -> output", "begin: list(int)", "size: list(int)")); }

        private int[] sizes(Tensor x, Attrs attrs) {
            int[] b = attrs.getInts("begin"), s = attrs.getInts("size").clone(), d = x.shape().dimsView();
            if (b.length != d.length || s.length != d.length) {
                throw error("Expected begin and size arguments to be 1-D tensors of size " + d.length
                        + ", but got shapes [" + b.length + "] and [" + s.length + "] instead.");
            }
            for (int k = 0; k < d.length; k++) {
                if (d[k] == Shape.UNKNOWN) { // traced on an unknown size: the kernel checks begin and size when it runs
                    if (b[k] < 0) throw error("Expected begin[" + k + "] >= 0, but got " + b[k]);
                    continue;
                }
                if (s[k] == -1) s[k] = d[k] - b[k];
                if (b[k] < 0 || b[k] > d[k]) throw error("Expected begin[" + k + "] in [0, " + d[k] + "], but got " + b[k]);
                if (s[k] < 0 || b[k] + s[k] > d[k]) throw error("Expected size[" + k + "] in [0, " + (d[k] - b[k]) + "], but got " + s[k]);
            }
            return s;
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) { return spec(in[0].dtype(), Shape.ofOwned(sizes(in[0], attrs))); }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] b = attrs.getInts("begin"), s = out[0].shape().dimsView(), xs = Strides.rowMajor(in[0].shape().dimsView());
            int off = 0;
            for (int k = 0; k < b.length; k++) off += b[k] * xs[k];
            Tensor o = allocate(out[0]);
            StridedCopy.copy(in[0].data(), off, xs, o.data(), 0, Strides.rowMajor(s), s);
            return one(o);
        }
    }

    /** {@code Transpose}: attr {@code perm}; output dim k reads input dim perm[k]. */
    static final class Transpose extends ArrayOp {
        Transpose() { super("Transpose", Signature.of("x -> y", "perm: list(int)")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int[] p = attrs.getInts("perm"), d = in[0].shape().dimsView();
            if (p.length != d.length) {
                throw error("transpose expects a vector of size " + d.length + ". But input(1) is a vector of size " + p.length);
            }
            boolean[] seen = new boolean[d.length];
            int[] o = new int[d.length];
            for (int k = 0; k < p.length; k++) {
                int a = p[k];
                if (a < 0 || a >= d.length) throw error(a + " is out of range [0 .. " + d.length + ")");
                if (seen[a]) {
                    throw error(missing(p) + " is missing from {" + String.join(",", Arrays.stream(p).mapToObj(String::valueOf).toList()) + "}.");
                }
                seen[a] = true;
                o[k] = d[a];
            }
            return spec(in[0].dtype(), Shape.ofOwned(o));
        }

        private static int missing(int[] p) {
            boolean[] seen = new boolean[p.length];
            for (int a : p) seen[a] = true;
            for (int i = 0; i < p.length; i++) if (!seen[i]) return i;
            return -1;
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] p = attrs.getInts("perm"), xs = Strides.rowMajor(in[0].shape().dimsView());
            int[] o = out[0].shape().dimsView(), ss = new int[p.length];
            for (int k = 0; k < p.length; k++) ss[k] = xs[p[k]];
            Tensor res = allocate(out[0]);
            StridedCopy.copy(in[0].data(), 0, ss, res.data(), 0, Strides.rowMajor(o), o);
            return one(res);
        }
    }

    /**
     * {@code Pad} (zeros), {@code PadV2} (input 1 the constant) and {@code MirrorPad} (attr
     * {@code mode} REFLECT or SYMMETRIC); attr {@code paddings} is the flat [rank, 2] list.
     */
    static final class Pad extends ArrayOp {
        private final boolean mirror;

        private Pad(String name, boolean mirror) {
            super(name, mirror
                    ? Signature.of("input -> output", "paddings: list(int)", "mode: {'REFLECT', 'SYMMETRIC'}")
                    : name.equals("PadV2") ? Signature.of("input, constant_values -> output", "paddings: list(int)")
                    : Signature.of("input -> output", "paddings: list(int)"));
            this.mirror = mirror;
        }

        static Pad pad() { return new Pad("Pad", false); }

        static Pad padV2() { return new Pad("PadV2", false); }

        static Pad mirrorPad() { return new Pad("MirrorPad", true); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int[] p = attrs.getInts("paddings"), d = in[0].shape().dimsView();
            if (p.length != 2 * d.length) {
                throw error("The first dimension of paddings must be the rank of inputs[" + p.length / 2 + ",2] " + in[0].shape().toErrorString());
            }
            boolean reflect = mirror && attrs.getString("mode").equalsIgnoreCase("REFLECT");
            if (mirror && !reflect && !attrs.getString("mode").equalsIgnoreCase("SYMMETRIC")) {
                throw error("mode must be either REFLECT or SYMMETRIC.");
            }
            if (in.length > 1 && in[1].rank() != 0) throw error("constant_values must be a scalar. Got: " + in[1].shape().toErrorString());
            long[] o = new long[d.length];
            for (int k = 0; k < d.length; k++) {
                int before = p[2 * k], after = p[2 * k + 1];
                if (before < 0 || after < 0) throw error("Paddings must be non-negative: " + before + " " + after);
                if (mirror && d[k] != Shape.UNKNOWN) {
                    // TF's MirrorPad: REFLECT needs paddings below the size, SYMMETRIC up to it
                    if (reflect && (before >= d[k] || after >= d[k])) {
                        throw error("paddings must be less than the dimension size: " + before + ", " + after + " not less than " + d[k]);
                    }
                    if (!reflect && (before > d[k] || after > d[k])) {
                        throw error("paddings must be no greater than the dimension size: " + before + ", " + after + " greater than " + d[k]);
                    }
                }
                o[k] = d[k] == Shape.UNKNOWN ? Shape.UNKNOWN : (long) d[k] + before + after;
            }
            return spec(in[0].dtype(), checkedShape(o, in[0].dtype()));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            int[] p = attrs.getInts("paddings"), d = in[0].shape().dimsView(), od = out[0].shape().dimsView();
            int[] os = Strides.rowMajor(od);
            Tensor o = allocate(out[0]);
            Object buf = o.data();
            if (!mirror && in.length > 1) StridedCopy.fillFrom(in[1].data(), 0, buf, 0, o.size());
            int interior = 0;
            for (int k = 0; k < d.length; k++) interior += p[2 * k] * os[k];
            copyInto(in[0], buf, interior, os);
            if (mirror) mirrorEdges(buf, p, d, od, os, attrs.getString("mode").equalsIgnoreCase("REFLECT") ? 1 : 0);
            return one(o);
        }

        /**
         * Fills the pads axis by axis from inside the output: along axis k the region spans the
         * full extent of axes already done and the interior of the rest, and each side is one
         * copy with a negative source stride (the mirror).
         */
        private static void mirrorEdges(Object buf, int[] p, int[] d, int[] od, int[] os, int reflect) {
            int r = d.length;
            for (int k = 0; k < r; k++) {
                int[] region = new int[r];
                int base = 0;
                for (int j = 0; j < r; j++) {
                    region[j] = j < k ? od[j] : d[j];
                    if (j > k) base += p[2 * j] * os[j];
                }
                int before = p[2 * k], after = p[2 * k + 1];
                int[] ss = os.clone();
                ss[k] = -os[k];
                if (before > 0) {
                    region[k] = before;
                    // output index i < before reads 2·before - i (REFLECT) or 2·before - 1 - i
                    StridedCopy.copy(buf, base + (2 * before - 1 + reflect) * os[k], ss, buf, base, os, region);
                }
                if (after > 0) {
                    region[k] = after;
                    int end = before + d[k]; // first padded index on the right
                    StridedCopy.copy(buf, base + (end - 1 - reflect) * os[k], ss, buf, base + end * os[k], os, region);
                }
            }
        }
    }
}
