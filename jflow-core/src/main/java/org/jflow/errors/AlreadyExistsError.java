package org.jflow.errors;

/** TF's {@code tf.errors.AlreadyExistsError}: an entity (a file, a directory) that was to be created already exists. */
public class AlreadyExistsError extends OpError {
    public AlreadyExistsError(String message) { super(message); }
}
