package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.engine.Halfs;

import java.util.Arrays;

/**
 * Compares JFlow's outputs with TF's: same count, dtype and shape; integers, bools and strings
 * bit-exact; floats within the row's ulps (NaN only against NaN, infinities exactly; the sign of
 * a zero is not compared); complex numbers part by part.
 */
final class ResultCheck {
    private ResultCheck() {}

    /** Null when {@code jflow} matches {@code tf}, else what differs. */
    static String difference(Tensor[] jflow, Tensor[] tf, int ulps) {
        if (jflow.length != tf.length) return "JFlow gives " + jflow.length + " outputs, TF " + tf.length;
        for (int i = 0; i < tf.length; i++) {
            String d = difference(jflow[i], tf[i], ulps);
            if (d != null) return tf.length == 1 ? d : "output " + i + ": " + d;
        }
        return null;
    }

    private static String difference(Tensor j, Tensor t, int ulps) {
        if (j.dtype() != t.dtype()) return "dtype " + j.dtype().tfName() + ", TF " + t.dtype().tfName();
        if (!j.shape().equals(t.shape())) return "shape " + j.shape() + ", TF " + t.shape();
        DType dtype = t.dtype();
        for (int k = 0; k < t.size(); k++) {
            String d = element(j, t, dtype, k, ulps);
            if (d != null) return "element " + k + ": JFlow " + d;
        }
        return null;
    }

    private static String element(Tensor j, Tensor t, DType dtype, int k, int ulps) {
        if (dtype == DType.STRING) {
            byte[] a = ((byte[][]) j.data())[k], b = ((byte[][]) t.data())[k];
            return Arrays.equals(a, b) ? null : quoted(a) + ", TF " + quoted(b);
        }
        if (dtype.isFloating() || dtype.isComplex()) {
            DType part = dtype.realDType();
            double a = Buffers.getDouble(j.data(), dtype, k), b = Buffers.getDouble(t.data(), dtype, k);
            if (!dtype.isComplex()) return close(a, b, part, ulps) ? null : a + ", TF " + b;
            double ai = Buffers.getImag(j.data(), dtype, k), bi = Buffers.getImag(t.data(), dtype, k);
            return close(a, b, part, ulps) && close(ai, bi, part, ulps) ? null : "(" + a + ", " + ai + "), TF (" + b + ", " + bi + ")";
        }
        long a = Buffers.getLong(j.data(), dtype, k), b = Buffers.getLong(t.data(), dtype, k);
        return a == b ? null : a + ", TF " + b;
    }

    private static String quoted(byte[] s) { return "\"" + new String(s, java.nio.charset.StandardCharsets.UTF_8) + "\""; }

    static boolean close(double a, double b, DType t, int ulps) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        if (a == b) return true;
        if (Double.isInfinite(a) || Double.isInfinite(b)) return false;
        long ma = magnitude(a, t), mb = magnitude(b, t);
        // adjacent values are 1 apart; across zero the distances add (both zeros are at 0)
        return (a < 0) == (b < 0) ? Math.abs(ma - mb) <= ulps : ma <= ulps && mb <= ulps && ma + mb <= ulps;
    }

    /** The bits of |v| in dtype {@code t}, which order the dtype's non-negative values. */
    private static long magnitude(double v, DType t) {
        return switch (t) {
            case FLOAT64 -> Double.doubleToRawLongBits(Math.abs(v));
            case FLOAT32 -> Float.floatToRawIntBits((float) Math.abs(v));
            default -> Halfs.fromFloat((float) Math.abs(v), t);
        };
    }
}
