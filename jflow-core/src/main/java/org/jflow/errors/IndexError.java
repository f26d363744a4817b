package org.jflow.errors;

/** Python's {@code IndexError} as TF raises it: {@code tf.stack([], axis=1)} gives "list index out of range". */
public class IndexError extends LookupError {
    public IndexError(String message) { super(message); }
}
