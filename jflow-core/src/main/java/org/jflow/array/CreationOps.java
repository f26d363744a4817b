package org.jflow.array;

import org.jflow.DType;
import org.jflow.engine.Signature;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.TensorSpec;
import org.jflow.device.Devices;
import java.util.Map;

/** Ops that build a tensor from a few numbers: Fill, Range, LinSpace, OneHot. */
final class CreationOps {
    private CreationOps() {}

    /** {@code Fill}: input the scalar value, attr {@code dims}. */
    static final class Fill extends ArrayOp {
        Fill() { super("Fill", Signature.of("value -> output", "dims: list(int)")); }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            if (in[0].rank() != 0) throw error("value must represent a scalar, got shape " + in[0].shape().toErrorString());
            // int64 dims (an empty shape with a dim past 2**31 - 1, as TF allows) or int dims
            long[] dims = attrs.get("dims") instanceof long[] wide ? wide : java.util.Arrays.stream(attrs.getInts("dims")).asLongStream().toArray();
            for (long d : dims) if (d < 0) throw error("Dimension " + d + " must be >= 0");
            return spec(in[0].dtype(), Shape.ofLong(dims));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Shape s = out[0].shape();
            Object buf = Buffers.allocate(out[0].dtype(), s.size());
            StridedCopy.fillFrom(in[0].data(), 0, buf, 0, s.size());
            return one(Tensor.wrap(out[0].dtype(), s, buf));
        }
    }

    /**
     * {@code ZerosLike} / {@code OnesLike}: a tensor of {@code value} with the input's shape, known
     * only when the graph runs if the input's shape is partial. Attr {@code dtype} (default: the input's).
     */
    static final class FilledLike extends ArrayOp {
        private final int value;

        FilledLike(String name, int value) {
            super(name, Signature.of("x -> y", "dtype: type = None"));
            this.value = value;
        }

        @Override
        public boolean readsShapesOnly() { return true; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType dtype = attrs.has("dtype") ? attrs.getDType("dtype") : in[0].dtype();
            if (value != 0 && dtype == DType.STRING) { // ZerosLike makes empty strings, OnesLike has no string "one"
                throw error("Value for attr 'T' of string is not in the list of allowed values: bfloat16, half, float, double, "
                        + "int8, uint8, int16, uint16, int32, uint32, int64, uint64, complex64, complex128, bool");
            }
            return spec(dtype, in[0].shape());
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            DType dtype = out[0].dtype();
            Shape s = out[0].shape();
            int n = s.size();
            Object buf = Buffers.allocate(dtype, n);
            if (dtype == DType.STRING) {
                java.util.Arrays.fill((byte[][]) buf, new byte[0]);
            } else if (dtype.slots() == 2) {
                for (int i = 0; i < n && value != 0; i++) Buffers.setDouble(buf, dtype, i, value);
            } else if (value != 0) {
                StridedCopy.fillFrom(ArraySupport.scalar(value, dtype).data(), 0, buf, 0, n);
            }
            return one(Tensor.wrap(dtype, s, buf));
        }
    }

    /** {@code Range}: attrs {@code start}, {@code limit}, {@code delta} (numbers) and {@code Tidx}. */
    static final class Range extends ArrayOp {
        Range() {
            // the bounds are Java numbers of Tidx's kind (int, long or double): no TF attribute type holds them
            super("Range", Signature.of("-> output", "start: object", "limit: object", "delta: object", "Tidx: type"));
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = attrs.getDType("Tidx");
            if (!t.isNumeric() || t == DType.INT8 || t == DType.UINT8 || t == DType.INT16) {
                throw error("Value for attr 'Tidx' of " + t.kernelName() + " is not in the list of allowed values: bfloat16, half, float, double, int32, int64");
            }
            double start = attrs.getDouble("start"), limit = attrs.getDouble("limit"), delta = attrs.getDouble("delta");
            String s = fmt(attrs.get("start")), l = fmt(attrs.get("limit"));
            if (delta == 0) throw error("Requires delta != 0: " + fmt(attrs.get("delta")));
            if (delta > 0 && start > limit) throw error("Requires start <= limit when delta > 0: " + s + "/" + l);
            if (delta < 0 && start < limit) throw error("Requires start >= limit when delta < 0: " + s + "/" + l);
            double size; // TF's range_op.cc: the count in double, checked against int64 before the allocation
            if (t.isInteger()) {
                java.math.BigInteger span = java.math.BigInteger.valueOf(attrs.getLong("limit"))
                        .subtract(java.math.BigInteger.valueOf(attrs.getLong("start"))).abs();
                java.math.BigInteger d = java.math.BigInteger.valueOf(attrs.getLong("delta")).abs();
                size = span.add(d).subtract(java.math.BigInteger.ONE).divide(d).doubleValue();
            } else {
                size = Math.ceil(Math.abs((limit - start) / delta));
            }
            if (!(size <= Long.MAX_VALUE)) throw error("Requires ((limit - start) / delta) <= " + Long.MAX_VALUE);
            Allocation.require(new long[] {(long) size}, t, name());
            return spec(t, Shape.of((int) size));
        }

        private static String fmt(Object v) {
            return v instanceof Double || v instanceof Float ? String.valueOf(((Number) v).doubleValue()).replaceAll("\\.0$", "") : String.valueOf(v);
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            DType t = out[0].dtype();
            int n = out[0].shape().size();
            Object buf = Buffers.allocate(t, n);
            // TF 2.18 computes start + i * delta in the output type (integers alike, as they cannot drift)
            switch (t.storage()) {
                case FLOAT -> {
                    float[] o = (float[]) buf;
                    float v = (float) attrs.getDouble("start"), d = (float) attrs.getDouble("delta");
                    for (int i = 0; i < n; i++) o[i] = v + i * d;
                }
                case INT -> {
                    int[] o = (int[]) buf;
                    int v = attrs.getInt("start"), d = attrs.getInt("delta");
                    for (int i = 0; i < n; i++, v += d) o[i] = v;
                }
                case LONG -> {
                    long[] o = (long[]) buf;
                    long v = attrs.getLong("start"), d = attrs.getLong("delta");
                    for (int i = 0; i < n; i++, v += d) o[i] = v;
                }
                case HALF -> { // each step rounded to the half type, as Eigen's half arithmetic
                    double v = Buffers.roundTo(t, attrs.getDouble("start")), d = Buffers.roundTo(t, attrs.getDouble("delta"));
                    for (int i = 0; i < n; i++) Buffers.setDouble(buf, t, i, v + Buffers.roundTo(t, Buffers.roundTo(t, i) * d));
                }
                default -> {
                    double v = attrs.getDouble("start"), d = attrs.getDouble("delta");
                    for (int i = 0; i < n; i++) Buffers.setDouble(buf, t, i, v + i * d);
                }
            }
            return one(Tensor.wrap(t, out[0].shape(), buf));
        }
    }

    /** {@code LinSpace}: inputs start and stop (float scalars), attr {@code num}. */
    static final class LinSpace extends ArrayOp {
        LinSpace() {
            super("LinSpace", Signature.of("start, stop -> output", "num: int"));
            notDifferentiable(); // TF's math_grad.py: ops.NotDifferentiable("LinSpace"), as for Range
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType t = in[0].dtype();
            if (!t.isFloating() || in[1].dtype() != t) {
                throw error("Value for attr 'T' of " + t.kernelName() + " is not in the list of allowed values: bfloat16, half, float, double");
            }
            // num is an attribute here; TF's Python layer passes it as an int32 tensor (Tidx)
            Devices.kernels().requireCpuKernel(name(), Map.of("T", t, "Tidx", DType.INT32), Attrs.EMPTY);
            if (in[0].rank() != 0) throw error("start must be a scalar, not shape " + in[0].shape().toErrorString());
            if (in[1].rank() != 0) throw error("stop must be a scalar, not shape " + in[1].shape().toErrorString());
            int num = attrs.getInt("num");
            if (num <= 0) throw error("Requires num > 0: " + num);
            return spec(t, Shape.of(num));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            DType t = out[0].dtype();
            int n = out[0].shape().size();
            Object buf = Buffers.allocate(t, n);
            double start = in[0].getDouble(0), stop = in[1].getDouble(0);
            if (t == DType.FLOAT64) {
                double[] o = (double[]) buf;
                double step = (stop - start) / (n - 1);
                for (int i = 0; i < n - 1; i++) o[i] = start + step * i;
            } else {
                float s = (float) start, step = ((float) stop - s) / (n - 1);
                for (int i = 0; i < n - 1; i++) Buffers.setDouble(buf, t, i, s + step * i);
            }
            Buffers.setDouble(buf, t, n - 1, n == 1 ? start : stop);
            return one(Tensor.wrap(t, out[0].shape(), buf));
        }
    }

    /** {@code OneHot}: inputs indices, on_value, off_value (scalars of the output dtype); attrs {@code depth}, {@code axis}. */
    static final class OneHot extends ArrayOp {
        OneHot() {
            super("OneHot", Signature.of("indices, on_value, off_value -> output", "depth: int", "axis: int = -1"));
        }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType it = in[0].dtype();
            if (it != DType.INT32 && it != DType.INT64 && it != DType.UINT8) {
                throw error("Value for attr 'TI' of " + it.kernelName() + " is not in the list of allowed values: uint8, int8, int32, int64");
            }
            if (in[1].rank() != 0) throw error("on_value must be a scalar, but got: " + in[1].shape().toErrorString());
            if (in[2].rank() != 0) throw error("off_value must be a scalar, but got: " + in[2].shape().toErrorString());
            int depth = attrs.getInt("depth"), r = in[0].rank(), axis = attrs.getInt("axis");
            if (depth < 0) throw error("depth must be non-negative, got: " + depth);
            if (axis < -1 || axis > r) throw error("Expected axis to be -1 or between [0, " + (r + 1) + ").  But received: " + axis);
            int a = axis == -1 ? r : axis;
            int[] d = in[0].shape().dimsView(), o = new int[r + 1];
            System.arraycopy(d, 0, o, 0, a);
            o[a] = depth;
            System.arraycopy(d, a, o, a + 1, r - a);
            return spec(in[1].dtype(), Shape.ofOwned(o));
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            if (anyComplex(in)) return byParts(in, attrs, out);
            Shape s = out[0].shape();
            int n = s.size(), depth = attrs.getInt("depth"), axis = attrs.getInt("axis");
            int r = in[0].rank(), a = axis == -1 ? r : axis;
            Object buf = Buffers.allocate(out[0].dtype(), n);
            StridedCopy.fillFrom(in[2].data(), 0, buf, 0, n);
            // indices laid out as [outer, inner] around the inserted depth axis
            int inner = 1;
            for (int k = a; k < r; k++) inner *= in[0].shape().get(k);
            int m = in[0].size();
            for (int i = 0; i < m; i++) {
                long idx = in[0].getLong(i);
                if (idx < 0 || idx >= depth) continue;
                int outer = i / inner, j = i % inner;
                System.arraycopy(in[1].data(), 0, buf, (outer * depth + (int) idx) * inner + j, 1);
            }
            return one(Tensor.wrap(out[0].dtype(), s, buf));
        }
    }
}
