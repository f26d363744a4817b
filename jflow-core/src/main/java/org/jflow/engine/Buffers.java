package org.jflow.engine;

import org.jflow.DType;

import java.nio.charset.StandardCharsets;

/**
 * The Java arrays behind tensors ({@link DType.Storage}): allocation, element access by double or
 * long, and casts between dtypes with TF's (x86 C++) conversion semantics.
 */
public final class Buffers {
    private Buffers() {}

    /** A zeroed buffer for {@code n} elements ({@code 2n} slots for complex dtypes). */
    public static Object allocate(DType dtype, int n) {
        return switch (dtype.storage()) {
            case HALF, SHORT -> new short[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
            case COMPLEX64 -> new float[2 * n];
            case COMPLEX128 -> new double[2 * n];
            case BYTE -> new byte[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case BOOL -> new boolean[n];
            case STRING -> {
                byte[][] s = new byte[n][];
                java.util.Arrays.fill(s, new byte[0]);
                yield s;
            }
        };
    }

    /**
     * A buffer for {@code n} elements whose contents the kernel overwrites entirely (PyTorch's
     * {@code empty}): the buffer {@link #into} offers, else inside a graph run a dead intermediate's buffer
     * from the run's {@link FreeList} (stale contents), else a new array. Only a kernel that writes every
     * element may ask for one.
     */
    public static Object allocateUninitialized(DType dtype, int n) {
        Object[] offer = OFFERED.get();
        if (offer != null && offer[0] != null && fits(offer[0], dtype, n)) {
            Object target = offer[0];
            offer[0] = null;
            return target;
        }
        Object reused = FreeList.take(dtype, n);
        return reused != null ? reused : allocate(dtype, n);
    }

    /**
     * A zeroed buffer for a kernel that accumulates into its output (GEMM's {@code C += A * B}): inside
     * a graph run a dead intermediate's buffer from the run's {@link FreeList}, cleared (a hot buffer
     * cleared costs less than a new one the JVM zeroes), else a new array.
     */
    public static Object allocateZeroed(DType dtype, int n) {
        Object reused = FreeList.take(dtype, n);
        if (reused == null) return allocate(dtype, n);
        switch (reused) {
            case float[] a -> java.util.Arrays.fill(a, 0f);
            case double[] a -> java.util.Arrays.fill(a, 0d);
            case short[] a -> java.util.Arrays.fill(a, (short) 0);
            case byte[] a -> java.util.Arrays.fill(a, (byte) 0);
            case int[] a -> java.util.Arrays.fill(a, 0);
            case long[] a -> java.util.Arrays.fill(a, 0L);
            case boolean[] a -> java.util.Arrays.fill(a, false);
            default -> throw new IllegalStateException("not a pooled buffer: " + reused.getClass());
        }
        return reused;
    }

    /** Per thread: the buffer {@link #into} offers to the next {@link #allocateUninitialized} that it fits. */
    private static final ThreadLocal<Object[]> OFFERED = new ThreadLocal<>();

    /**
     * Runs {@code body} with {@code target} offered to the first {@link #allocateUninitialized} on this thread
     * whose dtype's storage and length it fits, so that the kernel of an eager op writes its output into a
     * buffer the caller reuses (a hot cached one, as PyTorch's allocator hands back) with no other change
     * to its code path: what {@code bench/elementwise} times as the kernel alone. The result wraps
     * {@code target}, so the caller must not reuse it while the result is still read.
     */
    public static <T> T into(Object target, java.util.function.Supplier<T> body) {
        Object[] previous = OFFERED.get();
        OFFERED.set(new Object[] {target});
        try {
            return body.get();
        } finally {
            OFFERED.set(previous);
        }
    }

    private static boolean fits(Object buffer, DType dtype, int n) {
        return allocate(dtype, 0).getClass() == buffer.getClass() && length(buffer) == n * dtype.slots();
    }

    /** The buffer's length in slots (for a complex dtype twice its element count). */
    public static int length(Object data) { return java.lang.reflect.Array.getLength(data); }

    /** The number of elements a buffer of {@code dtype} holds. */
    public static int elements(Object data, DType dtype) { return length(data) / dtype.slots(); }

    /** Element {@code i} as a double: a complex element gives its real part, as TF's cast to a real dtype. */
    public static double getDouble(Object data, DType dtype, int i) {
        return switch (dtype.storage()) {
            case HALF -> Halfs.toFloat(((short[]) data)[i], dtype);
            case FLOAT -> ((float[]) data)[i];
            case DOUBLE -> ((double[]) data)[i];
            case BYTE -> dtype == DType.UINT8 ? ((byte[]) data)[i] & 0xFF : ((byte[]) data)[i];
            case SHORT -> ((short[]) data)[i];
            case INT -> ((int[]) data)[i];
            case LONG -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case COMPLEX64 -> ((float[]) data)[2 * i];
            case COMPLEX128 -> ((double[]) data)[2 * i];
            case STRING -> throw new UnsupportedOperationException("string elements are not numbers");
        };
    }

    /** The imaginary part of element {@code i}: 0 for real dtypes. */
    public static double getImag(Object data, DType dtype, int i) {
        return switch (dtype.storage()) {
            case COMPLEX64 -> ((float[]) data)[2 * i + 1];
            case COMPLEX128 -> ((double[]) data)[2 * i + 1];
            default -> 0;
        };
    }

    /** The real ({@code imag} false) or imaginary parts of a complex buffer, as a buffer of its real dtype. */
    public static Object part(Object data, DType dtype, boolean imag) {
        DType real = dtype.realDType();
        int n = elements(data, dtype);
        Object out = allocate(real, n);
        for (int i = 0; i < n; i++) setDouble(out, real, i, imag ? getImag(data, dtype, i) : getDouble(data, dtype, i));
        return out;
    }

    /** A buffer of complex dtype {@code dtype} from buffers of its real and imaginary parts. */
    public static Object join(Object re, Object im, DType dtype) {
        DType real = dtype.realDType();
        int n = length(re);
        Object z = allocate(dtype, n);
        for (int i = 0; i < n; i++) setComplex(z, dtype, i, getDouble(re, real, i), getDouble(im, real, i));
        return z;
    }

    /** Stores the complex value {@code re + im i} into a complex buffer, rounding to float for complex64. */
    public static void setComplex(Object data, DType dtype, int i, double re, double im) {
        if (dtype == DType.COMPLEX64) {
            float[] f = (float[]) data;
            f[2 * i] = (float) re;
            f[2 * i + 1] = (float) im;
        } else {
            double[] d = (double[]) data;
            d[2 * i] = re;
            d[2 * i + 1] = im;
        }
    }

    /** Element {@code i} as a long, exact for every integer dtype; floats truncate as C++ does. */
    public static long getLong(Object data, DType dtype, int i) {
        return switch (dtype.storage()) {
            case LONG -> ((long[]) data)[i];
            case INT -> ((int[]) data)[i];
            case SHORT -> ((short[]) data)[i];
            case BYTE -> dtype == DType.UINT8 ? ((byte[]) data)[i] & 0xFF : ((byte[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            default -> floatToLong(getDouble(data, dtype, i));
        };
    }

    /**
     * {@code v} rounded to a floating dtype's precision, as a kernel computing in that dtype rounds
     * each result (or as TF converts a Python float to it); float64 and other dtypes pass unchanged.
     */
    public static double roundTo(DType dtype, double v) {
        return switch (dtype) {
            case FLOAT32 -> (float) v;
            case FLOAT16, BFLOAT16 -> Halfs.toFloat(Halfs.fromFloat((float) v, dtype), dtype);
            default -> v;
        };
    }

    /** Stores {@code v} converted to {@code dtype} as a C++ static_cast would. */
    public static void setDouble(Object data, DType dtype, int i, double v) {
        switch (dtype.storage()) {
            case HALF -> ((short[]) data)[i] = Halfs.fromFloat((float) v, dtype);
            case FLOAT -> ((float[]) data)[i] = (float) v;
            case DOUBLE -> ((double[]) data)[i] = v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
            case COMPLEX64, COMPLEX128 -> setComplex(data, dtype, i, v, 0);
            default -> setLong(data, dtype, i, dtype == DType.INT64 ? floatToLong(v) : floatToInt(v));
        }
    }

    /** Stores {@code v} converted to {@code dtype}: integers wrap, as C++ narrowing does. */
    public static void setLong(Object data, DType dtype, int i, long v) {
        switch (dtype.storage()) {
            case HALF -> ((short[]) data)[i] = Halfs.fromFloat((float) v, dtype);
            case FLOAT -> ((float[]) data)[i] = (float) v;
            case DOUBLE -> ((double[]) data)[i] = (double) v;
            case BYTE -> ((byte[]) data)[i] = (byte) v;
            case SHORT -> ((short[]) data)[i] = (short) v;
            case INT -> ((int[]) data)[i] = (int) v;
            case LONG -> ((long[]) data)[i] = v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
            case COMPLEX64, COMPLEX128 -> setComplex(data, dtype, i, v, 0);
            case STRING -> throw new UnsupportedOperationException("string elements are not numbers");
        }
    }

    /** x86's cvttsd2si: truncation, and INT_MIN for NaN or out-of-range values. */
    public static int floatToInt(double v) {
        if (Double.isNaN(v) || v >= 2147483648.0 || v < -2147483648.0) return Integer.MIN_VALUE;
        return (int) v;
    }

    /** x86's 64-bit cvttsd2si: truncation, and LONG_MIN for NaN or out-of-range values. */
    public static long floatToLong(double v) {
        if (Double.isNaN(v) || v >= 9.223372036854775807E18 || v < -9.223372036854775808E18) return Long.MIN_VALUE;
        return (long) v;
    }

    /** A copy of {@code src} (of dtype {@code from}) converted to {@code to}; a plain copy when equal. */
    public static Object convert(Object src, DType from, DType to) {
        if (from == to) return copy(src);
        if (from == DType.STRING || to == DType.STRING) {
            throw new org.jflow.errors.UnimplementedError("Cast " + from.tfName() + " to " + to.tfName() + " is not supported");
        }
        int n = elements(src, from);
        if (from.isComplex() && to.isComplex()) {
            Object dst = allocate(to, n);
            for (int i = 0; i < n; i++) setComplex(dst, to, i, getDouble(src, from, i), getImag(src, from, i));
            return dst;
        }
        if (from.isComplex() && to == DType.BOOL) { // true when either part is non-zero, as NumPy and TF's Where
            boolean[] d = new boolean[n];
            for (int i = 0; i < n; i++) d[i] = getDouble(src, from, i) != 0 || getImag(src, from, i) != 0;
            return d;
        }
        if (from == DType.FLOAT32 && to == DType.FLOAT64) {
            float[] s = (float[]) src;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = s[i];
            return d;
        }
        if (from == DType.FLOAT64 && to == DType.FLOAT32) {
            double[] s = (double[]) src;
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = (float) s[i];
            return d;
        }
        // float16/bfloat16 to and from float32, how the half types' kernels compute: plain loops that C2
        // vectorizes (float16's conversions are intrinsics, bfloat16 is bit arithmetic)
        if (from.storage() == DType.Storage.HALF && to == DType.FLOAT32) {
            short[] s = (short[]) src;
            float[] d = new float[n];
            if (from == DType.BFLOAT16) for (int i = 0; i < n; i++) d[i] = Float.intBitsToFloat(s[i] << 16);
            else for (int i = 0; i < n; i++) d[i] = Float.float16ToFloat(s[i]);
            return d;
        }
        if (from == DType.FLOAT32 && to.storage() == DType.Storage.HALF) {
            float[] s = (float[]) src;
            short[] d = new short[n];
            if (to == DType.BFLOAT16) {
                for (int i = 0; i < n; i++) { // Halfs.fromFloat without its branch: round to nearest even, NaN to the quiet NaN
                    int bits = Float.floatToRawIntBits(s[i]);
                    int rounded = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
                    d[i] = (short) (s[i] != s[i] ? 0x7FC0 : rounded);
                }
            } else {
                for (int i = 0; i < n; i++) d[i] = Float.floatToFloat16(s[i]);
            }
            return d;
        }
        if (from == DType.INT32 && to == DType.FLOAT32) {
            int[] s = (int[]) src;
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = s[i];
            return d;
        }
        Object dst = allocate(to, n);
        // Complex to real keeps the real part and real to complex gets a zero imaginary part, as TF's Cast.
        boolean exactIntegers = !from.isFloating() && !from.isComplex() && !to.isFloating() && !to.isComplex();
        for (int i = 0; i < n; i++) {
            if (exactIntegers || (from == DType.INT64 && (to.isFloating() || to.isComplex()))) setLong(dst, to, i, getLong(src, from, i));
            else setDouble(dst, to, i, getDouble(src, from, i));
        }
        return dst;
    }

    public static Object copy(Object src) {
        return switch (src) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case int[] a -> a.clone();
            case long[] a -> a.clone();
            case short[] a -> a.clone();
            case byte[] a -> a.clone();
            case boolean[] a -> a.clone();
            case byte[][] a -> a.clone();
            default -> throw new IllegalArgumentException("Not a tensor buffer: " + src.getClass());
        };
    }

    public static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
