package org.jflow.format;

import org.jflow.Tensor;
import java.io.PrintStream;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;

/**
 * TF's {@code PrintV2}: prints when it runs, so {@code tf.print} inside a traced function prints on
 * every call. Its inputs are the tensors among the printed values; the {@code template} attribute
 * holds everything else (Java strings, containers) with places for them.
 */
public final class PrintOp {
    private PrintOp() {}

    public static final Op PRINT = new Op("PrintV2", Signature.of("inputs: list(T) ->",
            "template: object", "options: object")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) { return new TensorSpec[0]; }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            PrintOptions o = (PrintOptions) attrs.get("options");
            Object[] values = (Object[]) org.jflow.engine.Nest.pack(attrs.get("template"), inputs);
            PrintStream out = o.stream();
            out.print(PrintFormat.format(o, values) + o.end);
            out.flush();
            return new Tensor[0];
        }

        @Override
        public boolean stateful() { return true; }
    }.notDifferentiable();
}
