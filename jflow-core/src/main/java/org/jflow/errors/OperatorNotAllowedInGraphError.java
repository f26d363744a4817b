package org.jflow.errors;

import org.jflow.Tensor;

/** TF's {@code OperatorNotAllowedInGraphError}: a symbolic tensor used as a Java boolean. */
public class OperatorNotAllowedInGraphError extends TypeError {
    public OperatorNotAllowedInGraphError(Tensor t) {
        super("Using a symbolic `tf.Tensor` (" + t.name() + ") as a Java `boolean` is not allowed: a Java `if` or"
                + " `while` on a tensor cannot be traced into a graph. Use tf.cond, tf.case or tf.whileLoop"
                + " to branch or loop on a tensor's value inside tf.function.");
    }
}
