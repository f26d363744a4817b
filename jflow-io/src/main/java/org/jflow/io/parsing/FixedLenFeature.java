package org.jflow.io.parsing;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;

/**
 * {@code tf.io.FixedLenFeature(shape, dtype, default_value)}: a dense tensor of {@code shape}; without a default
 * a missing feature is an error.
 */
public record FixedLenFeature(Shape shape, DType dtype, Tensor defaultValue) {
    public FixedLenFeature {
        Features.checkDType(dtype);
        if (defaultValue != null) defaultValue = Features.shaped(defaultValue, dtype, shape);
    }

    /** A required feature. */
    public FixedLenFeature(int[] shape, DType dtype) { this(Shape.of(shape), dtype, null); }

    /** With a default, converted as {@code tf.constant(default_value, dtype)} and reshaped to {@code shape}. */
    public FixedLenFeature(int[] shape, DType dtype, Object defaultValue) {
        this(Shape.of(shape), dtype, defaultValue == null ? null : Features.tensor(defaultValue, dtype));
    }
}
