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

/**
 * {@code MaxPool}, {@code AvgPool}, {@code MaxPool3D}, {@code AvgPool3D} (and 1-D variants, which
 * TF runs as 2-D pools of an expanded input) over channels-last inputs, with full-rank
 * {@code ksize} and {@code strides} attributes. Padding never wins a max, and an average divides
 * by the number of real (unpadded) elements in the window, as TF does.
 */
public final class Pooling extends Op {
    public static final Pooling MAX_POOL1D = new Pooling("MaxPool1D", 1, true).withGradient(PoolingGrad::ofPool)
            .withDecomposition(AsTwoDimensional.of(() -> Pooling.MAX_POOL, 1, 1));
    public static final Pooling MAX_POOL = new Pooling("MaxPool", 2, true).withGradient(PoolingGrad::ofPool);
    public static final Pooling MAX_POOL3D = new Pooling("MaxPool3D", 3, true).withGradient(PoolingGrad::ofPool);
    public static final Pooling AVG_POOL1D = new Pooling("AvgPool1D", 1, false).withGradient(PoolingGrad::ofPool)
            .withDecomposition(AsTwoDimensional.of(() -> Pooling.AVG_POOL, 1, 1));
    public static final Pooling AVG_POOL = new Pooling("AvgPool", 2, false).withGradient(PoolingGrad::ofPool);
    public static final Pooling AVG_POOL3D = new Pooling("AvgPool3D", 3, false).withGradient(PoolingGrad::ofPool);

    private final int spatial;
    private final boolean max;

    private Pooling(String name, int spatial, boolean max) {
        // an average pool keeps its input's shape for its gradient
        super(name, Window.pooling("input:T -> output:T", "data_format: string = None",
                "orig_input_shape: list(int) = None"));
        this.spatial = spatial;
        this.max = max;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Window w = window(in[0].shape(), in[0].dtype(), attrs);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), w.outputShape(spatial, w.channels))};
    }

    int spatial() { return spatial; }

    boolean isMax() { return max; }

    /** The window over an input of shape {@code s}, after TF's checks of the dtype and the attributes. */
    Window window(Shape s, DType dtype, Attrs attrs) {
        int rank = spatial + 2;
        // TF's 3-D pools have no float16 CPU kernel and AvgPool3D no double one. MaxPool3D's op lists no double at
        // all, but JFlow keeps its double kernel: the conformance harness pools in double to find exact maxima.
        if (spatial == 3 && !(max && dtype == DType.FLOAT64)) Reals.requireKernel(dtype, name(), Reals.FLOAT_TYPES);
        else Reals.requireFloating(dtype, name());
        if (s.rank() != rank) {
            throw new InvalidArgumentError("tensor_in must be " + rank + "-dimensional " + s.toErrorString());
        }
        Window.checkChannelsLast(attrs.getString("data_format", null), rank, name());
        int[] ksize = check(attrs.getInts("ksize"), rank, "ksize"), strides = check(attrs.getInts("strides"), rank, "stride");
        return new Window(s.dimsView(), java.util.Arrays.copyOfRange(ksize, 1, rank - 1), strides, null, attrs.getString("padding"), name());
    }

    private int[] check(int[] v, int rank, String field) {
        if (v.length != rank) {
            throw new InvalidArgumentError("Sliding window " + field + " field must specify " + rank + " dimensions");
        }
        if (v[0] != 1) throw new UnimplementedError("Pooling is not yet supported on the batch dimension.");
        if (v[rank - 1] != 1) throw new UnimplementedError("Pooling across depth is not supported yet");
        for (int x : v) {
            if (x < 1) throw new InvalidArgumentError("Sliding window " + field + " must be positive, got " + x);
        }
        return v;
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Window w = window(in[0].shape(), in[0].dtype(), attrs);
        int c = w.channels, outPos = w.outPositions(), inPos = w.inPositions();
        Object x = Reals.computeBuffer(in[0]);
        Object y = Reals.newLike(x, w.batch * outPos * c);
        if (max) fill(y, in[0].dtype().min());
        Parallel.forRange(w.batch * outPos, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, w.insideTaps() * c)),
                (from, to) -> {
            int[] count = new int[1];
            for (int row = from; row < to; row++) {
                int base = (row / outPos) * inPos, o = row * c;
                count[0] = 0;
                w.forEachInsideTap(row % outPos, (tap, ip) -> {
                    if (ip >= 0) combine(x, (base + ip) * c, y, o, c, max, count[0]++ == 0);
                });
                if (!max) divide(y, o, c, count[0]);
            }
        });
        return new Tensor[] {Reals.fromCompute(in[0].dtype(), out[0].shape(), y)};
    }

    /**
     * Folds one window element's channels into the output row. Max as TF's CPU kernel (Eigen's
     * {@code cwiseMax} from the dtype's lowest value): an element wins only when greater, so NaN never
     * wins and a window of NaN alone gives the lowest value. Sums copy their first element.
     */
    private static void combine(Object x, int xi, Object y, int o, int c, boolean max, boolean first) {
        if (first && !max) {
            System.arraycopy(x, xi, y, o, c);
        } else if (x instanceof float[] xf) {
            float[] yf = (float[]) y;
            for (int ch = 0; ch < c; ch++) yf[o + ch] = max ? greater(xf[xi + ch], yf[o + ch]) : yf[o + ch] + xf[xi + ch];
        } else {
            double[] xd = (double[]) x, yd = (double[]) y;
            for (int ch = 0; ch < c; ch++) yd[o + ch] = max ? greater(xd[xi + ch], yd[o + ch]) : yd[o + ch] + xd[xi + ch];
        }
    }

    private static float greater(float x, float y) { return x > y ? x : y; }

    private static double greater(double x, double y) { return x > y ? x : y; }

    private static void fill(Object y, double value) {
        if (y instanceof float[] yf) java.util.Arrays.fill(yf, (float) value);
        else java.util.Arrays.fill((double[]) y, value);
    }

    private static void divide(Object y, int o, int c, int count) {
        if (y instanceof float[] yf) for (int ch = 0; ch < c; ch++) yf[o + ch] /= count;
        else for (int ch = 0; ch < c; ch++) ((double[]) y)[o + ch] /= count;
    }
}
