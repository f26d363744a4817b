package org.jflow.nn;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Decomposition;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.raw.RawArray;

import java.util.function.Supplier;

/**
 * The decomposition of JFlow's 1-D convolution and pooling ops (and their gradients) into TF's 2-D
 * ops, as TF's Python {@code conv1d} and {@code max_pool1d} build them: each channels-last input
 * gains a unit height ({@code [batch, 1, width, channels]}, a filter {@code [1, width, in, out]}),
 * window attributes and shapes gain the matching 1, the 2-D op runs, and the unit dim is squeezed.
 */
final class AsTwoDimensional {
    private AsTwoDimensional() {}

    /** Window attributes that gain a 1 at position 1 (batch stays first). */
    private static final String[] WINDOW_ATTRS = {"strides", "dilations", "ksize", "input_sizes", "orig_input_shape"};

    /**
     * {@code op2d} on the inputs expanded at {@code inputAxes} (one per input), its output squeezed at
     * {@code outputAxis}; a supplier, as the 2-D op may be declared after the 1-D one.
     */
    static Decomposition of(Supplier<Op> op2d, int outputAxis, int... inputAxes) {
        return (in, attrs) -> {
            Tensor[] expanded = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) expanded[i] = RawArray.expandDims(in[i], inputAxes[i]);
            Tensor out = Dispatcher.execute1(op2d.get(), widened(attrs), expanded);
            return new Tensor[] {RawArray.squeeze(out, new int[] {outputAxis})};
        };
    }

    private static Attrs widened(Attrs attrs) {
        Attrs out = attrs;
        for (String key : WINDOW_ATTRS) {
            if (attrs.get(key) instanceof int[] v) out = out.with(key, insertOne(v, 1));
        }
        if (attrs.get("filter_sizes") instanceof int[] f) out = out.with("filter_sizes", insertOne(f, 0));
        return out;
    }

    private static int[] insertOne(int[] v, int at) {
        int[] w = new int[v.length + 1];
        System.arraycopy(v, 0, w, 0, at);
        w[at] = 1;
        System.arraycopy(v, at, w, at + 1, v.length - at);
        return w;
    }
}
