package org.jflow.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp on vectors, built from arithmetic alone. The Vector API's {@code lanewise(EXP)} is computed
 * by one routine in the interpreter and another once compiled, so the same input gave a different
 * last bit before and after the JIT; this one is the same in both, within 2 ulps of {@link Math#exp}.
 * Method: x = n ln2 + r with |r| <= ln2/2 (Cody-Waite), a polynomial for e^r, then 2^n by exponent bits.
 */
public final class VectorExp {
    private VectorExp() {}

    private static final float F_LOG2E = 1.44269504088896341f;
    private static final float F_LN2_HI = 0.693359375f, F_LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding and subtracting it rounds a float to the nearest integer. */
    private static final float F_ROUND = 12582912f;
    private static final float F_MAX = 88.72283935546875f, F_MIN = -103.972084045410f;

    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(F_MIN).min(F_MAX);
        FloatVector n = xc.mul(F_LOG2E).add(F_ROUND).sub(F_ROUND);
        FloatVector r = n.fma(n.broadcast(-F_LN2_HI), xc).sub(n.mul(F_LN2_LO));
        FloatVector p = r.broadcast(1.9875691500E-4f)
                .fma(r, r.broadcast(1.3981999507E-3f))
                .fma(r, r.broadcast(8.3334519073E-3f))
                .fma(r, r.broadcast(4.1665795894E-2f))
                .fma(r, r.broadcast(1.6666665459E-1f))
                .fma(r, r.broadcast(5.0000001201E-1f));
        FloatVector y = p.fma(r.mul(r), r).add(1f); // 1 added last: r's low bits survive into the one rounding
        // 2^n as two factors, so n down to -150 (subnormal results) keeps a valid exponent in each
        var ni = n.convert(VectorOperators.F2I, 0).reinterpretAsInts();
        var half = ni.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = ni.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector result = y.mul(s1).mul(s2);
        result = result.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, F_MAX));
        result = result.blend(0f, x.compare(VectorOperators.LT, F_MIN));
        VectorMask<Float> nan = x.test(VectorOperators.IS_NAN);
        return result.blend(x, nan);
    }

    private static final double D_LOG2E = 1.4426950408889634;
    private static final double D_LN2_HI = 6.93147180369123816490e-01, D_LN2_LO = 1.90821492927058770002e-10;
    private static final double D_ROUND = 6755399441055744.0; // 1.5 * 2^52
    private static final double D_MAX = 709.782712893384, D_MIN = -745.1332191019412;
    /** 1/k! for k = 13 down to 2: Taylor terms of e^r, enough for |r| <= ln2/2 in double. */
    private static final double[] D_TAYLOR = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
        1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5,
    };

    public static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(D_MIN).min(D_MAX);
        DoubleVector n = xc.mul(D_LOG2E).add(D_ROUND).sub(D_ROUND);
        DoubleVector r = n.fma(n.broadcast(-D_LN2_HI), xc).sub(n.mul(D_LN2_LO));
        DoubleVector p = r.broadcast(D_TAYLOR[0]);
        for (int k = 1; k < D_TAYLOR.length; k++) p = p.fma(r, r.broadcast(D_TAYLOR[k]));
        DoubleVector y = p.fma(r.mul(r), r).add(1.0);
        var ni = n.convert(VectorOperators.D2L, 0).reinterpretAsLongs();
        var half = ni.lanewise(VectorOperators.ASHR, 1);
        DoubleVector s1 = half.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector s2 = ni.sub(half).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector result = y.mul(s1).mul(s2);
        result = result.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, D_MAX));
        result = result.blend(0.0, x.compare(VectorOperators.LT, D_MIN));
        return result.blend(x, x.test(VectorOperators.IS_NAN));
    }
}
