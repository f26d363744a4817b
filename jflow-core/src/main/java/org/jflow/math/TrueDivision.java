package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.TypeError;
import org.jflow.raw.RawMath;

/**
 * TF's {@code tf.truediv} (Python's {@code /}) as math_ops composes it: float division after casting
 * int8/int16/uint8 operands to float32 and int32/int64 to float64, so {@code int32 / int32} is
 * float64. Shared by {@code tf.divide} and the operator {@code a.div(b)}.
 */
public final class TrueDivision {
    private TrueDivision() {}

    public static Tensor apply(Tensor x, Tensor y) {
        DType a = x.dtype(), b = y.dtype();
        if (a != b) {
            throw new TypeError("`x` and `y` must have the same dtype, got tf." + a.tfName() + " != tf." + b.tfName()
                    + ".");
        }
        DType target = switch (a) {
            case INT8, INT16, UINT8 -> DType.FLOAT32;
            case INT32, INT64 -> DType.FLOAT64;
            case BOOL, STRING -> throw new TypeError("Invalid dtype tf." + a.tfName() + " in __truediv__");
            default -> a;
        };
        if (target != a) return RawMath.realDiv(RawMath.cast(x, target), RawMath.cast(y, target));
        return RawMath.realDiv(x, y);
    }
}
