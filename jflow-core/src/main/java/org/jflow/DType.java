package org.jflow;

/**
 * TensorFlow's element types. Each dtype names the Java array that holds its elements, so a
 * kernel can switch on {@link #storage()} instead of on every dtype.
 */
public enum DType {
    FLOAT16("float16", Storage.HALF, 2),
    BFLOAT16("bfloat16", Storage.HALF, 2),
    FLOAT32("float32", Storage.FLOAT, 4),
    FLOAT64("float64", Storage.DOUBLE, 8),
    INT8("int8", Storage.BYTE, 1),
    INT16("int16", Storage.SHORT, 2),
    INT32("int32", Storage.INT, 4),
    INT64("int64", Storage.LONG, 8),
    UINT8("uint8", Storage.BYTE, 1),
    BOOL("bool", Storage.BOOL, 1),
    STRING("string", Storage.STRING, 0),
    COMPLEX64("complex64", Storage.COMPLEX64, 8),
    COMPLEX128("complex128", Storage.COMPLEX128, 16);

    /**
     * The Java array type behind a dtype: float16 and bfloat16 keep their raw bits in a short[];
     * complex64 and complex128 keep interleaved real and imaginary parts in a float[] or double[]
     * of twice the element count (their own storages, so no kernel mistakes them for real floats).
     */
    public enum Storage { HALF, FLOAT, DOUBLE, BYTE, SHORT, INT, LONG, BOOL, STRING, COMPLEX64, COMPLEX128 }

    private final String tfName;
    private final Storage storage;
    private final int byteSize;

    DType(String tfName, Storage storage, int byteSize) {
        this.tfName = tfName;
        this.storage = storage;
        this.byteSize = byteSize;
    }

    /** TensorFlow's name: {@code float32}, {@code int64}, ... */
    public String tfName() { return tfName; }

    /**
     * The name TF's C++ runtime uses in op error messages ({@code DataTypeString}): {@code float}
     * for float32, {@code double} for float64, {@code half} for float16, else the Python name.
     */
    public String kernelName() {
        return switch (this) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case FLOAT16 -> "half";
            default -> tfName;
        };
    }

    public Storage storage() { return storage; }

    /** Bytes per element; 0 for strings, whose elements vary in size. */
    public int byteSize() { return byteSize; }

    public boolean isFloating() { return this == FLOAT16 || this == BFLOAT16 || this == FLOAT32 || this == FLOAT64; }

    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == UINT8;
    }

    public boolean isNumeric() { return isFloating() || isInteger(); }

    public boolean isComplex() { return this == COMPLEX64 || this == COMPLEX128; }

    /** Java array slots per element: 2 for complex dtypes (real, imaginary), else 1. */
    public int slots() { return isComplex() ? 2 : 1; }

    /** The dtype of a complex dtype's parts (TF's {@code real_dtype}); a real dtype is its own. */
    public DType realDType() {
        return switch (this) {
            case COMPLEX64 -> FLOAT32;
            case COMPLEX128 -> FLOAT64;
            default -> this;
        };
    }

    /** The complex dtype with parts of this real dtype: complex64 for float32, complex128 for float64. */
    public DType complexDType() {
        return switch (this) {
            case FLOAT32, COMPLEX64 -> COMPLEX64;
            case FLOAT64, COMPLEX128 -> COMPLEX128;
            default -> throw new IllegalArgumentException(tfName + " has no complex counterpart");
        };
    }

    public boolean isUnsigned() { return this == UINT8 || this == BOOL; }

    /** TF's {@code dtype.min} for numeric types, as a double. */
    public double min() {
        return switch (this) {
            case FLOAT16 -> -65504.0;
            case BFLOAT16 -> -3.3895313892515355e38;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case UINT8, BOOL -> 0;
            case STRING, COMPLEX64, COMPLEX128 -> throw new UnsupportedOperationException(tfName + " has no min");
        };
    }

    /** TF's {@code dtype.max} for numeric types, as a double. */
    public double max() {
        return switch (this) {
            case FLOAT16 -> 65504.0;
            case BFLOAT16 -> 3.3895313892515355e38;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Long.MAX_VALUE;
            case UINT8 -> 255;
            case BOOL -> 1;
            case STRING, COMPLEX64, COMPLEX128 -> throw new UnsupportedOperationException(tfName + " has no max");
        };
    }

    /** Looks a dtype up by TF name, accepting TF's aliases ({@code double}, {@code half}, {@code float}). */
    public static DType of(String name) {
        return switch (name) {
            case "double" -> FLOAT64;
            case "half" -> FLOAT16;
            case "float" -> FLOAT32;
            default -> {
                for (DType d : values()) if (d.tfName.equals(name)) yield d;
                // tf.as_dtype's error for a name it does not know
                throw new org.jflow.errors.TypeError("Cannot convert the argument `type_value`: '" + name
                        + "' to a TensorFlow DType.");
            }
        };
    }

    /** As Python prints a dtype: {@code <dtype: 'int32'>}. */
    @Override
    public String toString() { return "<dtype: '" + tfName + "'>"; }
}
