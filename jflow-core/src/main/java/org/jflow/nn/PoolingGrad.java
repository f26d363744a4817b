package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;

/**
 * The gradients of {@link Pooling}, as ops with kernels under TF's names: {@code MaxPoolGrad}
 * (inputs orig_input, orig_output, grad: each window's upstream goes to its maximum, the first
 * one on ties), its adjoint {@code MaxPoolGradGrad} (same inputs, grad shaped as the input: each
 * window reads the gradient at its maximum), and {@code AvgPoolGrad} (input grad, attribute
 * {@code orig_input_shape}: each window's upstream spread evenly over its real elements), with
 * 3-D and 1-D variants. Kernels compute in float64.
 */
public final class PoolingGrad extends Op {
    private enum Kind { MAX_GRAD, MAX_GRAD_GRAD, AVG_GRAD }

    public static final PoolingGrad MAX_POOL1D_GRAD = new PoolingGrad("MaxPool1DGrad", Pooling.MAX_POOL1D, Kind.MAX_GRAD)
            .withDecomposition(AsTwoDimensional.of(() -> PoolingGrad.MAX_POOL_GRAD, 1, 1, 1, 1));
    public static final PoolingGrad MAX_POOL_GRAD = new PoolingGrad("MaxPoolGrad", Pooling.MAX_POOL, Kind.MAX_GRAD);
    public static final PoolingGrad MAX_POOL3D_GRAD = new PoolingGrad("MaxPool3DGrad", Pooling.MAX_POOL3D, Kind.MAX_GRAD);
    public static final PoolingGrad MAX_POOL1D_GRAD_GRAD = new PoolingGrad("MaxPool1DGradGrad", Pooling.MAX_POOL1D, Kind.MAX_GRAD_GRAD)
            .withDecomposition(AsTwoDimensional.of(() -> PoolingGrad.MAX_POOL_GRAD_GRAD, 1, 1, 1, 1));
    public static final PoolingGrad MAX_POOL_GRAD_GRAD = new PoolingGrad("MaxPoolGradGrad", Pooling.MAX_POOL, Kind.MAX_GRAD_GRAD);
    public static final PoolingGrad MAX_POOL3D_GRAD_GRAD = new PoolingGrad("MaxPool3DGradGrad", Pooling.MAX_POOL3D, Kind.MAX_GRAD_GRAD);
    public static final PoolingGrad AVG_POOL1D_GRAD = new PoolingGrad("AvgPool1DGrad", Pooling.AVG_POOL1D, Kind.AVG_GRAD)
            .withDecomposition(AsTwoDimensional.of(() -> PoolingGrad.AVG_POOL_GRAD, 1, 1));
    public static final PoolingGrad AVG_POOL_GRAD = new PoolingGrad("AvgPoolGrad", Pooling.AVG_POOL, Kind.AVG_GRAD);
    public static final PoolingGrad AVG_POOL3D_GRAD = new PoolingGrad("AvgPool3DGrad", Pooling.AVG_POOL3D, Kind.AVG_GRAD);

    private static final PoolingGrad[] MAX_GRADS = {MAX_POOL1D_GRAD, MAX_POOL_GRAD, MAX_POOL3D_GRAD};
    private static final PoolingGrad[] MAX_GRAD_GRADS = {MAX_POOL1D_GRAD_GRAD, MAX_POOL_GRAD_GRAD, MAX_POOL3D_GRAD_GRAD};
    private static final PoolingGrad[] AVG_GRADS = {AVG_POOL1D_GRAD, AVG_POOL_GRAD, AVG_POOL3D_GRAD};

    private final Pooling forward;
    private final Kind kind;

    private PoolingGrad(String name, Pooling forward, Kind kind) {
        super(name, name.startsWith("Avg")
                ? Window.pooling("grad -> output", "orig_input_shape: list(int)")
                : Window.pooling("orig_input, orig_output, grad -> output"));
        this.forward = forward;
        this.kind = kind;
        withGradient(this::gradient);
    }

    /** A pooling op's gradient. */
    static Tensor[] ofPool(GradientContext g, Tensor[] dy) {
        Pooling pool = (Pooling) g.op();
        int s = pool.spatial() - 1;
        if (!pool.isMax()) {
            return new Tensor[] {Dispatcher.execute1(AVG_GRADS[s], g.attrs().with("orig_input_shape", g.x().shape().dims()), dy[0])};
        }
        return new Tensor[] {Dispatcher.execute1(MAX_GRADS[s], g.attrs(), g.x(), g.out(), dy[0])};
    }

    /**
     * Each is linear in its gradient input, with the other as adjoint; the max routing is piecewise
     * constant in the original input and output, so they get zeros.
     */
    private Tensor[] gradient(GradientContext g, Tensor[] up) {
        int s = forward.spatial() - 1;
        if (kind == Kind.AVG_GRAD) return new Tensor[] {Dispatcher.execute1(forward, g.attrs(), up[0])};
        PoolingGrad adjoint = kind == Kind.MAX_GRAD ? MAX_GRAD_GRADS[s] : MAX_GRADS[s];
        return new Tensor[] {RawArray.zerosLike(g.input(0)), RawArray.zerosLike(g.input(1)),
            Dispatcher.execute1(adjoint, g.attrs(), g.input(0), g.input(1), up[0])};
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Shape input = kind == Kind.AVG_GRAD ? origInputShape(attrs, in[0].shape()) : in[0].shape();
        Window w = forward.window(input, in[0].dtype(), attrs);
        Shape pooled = w.outputShape(forward.spatial(), w.channels);
        Shape grad = in[in.length - 1].shape();
        if (kind != Kind.AVG_GRAD) {
            for (int i = 1; i < 3; i++) Reals.requireSameDType(in, i, name());
            if (!in[1].shape().isCompatibleWith(pooled)) throw mismatch("orig_output", in[1].shape(), pooled);
        }
        Shape expected = kind == Kind.MAX_GRAD_GRAD ? input : pooled;
        if (!grad.isCompatibleWith(expected)) throw mismatch("grad", grad, expected);
        return new TensorSpec[] {new TensorSpec(in[0].dtype(), kind == Kind.MAX_GRAD_GRAD ? pooled : input)};
    }

    /** Attribute {@code orig_input_shape}, an unknown (-1) batch taken from the gradient's (a gradient traced on an unknown batch). */
    private static Shape origInputShape(Attrs attrs, Shape grad) {
        int[] d = attrs.getInts("orig_input_shape").clone();
        if (d.length > 0 && d[0] == Shape.UNKNOWN && grad.hasRank() && grad.rank() > 0) d[0] = grad.get(0);
        return Shape.of(d);
    }

    private InvalidArgumentError mismatch(String what, Shape actual, Shape expected) {
        return new InvalidArgumentError("Expected " + what + " shape to be " + expected.toErrorString() + ", but got "
                + actual.toErrorString());
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor grad = in[in.length - 1];
        Shape input = kind == Kind.AVG_GRAD ? origInputShape(attrs, in[0].shape()) : in[0].shape();
        Window w = forward.window(input, grad.dtype(), attrs);
        double[] g = Reals.doubles(grad), result = new double[out[0].shape().size()];
        if (kind == Kind.AVG_GRAD) spreadAverages(w, g, result);
        else {
            int[] arg = argmax(w, Reals.doubles(in[0]));
            if (kind == Kind.MAX_GRAD) for (int o = 0; o < arg.length; o++) result[arg[o]] += g[o];
            else for (int o = 0; o < arg.length; o++) result[o] = g[arg[o]];
        }
        return new Tensor[] {Reals.fromDoubles(grad.dtype(), out[0].shape(), result)};
    }

    /** For each pooled element, the flat input index of its window's first maximum. */
    private static int[] argmax(Window w, double[] x) {
        int c = w.channels, outPos = w.outPositions(), inPos = w.inPositions();
        int[] arg = new int[w.batch * outPos * c];
        Parallel.forRange(w.batch * outPos, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, w.insideTaps() * c)),
                (from, to) -> {
            boolean[] first = new boolean[1];
            for (int row = from; row < to; row++) {
                int base = (row / outPos) * inPos, o = row * c;
                first[0] = true;
                w.forEachInsideTap(row % outPos, (tap, ip) -> {
                    if (ip < 0) return;
                    int xi = (base + ip) * c;
                    for (int ch = 0; ch < c; ch++) if (first[0] || x[xi + ch] > x[arg[o + ch]]) arg[o + ch] = xi + ch;
                    first[0] = false;
                });
            }
        });
        return arg;
    }

    /** Adds each window's upstream, divided by its count of real elements, onto those elements; batch elements in parallel. */
    private static void spreadAverages(Window w, double[] g, double[] dx) {
        int c = w.channels, outPos = w.outPositions(), inPos = w.inPositions();
        Parallel.forRange(w.batch, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, outPos * w.insideTaps() * c)),
                (from, to) -> {
            int[] count = new int[1];
            for (int row = from * outPos; row < to * outPos; row++) {
                int base = (row / outPos) * inPos, o = row * c;
                count[0] = 0;
                w.forEachInsideTap(row % outPos, (tap, ip) -> { if (ip >= 0) count[0]++; });
                double scale = 1.0 / count[0];
                w.forEachInsideTap(row % outPos, (tap, ip) -> {
                    if (ip < 0) return;
                    int xi = (base + ip) * c;
                    for (int ch = 0; ch < c; ch++) dx[xi + ch] += g[o + ch] * scale;
                });
            }
        });
    }
}
