package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.engine.Halfs;

import java.util.Arrays;

/**
 * Compares JFlow's outputs with a reference's (TF's, or the CPU's for another device): same count, dtype and shape; integers, bools and strings
 * bit-exact; floats within the row's tolerance (NaN only against NaN, infinities exactly; the sign
 * of a zero is not compared). Tolerances are ulps of the output dtype: of the value itself, or,
 * for rows marked input-scaled (sums, whose rounding depends on the order of the terms), of the
 * largest input magnitude; complex parts get ulps of the larger part. TF's CPU kernels run with
 * denormals flushed to zero, so TF's zero against a JFlow subnormal counts as equal.
 */
public final class ResultCheck {
    private ResultCheck() {}

    /** Null when {@code jflow} matches {@code tf} under {@code row}'s tolerance for a call on {@code inputs}, else what differs. */
    public static String difference(Tensor[] jflow, Tensor[] tf, OpInfo row, Tensor[] inputs) {
        if (jflow.length != tf.length) return "JFlow gives " + jflow.length + " outputs, TF " + tf.length;
        double scale = row.inputScaled() ? maxAbs(inputs) : 0;
        for (int i = 0; i < tf.length; i++) {
            String d = difference(jflow[i], tf[i], row, scale);
            if (d != null) return tf.length == 1 ? d : "output " + i + ": " + d;
        }
        return null;
    }

    private static double maxAbs(Tensor[] inputs) {
        double m = 0;
        for (Tensor x : inputs) {
            if (!x.dtype().isFloating() && !x.dtype().isComplex()) continue;
            for (int k = 0; k < x.size(); k++) {
                double v = Math.abs(Buffers.getDouble(x.data(), x.dtype(), k));
                if (Double.isFinite(v)) m = Math.max(m, v);
            }
        }
        return m;
    }

    private static String difference(Tensor j, Tensor t, OpInfo row, double scale) {
        if (j.dtype() != t.dtype()) return "dtype " + j.dtype().tfName() + ", TF " + t.dtype().tfName();
        if (!j.shape().equals(t.shape())) return "shape " + j.shape() + ", TF " + t.shape();
        DType dtype = t.dtype();
        for (int k = 0; k < t.size(); k++) {
            String d = element(j, t, dtype, k, row, scale);
            if (d != null) return "element " + k + ": JFlow " + d;
        }
        return null;
    }

    private static String element(Tensor j, Tensor t, DType dtype, int k, OpInfo row, double scale) {
        if (dtype == DType.STRING) {
            byte[] a = ((byte[][]) j.data())[k], b = ((byte[][]) t.data())[k];
            return Arrays.equals(a, b) ? null : quoted(a) + ", TF " + quoted(b);
        }
        if (dtype.isFloating()) {
            double a = Buffers.getDouble(j.data(), dtype, k), b = Buffers.getDouble(t.data(), dtype, k);
            return close(a, b, dtype, row.ulps(), row.ulps() * ulp(scale, dtype)) ? null : a + ", TF " + b;
        }
        if (dtype.isComplex()) {
            DType part = dtype.realDType();
            double a = Buffers.getDouble(j.data(), dtype, k), b = Buffers.getDouble(t.data(), dtype, k);
            double ai = Buffers.getImag(j.data(), dtype, k), bi = Buffers.getImag(t.data(), dtype, k);
            double slack = row.complexUlps() * ulp(Math.max(finiteAbs(b), finiteAbs(bi)), part);
            return close(a, b, part, row.complexUlps(), slack) && close(ai, bi, part, row.complexUlps(), slack) ? null
                    : "(" + a + ", " + ai + "), TF (" + b + ", " + bi + ")";
        }
        long a = Buffers.getLong(j.data(), dtype, k), b = Buffers.getLong(t.data(), dtype, k);
        return a == b ? null : a + ", TF " + b;
    }

    private static double finiteAbs(double v) { return Double.isFinite(v) ? Math.abs(v) : 0; }

    private static String quoted(byte[] s) { return "\"" + new String(s, java.nio.charset.StandardCharsets.UTF_8) + "\""; }

    /** Whether {@code a} is within {@code ulps} of {@code b} in dtype {@code t}, or within {@code slack} of it. */
    public static boolean close(double a, double b, DType t, int ulps, double slack) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        if (a == b || b == 0 && Math.abs(a) < Values.smallestNormal(t)) return true;
        if (Double.isInfinite(a) || Double.isInfinite(b)) return false;
        if (Math.abs(a - b) <= slack) return true;
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

    /** The spacing of dtype {@code t}'s values at magnitude {@code v}. */
    private static double ulp(double v, DType t) {
        return switch (t) {
            case FLOAT64 -> Math.ulp(v);
            case FLOAT32 -> Math.ulp((float) v);
            case FLOAT16 -> Math.ulp((float) v) * 0x1p13; // 10 fraction bits to float's 23
            default -> Math.ulp((float) v) * 0x1p16;      // bfloat16: 7 fraction bits
        };
    }
}
