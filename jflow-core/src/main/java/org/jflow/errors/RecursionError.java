package org.jflow.errors;

/** Python's {@code RecursionError}, as a {@code tf.function} that calls itself on every trace ends in TF. */
public class RecursionError extends RuntimeError {
    public RecursionError(String message) { super(message); }
}
