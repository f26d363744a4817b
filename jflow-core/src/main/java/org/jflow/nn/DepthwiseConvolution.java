package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * {@code DepthwiseConv2dNative}: each input channel {@code c} is convolved with its own
 * {@code multiplier} filters {@code filter[:, :, c, m]}, giving output channel {@code c * multiplier + m}.
 * Direct loops (few FLOPs per element, nothing for a GEMM to gain), parallel over output positions.
 */
public final class DepthwiseConvolution extends Op {
    public static final DepthwiseConvolution DEPTHWISE_CONV2D = new DepthwiseConvolution()
            .withGradient(ConvolutionGradients.forward(() -> DepthwiseConvolutionBackprop.INPUT, () -> DepthwiseConvolutionBackprop.FILTER));

    private DepthwiseConvolution() {
        super("DepthwiseConv2dNative", Window.convolution("input, filter -> output", "filter_sizes: list(int) = None",
                "input_sizes: list(int) = None"));
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Window w = window(in, attrs);
        int m = in[1].shape().get(3);
        int channels = w.channels == Shape.UNKNOWN || m == Shape.UNKNOWN ? Shape.UNKNOWN : w.channels * m;
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), w.outputShape(2, channels))};
    }

    private Window window(Tensor[] in, Attrs attrs) {
        Convolution.checkConvDTypes(in, name());
        Shape x = in[0].shape(), f = in[1].shape();
        if (x.rank() != 4) throw new InvalidArgumentError("input must be 4-dimensional" + x.toErrorString());
        if (f.rank() != 4) throw new InvalidArgumentError("filter must be 4-dimensional: " + f.toErrorString());
        if (!Shape.compatibleDims(x.get(3), f.get(2))) {
            throw new InvalidArgumentError("input and filter must have the same depth: " + x.get(3) + " vs " + f.get(2));
        }
        Window.checkChannelsLast(attrs.getString("data_format", null), 4, name());
        int[] strides = Window.checkConvAttr((int[]) attrs.get("strides"), 4, "strides", name());
        int[] dilations = Window.checkConvAttr((int[]) attrs.get("dilations"), 4, "dilations", name());
        return new Window(x.dimsView(), new int[] {f.get(0), f.get(1)}, strides, dilations, attrs.getString("padding"), name());
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in, attrs);
        int c = w.channels, m = in[1].shape().get(3), cm = c * m, outPos = w.outPositions(), inPos = w.inPositions();
        Object x = Reals.computeBuffer(in[0]), f = Reals.computeBuffer(in[1]);
        Object y = Reals.newLike(x, w.batch * outPos * cm);
        Parallel.forRange(w.batch * outPos, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, w.taps() * cm)), (from, to) -> {
            for (int row = from; row < to; row++) {
                int base = (row / outPos) * inPos, o = row * cm;
                w.forEachTap(row % outPos, (tap, ip) -> {
                    if (ip >= 0) accumulateTap(x, (base + ip) * c, f, tap * cm, y, o, c, m);
                });
            }
        });
        return new Tensor[] {Reals.fromCompute(in[0].dtype(), out[0].shape(), y)};
    }

    /** {@code y[o + ch m + j] += x[xi + ch] * f[fi + ch m + j]} for every channel and multiplier. */
    private static void accumulateTap(Object x, int xi, Object f, int fi, Object y, int o, int c, int m) {
        if (x instanceof float[] xf) {
            float[] ff = (float[]) f, yf = (float[]) y;
            if (m == 1) { // the common case, a loop the JIT vectorizes
                for (int ch = 0; ch < c; ch++) yf[o + ch] += xf[xi + ch] * ff[fi + ch];
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                float v = xf[xi + ch];
                for (int j = 0, k = ch * m; j < m; j++, k++) yf[o + k] += v * ff[fi + k];
            }
        } else {
            double[] xd = (double[]) x, fd = (double[]) f, yd = (double[]) y;
            for (int ch = 0; ch < c; ch++) {
                double v = xd[xi + ch];
                for (int j = 0, k = ch * m; j < m; j++, k++) yd[o + k] += v * fd[fi + k];
            }
        }
    }
}
