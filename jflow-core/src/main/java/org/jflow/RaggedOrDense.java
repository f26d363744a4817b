package org.jflow;

/**
 * What TF's ragged-aware functions return ({@code ragged_tensor.RaggedOrDense}): a {@link Tensor} or
 * a {@link RaggedTensor}, as the input's rank decides ({@code tf.strings.split} of a scalar is a
 * 1-D tensor, of a vector a ragged one). Java code picks its case by pattern matching, or by the type
 * it assigns to where a function returns {@code <T extends RaggedOrDense> T}:
 * {@code Tensor words = tf.strings.split(line)}.
 */
public sealed interface RaggedOrDense permits Tensor, RaggedTensor {
    DType dtype();

    /** The static shape; a ragged dimension is unknown ({@code (3, None)}). */
    Shape shape();
}
