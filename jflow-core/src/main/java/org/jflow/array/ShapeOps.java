package org.jflow.array;

import org.jflow.DType;
import org.jflow.engine.Signature;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.TensorSpec;

/** Ops that change only a tensor's shape (sharing its buffer) or report it. */
final class ShapeOps {
    private ShapeOps() {}

    /** {@code Reshape}: attr {@code shape} (int[], at most one -1), or TF's second input, a shape tensor (gradients on unknown dims). */
    static final class Reshape extends ArrayOp {
        /** TF's shape input, which JFlow keeps as an attribute where it is known: one of the two gives the shape. */
        Reshape() { super("Reshape", Signature.of("tensor, shape? -> output", "shape: list(int) = None")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in.length == 1 && !attrs.has("shape")) {
                throw error("Reshape has no target shape: neither attribute 'shape' nor input 1");
            }
            if (in.length > 1 && !in[1].hasValue()) { // checked when the graph runs, where the shape is known
                int[] dims = ShapeTensors.dims(in[1]);
                return spec(in[0].dtype(), dims == null ? Shape.unknownRank() : Shape.ofOwned(dims));
            }
            int[] req = in.length > 1 ? ShapeTensors.dims(in[1]) : attrs.getInts("shape");
            int[] out = req.clone();
            if (!in[0].shape().isFullyDefined()) return spec(in[0].dtype(), partialReshape(out));
            int n = in[0].size();
            int unknown = -1;
            long known = 1;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == -1) {
                    if (unknown >= 0) throw error("Only one input size may be -1, not both " + unknown + " and " + i);
                    unknown = i;
                } else if (out[i] < 0) {
                    throw error("Size " + i + " must be non-negative, not " + out[i]);
                } else {
                    known *= out[i];
                }
            }
            if (unknown >= 0) {
                if (known == 0 || n % known != 0) {
                    throw error("Input to reshape is a tensor with " + n + " values, but the requested shape requires a multiple of " + known);
                }
                out[unknown] = (int) (n / known);
            } else if (known != n) {
                throw error("Input to reshape is a tensor with " + n + " values, but the requested shape has " + known);
            }
            return spec(in[0].dtype(), Shape.ofOwned(out));
        }

        /** The requested shape, its -1 left unknown: the size is checked when the graph runs. */
        private Shape partialReshape(int[] req) {
            int unknowns = 0;
            for (int i = 0; i < req.length; i++) {
                if (req[i] == -1 && ++unknowns > 1) throw error("Only one input size may be -1, not more");
                if (req[i] < -1) throw error("Size " + i + " must be non-negative, not " + req[i]);
            }
            return Shape.ofOwned(req);
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) { return one(view(in[0], out[0].shape())); }
    }

    /** {@code ExpandDims}: attr {@code axis} in {@code [-rank-1, rank]}. */
    static final class ExpandDims extends ArrayOp {
        ExpandDims() { super("ExpandDims", Signature.of("input, dim = axis -> output", "axis: int")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int r = in[0].rank(), axis = attrs.getInt("axis");
            if (axis < -r - 1 || axis > r) {
                throw error("Tried to expand dim index " + axis + " for tensor with " + r + " dimensions.");
            }
            if (axis < 0) axis += r + 1;
            int[] d = in[0].shape().dimsView();
            int[] o = new int[r + 1];
            System.arraycopy(d, 0, o, 0, axis);
            o[axis] = 1;
            System.arraycopy(d, axis, o, axis + 1, r - axis);
            return spec(in[0].dtype(), Shape.ofOwned(o));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) { return one(view(in[0], out[0].shape())); }
    }

    /** {@code Squeeze}: attr {@code squeeze_dims} (int[]; empty removes every size-1 dim). */
    static final class Squeeze extends ArrayOp {
        Squeeze() { super("Squeeze", Signature.of("input -> output", "squeeze_dims: list(int) = []")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int[] d = in[0].shape().dimsView();
            int r = d.length;
            int[] axes = attrs.getInts("squeeze_dims");
            boolean[] drop = new boolean[r];
            for (int a : axes) {
                if (a < -r || a >= r) {
                    throw error("Tried to squeeze dim index " + a + " for tensor with " + r + " dimensions.");
                }
                int k = a < 0 ? a + r : a;
                if (d[k] != 1 && d[k] != Shape.UNKNOWN) throw error("Can not squeeze dim[" + k + "], expected a dimension of 1, got " + d[k]);
                drop[k] = true;
            }
            if (axes.length == 0 && !in[0].shape().isFullyDefined()) return spec(in[0].dtype(), Shape.unknownRank()); // as TF's
            int[] o = new int[r];
            int n = 0;
            for (int k = 0; k < r; k++) if (!(axes.length == 0 ? d[k] == 1 : drop[k])) o[n++] = d[k];
            return spec(in[0].dtype(), Shape.ofOwned(java.util.Arrays.copyOf(o, n)));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) { return one(view(in[0], out[0].shape())); }
    }

    /** {@code Identity}: the same value. */
    static final class Identity extends ArrayOp {
        Identity() { super("Identity", Signature.of("input -> output")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) { return spec(in[0].dtype(), in[0].shape()); }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) { return one(in[0]); }
    }

    /** {@code Shape}, {@code Size} and {@code Rank}: facts about the input as an int32 or int64 tensor (attr {@code out_type}). */
    static final class ShapeFact extends ArrayOp {
        private final int kind; // 0 shape, 1 size, 2 rank

        private ShapeFact(String name, int kind) {
            super(name, kind == 2 ? Signature.of("input -> output")
                    : Signature.of("input -> output", "out_type: {int32, int64} = int32"));
            this.kind = kind;
        }

        static ShapeFact shape() { return new ShapeFact("Shape", 0); }

        static ShapeFact size() { return new ShapeFact("Size", 1); }

        static ShapeFact rank() { return new ShapeFact("Rank", 2); }

        @Override
        public boolean readsShapesOnly() { return true; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = kind == 2 ? DType.INT32 : (DType) java.util.Objects.requireNonNullElse(attrs.get("out_type"), DType.INT32);
            if (t != DType.INT32 && t != DType.INT64) {
                throw error("Value for attr 'out_type' of " + t.kernelName() + " is not in the list of allowed values: int32, int64");
            }
            if (kind != 0) return spec(t, Shape.scalar());
            return spec(t, Shape.of(in[0].shape().hasRank() ? in[0].rank() : Shape.UNKNOWN)); // as long as the rank, known or not
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int[] d = in[0].shape().dimsView();
            long[] v = switch (kind) {
                case 0 -> java.util.Arrays.stream(d).asLongStream().toArray();
                case 1 -> new long[] {in[0].size()};
                default -> new long[] {d.length};
            };
            DType t = out[0].dtype();
            Object buf = t == DType.INT64 ? v : java.util.Arrays.stream(v).mapToInt(x -> (int) x).toArray();
            return one(Tensor.wrap(t, out[0].shape(), buf));
        }
    }

    /** {@code BroadcastArgs}: the broadcast of two shape vectors. */
    static final class BroadcastArgs extends ArrayOp {
        BroadcastArgs() { super("BroadcastArgs", Signature.of("s0, s1 -> r0")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            for (Tensor t : in) {
                if (t.rank() != 1) throw error("Input shapes must be vectors, got " + t.shape().toErrorString());
                if (t.dtype() != in[0].dtype() || (t.dtype() != DType.INT32 && t.dtype() != DType.INT64)) {
                    throw error("Shapes must be int32 or int64 tensors of one dtype");
                }
            }
            int a = in[0].shape().get(0), b = in[1].shape().get(0);
            return spec(in[0].dtype(), Shape.of(a == Shape.UNKNOWN || b == Shape.UNKNOWN ? Shape.UNKNOWN : Math.max(a, b)));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Shape s = Broadcast.shape(asShape(in[0]), asShape(in[1]), name());
            long[] v = java.util.Arrays.stream(s.dimsView()).asLongStream().toArray();
            DType t = out[0].dtype();
            Object buf = t == DType.INT64 ? v : java.util.Arrays.stream(v).mapToInt(x -> (int) x).toArray();
            return one(Tensor.wrap(t, out[0].shape(), buf));
        }

        private static Shape asShape(Tensor t) { return Shape.of(t.toIntArray()); }
    }

    /**
     * {@code BroadcastGradientArgs}: the axes each of two broadcast operands' gradients is summed
     * over, from their shapes, as TF's {@code BCast::grad_x_reduce_idx}/{@code grad_y_reduce_idx}:
     * an axis broadcasting added or one where an operand has 1 and the other does not, and every
     * axis where both have 1; none where the shapes are equal. Gradients of broadcasting ops call it
     * where the shapes are known only when the graph runs (a traced batch).
     */
    static final class BroadcastGradientArgs extends ArrayOp {
        BroadcastGradientArgs() { super("BroadcastGradientArgs", Signature.of("s0: T, s1: T -> r0: T, r1: T")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = in[0].dtype();
            if (t != DType.INT32 && t != DType.INT64) {
                throw error("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values: int32, int64"
                        + "\n\t; NodeDef: {{node BroadcastGradientArgs}}; Op<name=BroadcastGradientArgs; signature=s0:T, s1:T -> "
                        + "r0:T, r1:T; attr=T:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]>");
            }
            if (in[1].dtype() != t) {
                throw error("cannot compute BroadcastGradientArgs as input #1(zero-based) was expected to be a " + t.kernelName()
                        + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
            }
            for (int i = 0; i < 2; i++) {
                if (in[i].shape().hasRank() && in[i].rank() != 1) {
                    throw error("In[" + i + "] must be a vector." + in[i].shape().toErrorString());
                }
            }
            TensorSpec r = new TensorSpec(t, Shape.of(Shape.UNKNOWN));
            return new TensorSpec[] {r, r};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            long[] x = in[0].toLongArray(), y = in[1].toLongArray();
            if (java.util.Arrays.equals(x, y)) return new Tensor[] {indices(out[0].dtype(), new long[0], 0), indices(out[1].dtype(), new long[0], 0)};
            int rank = Math.max(x.length, y.length);
            long[] rx = new long[rank], ry = new long[rank];
            int nx = 0, ny = 0;
            for (int j = 0; j < rank; j++) { // aligned at the last axis, a missing leading dim counts as 1
                long a = j < rank - x.length ? 1 : x[j - rank + x.length], b = j < rank - y.length ? 1 : y[j - rank + y.length];
                if (a != 1 && b != 1 && a != b) {
                    throw error("Incompatible shapes: [" + join(x) + "] vs. [" + join(y) + "]");
                }
                if (a == 1) rx[nx++] = j;
                if (b == 1) ry[ny++] = j;
            }
            return new Tensor[] {indices(out[0].dtype(), rx, nx), indices(out[1].dtype(), ry, ny)};
        }

        private static Tensor indices(DType t, long[] v, int n) {
            long[] axes = java.util.Arrays.copyOf(v, n);
            Object buf = t == DType.INT64 ? axes : java.util.Arrays.stream(axes).mapToInt(a -> (int) a).toArray();
            return Tensor.wrap(t, Shape.of(n), buf);
        }

        private static String join(long[] dims) {
            StringBuilder b = new StringBuilder();
            for (long d : dims) b.append(b.isEmpty() ? "" : ",").append(d);
            return b.toString();
        }
    }
}
