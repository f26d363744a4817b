package org.jflow.io.parsing;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;

/**
 * {@code tf.io.FixedLenSequenceFeature(shape, dtype, allow_missing, default_value)}: one {@code shape} tensor per
 * step of a feature list, stacked; in a batch, shorter sequences are padded with {@code default_value} (0 or "").
 */
public record FixedLenSequenceFeature(Shape shape, DType dtype, boolean allowMissing, Tensor defaultValue) {
    public FixedLenSequenceFeature {
        Features.checkDType(dtype);
        if (defaultValue != null) defaultValue = Features.shaped(defaultValue, dtype, Shape.scalar());
    }

    /** A required feature list. */
    public FixedLenSequenceFeature(int[] shape, DType dtype) { this(Shape.of(shape), dtype, false, null); }

    /** {@code allow_missing}: a missing list is a sequence of no steps. */
    public FixedLenSequenceFeature(int[] shape, DType dtype, boolean allowMissing) {
        this(Shape.of(shape), dtype, allowMissing, null);
    }
}
