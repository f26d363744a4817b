package org.jflow.engine;

import org.jflow.Tensor;

/**
 * An op written as other ops, the ones TF's registry has: how a graph exported for TensorFlow
 * expresses an op TF composes in Python ({@code Gelu}, {@code Moments}, the 1-D convolutions), and
 * what a device without that op's kernel can run instead. Declared with the op,
 * {@code new Op(...).withDecomposition((in, attrs) -> ...)}; the body calls ops through the
 * dispatcher, so it computes eagerly and adds nodes while a graph is built, and must give the
 * op's outputs (dtypes and shapes) for the same inputs and attributes.
 */
@FunctionalInterface
public interface Decomposition {
    Tensor[] apply(Tensor[] inputs, Attrs attrs);
}
