package org.jflow.math;

/**
 * C's {@code fmod} of two float32 values (held in doubles), exactly, without Java's {@code %} on
 * doubles (an x87 {@code fprem} loop, about 15 ns an element): where the quotient is below 2^28, the
 * truncated quotient {@code n} times {@code b} is exact in double (28 + 24 bits), and so is
 * {@code a - n b}, whose exact value lies on the coarser float grid of a and b within |b|. Correctly
 * rounded division never makes {@code n} too small, and at most one too large (then the remainder
 * has the wrong sign, and one {@code b} puts it back). Larger quotients, zeros, infinities and NaN
 * take {@code %}.
 */
final class FloatRemainder {
    private static final double EXACT_QUOTIENT = 0x1p28;

    private FloatRemainder() {}

    /** {@code fmod(a, b)} for float32 values {@code a}, {@code b}: the sign of {@code a}, below |b|. */
    static double fmod(double a, double b) {
        double q = a / b;
        if (!(Math.abs(q) < EXACT_QUOTIENT) || b == 0 || Double.isInfinite(b)) return a % b;
        double n = q < 0 ? Math.ceil(q) : Math.floor(q);
        double r = a - n * b;
        if (r != 0 && (r < 0) != (a < 0)) r += (r < 0) == (b < 0) ? -b : b;
        return r == 0 ? Math.copySign(0.0, a) : r;
    }
}
