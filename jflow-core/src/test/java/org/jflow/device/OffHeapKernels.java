package org.jflow.device;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.TensorSpec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.DoubleBinaryOperator;

/**
 * TESTDEV's kernels, reading and writing its segments directly: AddV2 and Mul with NumPy
 * broadcasting, MatMul with its transposes, Sum over the {@code axis} attribute, for float32 and
 * float64 (each result rounded to the dtype, as the CPU kernels round).
 */
final class OffHeapKernels {
    private OffHeapKernels() {}

    static void register(KernelTable table) {
        table.register("AddV2", OffHeapDeviceProvider.TYPE, binary(Double::sum), DType.FLOAT32, DType.FLOAT64);
        table.register("Mul", OffHeapDeviceProvider.TYPE, binary((a, b) -> a * b), DType.FLOAT32, DType.FLOAT64);
        table.register("MatMul", OffHeapDeviceProvider.TYPE, OffHeapKernels::matMul, DType.FLOAT32, DType.FLOAT64);
        table.register("Sum", OffHeapDeviceProvider.TYPE, OffHeapKernels::sum, DType.FLOAT32, DType.FLOAT64);
    }

    private static MemorySegment memory(Tensor t) { return ((OffHeapDevice.Segment) t.buffer()).memory; }

    private static double get(MemorySegment m, DType dtype, long i) {
        return dtype == DType.FLOAT32 ? m.getAtIndex(ValueLayout.JAVA_FLOAT, i)
                : m.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
    }

    private static void set(MemorySegment m, DType dtype, long i, double v) {
        if (dtype == DType.FLOAT32) m.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        else m.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
    }

    private static Kernel binary(DoubleBinaryOperator f) {
        return (in, attrs, out) -> {
            Shape shape = out[0].shape();
            DType dtype = out[0].dtype();
            OffHeapDevice.Segment result = OffHeapDevice.INSTANCE.allocate(dtype, shape.size());
            MemorySegment a = memory(in[0]), b = memory(in[1]);
            long[] sa = broadcastStrides(in[0].shape(), shape), sb = broadcastStrides(in[1].shape(), shape);
            int[] index = new int[shape.rank()];
            for (long i = 0; i < shape.size(); i++) {
                long ia = 0, ib = 0;
                for (int d = 0; d < index.length; d++) {
                    ia += index[d] * sa[d];
                    ib += index[d] * sb[d];
                }
                set(result.memory, dtype, i, f.applyAsDouble(get(a, dtype, ia), get(b, dtype, ib)));
                for (int d = index.length - 1; d >= 0 && ++index[d] == shape.get(d); d--) index[d] = 0;
            }
            return new Tensor[] {Tensor.onDevice(shape, result)};
        };
    }

    /** Row-major strides of {@code s} seen as {@code target} (right-aligned; 0 along broadcast dims). */
    private static long[] broadcastStrides(Shape s, Shape target) {
        long[] strides = new long[target.rank()];
        long stride = 1;
        for (int d = s.rank() - 1, t = target.rank() - 1; d >= 0; d--, t--) {
            strides[t] = s.get(d) == 1 ? 0 : stride;
            stride *= s.get(d);
        }
        return strides;
    }

    private static Tensor[] matMul(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        boolean ta = attrs.getBool("transpose_a", false), tb = attrs.getBool("transpose_b", false);
        DType dtype = out[0].dtype();
        int m = out[0].shape().get(0), n = out[0].shape().get(1);
        int k = in[0].shape().get(ta ? 0 : 1);
        MemorySegment a = memory(in[0]), b = memory(in[1]);
        OffHeapDevice.Segment c = OffHeapDevice.INSTANCE.allocate(dtype, (long) m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    long ia = ta ? (long) p * m + i : (long) i * k + p, ib = tb ? (long) j * k + p : (long) p * n + j;
                    acc += get(a, dtype, ia) * get(b, dtype, ib);
                }
                set(c.memory, dtype, (long) i * n + j, acc);
            }
        }
        return new Tensor[] {Tensor.onDevice(out[0].shape(), c)};
    }

    private static Tensor[] sum(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Shape s = in[0].shape();
        DType dtype = out[0].dtype();
        boolean[] reduced = new boolean[s.rank()];
        int[] axes = (int[]) attrs.get("axis");
        for (int d = 0; d < s.rank(); d++) reduced[d] = axes == null;
        if (axes != null) for (int a : axes) reduced[a < 0 ? a + s.rank() : a] = true;
        long[] outStrides = new long[s.rank()];
        long stride = 1;
        for (int d = s.rank() - 1; d >= 0; d--) {
            outStrides[d] = reduced[d] ? 0 : stride;
            if (!reduced[d]) stride *= s.get(d);
        }
        double[] acc = new double[(int) stride];
        MemorySegment x = memory(in[0]);
        int[] index = new int[s.rank()];
        for (long i = 0; i < s.size(); i++) {
            long o = 0;
            for (int d = 0; d < index.length; d++) o += index[d] * outStrides[d];
            acc[(int) o] += get(x, dtype, i);
            for (int d = index.length - 1; d >= 0 && ++index[d] == s.get(d); d--) index[d] = 0;
        }
        OffHeapDevice.Segment result = OffHeapDevice.INSTANCE.allocate(dtype, acc.length);
        for (int i = 0; i < acc.length; i++) set(result.memory, dtype, i, acc[i]);
        return new Tensor[] {Tensor.onDevice(out[0].shape(), result)};
    }
}
