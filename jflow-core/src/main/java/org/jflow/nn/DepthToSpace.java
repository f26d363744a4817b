package org.jflow.nn;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import static org.jflow.autodiff.Grads.unary;

/**
 * {@code DepthToSpace} and its inverse {@code SpaceToDepth} on NHWC tensors of any dtype, attribute
 * {@code block_size}: depth index {@code (i * block + j) * outDepth + c} of input pixel (h, w) is
 * pixel (h * block + i, w * block + j), channel c, of the output (TF's DCR order).
 */
public final class DepthToSpace extends Op {
    public static final DepthToSpace DEPTH_TO_SPACE = new DepthToSpace("DepthToSpace", true)
            .withGradient(unary((g, dy) -> Dispatcher.execute1(DepthToSpace.SPACE_TO_DEPTH, g.attrs(), dy)));
    public static final DepthToSpace SPACE_TO_DEPTH = new DepthToSpace("SpaceToDepth", false)
            .withGradient(unary((g, dy) -> Dispatcher.execute1(DepthToSpace.DEPTH_TO_SPACE, g.attrs(), dy)));

    private final boolean toSpace;

    private DepthToSpace(String name, boolean toSpace) {
        super(name, Signature.of("input -> output", "block_size: int", "data_format: string = None"));
        this.toSpace = toSpace;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Shape s = in[0].shape();
        if (in[0].dtype().isComplex()) { // its kernel moves single slots, not complex pairs
            throw new org.jflow.errors.UnimplementedError("JFlow has no " + in[0].dtype().tfName() + " kernel for " + name() + " yet");
        }
        int bs = attrs.getInt("block_size");
        if (bs < 2) {
            throw new InvalidArgumentError("Value for attr 'block_size' of " + bs + " must be at least minimum 2");
        }
        if (toSpace && bs > 46340) { // TF's DepthToSpaceOp: block_size squared must fit an int
            throw new InvalidArgumentError("Block size should be > 1 and <= 46340 but was: " + bs);
        }
        Window.checkChannelsLast(attrs.getString("data_format", null), 4, name());
        if (s.rank() != 4) throw new InvalidArgumentError("Input rank should be: 4 instead of: " + s.rank());
        int n = s.get(0), h = s.get(1), w = s.get(2), c = s.get(3);
        if (toSpace) {
            if (c != Shape.UNKNOWN && c % (bs * bs) != 0) {
                throw new InvalidArgumentError("Input depth dimension " + c + " should be divisible by: " + bs * bs);
            }
            return spec(in[0], n, scaled(h, bs, 1), scaled(w, bs, 1), scaled(c, 1, bs * bs));
        }
        if ((h != Shape.UNKNOWN && h % bs != 0) || (w != Shape.UNKNOWN && w % bs != 0)) {
            throw new InvalidArgumentError("Image width " + w + " and height " + h + " should be divisible by block_size: " + bs);
        }
        return spec(in[0], n, scaled(h, 1, bs), scaled(w, 1, bs), scaled(c, bs * bs, 1));
    }

    /** {@code d * times / by}, unknown where {@code d} is (a traced shape). */
    private static int scaled(int d, int times, int by) { return d == Shape.UNKNOWN ? d : d * times / by; }

    private static TensorSpec[] spec(Tensor x, int... dims) {
        return new TensorSpec[] {new TensorSpec(x.dtype(), Shape.of(dims))};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        int bs = attrs.getInt("block_size");
        // walk the deep side (few pixels, many channels); each block offset moves a run of `depth` channels
        Shape deep = toSpace ? in[0].shape() : out[0].shape();
        int n = deep.get(0), h = deep.get(1), w = deep.get(2), depth = deep.get(3) / (bs * bs);
        Object x = in[0].data(), y = Buffers.allocate(in[0].dtype(), in[0].size());
        for (int b = 0; b < n; b++)
            for (int r = 0; r < h; r++)
                for (int col = 0; col < w; col++)
                    for (int i = 0; i < bs; i++)
                        for (int j = 0; j < bs; j++) {
                            int deepAt = ((b * h + r) * w + col) * depth * bs * bs + (i * bs + j) * depth;
                            int flatAt = ((b * h * bs + r * bs + i) * w * bs + col * bs + j) * depth;
                            if (toSpace) System.arraycopy(x, deepAt, y, flatAt, depth);
                            else System.arraycopy(x, flatAt, y, deepAt, depth);
                        }
        return new Tensor[] {Tensor.wrap(in[0].dtype(), out[0].shape(), y)};
    }
}
