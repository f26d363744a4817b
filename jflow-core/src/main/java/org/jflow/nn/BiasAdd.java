package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/** {@code BiasAdd}: adds a 1-D bias along the last (channels) dim of a channels-last value. */
public final class BiasAdd extends Op {
    public static final BiasAdd BIAS_ADD = new BiasAdd()
            .withGradient((g, dy) -> new Tensor[] {dy[0], g.needs(1) ? Grads.sumToShape(dy[0], g.y()) : null});

    private BiasAdd() { super("BiasAdd", Signature.of("value, bias -> output", "data_format: string = None")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Shape x = in[0].shape(), b = in[1].shape();
        if (!in[0].dtype().isNumeric()) {
            throw Reals.notAllowed(in[0].dtype(), Reals.REAL_TYPES, name());
        }
        Reals.requireSameDType(in, 1, name());
        Window.checkChannelsLast(attrs.getString("data_format", null), x.rank() == 3 || x.rank() == 5 ? x.rank() : 4, name());
        if (x.rank() < 2) throw new InvalidArgumentError("Input tensor must be at least 2D: " + x.toErrorString());
        if (b.rank() != 1) throw new InvalidArgumentError("Biases must be 1D: " + b.toErrorString());
        if (!Shape.compatibleDims(b.get(0), x.get(-1))) { // an unknown dim is checked when the graph runs
            throw new InvalidArgumentError("Must provide as many biases as the last dimension of the input tensor: " + b.toErrorString()
                    + " vs. " + x.toErrorString());
        }
        if (x.get(-1) != Shape.UNKNOWN || b.get(0) == Shape.UNKNOWN) return new TensorSpec[] {new TensorSpec(in[0].dtype(), x)};
        int[] out = x.dims(); // the channels the bias knows
        out[out.length - 1] = b.get(0);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.ofOwned(out))};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        DType dtype = in[0].dtype();
        Shape shape = in[0].shape();
        int n = shape.size(), c = shape.get(-1);
        if (dtype.isFloating()) {
            Object x = Reals.computeBuffer(in[0]), b = Reals.computeBuffer(in[1]);
            // the loop writes every element; a float32/float64 result is the output itself
            Object y = dtype == DType.FLOAT32 || dtype == DType.FLOAT64 ? Buffers.allocateUninitialized(dtype, n)
                    : Reals.newLike(x, n);
            Parallel.forRange(n / Math.max(1, c), Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, c)), (from, to) -> {
                if (x instanceof float[] xf) {
                    float[] bf = (float[]) b, yf = (float[]) y;
                    for (int r = from; r < to; r++) for (int j = 0, i = r * c; j < c; j++, i++) yf[i] = xf[i] + bf[j];
                } else {
                    double[] xd = (double[]) x, bd = (double[]) b, yd = (double[]) y;
                    for (int r = from; r < to; r++) for (int j = 0, i = r * c; j < c; j++, i++) yd[i] = xd[i] + bd[j];
                }
            });
            return new Tensor[] {Reals.fromCompute(dtype, shape, y)};
        }
        Object x = in[0].data(), b = in[1].data(), y = Buffers.allocate(dtype, n);
        for (int i = 0; i < n; i++) Buffers.setLong(y, dtype, i, Buffers.getLong(x, dtype, i) + Buffers.getLong(b, dtype, i % c));
        return new Tensor[] {Tensor.wrap(dtype, shape, y)};
    }
}
