package org.jflow.engine;

import org.jflow.DType;

/** float16 and bfloat16 bit conversions; both compute in float32, as TF's CPU kernels do. */
public final class Halfs {
    private Halfs() {}

    public static float toFloat(short bits, DType dtype) {
        return dtype == DType.BFLOAT16 ? Float.intBitsToFloat((bits & 0xFFFF) << 16) : Float.float16ToFloat(bits);
    }

    /** Rounds to nearest even, as TF's conversions do. */
    public static short fromFloat(float f, DType dtype) {
        if (dtype != DType.BFLOAT16) return Float.floatToFloat16(f);
        if (Float.isNaN(f)) return (short) 0x7FC0;
        int bits = Float.floatToRawIntBits(f);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
