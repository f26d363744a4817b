package org.jflow.errors;

/** TF's {@code tf.errors.CancelledError}: an operation, such as a dataset iterator's background work, was cancelled. */
public class CancelledError extends OpError {
    public CancelledError(String message) { super(message); }
}
