package org.jflow.nn;

import org.jflow.Tensor;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Gradient;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.errors.UnimplementedError;

import java.util.function.Supplier;

/**
 * The gradients of a convolution family (regular or depthwise): the forward op, its input
 * backprop and its filter backprop are each other's adjoints, so each one's gradient is written
 * with the other two (TF's Conv2DGrad, Conv2DBackpropInputGrad, Conv2DBackpropFilterGrad), with
 * the same stride, padding and dilation attributes. The ops come as suppliers: the three are
 * declared in classes that initialize each other.
 */
final class ConvolutionGradients {
    private ConvolutionGradients() {}

    /** forward(x, f): dx = backpropInput(f, dy), df = backpropFilter(x, dy). */
    static Gradient forward(Supplier<Op> backpropInput, Supplier<Op> backpropFilter) {
        return (g, dy) -> {
            Tensor x = g.input(0), f = g.input(1);
            return new Tensor[] {
                g.needs(0) ? Dispatcher.execute1(backpropInput.get(), g.attrs().with("input_sizes", x.shape().dims()), f, dy[0]) : null,
                g.needs(1) ? Dispatcher.execute1(backpropFilter.get(), g.attrs().with("filter_sizes", filterSizes(g, f)), x, dy[0]) : null};
        };
    }

    /**
     * The filter's dims, the filter backprop's {@code filter_sizes} attribute. TF passes
     * {@code Shape(filter)} as an input where they are unknown while tracing; JFlow's attribute
     * cannot hold one, so that gradient refuses (filters are variables of known shape in Keras).
     */
    private static int[] filterSizes(GradientContext g, Tensor f) {
        if (!f.shape().isFullyDefined()) {
            throw new UnimplementedError("JFlow's " + g.op().name() + " gradient needs the filter's dims known while tracing, got "
                    + f.shape());
        }
        return f.shape().dims();
    }

    /** backpropInput(f, dy), linear in each: df = backpropFilter(grad, dy), d(dy) = forward(grad, f). */
    static Gradient backpropInput(Supplier<Op> forward, Supplier<Op> backpropFilter) {
        return (g, up) -> {
            Tensor f = g.input(0), dy = g.input(1), grad = up[0];
            return new Tensor[] {
                g.needs(0) ? Dispatcher.execute1(backpropFilter.get(), g.attrs().with("filter_sizes", filterSizes(g, f)), grad, dy) : null,
                g.needs(1) ? Dispatcher.execute1(forward.get(), g.attrs(), grad, f) : null};
        };
    }

    /** backpropFilter(x, dy), linear in each: dx = backpropInput(grad, dy), d(dy) = forward(x, grad). */
    static Gradient backpropFilter(Supplier<Op> forward, Supplier<Op> backpropInput) {
        return (g, up) -> {
            Tensor x = g.input(0), dy = g.input(1), grad = up[0];
            return new Tensor[] {
                g.needs(0) ? Dispatcher.execute1(backpropInput.get(), g.attrs().with("input_sizes", x.shape().dims()), grad, dy) : null,
                g.needs(1) ? Dispatcher.execute1(forward.get(), g.attrs(), x, grad) : null};
        };
    }
}
