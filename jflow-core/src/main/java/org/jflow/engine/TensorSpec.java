package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;

/**
 * TF's {@code tf.TensorSpec}: a dtype, a (possibly partial) shape and an optional name. Shape
 * rules return one per output; a {@code tf.function}'s input signature is a list of them.
 */
public record TensorSpec(DType dtype, Shape shape, String name) {
    public TensorSpec(DType dtype, Shape shape) { this(dtype, shape, null); }

    /** Whether a tensor of this dtype and shape fits the spec (unknown dims match any size). */
    public boolean isCompatibleWith(DType dtype, Shape shape) {
        return this.dtype == dtype && this.shape.isCompatibleWith(shape);
    }

    @Override
    public String toString() {
        return "TensorSpec(shape=" + shape + ", dtype=tf." + dtype.tfName() + ", name="
                + (name == null ? "None" : "'" + name + "'") + ")";
    }
}
