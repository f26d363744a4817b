package org.jflow.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Element-wise functions on whole vectors, for the kernels' per-op loops, as TF's Eigen kernels
 * compute them (Eigen's {@code GenericPacketMath}/{@code MathFunctionsImpl}): the same
 * approximations where Eigen has its own (erf, the softplus thresholds), the Vector API's
 * vectorized math library (within 1 ulp) where Eigen calls the C library or its own polynomials
 * of the same accuracy (sin, cos, log1p, expm1, ...). Every method is small enough to inline into
 * the loop that calls it, so no vector becomes a heap object.
 */
public final class VectorMath {
    private VectorMath() {}

    /** 2^23 (float) and 2^52 (double): from here on every float is an integer. */
    private static final float F_INTEGRAL = 8388608f;
    private static final double D_INTEGRAL = 4503599627370496.0;

    /** Round half to even (TF's Round and Rint, C's rint): adding and subtracting 2^23 rounds in the current mode. */
    public static FloatVector rint(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector r = a.add(F_INTEGRAL).sub(F_INTEGRAL).reinterpretAsInts()
                .or(x.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats(); // x's sign, -0 included
        return r.blend(x, a.compare(VectorOperators.GE, F_INTEGRAL));
    }

    public static DoubleVector rint(DoubleVector x) {
        DoubleVector a = x.abs();
        DoubleVector r = a.add(D_INTEGRAL).sub(D_INTEGRAL).reinterpretAsLongs()
                .or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
        return r.blend(x, a.compare(VectorOperators.GE, D_INTEGRAL));
    }

    public static FloatVector floor(FloatVector x) {
        FloatVector r = rint(x);
        return r.sub(1f, r.compare(VectorOperators.GT, x));
    }

    public static DoubleVector floor(DoubleVector x) {
        DoubleVector r = rint(x);
        return r.sub(1.0, r.compare(VectorOperators.GT, x));
    }

    public static FloatVector ceil(FloatVector x) {
        FloatVector r = rint(x);
        return r.add(1f, r.compare(VectorOperators.LT, x));
    }

    public static DoubleVector ceil(DoubleVector x) {
        DoubleVector r = rint(x);
        return r.add(1.0, r.compare(VectorOperators.LT, x));
    }

    /** TF's sign: -1, 0 or 1, NaN for NaN (both zeros give +0 as TF's {@code (0 < x) - (x < 0)}). */
    public static FloatVector sign(FloatVector x) {
        FloatVector zero = x.broadcast(0f);
        return zero.blend(1f, x.compare(VectorOperators.GT, 0f)).blend(-1f, x.compare(VectorOperators.LT, 0f))
                .blend(x, x.test(VectorOperators.IS_NAN));
    }

    public static DoubleVector sign(DoubleVector x) {
        DoubleVector zero = x.broadcast(0.0);
        return zero.blend(1.0, x.compare(VectorOperators.GT, 0.0)).blend(-1.0, x.compare(VectorOperators.LT, 0.0))
                .blend(x, x.test(VectorOperators.IS_NAN));
    }

    /**
     * Eigen's float erf ({@code generic_fast_erf_float}): x clamped to [-4, 4] (erf is +-1 in
     * float beyond), then an odd degree-13 over an even degree-8 polynomial.
     */
    public static FloatVector erf(FloatVector a) {
        // clamped by compare and blend (NaN stays NaN, and so does the result): cheaper than max/min's Java semantics
        FloatVector x = a.blend(-4f, a.compare(VectorOperators.LT, -4f));
        x = x.blend(4f, x.compare(VectorOperators.GT, 4f));
        FloatVector x2 = x.mul(x);
        // Eigen's pmadd as TF's binaries compute it: multiply, then add (no FMA)
        FloatVector p = x2.mul(-2.72614225801306e-10f).add(2.77068142495902e-08f)
                .mul(x2).add(-2.10102402082508e-06f)
                .mul(x2).add(-5.69250639462346e-05f)
                .mul(x2).add(-7.34990630326855e-04f)
                .mul(x2).add(-2.95459980854025e-03f)
                .mul(x2).add(-1.60960333262415e-02f);
        FloatVector q = x2.mul(-1.45660718464996e-05f).add(-2.13374055278905e-04f)
                .mul(x2).add(-1.68282697438203e-03f)
                .mul(x2).add(-7.37332916720468e-03f)
                .mul(x2).add(-1.42647390514189e-02f);
        // x times p/q, not (x p)/q: for tiny x the product x p would lose digits as a subnormal
        return p.div(q).mul(x);
    }

    /**
     * TF's softplus (Eigen): x above -threshold, exp(x) below threshold, else log1p(exp(x)), with
     * threshold = log(epsilon) + 2 of the dtype, so large inputs stay exact and small ones do not underflow early.
     */
    public static FloatVector softplus(FloatVector x) {
        float threshold = (float) Math.log(Math.ulp(1f)) + 2f;
        FloatVector e = VectorExp.exp(x);
        FloatVector mid = e.lanewise(VectorOperators.LOG1P);
        return mid.blend(e, x.compare(VectorOperators.LT, threshold)).blend(x, x.compare(VectorOperators.GT, -threshold));
    }

    public static DoubleVector softplus(DoubleVector x) {
        double threshold = Math.log(Math.ulp(1.0)) + 2.0;
        DoubleVector e = VectorExp.exp(x);
        DoubleVector mid = e.lanewise(VectorOperators.LOG1P);
        return mid.blend(e, x.compare(VectorOperators.LT, threshold)).blend(x, x.compare(VectorOperators.GT, -threshold));
    }

    /**
     * C's {@code pow}, which TF's kernels call: as the vector library's, but 1 for {@code pow(1, y)}
     * and {@code pow(-1, +-inf)} whatever y is (NaN included), where Java's {@code Math.pow} gives NaN.
     */
    public static FloatVector pow(FloatVector x, FloatVector y) {
        var one = x.compare(VectorOperators.EQ, 1f)
                .or(x.compare(VectorOperators.EQ, -1f).and(y.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY)));
        return x.lanewise(VectorOperators.POW, y).blend(1f, one);
    }

    public static DoubleVector pow(DoubleVector x, DoubleVector y) {
        var one = x.compare(VectorOperators.EQ, 1.0)
                .or(x.compare(VectorOperators.EQ, -1.0).and(y.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)));
        return x.lanewise(VectorOperators.POW, y).blend(1.0, one);
    }

    private static final double LN2 = 0.6931471805599453;

    /** asinh as JFlow's scalar one: {@code log1p(a + a^2 / (1 + sqrt(1 + a^2)))} with x's sign, {@code log(a) + ln 2} for large a. */
    public static FloatVector asinh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector a2 = a.mul(a);
        FloatVector small = a2.div(a2.add(1f).sqrt().add(1f)).add(a).lanewise(VectorOperators.LOG1P);
        FloatVector r = small.blend(a.lanewise(VectorOperators.LOG).add((float) LN2), a.compare(VectorOperators.GT, 1e8f));
        return r.blend(r.neg(), x.compare(VectorOperators.LT, 0f)).blend(x, x.test(VectorOperators.IS_NAN));
    }

    public static DoubleVector asinh(DoubleVector x) {
        DoubleVector a = x.abs();
        DoubleVector a2 = a.mul(a);
        DoubleVector small = a2.div(a2.add(1.0).sqrt().add(1.0)).add(a).lanewise(VectorOperators.LOG1P);
        DoubleVector r = small.blend(a.lanewise(VectorOperators.LOG).add(LN2), a.compare(VectorOperators.GT, 1e8));
        return r.blend(r.neg(), x.compare(VectorOperators.LT, 0.0)).blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** acosh: {@code log1p(t + sqrt(2t + t^2))} with t = x - 1, {@code log(x) + ln 2} for large x, NaN below 1. */
    public static FloatVector acosh(FloatVector x) {
        FloatVector t = x.sub(1f);
        FloatVector small = t.mul(t).add(t.mul(2f)).sqrt().add(t).lanewise(VectorOperators.LOG1P);
        FloatVector r = small.blend(x.lanewise(VectorOperators.LOG).add((float) LN2), x.compare(VectorOperators.GT, 1e8f));
        return r.blend(Float.NaN, x.compare(VectorOperators.LT, 1f));
    }

    public static DoubleVector acosh(DoubleVector x) {
        DoubleVector t = x.sub(1.0);
        DoubleVector small = t.mul(t).add(t.mul(2.0)).sqrt().add(t).lanewise(VectorOperators.LOG1P);
        DoubleVector r = small.blend(x.lanewise(VectorOperators.LOG).add(LN2), x.compare(VectorOperators.GT, 1e8));
        return r.blend(Double.NaN, x.compare(VectorOperators.LT, 1.0));
    }

    /** atanh: {@code log1p(2x / (1 - x)) / 2}. */
    public static FloatVector atanh(FloatVector x) {
        return x.mul(2f).div(x.neg().add(1f)).lanewise(VectorOperators.LOG1P).mul(0.5f);
    }

    public static DoubleVector atanh(DoubleVector x) {
        return x.mul(2.0).div(x.neg().add(1.0)).lanewise(VectorOperators.LOG1P).mul(0.5);
    }

    /**
     * float erfc: {@code 1 - erf(x)} (Eigen's erf) below 0.5, where it is at least 0.48; above, the
     * Chebyshev-fitted {@code t exp(-z^2 + P(t))}, t = 1 / (1 + z/2) (relative error below 1.2e-7),
     * with z^2 split exactly into a float and its rounding error so that large z lose no digits;
     * {@code 2 - erfc(-x)} for negative x.
     */
    public static FloatVector erfc(FloatVector x) {
        FloatVector z = x.abs();
        FloatVector t = z.mul(0.5f).add(1f);
        t = t.broadcast(1f).div(t);
        FloatVector p = t.fma(0.17087277f, -0.82215223f)
                .fma(t, t.broadcast(1.48851587f))
                .fma(t, t.broadcast(-1.13520398f))
                .fma(t, t.broadcast(0.27886807f))
                .fma(t, t.broadcast(-0.18628806f))
                .fma(t, t.broadcast(0.09678418f))
                .fma(t, t.broadcast(0.37409196f))
                .fma(t, t.broadcast(1.00002368f))
                .fma(t, t.broadcast(-1.26551223f));
        FloatVector hi = z.mul(z);
        FloatVector lo = z.fma(z, hi.neg());
        // the library's exp (one intrinsic each): two inlined VectorExp bodies made the loop too big to inline
        FloatVector tail = hi.neg().lanewise(VectorOperators.EXP).mul(p.sub(lo).lanewise(VectorOperators.EXP)).mul(t)
                .blend(0f, z.compare(VectorOperators.GT, 11f)); // below the smallest float from 10.05 on; inf^2 - inf is NaN
        FloatVector positive = tail.blend(erf(z).neg().add(1f), z.compare(VectorOperators.LT, 0.5f));
        return positive.blend(positive.neg().add(2f), x.compare(VectorOperators.LT, 0f)).blend(x, x.test(VectorOperators.IS_NAN));
    }

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** TF's {@code scale_alpha} literal in SeluGrad (not the product of the two above, which rounds differently). */
    public static final double SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;

    /**
     * TF's selu ({@code relu_op_functor.h}): {@code scale * x} for x >= 0, else {@code scale * alpha * (exp(x) - 1)}
     * (exp, not expm1, as TF's kernel), the constants in the dtype.
     */
    public static FloatVector selu(FloatVector x) {
        var below = x.compare(VectorOperators.LT, 0f);
        FloatVector positive = x.mul((float) SELU_SCALE);
        if (!below.anyTrue()) return positive; // no exp for a vector without negative lanes, as PyTorch's kernel
        return positive.blend(VectorExp.exp(x).sub(1f).mul((float) (SELU_SCALE * SELU_ALPHA)), below);
    }

    public static DoubleVector selu(DoubleVector x) {
        var below = x.compare(VectorOperators.LT, 0.0);
        DoubleVector positive = x.mul(SELU_SCALE);
        if (!below.anyTrue()) return positive;
        return positive.blend(VectorExp.exp(x).sub(1.0).mul(SELU_SCALE * SELU_ALPHA), below);
    }

    /**
     * TF's Elu ({@code relu_op_functor.h}): {@code exp(x) - 1} where x < 0 (Eigen's exp, not expm1), x elsewhere;
     * a vector without negative lanes skips the exp, as PyTorch's kernel does.
     */
    public static FloatVector elu(FloatVector x) {
        var below = x.compare(VectorOperators.LT, 0f);
        return below.anyTrue() ? x.blend(VectorExp.exp(x).sub(1f), below) : x;
    }

    public static DoubleVector elu(DoubleVector x) {
        var below = x.compare(VectorOperators.LT, 0.0);
        return below.anyTrue() ? x.blend(VectorExp.exp(x).sub(1.0), below) : x;
    }

    /** TF's SeluGrad: {@code g * scale} where the activation {@code a >= 0}, else {@code g * (a + scale * alpha)}. */
    public static FloatVector seluGrad(FloatVector g, FloatVector a) {
        FloatVector negative = g.mul(a.add((float) SELU_SCALE_ALPHA));
        return g.mul((float) SELU_SCALE).blend(negative, a.compare(VectorOperators.LT, 0f));
    }

    public static DoubleVector seluGrad(DoubleVector g, DoubleVector a) {
        DoubleVector negative = g.mul(a.add(SELU_SCALE_ALPHA));
        return g.mul(SELU_SCALE).blend(negative, a.compare(VectorOperators.LT, 0.0));
    }

    /** {@code tf.nn.gelu}: TF's composite {@code 0.5 x (1 + erf(x / sqrt(2)))} in float32, with Eigen's erf. */
    public static FloatVector gelu(FloatVector x) {
        return erf(x.mul((float) SQRT_HALF)).add(1f).mul(x).mul(0.5f);
    }

    /**
     * TF's float tanh, Eigen's {@code ptanh_float}: x clamped to +-7.90738964 (where the approximation is
     * exactly +-1, the bound of TF's x86 builds without FMA), then an odd degree-9 over an even degree-8
     * polynomial in x^2, each {@code pmadd} a multiply then an add.
     */
    public static FloatVector tanh(FloatVector a) {
        FloatVector x = a.blend(7.90738964080810547f, a.compare(VectorOperators.GT, 7.90738964080810547f));
        x = x.blend(-7.90738964080810547f, x.compare(VectorOperators.LT, -7.90738964080810547f)); // NaN stays NaN
        FloatVector x2 = x.mul(x);
        FloatVector p = x2.mul(1.394553628e-8f).add(2.102733560e-5f).mul(x2).add(3.520756727e-3f).mul(x2).add(1.340216100e-1f);
        FloatVector q = x2.mul(8.015776984e-7f).add(3.326951409e-4f).mul(x2).add(2.597254514e-2f).mul(x2).add(4.673548340e-1f)
                .mul(x2).add(1f);
        return x2.mul(x).mul(p).add(x).div(q);
    }

    /** float64 tanh: the vector library's (Eigen's double tanh is not ported). */
    public static DoubleVector tanh(DoubleVector x) { return x.lanewise(VectorOperators.TANH); }

    /** {@code tf.nn.gelu(approximate=True)}: TF's composite {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    public static FloatVector geluTanh(FloatVector x) {
        FloatVector inner = x.mul(x).mul(x).mul(0.044715f).add(x).mul((float) SQRT_2_OVER_PI);
        return tanh(inner).add(1f).mul(x).mul(0.5f);
    }

    public static DoubleVector geluTanh(DoubleVector x) {
        DoubleVector inner = x.mul(x).mul(x).mul(0.044715).add(x).mul(SQRT_2_OVER_PI);
        return inner.lanewise(VectorOperators.TANH).add(1.0).mul(x).mul(0.5);
    }

    /** {@code 1 / sqrt(x)}. */
    public static FloatVector rsqrt(FloatVector x) { return x.broadcast(1f).div(x.sqrt()); }

    public static DoubleVector rsqrt(DoubleVector x) { return x.broadcast(1.0).div(x.sqrt()); }

    /**
     * TF's float sigmoid, Eigen's {@code scalar_logistic_op<float>} packet op: {@code e / (1 + e)} with
     * {@code e = exp(x)} from x clamped at 16.6355324 (where the result is 1), computed as {@code exp(x/2)^2}
     * (so no step is subnormal) by Cody-Waite reduction and a degree-5 polynomial, and 0 below -104; the
     * steps as {@link VectorExp#exp}'s (no FMA, no helper calls).
     */
    public static FloatVector sigmoid(FloatVector v) {
        FloatVector x = v.blend(16.6355324f, v.compare(VectorOperators.GT, 16.6355324f)).mul(0.5f);
        FloatVector t = x.mul(1.44269504088896341f).add(0.5f);
        IntVector truncated = t.convert(VectorOperators.F2I, 0).reinterpretAsInts();
        IntVector mi = truncated.sub(1, truncated.convert(VectorOperators.I2F, 0).reinterpretAsFloats()
                .compare(VectorOperators.GT, t).cast(IntVector.SPECIES_PREFERRED));
        FloatVector m = mi.convert(VectorOperators.I2F, 0).reinterpretAsFloats();
        FloatVector r = m.mul(-0.693359375f).add(x);
        r = m.mul(2.12194440e-4f).add(r);
        FloatVector r2 = r.mul(r);
        FloatVector even = r2.mul(4.1898667812347412109375e-2f).add(0.49999141693115234375f);
        FloatVector odd = r2.mul(8.33471305668354034423828125e-3f).add(0.16666877269744873046875f);
        FloatVector p = r2.mul(r.mul(odd).add(even)).add(r.add(1f));
        // Eigen's pldexp_fast: 2^m from the exponent bits (m is in [-75, 12] here)
        FloatVector e = p.mul(mi.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        e = e.mul(e);
        return e.div(e.add(1f)).blend(0f, v.compare(VectorOperators.LT, -104f));
    }

    public static DoubleVector sigmoid(DoubleVector x) { return x.broadcast(1.0).div(VectorExp.exp(x.neg()).add(1.0)); }
}
