package org.jflow.nn;

import org.jflow.engine.LaneSums;
import org.jflow.engine.VectorExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jflow.DType;
import org.jflow.engine.Buffers;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawMath;

import static org.jflow.autodiff.Grads.unary;

/**
 * {@code Softmax} and {@code LogSoftmax} along attribute {@code axis} (TF's ops use the last
 * axis and {@code tf.nn.softmax} transposes around them; here the kernel strides instead).
 * Stable: the row's maximum is subtracted before exponentiating.
 */
public final class Softmax extends Op {
    public static final Softmax SOFTMAX = new Softmax("Softmax", false).withGradient(unary((g, dy) -> {
        Tensor y = g.out();
        return RawMath.mul(RawMath.sub(dy, RawMath.sum(RawMath.mul(dy, y), new int[] {axis(g)}, true)), y);
    }));
    public static final Softmax LOG_SOFTMAX = new Softmax("LogSoftmax", true).withGradient(unary((g, dy) ->
            RawMath.sub(dy, RawMath.mul(RawMath.sum(dy, new int[] {axis(g)}, true), RawMath.exp(g.out())))));

    private static int axis(GradientContext g) { return g.attrs().getInt("axis"); }

    private final boolean log;

    private Softmax(String name, boolean log) {
        super(name, Signature.of("logits -> " + (log ? "logsoftmax" : "softmax"), "axis: int = -1"));
        this.log = log;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Tensor x = in[0]; // a float dtype: TF's definition, checked by the dispatcher
        if (x.rank() < 1) {
            throw new InvalidArgumentError("logits must have >= 1 dimension, got " + x.shape().toErrorString());
        }
        Reals.axis(attrs.getInt("axis"), x.rank(), name());
        return new TensorSpec[] {new TensorSpec(x.dtype(), x.shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        Shape shape = x.shape();
        int[] dims = shape.dimsView();
        int axis = Reals.axis(attrs.getInt("axis"), dims.length, name());
        if (axis == dims.length - 1 && x.dtype() != DType.FLOAT64) {
            // each row writes every element; a float32 result is the output itself
            float[] values = Reals.floats(x);
            float[] result = x.dtype() == DType.FLOAT32
                    ? (float[]) Buffers.allocateUninitialized(DType.FLOAT32, values.length) : new float[values.length];
            int n = dims[axis], rows = n == 0 ? 0 : values.length / n;
            Parallel.forRange(rows, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, n)), (from, to) -> {
                for (int r = from; r < to; r++) floatRow(values, result, r * n, n, log);
            });
            return new Tensor[] {Reals.fromFloats(x.dtype(), shape, result)};
        }
        double[] result = new double[shape.size()];
        Rows.forEach(Reals.doubles(x), result, dims, axis, log ? Softmax::logSoftmaxRow : Softmax::softmaxRow);
        return new Tensor[] {Reals.fromDoubles(x.dtype(), shape, result)};
    }

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** A contiguous float32 row, with vector max, exp and sum (the common last-axis case). */
    private static void floatRow(float[] x, float[] out, int start, int n, boolean log) {
        int end = start + n, bound = start + F.loopBound(n);
        FloatVector maxV = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = start;
        for (; i < bound; i += F.length()) maxV = maxV.max(FloatVector.fromArray(F, x, i));
        float max = maxV.reduceLanes(VectorOperators.MAX);
        for (; i < end; i++) max = Math.max(max, x[i]);
        FloatVector sumV = FloatVector.zero(F);
        for (i = start; i < bound; i += F.length()) {
            FloatVector e = VectorExp.exp(FloatVector.fromArray(F, x, i).sub(max));
            if (!log) e.intoArray(out, i);
            sumV = sumV.add(e);
        }
        float sum = LaneSums.sum(sumV);
        for (; i < end; i++) {
            float e = (float) Math.exp(x[i] - max);
            if (!log) out[i] = e;
            sum += e;
        }
        if (log) {
            float shift = max + (float) Math.log(sum);
            for (i = start; i < end; i++) out[i] = x[i] - shift;
        } else {
            float inv = 1f / sum;
            for (i = start; i < end; i++) out[i] *= inv;
        }
    }

    private static void softmaxRow(double[] x, double[] out, int start, int stride, int n) {
        double max = rowMax(x, start, stride, n), sum = 0;
        for (int k = 0, i = start; k < n; k++, i += stride) sum += out[i] = Math.exp(x[i] - max);
        for (int k = 0, i = start; k < n; k++, i += stride) out[i] /= sum;
    }

    private static void logSoftmaxRow(double[] x, double[] out, int start, int stride, int n) {
        double max = rowMax(x, start, stride, n);
        double logSum = Math.log(expSum(x, start, stride, n, max));
        for (int k = 0, i = start; k < n; k++, i += stride) out[i] = x[i] - max - logSum;
    }

    static double rowMax(double[] x, int start, int stride, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0, i = start; k < n; k++, i += stride) max = Math.max(max, x[i]);
        return max;
    }

    static double expSum(double[] x, int start, int stride, int n, double max) {
        double sum = 0;
        for (int k = 0, i = start; k < n; k++, i += stride) sum += Math.exp(x[i] - max);
        return sum;
    }

    /** Walks the 1-D rows along one axis of a row-major tensor. */
    static final class Rows {
        private Rows() {}

        /** A row: elements {@code start + k * stride} for {@code k < n}. */
        interface RowBody { void run(double[] x, double[] out, int start, int stride, int n); }

        static void forEach(double[] x, double[] out, int[] dims, int axis, RowBody body) {
            int n = dims[axis], inner = Strides.product(dims, axis + 1, dims.length);
            int rows = Strides.product(dims, 0, dims.length) / Math.max(1, n);
            Parallel.forRange(rows, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, n)), (from, to) -> {
                for (int r = from; r < to; r++) body.run(x, out, (r / inner) * n * inner + r % inner, inner, n);
            });
        }
    }

}
