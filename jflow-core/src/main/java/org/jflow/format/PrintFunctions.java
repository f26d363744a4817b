package org.jflow.format;

import java.util.function.UnaryOperator;

/**
 * {@code tf.print}: the facade methods {@link org.jflow.TF} takes from here. Arguments print as TF
 * prints them: tensors and variables through TF's summarizer, Java strings raw, a {@code List} as a
 * Python list, a {@code Map} as a dict, an {@code Object[]} nested among the arguments as a tuple
 * ({@code tf.print((Object) new Object[] {dy, y})} prints {@code (-2, 1)}; a bare array would be
 * spread into the varargs), Java arrays as the tensors they convert to. It runs as the
 * {@link PrintOp PrintV2} op, so inside a traced function it prints every time the graph runs.
 */
public interface PrintFunctions {
    /** {@code tf.print(*inputs)}: tensors without shape or dtype ({@code [[1 2]\n [3 4]]}), Java strings raw, separated by spaces. */
    default void print(Object... inputs) { print(o -> o, inputs); }

    /** {@code tf.print(*inputs, summarize=..., sep=..., end=..., output_stream=...)}. */
    default void print(UnaryOperator<PrintOptions> options, Object... inputs) {
        java.util.List<org.jflow.Tensor> tensors = new java.util.ArrayList<>();
        Object template = org.jflow.engine.Nest.flatten(inputs, tensors);
        org.jflow.engine.Dispatcher.execute(PrintOp.PRINT, org.jflow.engine.Attrs.of("template", template,
                "options", options.apply(new PrintOptions())), tensors.toArray(new org.jflow.Tensor[0]));
    }
}
