package org.jflow.strings;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.format.FloatDigits;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Numbers to and from text as TF's {@code StringToNumber} and {@code AsString} kernels do it. */
final class Numbers {
    private Numbers() {}

    /** What double-conversion accepts under TF's flags: decimal, hex integers, inf/infinity/nan, any case, spaces around. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX][0-9a-fA-F]+");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    static void parseInto(byte[] in, Object out, int i, DType type) {
        String s = new String(in, StandardCharsets.UTF_8);
        String t = s.strip();
        try {
            switch (type) {
                case FLOAT32 -> ((float[]) out)[i] = (float) parseFloating(t, true);
                case FLOAT64 -> ((double[]) out)[i] = parseFloating(t, false);
                case INT32 -> ((int[]) out)[i] = Math.toIntExact(parseInteger(t));
                default -> ((long[]) out)[i] = parseInteger(t);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidArgumentError("StringToNumberOp could not correctly convert string: " + s);
        }
    }

    private static double parseFloating(String t, boolean single) {
        if (DECIMAL.matcher(t).matches()) return single ? Float.parseFloat(t) : Double.parseDouble(t);
        if (HEX.matcher(t).matches()) {
            boolean negative = t.startsWith("-");
            String digits = t.replaceFirst("^[+-]?0[xX]", "");
            double v = new java.math.BigInteger(digits, 16).doubleValue();
            return negative ? -v : v;
        }
        if (SPECIAL.matcher(t).matches()) {
            boolean negative = t.startsWith("-");
            if (t.toLowerCase().endsWith("nan")) return Double.NaN;
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException(t);
    }

    /** TF's {@code safe_strto32/64}: optional '-', digits, nothing else but surrounding spaces. */
    private static long parseInteger(String t) {
        if (!INTEGER.matcher(t).matches()) throw new NumberFormatException(t);
        return Long.parseLong(t);
    }

    static void checkAsStringAttrs(DType dtype, Attrs attrs, String op) {
        boolean scientific = attrs.getBool("scientific"), shortest = attrs.getBool("shortest");
        String fill = attrs.getString("fill");
        if (scientific && shortest) throw error("Cannot select both scientific and shortest notation", op);
        if (fill.length() > 1) throw error("Fill string must be one or fewer characters", op);
        if (!dtype.isFloating() && !dtype.isComplex()) {
            if (scientific || shortest) throw error("scientific and shortest format not supported for datatype " + dtype.kernelName(), op);
            if (attrs.getInt("precision") > -1) throw error("precision not supported for datatype " + dtype.kernelName(), op);
        }
        if ((dtype == DType.BOOL || dtype == DType.STRING) && (!fill.isEmpty() || attrs.getInt("width") > -1)) {
            throw error("width and fill not supported for datatype " + dtype.kernelName(), op);
        }
    }

    private static InvalidArgumentError error(String message, String op) {
        return new InvalidArgumentError(message).withOp(op);
    }

    /** Element {@code i} as {@code printf} writes it: {@code %d}, or {@code %f}/{@code %e}/{@code %g} at the precision. */
    static String asString(Tensor x, int i, Attrs attrs) {
        DType d = x.dtype();
        if (d == DType.BOOL) return x.getDouble(i) != 0 ? "true" : "false";
        if (d.isFloating()) return asString(d == DType.FLOAT64 ? x.getDouble(i) : (float) x.getDouble(i), attrs);
        if (d == DType.COMPLEX128) {
            double[] v = (double[]) x.data();
            return "(" + asString(v[2 * i], attrs) + "," + asString(v[2 * i + 1], attrs) + ")";
        }
        if (d == DType.COMPLEX64) {
            float[] v = (float[]) x.data();
            return "(" + asString(v[2 * i], attrs) + "," + asString(v[2 * i + 1], attrs) + ")";
        }
        return pad(Long.toString(x.getLong(i)), attrs);
    }

    /** A real number (a complex one's part: TF prints "(re,im)", each part padded) under the float attributes. */
    private static String asString(double v, Attrs attrs) {
        int precision = attrs.getInt("precision");
        int p = precision < 0 ? 6 : precision;
        String s;
        if (attrs.getBool("shortest")) s = FloatDigits.printfG(v, p);
        else if (attrs.getBool("scientific")) s = CFormat.scientific(v, p);
        else s = CFormat.fixed(v, p);
        return pad(s, attrs);
    }

    private static String pad(String s, Attrs attrs) {
        String fill = attrs.getString("fill");
        return CFormat.pad(s, attrs.getInt("width"), fill.isEmpty() ? ' ' : fill.charAt(0));
    }
}
