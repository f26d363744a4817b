package org.jflow.math;

/** A function of one complex number {@code re + im i}, by parts, as TF's complex kernels (std::complex) define it. */
interface ComplexUnary {
    double real(double re, double im);

    double imag(double re, double im);

    interface Part { double apply(double re, double im); }

    static ComplexUnary of(Part real, Part imag) {
        return new ComplexUnary() {
            @Override
            public double real(double re, double im) { return real.apply(re, im); }

            @Override
            public double imag(double re, double im) { return imag.apply(re, im); }
        };
    }

    ComplexUnary NEG = of((re, im) -> -re, (re, im) -> -im);
    ComplexUnary SQUARE = of((re, im) -> re * re - im * im, (re, im) -> 2 * re * im);
    /** With C's special values (cexp, C99 Annex G): a zero imaginary part stays, an infinite real part with a non-finite imaginary one gives inf+NaNi or 0. */
    ComplexUnary EXP = of((re, im) -> im == 0 ? Math.exp(re) : infiniteWithNonFinite(re, im) ? (re > 0 ? re : 0) : Math.exp(re) * Math.cos(im),
            (re, im) -> im == 0 ? im : infiniteWithNonFinite(re, im) ? (re > 0 ? Double.NaN : Math.copySign(0, im)) : Math.exp(re) * Math.sin(im));
    /** The principal logarithm: {@code log|z| + i arg z}. */
    ComplexUnary LOG = of((re, im) -> Math.log(Math.hypot(re, im)), (re, im) -> Math.atan2(im, re));
    /** The principal square root, with the branch cut along the negative real axis; an infinite imaginary part gives inf + im i (as C's csqrt). */
    ComplexUnary SQRT = of(ComplexUnary::sqrtReal, ComplexUnary::sqrtImag);
    ComplexUnary RECIPROCAL = of((re, im) -> ComplexFormula.DIV.real(1, 0, re, im), (re, im) -> ComplexFormula.DIV.imag(1, 0, re, im));
    /** {@code 1 / sqrt(z)}, with Eigen's special cases as TF gives them: 0 for an infinite part, inf + NaN i for 0. */
    ComplexUnary RSQRT = of((re, im) -> rsqrtSpecial(re, im) ? (re == 0 && im == 0 ? Double.POSITIVE_INFINITY : 0)
                    : ComplexFormula.DIV.real(1, 0, sqrtReal(re, im), sqrtImag(re, im)),
            (re, im) -> rsqrtSpecial(re, im) ? (re == 0 && im == 0 ? Double.NaN : 0) : ComplexFormula.DIV.imag(1, 0, sqrtReal(re, im), sqrtImag(re, im)));
    /** {@code z / |z|}, and z itself where |z| is 0 (so 0 for 0), with |z| as Eigen's vectorized sign computes it. */
    ComplexUnary SIGN = of((re, im) -> signModulus(re, im) == 0 ? re : re / signModulus(re, im),
            (re, im) -> signModulus(re, im) == 0 ? im : im / signModulus(re, im));

    private static boolean rsqrtSpecial(double re, double im) {
        return Double.isInfinite(re) || Double.isInfinite(im) || re == 0 && im == 0;
    }

    /** The modulus from the parts' max and min, where a NaN part is passed over (SIMD max/min): |re| sqrt 2 for re + NaN i. */
    private static double signModulus(double re, double im) {
        if (Double.isNaN(re) != Double.isNaN(im)) return Math.abs(Double.isNaN(re) ? im : re) * Math.sqrt(2);
        return Math.hypot(re, im);
    }

    private static boolean infiniteWithNonFinite(double re, double im) { return Double.isInfinite(re) && !Double.isFinite(im); }

    private static double sqrtReal(double re, double im) {
        if (Double.isInfinite(im)) return Double.POSITIVE_INFINITY;
        double m = Math.hypot(re, im);
        if (m == 0) return 0;
        return re >= 0 ? Math.sqrt((m + re) / 2) : Math.abs(im) / (2 * Math.sqrt((m - re) / 2));
    }

    private static double sqrtImag(double re, double im) {
        if (Double.isInfinite(im)) return im;
        double m = Math.hypot(re, im);
        if (m == 0) return im;
        double t = Math.sqrt((m - re) / 2);
        return re >= 0 ? im / (2 * Math.sqrt((m + re) / 2)) : Math.copySign(t, im);
    }
}
