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
        if (x == 1 || x == 2) return 0; // exactly, as the C library's lgamma that TF's kernel calls
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        double z = x - 1, a = LANCZOS[0], t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Cephes' asymptotic-series coefficients for psi, highest power first (polevl order). */
    private static final double[] PSI_A = {8.33333333333333333333E-2, -2.10927960927960927961E-2,
        7.57575757575757575758E-3, -4.16666666666666666667E-3, 3.96825396825396825397E-3,
        -8.33333333333333333333E-3, 8.33333333333333333333E-2};

    /**
     * psi(x) = Gamma'(x) / Gamma(x) as Eigen's {@code digamma_impl} (Cephes' psi) takes it, step for step:
     * reflection below 0, the recurrence up to 10, then Cephes' series, so float64 results agree with TF's to
     * rounding even near psi's root at 1.46 where the terms cancel.
     */
    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) return Double.NaN;
        boolean negative = false;
        double nz = 0;
        if (x <= 0) {
            negative = true;
            double q = x, p = Math.floor(q);
            if (p == q) return Double.NaN;
            nz = q - p;
            if (nz != 0.5) {
                if (nz > 0.5) {
                    p += 1;
                    nz = q - p;
                }
                nz = Math.PI / Math.tan(Math.PI * nz);
            } else {
                nz = 0;
            }
            x = 1 - x;
        }
        double s = x, w = 0;
        while (s < 10) {
            w += 1 / s;
            s += 1;
        }
        double y = 0;
        if (s < 1.0e17) {
            double z = 1 / (s * s), poly = PSI_A[0];
            for (int i = 1; i < PSI_A.length; i++) poly = poly * z + PSI_A[i];
            y = z * poly;
        }
        y = Math.log(s) - 0.5 / s - y - w;
        return negative ? y - nz : y;
    }

    /** The Hurwitz zeta function sum over k >= 0 of (k + q)^-s, as Cephes' {@code zeta}. */
    static double zeta(double s, double q) {
        if (s == 1) return Double.POSITIVE_INFINITY;
        if (s < 1 || Double.isNaN(s) || Double.isNaN(q)) return Double.NaN;
        if (q <= 0) {
            if (q == Math.floor(q)) return Double.POSITIVE_INFINITY;
            if (s != Math.floor(s)) return Double.NaN;
        }
        if (q == Double.POSITIVE_INFINITY) return 0; // every term is 0, as TF's zeta(s, inf)
        if (s == Double.POSITIVE_INFINITY) return q < 1 ? Double.POSITIVE_INFINITY : q == 1 ? 1 : 0; // q^-inf
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

    /**
     * d/da P(a, x), TF's {@code IgammaGradA} (Eigen's {@code igamma_der_a}): forward-mode differentiation of
     * P's power series (x <= 1 or x <= a) or of the continued fraction of its complement, every term's
     * derivative carried beside it until the derivative's increments fall below machine epsilon.
     */
    static double igammaDerA(double a, double x) {
        if (x == 0) return 0;
        if (x < 0 || a <= 0 || Double.isNaN(a) || Double.isNaN(x)) return Double.NaN;
        return x > 1 && x > a ? -continuedFractionDerA(a, x) : seriesDerA(a, x);
    }

    /** Eigen's {@code main_igamma_term}: x^a e^-x / Gamma(a), 0 where its log underflows. */
    private static double mainIgammaTerm(double a, double x) {
        double logax = a * Math.log(x) - x - lgamma(a);
        return logax < -Math.log(Double.MAX_VALUE) || Double.isNaN(logax) ? 0 : Math.exp(logax);
    }

    private static double seriesDerA(double a, double x) {
        double ax = mainIgammaTerm(a, x);
        if (ax == 0) return 0;
        ax /= a;
        double r = a, c = 1, ans = 1, dcDa = 0, dansDa = 0;
        for (int i = 0; i < DERIVATIVE_ITERATIONS; i++) {
            r += 1;
            double term = x / r, dtermDa = -x / (r * r);
            dcDa = term * dcDa + dtermDa * c;
            dansDa += dcDa;
            c *= term;
            ans += c;
            if (Math.abs(dcDa) <= MACHEP * Math.abs(dansDa)) break;
        }
        double dlogaxDa = Math.log(x) - digamma(a + 1);
        return ans * ax * dlogaxDa + dansDa * ax;
    }

    private static double continuedFractionDerA(double a, double x) {
        if (Double.isInfinite(x)) return 0;
        double ax = mainIgammaTerm(a, x);
        if (ax == 0) return 0;
        double y = 1 - a, z = x + y + 1, c = 0;
        double pkm2 = 1, qkm2 = x, pkm1 = x + 1, qkm1 = z * x, ans = pkm1 / qkm1;
        double dpkm2 = 0, dqkm2 = 0, dpkm1 = 0, dqkm1 = -x, dans = (dpkm1 - ans * dqkm1) / qkm1;
        for (int i = 0; i < DERIVATIVE_ITERATIONS; i++) {
            c += 1;
            y += 1;
            z += 2;
            double yc = y * c, pk = pkm1 * z - pkm2 * yc, qk = qkm1 * z - qkm2 * yc;
            double dpk = dpkm1 * z - pkm1 - dpkm2 * yc + pkm2 * c, dqk = dqkm1 * z - qkm1 - dqkm2 * yc + qkm2 * c;
            if (qk != 0) {
                ans = pk / qk;
                double previous = dans;
                dans = (dpk - ans * dqk) / qk;
                if (Math.abs(dans - previous) <= MACHEP) break;
            }
            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            dpkm2 = dpkm1;
            dpkm1 = dpk;
            dqkm2 = dqkm1;
            dqkm1 = dqk;
            if (Math.abs(pk) > BIG) {
                pkm2 *= BIG_INV;
                pkm1 *= BIG_INV;
                qkm2 *= BIG_INV;
                qkm1 *= BIG_INV;
                dpkm2 *= BIG_INV;
                dpkm1 *= BIG_INV;
                dqkm2 *= BIG_INV;
                dqkm1 *= BIG_INV;
            }
        }
        double dlogaxDa = Math.log(x) - digamma(a);
        return ans * ax * dlogaxDa + dans * ax;
    }

    /** Eigen's iteration bound for igamma's derivatives in double. */
    private static final int DERIVATIVE_ITERATIONS = 500;

    /** The regularized lower incomplete gamma P(a, x), as Cephes' {@code igam}. */
    static double igamma(double a, double x) {
        if (x == 0) return 0; // Eigen's igamma checks x == 0 first: igamma(0, 0) is 0, igamma(0, 1) NaN
        if (Double.isNaN(a) || Double.isNaN(x) || x < 0 || a <= 0) return Double.NaN;
        if (x > 1 && x > a) return 1 - igammac(a, x);
        double ax = a * Math.log(x) - x - lgamma(a);
        if (!(ax >= -MAXLOG)) return 0; // NaN too (a = inf), as Eigen's main_igamma_term
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
        if (Double.isNaN(a) || Double.isNaN(x) || x < 0 || a <= 0) return Double.NaN;
        if (x == 0) return 1;
        if (Double.isInfinite(x)) return 0;
        if (x < 1 || x < a) return 1 - igamma(a, x);
        double ax = a * Math.log(x) - x - lgamma(a);
        if (!(ax >= -MAXLOG)) return 0;
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
