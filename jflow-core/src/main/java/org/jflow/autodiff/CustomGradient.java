package org.jflow.autodiff;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Recorder;
import org.jflow.engine.TensorSpec;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * TF's {@code tf.custom_gradient}: a function that returns its outputs together with their
 * gradient function. The function runs unrecorded; its outputs then pass through one
 * {@code CustomGradient} op whose gradient is the given one, so tapes see exactly that gradient.
 */
public final class CustomGradient {
    private CustomGradient() {}

    /** What a custom-gradient function returns: its outputs and, given their upstream gradients, its inputs' gradients. */
    public record Result(Tensor[] outputs, Function<Tensor[], Tensor[]> gradient) {}

    /** For one input and one output: {@code CustomGradient.result(y, dy -> ...)}. */
    public static Result result(Tensor output, UnaryOperator<Tensor> gradient) {
        return new Result(new Tensor[] {output}, dy -> new Tensor[] {gradient.apply(dy[0])});
    }

    /** For several inputs or outputs. */
    public static Result result(Tensor[] outputs, Function<Tensor[], Tensor[]> gradient) { return new Result(outputs, gradient); }

    /** Inputs: the function's n inputs, then its outputs; outputs: the outputs again. Attributes: {@code n}, {@code grad_fn}. */
    static final Op CUSTOM_GRADIENT = new Op("CustomGradient", Signature.of("inputs: N * T -> outputs: n * T",
            "n: int", "grad_fn: func")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            int n = attrs.getInt("n");
            TensorSpec[] out = new TensorSpec[in.length - n];
            for (int j = 0; j < out.length; j++) out[j] = new TensorSpec(in[n + j].dtype(), in[n + j].shape());
            return out;
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int n = attrs.getInt("n");
            Tensor[] result = new Tensor[in.length - n];
            for (int j = 0; j < result.length; j++) result[j] = Tensor.wrap(in[n + j].dtype(), in[n + j].shape(), in[n + j].data());
            return result;
        }
    }.withGradient((g, dy) -> {
        int n = g.attrs().getInt("n");
        @SuppressWarnings("unchecked")
        Function<Tensor[], Tensor[]> gradient = (Function<Tensor[], Tensor[]>) g.attrs().get("grad_fn");
        Tensor[] dx = gradient.apply(dy);
        if (dx.length != n) {
            throw new org.jflow.errors.ValueError("custom_gradient function expected to return " + n + " gradients, but returned "
                    + dx.length + " instead.");
        }
        return java.util.Arrays.copyOf(dx, g.inputs().length);
    });

    /** Calls {@code fn} on {@code inputs} (converted to tensors) and routes its outputs through the custom gradient. */
    static Tensor[] call(Function<Tensor[], Result> fn, Object... inputs) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < x.length; i++) x[i] = Convert.toTensor(inputs[i]);
        Result r;
        try (var unrecorded = Recorder.Stack.suspend()) {
            r = fn.apply(x);
        }
        Tensor[] in = java.util.Arrays.copyOf(x, x.length + r.outputs().length);
        System.arraycopy(r.outputs(), 0, in, x.length, r.outputs().length);
        return Dispatcher.execute(CUSTOM_GRADIENT, Attrs.of("n", x.length, "grad_fn", r.gradient()), in);
    }
}
