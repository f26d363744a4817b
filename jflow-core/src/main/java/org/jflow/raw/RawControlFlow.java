package org.jflow.raw;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * TF's {@code gen_functional_ops} control flow: {@code If}, {@code While} and their stateless
 * forms, and JFlow's {@code WhileGrad}. Their attributes are the traced branch functions with
 * output dtypes and shapes ({@code then_branch}, {@code else_branch}, {@code cond}, {@code body},
 * {@code Tout}/{@code T}, {@code output_shapes}), which only the control-flow front end builds, so
 * they are passed as the {@link Attrs} it built. Java keywords get a trailing underscore.
 */
public final class RawControlFlow {
    private static final Op IF = Raw.op("If");
    private static final Op STATELESS_IF = Raw.op("StatelessIf");
    private static final Op STATELESS_WHILE = Raw.op("StatelessWhile");
    private static final Op WHILE = Raw.op("While");
    private static final Op WHILE_GRAD = Raw.op("WhileGrad");

    private RawControlFlow() {}

    private static Tensor[] withFirst(Tensor first, List<Tensor> rest) {
        Tensor[] in = new Tensor[rest.size() + 1];
        in[0] = first;
        for (int i = 0; i < rest.size(); i++) in[i + 1] = rest.get(i);
        return in;
    }

    public static Tensor[] if_(Tensor cond, List<Tensor> input, Attrs branches) {
        return Raw.all(IF, branches, withFirst(cond, input));
    }

    public static Tensor[] statelessIf(Tensor cond, List<Tensor> input, Attrs branches) {
        return Raw.all(STATELESS_IF, branches, withFirst(cond, input));
    }

    public static Tensor[] while_(List<Tensor> input, Attrs loop) { return Raw.all(WHILE, loop, Raw.list(input)); }

    public static Tensor[] statelessWhile(List<Tensor> input, Attrs loop) {
        return Raw.all(STATELESS_WHILE, loop, Raw.list(input));
    }

    /** {@code WhileGrad}: the gradient of a {@code While} loop, from the attributes the loop's gradient rule builds. */
    public static Tensor[] whileGrad(List<Tensor> input, Attrs loop) {
        return Raw.all(WHILE_GRAD, loop, Raw.list(input));
    }
}
