package org.jflow;

/**
 * What ops accept: a {@link Tensor} or a {@link Variable} (read at the time of the call), or an
 * {@link IndexedSlices} (made dense). A value interface, below the engine: it carries no operator
 * methods. Python's operators ({@code a.add(b)}, {@code a.get(0, 2)}) are a layer above, in
 * {@link org.jflow.math.MathOperators} and {@link org.jflow.array.IndexOperators}, which the
 * user-facing classes implement (as TF's {@code math_ops} installs {@code Tensor.__add__}).
 */
public interface TensorLike {
    /** The current value. */
    Tensor value();

    DType dtype();

    Shape shape();
}
