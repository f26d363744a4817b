package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.linalg.Gemm;
import org.jflow.linalg.Gemm.View;

/**
 * The transposed convolution ({@code Conv2DBackpropInput}, {@code Conv3DBackpropInputV2}, and a
 * 1-D variant): the adjoint of {@link Convolution}, giving the gradient with respect to the input
 * of shape attribute {@code input_sizes}. Inputs: filter {@code [spatial..., in, out]} and
 * {@code out_backprop} {@code [batch, conv output spatial..., out]}. Each block of output
 * positions is multiplied by the transposed filter and scattered back (col2im); batch elements
 * write disjoint regions and run in parallel.
 */
public final class ConvolutionBackpropInput extends Op {
    public static final ConvolutionBackpropInput CONV1D = new ConvolutionBackpropInput("Conv1DBackpropInput", 1)
            .withDecomposition(AsTwoDimensional.of(() -> ConvolutionBackpropInput.CONV2D, 1, 0, 1))
            .withGradient(ConvolutionGradients.backpropInput(() -> Convolution.CONV1D, () -> ConvolutionBackpropFilter.CONV1D));
    public static final ConvolutionBackpropInput CONV2D = new ConvolutionBackpropInput("Conv2DBackpropInput", 2)
            .withGradient(ConvolutionGradients.backpropInput(() -> Convolution.CONV2D, () -> ConvolutionBackpropFilter.CONV2D));
    public static final ConvolutionBackpropInput CONV3D = new ConvolutionBackpropInput("Conv3DBackpropInputV2", 3)
            .withGradient(ConvolutionGradients.backpropInput(() -> Convolution.CONV3D, () -> ConvolutionBackpropFilter.CONV3D));

    private static final int BLOCK = 64;

    private final int spatial;

    private ConvolutionBackpropInput(String name, int spatial) {
        super(name, Window.convolution("filter, out_backprop -> output", "input_sizes: list(int)",
                "filter_sizes: list(int) = None"));
        this.spatial = spatial;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        window(in, attrs);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.of(inputSizes(attrs, in[1].shape())))};
    }

    /**
     * Attribute {@code input_sizes}, its batch taken from out_backprop where it is unknown (-1): a
     * gradient traced on an unknown batch gets the batch when it runs, as TF's from {@code Shape(x)}.
     */
    static int[] inputSizes(Attrs attrs, Shape dy) {
        int[] sizes = attrs.getInts("input_sizes");
        if (sizes.length == 0 || sizes[0] != Shape.UNKNOWN || !dy.hasRank() || dy.rank() == 0) return sizes;
        int[] resolved = sizes.clone();
        resolved[0] = dy.get(0);
        return resolved;
    }

    private Window window(Tensor[] in, Attrs attrs) {
        int rank = spatial + 2;
        Convolution.checkConvDTypes(in, name());
        String label = "Conv" + spatial + "DCustomBackpropInput: ";
        Shape f = in[0].shape(), dy = in[1].shape();
        int[] sizes = inputSizes(attrs, dy);
        if (sizes.length != rank) {
            throw new InvalidArgumentError(label + "input_sizes must be " + rank + "-dimensional, got " + sizes.length);
        }
        if (f.rank() != rank) throw new InvalidArgumentError(label + "filter must be " + rank + "-dimensional");
        if (dy.rank() != rank) throw new InvalidArgumentError(label + "out_backprop must be " + rank + "-dimensional");
        Window.checkChannelsLast(attrs.getString("data_format", null), rank, name());
        if (!Shape.compatibleDims(sizes[0], dy.get(0))) {
            throw new InvalidArgumentError(label + "input and out_backprop must have the same batch size. Input batch: " + sizes[0]
                    + ", outbackprop batch: " + dy.get(0));
        }
        if (!Shape.compatibleDims(sizes[rank - 1], f.get(-2))) {
            throw new InvalidArgumentError(label + "input and filter must have the same depth: " + sizes[rank - 1] + " vs " + f.get(-2));
        }
        if (!Shape.compatibleDims(f.get(-1), dy.get(-1))) {
            throw new InvalidArgumentError(label + "filter and out_backprop must have the same out_depth: " + f.get(-1) + " vs "
                    + dy.get(-1));
        }
        int[] strides = Window.checkConvAttr((int[]) attrs.get("strides"), rank, "strides", name());
        int[] dilations = Window.checkConvAttr((int[]) attrs.get("dilations"), rank, "dilations", name());
        Window w = new Window(sizes, java.util.Arrays.copyOf(f.dimsView(), spatial), strides, dilations, attrs.getString("padding"), name());
        for (int i = 0; i < spatial; i++) {
            int computed = w.out[3 - spatial + i], actual = dy.get(1 + i);
            if (!Shape.compatibleDims(computed, actual)) {
                throw new InvalidArgumentError(label + "Size of out_backprop doesn't match computed: actual = " + actual + ", computed = "
                        + computed + " spatial_dim: " + (1 + i) + " input: " + sizes[1 + i] + " filter: " + f.get(i) + " output: "
                        + actual + " stride: " + strides[1 + i] + " dilation: " + dilations[1 + i]);
            }
        }
        return w;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in, attrs);
        int cin = w.channels, cout = in[0].shape().get(-1), k = w.taps() * cin;
        int outPos = w.outPositions(), inPos = w.inPositions();
        Object f = Reals.computeBuffer(in[0]), dy = Reals.computeBuffer(in[1]);
        Object dx = Reals.newResult(in[0].dtype(), f, w.batch * inPos * cin);
        Parallel.forRange(w.batch, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, outPos * k * cout)), (from, to) -> {
            Object col = Reals.newLike(f, BLOCK * k);
            for (int b = from; b < to; b++) {
                for (int p0 = 0; p0 < outPos; p0 += BLOCK) {
                    int n = Math.min(BLOCK, outPos - p0);
                    Window.zero(col, 0, n * k);
                    Gemm.gemm(n, k, cout, dy, new View((b * outPos + p0) * cout, cout, 1), f, View.of(0, k, cout, true), col, 0, k);
                    col2im(w, col, dx, b * inPos, p0, n);
                }
            }
        });
        return new Tensor[] {Reals.fromCompute(in[0].dtype(), out[0].shape(), dx)};
    }

    /** Adds the im2col rows of positions {@code [p0, p0 + n)} back onto the input positions they read. */
    private static void col2im(Window w, Object col, Object dx, int base, int p0, int n) {
        int cin = w.channels, k = w.taps() * cin;
        for (int r = 0; r < n; r++) {
            int colRow = r * k;
            w.forEachTap(p0 + r, (tap, ip) -> {
                if (ip >= 0) addInto(col, colRow + tap * cin, dx, (base + ip) * cin, cin);
            });
        }
    }

    private static void addInto(Object src, int s, Object dst, int d, int n) {
        if (src instanceof float[] a) {
            float[] o = (float[]) dst;
            for (int i = 0; i < n; i++) o[d + i] += a[s + i];
        } else {
            double[] a = (double[]) src, o = (double[]) dst;
            for (int i = 0; i < n; i++) o[d + i] += a[s + i];
        }
    }
}
