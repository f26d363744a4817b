package org.jflow.errors;

/** Python's {@code AttributeError} as TF raises it: the object has no such property in this mode. */
public class AttributeError extends UnsupportedOperationException {
    public AttributeError(String message) { super(message); }
}
