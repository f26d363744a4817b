package org.jflow.math;

/** A binary op's formula on complex numbers {@code a = ar + ai i}, {@code b = br + bi i}, by parts. */
interface ComplexFormula {
    double real(double ar, double ai, double br, double bi);

    double imag(double ar, double ai, double br, double bi);

    ComplexFormula ADD = of((ar, ai, br, bi) -> ar + br, (ar, ai, br, bi) -> ai + bi);
    ComplexFormula SUB = of((ar, ai, br, bi) -> ar - br, (ar, ai, br, bi) -> ai - bi);
    ComplexFormula MUL = of((ar, ai, br, bi) -> ar * br - ai * bi, (ar, ai, br, bi) -> ar * bi + ai * br);
    /**
     * Eigen's vectorized complex division (what TF's kernels run on tensors): the divisor scaled by its larger part's
     * magnitude, so no intermediate overflows; an infinite or zero divisor gives NaN parts, as in TF.
     */
    ComplexFormula DIV = of(ComplexFormula::quotientReal, ComplexFormula::quotientImag);

    interface Part { double apply(double ar, double ai, double br, double bi); }

    static ComplexFormula of(Part re, Part im) {
        return new ComplexFormula() {
            @Override
            public double real(double ar, double ai, double br, double bi) { return re.apply(ar, ai, br, bi); }

            @Override
            public double imag(double ar, double ai, double br, double bi) { return im.apply(ar, ai, br, bi); }
        };
    }

    private static double quotientReal(double ar, double ai, double br, double bi) {
        double m = Math.max(Math.abs(br), Math.abs(bi)), cs = br / m, ds = bi / m;
        return (ar * cs + ai * ds) / (cs * cs + ds * ds) / m;
    }

    private static double quotientImag(double ar, double ai, double br, double bi) {
        double m = Math.max(Math.abs(br), Math.abs(bi)), cs = br / m, ds = bi / m;
        return (ai * cs - ar * ds) / (cs * cs + ds * ds) / m;
    }
}
