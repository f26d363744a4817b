package org.jflow.math;

/**
 * The gamma family of special functions behind {@code tf.math.lgamma}, {@code digamma},
 * {@code polygamma}, {@code zeta}, {@code igamma} and {@code igammac}, in double (float results
 * round once), with the domain answers of TF's Eigen/Cephes kernels: lgamma is +inf at the poles
 * (non-positive integers), digamma NaN there, the incomplete gammas NaN outside their domain.
 */
final class GammaFunctions {
    private GammaFunctions() {}

    private static final double MACHEP = 1.11022302462515654042e-16;
    private static final double MAXLOG = 7.09782712893383996843e2;
    private static final double BIG = 4.503599627370496e15;
    private static final double BIG_INV = 2.22044604925031308085e-16;
    /** Lanczos coefficients for g = 7, n = 9. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    /** Cephes' Euler-Maclaurin coefficients for the Hurwitz zeta function. */
    private static final double[] ZETA_A = {12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
        7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
        1.8152105401943546773e17, -7.1661652561756670113e18};

    /** log|Gamma(x)|: Lanczos for x >= 0.5, the reflection formula below. */
    static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        if (x <= 0 && x == Math.floor(x)) return Double.POSITIVE_INFINITY;
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        double z = x - 1, a = LANCZOS[0], t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** psi(x) = Gamma'(x) / Gamma(x): reflection below 0, recurrence up to 10, then the asymptotic series. */
    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) return Double.NaN;
        if (x <= 0 && x == Math.floor(x)) return Double.NaN;
        if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        if (Double.isInfinite(x)) return x;
        double z = 1 / (x * x);
        double series = z * (1.0 / 12 - z * (1.0 / 120 - z * (1.0 / 252 - z * (1.0 / 240 - z * (1.0 / 132)))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /** The Hurwitz zeta function sum over k >= 0 of (k + q)^-s, as Cephes' {@code zeta}. */
    static double zeta(double s, double q) {
        if (s == 1) return Double.POSITIVE_INFINITY;
        if (s < 1 || Double.isNaN(s) || Double.isNaN(q)) return Double.NaN;
        if (q <= 0) {
            if (q == Math.floor(q)) return Double.POSITIVE_INFINITY;
            if (s != Math.floor(s)) return Double.NaN;
        }
        double sum = Math.pow(q, -s), a = q, b = 0;
        int i = 0;
        while (i < 9 || a <= 9) {
            i++;
            a += 1;
            b = Math.pow(a, -s);
            sum += b;
            if (Math.abs(b / sum) < MACHEP) return sum;
        }
        double w = a, k = 0;
        sum += b * w / (s - 1) - 0.5 * b;
        a = 1;
        for (double coefficient : ZETA_A) {
            a *= s + k;
            b /= w;
            double t = a * b / coefficient;
            sum += t;
            if (Math.abs(t / sum) < MACHEP) return sum;
            k += 1;
            a *= s + k;
            b /= w;
            k += 1;
        }
        return sum;
    }

    /** The n-th derivative of digamma: digamma for n = 0, else (-1)^(n+1) n! zeta(n + 1, x); NaN for other n. */
    static double polygamma(double n, double x) {
        if (n != Math.floor(n) || n < 0) return Double.NaN;
        if (n == 0) return digamma(x);
        double factorial = Math.exp(lgamma(n + 1));
        return (n % 2 == 0 ? -1 : 1) * factorial * zeta(n + 1, x);
    }

    /**
     * Eigen's cap on the igamma series and igammac continued fraction (TF's kernels): where a is so
     * large that a + 1 == a (x == a == 1e30, say) the terms stop shrinking, and Cephes' loops would
     * never end; TF stops after 2000 terms (igamma(1e30, 1e30) = 2.001e-27 in TF 2.21), and so does JFlow.
     */
    private static final int MAX_ITERATIONS = 2000;

    /** The regularized lower incomplete gamma P(a, x), as Cephes' {@code igam}. */
    static double igamma(double a, double x) {
        if (Double.isNaN(a) || Double.isNaN(x) || x < 0 || a <= 0) return a == 0 && x > 0 ? 1 : Double.NaN;
        if (x == 0) return 0;
        if (Double.isInfinite(x)) return 1;
        if (x > 1 && x > a) return 1 - igammac(a, x);
        double ax = a * Math.log(x) - x - lgamma(a);
        if (ax < -MAXLOG) return 0;
        ax = Math.exp(ax);
        double r = a, c = 1, sum = 1;
        int n = 0;
        do {
            r += 1;
            c *= x / r;
            sum += c;
        } while (c / sum > MACHEP && ++n < MAX_ITERATIONS);
        return sum * ax / a;
    }

    /** The regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), as Cephes' {@code igamc}. */
    static double igammac(double a, double x) {
        if (Double.isNaN(a) || Double.isNaN(x) || x < 0 || a <= 0) return a == 0 && x > 0 ? 0 : Double.NaN;
        if (x == 0) return 1;
        if (Double.isInfinite(x)) return 0;
        if (x < 1 || x < a) return 1 - igamma(a, x);
        double ax = a * Math.log(x) - x - lgamma(a);
        if (ax < -MAXLOG) return 0;
        ax = Math.exp(ax);
        double y = 1 - a, z = x + y + 1, c = 0;
        double pkm2 = 1, qkm2 = x, pkm1 = x + 1, qkm1 = z * x, ans = pkm1 / qkm1, t;
        int n = 0;
        do {
            c += 1;
            y += 1;
            z += 2;
            double yc = y * c, pk = pkm1 * z - pkm2 * yc, qk = qkm1 * z - qkm2 * yc;
            if (qk != 0) {
                double r = pk / qk;
                t = Math.abs((ans - r) / r);
                ans = r;
            } else {
                t = 1;
            }
            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            if (Math.abs(pk) > BIG) {
                pkm2 *= BIG_INV;
                pkm1 *= BIG_INV;
                qkm2 *= BIG_INV;
                qkm1 *= BIG_INV;
            }
        } while (t > MACHEP && ++n < MAX_ITERATIONS);
        return ans * ax;
    }
}
