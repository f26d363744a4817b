package org.jflow;

import org.jflow.errors.ValueError;
import org.jflow.raw.RawMath;

import java.util.ArrayList;

/**
 * Keras 3's {@code AutocastScope(dtype)}, the mixed-precision switch: while open on this thread,
 * reading a floating-point variable whose {@link Variable#autocast()} is on gives its value cast to
 * {@code dtype} (a float32 kernel read as float16 in a {@code mixed_float16} layer's call), while the
 * variable itself, its updates and the tape's watched read stay in the variable's dtype, so gradients
 * arrive in float32. {@code new AutocastScope(null)} turns autocasting off inside an outer scope.
 * <pre>{@code
 * try (var scope = new AutocastScope(DType.FLOAT16)) { y = tf.matmul(x16, kernel); }
 * }</pre>
 */
public final class AutocastScope implements AutoCloseable {
    private static final ThreadLocal<ArrayList<AutocastScope>> OPEN = ThreadLocal.withInitial(ArrayList::new);

    private final DType dtype;

    /** Opens the scope; as Keras, only a floating-point target (or null) is accepted. */
    public AutocastScope(DType dtype) {
        if (dtype != null && !dtype.isFloating()) {
            throw new ValueError("`AutocastScope` can only be used with a floating-point target dtype, "
                    + "such as 'float16'. Received: dtype=" + dtype.tfName());
        }
        this.dtype = dtype;
        OPEN.get().add(this);
    }

    /** The target dtype, null where autocasting is off. */
    public DType dtype() { return dtype; }

    /** The innermost scope open on this thread, or null. */
    public static AutocastScope current() {
        ArrayList<AutocastScope> open = OPEN.get();
        return open.isEmpty() ? null : open.get(open.size() - 1);
    }

    /** Keras' {@code maybe_cast}: floating-point values become {@link #dtype()}, others pass through. */
    Tensor maybeCast(Tensor value) {
        boolean cast = dtype != null && value.dtype().isFloating() && value.dtype() != dtype;
        return cast ? RawMath.cast(value, dtype) : value;
    }

    @Override
    public void close() { OPEN.get().remove(this); }
}
