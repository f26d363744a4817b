package org.jflow.errors;

/** TF's {@code tf.errors.DataLossError}: unrecoverable data corruption, such as a record whose checksum does not match. */
public class DataLossError extends OpError {
    public DataLossError(String message) { super(message); }
}
