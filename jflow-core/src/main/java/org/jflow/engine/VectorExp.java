package org.jflow.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp on vectors, built from arithmetic alone. The Vector API's {@code lanewise(EXP)} is computed
 * by one routine in the interpreter and another once compiled, so the same input gave a different
 * last bit before and after the JIT; this one is the same in both, within 2 ulps of {@link Math#exp}.
 * Method: x = n ln2 + r with |r| <= ln2/2 (Cody-Waite), a polynomial for e^r, then 2^n by exponent bits;
 * in float32 Eigen's coefficients and steps, so the result is TF's.
 */
public final class VectorExp {
    private VectorExp() {}

    /**
     * TF's float exp, Eigen's {@code pexp_float}: x clamped at 88.723, m = floor(x log2(e) + 1/2),
     * r = x - m ln 2 in two steps (Cody-Waite), Eigen's degree-6 polynomial for e^r, times 2^m (as two
     * factors, so that m down to -150, a subnormal result, rounds once), and 0 below -104. Eigen's
     * {@code pmadd(a, b, c)} is {@code a * b + c} rounded twice, as in TF's x86 binaries, which are built
     * without FMA (they say so on import). The body calls no helper of its own: in a loop with several
     * such bodies C2 reached its inlining node limit at the last small helper call and boxed every vector.
     */
    public static FloatVector exp(FloatVector v) {
        FloatVector x = v.blend(88.723f, v.compare(VectorOperators.GT, 88.723f));
        // m = floor(t): truncation, one less where that rounded up (t < 0)
        FloatVector t = x.mul(1.44269504088896341f).add(0.5f);
        IntVector truncated = t.convert(VectorOperators.F2I, 0).reinterpretAsInts();
        IntVector mi = truncated.sub(1, truncated.convert(VectorOperators.I2F, 0).reinterpretAsFloats()
                .compare(VectorOperators.GT, t).cast(IntVector.SPECIES_PREFERRED));
        FloatVector m = mi.convert(VectorOperators.I2F, 0).reinterpretAsFloats();
        FloatVector r = m.mul(-0.693359375f).add(x);
        r = m.mul(2.12194440e-4f).add(r);
        FloatVector r2 = r.mul(r);
        FloatVector even = r2.mul(1.37449637986719608306884765625e-3f).add(4.166965186595916748046875e-2f);
        FloatVector odd = r2.mul(8.36894474923610687255859375e-3f).add(0.16666518151760101318359375f);
        even = r2.mul(even).add(0.49999988079071044921875f);
        FloatVector y = r2.mul(r.mul(odd).add(even)).add(r.add(1f));
        IntVector half = mi.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = mi.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(s1).mul(s2).blend(0f, v.compare(VectorOperators.LT, -104f));
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
