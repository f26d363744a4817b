package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
import org.jflow.linalg.Gemm;
import org.jflow.linalg.Gemm.View;

/**
 * {@code Conv2D} and {@code Conv3D} (and {@code Conv1D}, which TF runs as a Conv2D on an expanded
 * input): channels-last input {@code [batch, spatial..., in]}, filter {@code [spatial..., in, out]},
 * attributes {@code strides}, {@code padding}, {@code dilations}, {@code data_format}. The kernel
 * lowers blocks of output positions to im2col rows and multiplies them by the filter with
 * linalg's {@link Gemm}; blocks run in parallel, each block's GEMM on its chunk's thread.
 */
public final class Convolution extends Op {
    public static final Convolution CONV1D = new Convolution("Conv1D", 1)
            .withGradient(ConvolutionGradients.forward(() -> ConvolutionBackpropInput.CONV1D, () -> ConvolutionBackpropFilter.CONV1D))
            .withDecomposition(AsTwoDimensional.of(() -> Convolution.CONV2D, 1, 1, 0));
    public static final Convolution CONV2D = new Convolution("Conv2D", 2)
            .withGradient(ConvolutionGradients.forward(() -> ConvolutionBackpropInput.CONV2D, () -> ConvolutionBackpropFilter.CONV2D));
    public static final Convolution CONV3D = new Convolution("Conv3D", 3)
            .withGradient(ConvolutionGradients.forward(() -> ConvolutionBackpropInput.CONV3D, () -> ConvolutionBackpropFilter.CONV3D));

    /** Output positions lowered at once: their im2col rows stay in cache while the GEMM runs. */
    private static final int BLOCK = 256;

    private final int spatial;

    private Convolution(String name, int spatial) {
        // the sizes ride along for the gradient (the 1-D ops run as 2-D ones)
        super(name, Window.convolution("input, filter -> output", "filter_sizes: list(int) = None",
                "input_sizes: list(int) = None"));
        this.spatial = spatial;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), window(in, attrs).outputShape(spatial, in[1].shape().get(-1)))};
    }

    private Window window(Tensor[] in, Attrs attrs) {
        int rank = spatial + 2;
        checkConvDTypes(in, name());
        Shape x = in[0].shape(), f = in[1].shape();
        if (x.rank() != rank) {
            throw new InvalidArgumentError("convolution input must be " + rank + "-dimensional: " + x.toErrorString());
        }
        if (f.rank() != rank) {
            throw new InvalidArgumentError("convolution filter must be " + rank + "-dimensional: " + f.toErrorString());
        }
        Window.checkChannelsLast(attrs.getString("data_format", null), rank, name());
        if (f.isFullyDefined() && f.size() == 0) { // TF's Conv2DOp: an empty filter has no window to slide
            throw new InvalidArgumentError("filter must not have zero elements (i.e. all dimensions must be non-zero)");
        }
        int inDepth = x.get(-1), filterDepth = f.get(-2);
        if (inDepth != Shape.UNKNOWN && filterDepth != Shape.UNKNOWN && (filterDepth <= 0 || inDepth % filterDepth != 0)) {
            throw new InvalidArgumentError("input depth must be evenly divisible by filter depth: " + inDepth + " vs " + filterDepth);
        }
        if (!Shape.compatibleDims(inDepth, filterDepth)) {
            throw new UnimplementedError("Grouped convolutions are not supported yet: input depth " + inDepth
                    + " vs filter depth " + filterDepth);
        }
        int[] strides = Window.checkConvAttr((int[]) attrs.get("strides"), rank, "strides", name());
        int[] dilations = Window.checkConvAttr((int[]) attrs.get("dilations"), rank, "dilations", name());
        return new Window(x.dimsView(), java.util.Arrays.copyOf(f.dimsView(), spatial), strides, dilations, attrs.getString("padding"), name());
    }

    static void checkConvDTypes(Tensor[] in, String op) {
        Reals.requireFloating(in[0].dtype(), op);
        Reals.requireSameDType(in, 1, op);
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in, attrs);
        int cin = w.channels, cout = in[1].shape().get(-1), k = w.taps() * cin;
        int rows = w.batch * w.outPositions();
        Object x = Reals.computeBuffer(in[0]), f = Reals.computeBuffer(in[1]);
        Object y = Reals.newResult(in[0].dtype(), x, rows * cout);
        int grain = Math.max(BLOCK, Parallel.DEFAULT_GRAIN / Math.max(1, k * cout));
        if (w.isPointwise()) { // the input's rows already are the im2col matrix
            Gemm.gemm(rows, cout, k, x, new View(0, k, 1), f, new View(0, cout, 1), y, 0, cout);
        } else {
            Parallel.forRange(rows, grain, (from, to) -> {
                Object col = Reals.newLike(x, BLOCK * k);
                for (int r0 = from; r0 < to; r0 += BLOCK) {
                    int n = Math.min(BLOCK, to - r0);
                    im2col(w, x, col, r0, n);
                    Gemm.gemm(n, cout, k, col, new View(0, k, 1), f, new View(0, cout, 1), y, r0 * cout, cout);
                }
            });
        }
        DType dtype = in[0].dtype();
        return new Tensor[] {Reals.fromCompute(dtype, out[0].shape(), y)};
    }

    /** Writes the im2col rows of output rows {@code [r0, r0 + n)} (over the whole batch) into {@code col}. */
    static void im2col(Window w, Object x, Object col, int r0, int n) {
        int k = w.taps() * w.channels, outPos = w.outPositions(), inPos = w.inPositions();
        for (int r = 0; r < n; r++) {
            int row = r0 + r;
            w.lowerRow(x, (row / outPos) * inPos, row % outPos, col, r * k);
        }
    }
}
