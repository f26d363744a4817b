package org.jflow.errors;

import org.jflow.Tensor;

/** A graph tensor's value was asked for while tracing, when it exists only once the graph runs. */
public class SymbolicTensorError extends TypeError {
    public SymbolicTensorError(Tensor t) {
        super("Tensor '" + t.name() + "' is symbolic (built inside tf.function or a graph): its value exists only"
                + " when the graph runs, so it cannot be read while tracing. Return it from the function, or"
                + " print it with tf.print, which runs with the graph.");
    }
}
