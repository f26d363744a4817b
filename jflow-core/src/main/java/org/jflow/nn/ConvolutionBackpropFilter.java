package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.linalg.Gemm;
import org.jflow.linalg.Gemm.View;

/**
 * The gradient of {@link Convolution} with respect to its filter ({@code Conv2DBackpropFilter},
 * {@code Conv3DBackpropFilterV2}, and a 1-D variant): inputs {@code input} and {@code out_backprop},
 * the filter's shape as attribute {@code filter_sizes}. Blocks of output positions are lowered to
 * im2col rows (as the forward kernel does) and their transpose times the upstream block is
 * accumulated into the filter with linalg's {@link Gemm}.
 */
public final class ConvolutionBackpropFilter extends Op {
    public static final ConvolutionBackpropFilter CONV1D = new ConvolutionBackpropFilter("Conv1DBackpropFilter", 1)
            .withDecomposition(AsTwoDimensional.of(() -> ConvolutionBackpropFilter.CONV2D, 0, 1, 1))
            .withGradient(ConvolutionGradients.backpropFilter(() -> Convolution.CONV1D, () -> ConvolutionBackpropInput.CONV1D));
    public static final ConvolutionBackpropFilter CONV2D = new ConvolutionBackpropFilter("Conv2DBackpropFilter", 2)
            .withGradient(ConvolutionGradients.backpropFilter(() -> Convolution.CONV2D, () -> ConvolutionBackpropInput.CONV2D));
    public static final ConvolutionBackpropFilter CONV3D = new ConvolutionBackpropFilter("Conv3DBackpropFilterV2", 3)
            .withGradient(ConvolutionGradients.backpropFilter(() -> Convolution.CONV3D, () -> ConvolutionBackpropInput.CONV3D));

    private static final int BLOCK = 256;

    private final int spatial;

    private ConvolutionBackpropFilter(String name, int spatial) {
        super(name, Window.convolution("input, out_backprop -> output", "filter_sizes: list(int)",
                "input_sizes: list(int) = None"));
        this.spatial = spatial;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        window(in, attrs);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.of(attrs.getInts("filter_sizes")))};
    }

    private Window window(Tensor[] in, Attrs attrs) {
        int rank = spatial + 2;
        Convolution.checkConvDTypes(in, name());
        String label = "Conv" + spatial + "DCustomBackpropFilter: ";
        int[] sizes = attrs.getInts("filter_sizes");
        Shape x = in[0].shape(), dy = in[1].shape();
        if (sizes.length != rank) {
            throw new InvalidArgumentError(label + "filter_sizes must be " + rank + "-dimensional, got " + sizes.length);
        }
        if (x.rank() != rank) throw new InvalidArgumentError(label + "input must be " + rank + "-dimensional");
        if (dy.rank() != rank) throw new InvalidArgumentError(label + "out_backprop must be " + rank + "-dimensional");
        Window.checkChannelsLast(attrs.getString("data_format", null), rank, name());
        if (!Shape.compatibleDims(x.get(0), dy.get(0))) {
            throw new InvalidArgumentError(label + "input and out_backprop must have the same batch size. Input batch: " + x.get(0)
                    + ", outbackprop batch: " + dy.get(0));
        }
        if (!Shape.compatibleDims(x.get(-1), sizes[rank - 2])) {
            throw new InvalidArgumentError(label + "input and filter must have the same depth: " + x.get(-1) + " vs " + sizes[rank - 2]);
        }
        if (!Shape.compatibleDims(sizes[rank - 1], dy.get(-1))) {
            throw new InvalidArgumentError(label + "filter and out_backprop must have the same out_depth: " + sizes[rank - 1] + " vs "
                    + dy.get(-1));
        }
        int[] strides = Window.checkConvAttr((int[]) attrs.get("strides"), rank, "strides", name());
        int[] dilations = Window.checkConvAttr((int[]) attrs.get("dilations"), rank, "dilations", name());
        Window w = new Window(x.dimsView(), java.util.Arrays.copyOf(sizes, spatial), strides, dilations, attrs.getString("padding"), name());
        if (!w.outputShape(spatial, sizes[rank - 1]).isCompatibleWith(dy)) {
            throw new InvalidArgumentError(label + "Size of out_backprop doesn't match computed: actual = " + dy.toErrorString()
                    + ", computed = " + w.outputShape(spatial, sizes[rank - 1]).toErrorString());
        }
        return w;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in, attrs);
        int cout = in[1].shape().get(-1), k = w.taps() * w.channels, rows = w.batch * w.outPositions();
        Object x = Reals.computeBuffer(in[0]), dy = Reals.computeBuffer(in[1]);
        Object df = Reals.newResult(in[0].dtype(), x, k * cout), col = Reals.newLike(x, BLOCK * k);
        for (int r0 = 0; r0 < rows; r0 += BLOCK) { // Gemm splits the bigger products between threads itself
            int n = Math.min(BLOCK, rows - r0);
            Convolution.im2col(w, x, col, r0, n);
            Gemm.gemm(k, cout, n, col, View.of(0, n, k, true), dy, new View(r0 * cout, cout, 1), df, 0, cout);
        }
        return new Tensor[] {Reals.fromCompute(in[0].dtype(), out[0].shape(), df)};
    }
}
