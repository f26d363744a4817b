package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;

import java.nio.charset.StandardCharsets;

/** Scalar string tensors as the readers make and take them: bytes in, bytes (or a UTF-8 path) out. */
final class Scalars {
    private Scalars() {}

    /** The bytes of a scalar string tensor, or TF's error for another dtype or shape. */
    static byte[] bytes(Tensor t) {
        if (t.dtype() != DType.STRING || t.shape().rank() != 0) {
            throw new InvalidArgumentError("Expected a scalar string tensor, got " + t.dtype().tfName() + " of shape "
                    + t.shape().toRepr());
        }
        return ((byte[][]) t.data())[0];
    }

    /** A scalar string tensor's bytes as UTF-8 text (a file name). */
    static String text(Tensor t) { return new String(bytes(t), StandardCharsets.UTF_8); }
}
