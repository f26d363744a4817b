package org.jflow.random;

import org.jflow.Tensor;
import org.jflow.engine.Tracer;
import org.jflow.raw.RawMath;

/**
 * {@code x * scale + shift} as the Python {@code tf.random} wrappers compute it: a {@code Mul} and
 * an {@code AddV2} op, each rounding to the tensors' dtype, which is part of reproducing TF's numbers
 * bit for bit. Being ops, they also trace into graphs.
 */
final class ScaleShift {
    private ScaleShift() {}

    static Tensor apply(Tensor x, Tensor scale, Tensor shift) {
        // As Python skips the arithmetic for the default [0, 1) range; x * 1 + 0 would give x anyway.
        if (isScalar(scale, 1) && isScalar(shift, 0)) return x;
        return RawMath.addV2(RawMath.mul(x, scale), shift);
    }

    private static boolean isScalar(Tensor t, double value) { return t.rank() == 0 && t.hasValue() && t.getDouble(0) == value; }

    /** {@code maxval - minval}: computed now when both are known, so a graph only gets the nodes it needs. */
    static Tensor sub(Tensor a, Tensor b) {
        if (!a.hasValue() || !b.hasValue()) return RawMath.sub(a, b);
        try (Tracer.Scope eager = Tracer.Stack.eager()) {
            return RawMath.sub(a.knownValue(), b.knownValue());
        }
    }
}
