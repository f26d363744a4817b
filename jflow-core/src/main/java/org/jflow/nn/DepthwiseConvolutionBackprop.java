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
 * The gradients of {@link DepthwiseConvolution}: {@code DepthwiseConv2dNativeBackpropInput}
 * (inputs filter and out_backprop, attribute {@code input_sizes}) and
 * {@code DepthwiseConv2dNativeBackpropFilter} (inputs input and out_backprop, attribute
 * {@code filter_sizes}). Direct loops over the window taps, as the forward kernel.
 */
public final class DepthwiseConvolutionBackprop extends Op {
    public static final DepthwiseConvolutionBackprop INPUT = new DepthwiseConvolutionBackprop("DepthwiseConv2dNativeBackpropInput", true)
            .withGradient(ConvolutionGradients.backpropInput(() -> DepthwiseConvolution.DEPTHWISE_CONV2D, () -> DepthwiseConvolutionBackprop.FILTER));
    public static final DepthwiseConvolutionBackprop FILTER = new DepthwiseConvolutionBackprop("DepthwiseConv2dNativeBackpropFilter", false)
            .withGradient(ConvolutionGradients.backpropFilter(() -> DepthwiseConvolution.DEPTHWISE_CONV2D, () -> DepthwiseConvolutionBackprop.INPUT));

    /** Whether this is the input gradient (else the filter gradient). */
    private final boolean input;

    private DepthwiseConvolutionBackprop(String name, boolean input) {
        super(name, input
                ? Window.convolution("filter, out_backprop -> output", "input_sizes: list(int)",
                        "filter_sizes: list(int) = None")
                : Window.convolution("input, out_backprop -> output", "filter_sizes: list(int)",
                        "input_sizes: list(int) = None"));
        this.input = input;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        window(in, attrs);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(),
                Shape.of(input ? ConvolutionBackpropInput.inputSizes(attrs, in[1].shape()) : attrs.getInts("filter_sizes")))};
    }

    /** The forward window; {@code x} and {@code f} are the forward's input and filter dims. */
    private Window window(Tensor[] in, Attrs attrs) {
        Convolution.checkConvDTypes(in, name());
        int[] x = input ? ConvolutionBackpropInput.inputSizes(attrs, in[1].shape()) : in[0].shape().dimsView();
        int[] f = input ? in[0].shape().dimsView() : attrs.getInts("filter_sizes");
        Shape dy = in[1].shape();
        if (x.length != 4 || f.length != 4 || dy.rank() != 4) {
            throw new InvalidArgumentError("input, filter and out_backprop must be 4-dimensional");
        }
        if (!Shape.compatibleDims(x[3], f[2])) throw new InvalidArgumentError("input and filter must have the same depth: " + x[3] + " vs " + f[2]);
        Window.checkChannelsLast(attrs.getString("data_format", null), 4, name());
        int[] strides = Window.checkConvAttr((int[]) attrs.get("strides"), 4, "strides", name());
        int[] dilations = Window.checkConvAttr((int[]) attrs.get("dilations"), 4, "dilations", name());
        Window w = new Window(x, new int[] {f[0], f[1]}, strides, dilations, attrs.getString("padding"), name());
        Shape expected = w.outputShape(2, f[2] * f[3]);
        if (!expected.isCompatibleWith(dy)) {
            throw new InvalidArgumentError("out_backprop has shape " + dy.toErrorString() + ", expected " + expected.toErrorString());
        }
        return w;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in, attrs);
        int c = w.channels, m = (input ? in[0].shape() : out[0].shape()).get(3), cm = c * m;
        int outPos = w.outPositions(), inPos = w.inPositions();
        Object a = Reals.computeBuffer(in[0]), dy = Reals.computeBuffer(in[1]);
        Object result = Reals.newLike(a, out[0].shape().size());
        if (input) { // batch elements write disjoint parts of dx
            Parallel.forRange(w.batch, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, outPos * w.taps() * cm)), (from, to) -> {
                for (int row = from * outPos; row < to * outPos; row++) {
                    int base = (row / outPos) * inPos, o = row * cm;
                    w.forEachTap(row % outPos, (tap, ip) -> {
                        if (ip >= 0) inputTap(a, tap * cm, dy, o, result, (base + ip) * c, c, m);
                    });
                }
            });
        } else {
            for (int row = 0; row < w.batch * outPos; row++) {
                int base = (row / outPos) * inPos, o = row * cm;
                w.forEachTap(row % outPos, (tap, ip) -> {
                    if (ip >= 0) filterTap(a, (base + ip) * c, dy, o, result, tap * cm, c, m);
                });
            }
        }
        return new Tensor[] {Reals.fromCompute(in[0].dtype(), out[0].shape(), result)};
    }

    /** {@code dx[xi + ch] += sum_j f[fi + ch m + j] * dy[o + ch m + j]}. */
    private static void inputTap(Object f, int fi, Object dy, int o, Object dx, int xi, int c, int m) {
        if (f instanceof float[] ff) {
            float[] g = (float[]) dy, r = (float[]) dx;
            for (int ch = 0; ch < c; ch++) for (int j = 0, k = ch * m; j < m; j++, k++) r[xi + ch] += ff[fi + k] * g[o + k];
        } else {
            double[] fd = (double[]) f, g = (double[]) dy, r = (double[]) dx;
            for (int ch = 0; ch < c; ch++) for (int j = 0, k = ch * m; j < m; j++, k++) r[xi + ch] += fd[fi + k] * g[o + k];
        }
    }

    /** {@code df[fi + ch m + j] += x[xi + ch] * dy[o + ch m + j]}. */
    private static void filterTap(Object x, int xi, Object dy, int o, Object df, int fi, int c, int m) {
        if (x instanceof float[] xf) {
            float[] g = (float[]) dy, r = (float[]) df;
            for (int ch = 0; ch < c; ch++) for (int j = 0, k = ch * m; j < m; j++, k++) r[fi + k] += xf[xi + ch] * g[o + k];
        } else {
            double[] xd = (double[]) x, g = (double[]) dy, r = (double[]) df;
            for (int ch = 0; ch < c; ch++) for (int j = 0, k = ch * m; j < m; j++, k++) r[fi + k] += xd[xi + ch] * g[o + k];
        }
    }
}
