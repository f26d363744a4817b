package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * The graph's own ops: {@code Const}, {@code Placeholder} and {@code NoOp} (TF's
 * {@code gen_array_ops}/{@code gen_no_op}), and JFlow's engine ops {@code CustomGradient} and
 * {@code FusedElementwise}, whose attributes (a gradient function, a fused expression) only the
 * engine builds and so come as {@link Attrs}. Java keywords get a trailing underscore.
 */
public final class RawGraph {
    private static final Op CONST = Raw.op("Const");
    private static final Op CUSTOM_GRADIENT = Raw.op("CustomGradient");
    private static final Op FUSED_ELEMENTWISE = Raw.op("FusedElementwise");
    private static final Op NO_OP = Raw.op("NoOp");
    private static final Op PLACEHOLDER = Raw.op("Placeholder");

    private RawGraph() {}

    /** {@code Const}: {@code value} as an op (a graph node when traced). */
    public static Tensor const_(Tensor value) { return Raw.one(CONST, Attrs.of("value", value)); }

    /** {@code Placeholder}: a graph input of {@code dtype} and {@code shape}, fed by {@code name}. */
    public static Tensor placeholder(DType dtype, Shape shape, String name) {
        return Raw.one(PLACEHOLDER, Attrs.of("dtype", dtype, "shape", shape, "name", name));
    }

    public static void noOp() { Raw.all(NO_OP, Attrs.EMPTY); }

    public static Tensor[] customGradient(List<Tensor> input, Attrs gradient) {
        return Raw.all(CUSTOM_GRADIENT, gradient, Raw.list(input));
    }

    public static Tensor fusedElementwise(List<Tensor> input, Attrs expression) {
        return Raw.one(FUSED_ELEMENTWISE, expression, Raw.list(input));
    }
}
