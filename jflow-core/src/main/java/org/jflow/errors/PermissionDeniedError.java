package org.jflow.errors;

/** TF's {@code tf.errors.PermissionDeniedError}: the caller may not perform the operation, such as reading a file it cannot open. */
public class PermissionDeniedError extends OpError {
    public PermissionDeniedError(String message) { super(message); }
}
