package org.jflow.linalg;

/**
 * Dense factorizations of one row-major matrix in double precision: LU with partial pivoting,
 * Cholesky, Householder QR (LAPACK's sign convention, as TF's Eigen kernel: {@code R}'s diagonal
 * takes the sign opposite to the pivot column's leading element), one-sided Jacobi SVD and cyclic
 * Jacobi for symmetric eigenproblems. Float32 inputs are promoted, which makes results at least
 * as accurate as TF's.
 */
final class Decompositions {
    private Decompositions() {}

    /** An LU factorization in place: {@code lu} holds L (unit diagonal, below) and U; {@code perm} the row order. */
    record LU(double[] lu, int[] perm, int sign, boolean singular, int n) {
        double determinant() {
            if (singular) return 0;
            double d = sign;
            for (int i = 0; i < n; i++) d *= lu[i * n + i];
            return d;
        }

        /** Solves A X = B for B of n x k, row-major; returns X. */
        double[] solve(double[] b, int k) {
            double[] x = new double[n * k];
            for (int i = 0; i < n; i++) System.arraycopy(b, perm[i] * k, x, i * k, k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double l = lu[i * n + j];
                    if (l != 0) for (int c = 0; c < k; c++) x[i * k + c] -= l * x[j * k + c];
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                for (int j = i + 1; j < n; j++) {
                    double u = lu[i * n + j];
                    if (u != 0) for (int c = 0; c < k; c++) x[i * k + c] -= u * x[j * k + c];
                }
                double d = lu[i * n + i];
                for (int c = 0; c < k; c++) x[i * k + c] /= d;
            }
            return x;
        }
    }

    static LU lu(double[] a, int n) {
        double[] lu = a.clone();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int sign = 1;
        boolean singular = false;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = Math.abs(lu[col * n + col]);
            for (int r = col + 1; r < n; r++) {
                double v = Math.abs(lu[r * n + col]);
                if (v > best) {
                    best = v;
                    pivot = r;
                }
            }
            if (best == 0 || !Double.isFinite(best)) {
                singular = true;
                continue;
            }
            if (pivot != col) {
                for (int c = 0; c < n; c++) {
                    double t = lu[col * n + c];
                    lu[col * n + c] = lu[pivot * n + c];
                    lu[pivot * n + c] = t;
                }
                int t = perm[col];
                perm[col] = perm[pivot];
                perm[pivot] = t;
                sign = -sign;
            }
            double d = lu[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = lu[r * n + col] / d;
                lu[r * n + col] = f;
                if (f != 0) for (int c = col + 1; c < n; c++) lu[r * n + c] -= f * lu[col * n + c];
            }
        }
        return new LU(lu, perm, sign, singular, n);
    }

    /** The lower Cholesky factor, or null when the matrix is not (numerically) positive definite. */
    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
            if (!(d > 0)) return null;
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = s / ljj;
            }
        }
        return l;
    }

    /**
     * Householder QR of an m x n matrix: {@code {q, r}} with q m x qc and r qc x n, where qc is
     * min(m, n), or m when {@code full}.
     */
    static double[][] qr(double[] a, int m, int n, boolean full) {
        double[] r = a.clone();
        int p = Math.min(m, n);
        double[][] vs = new double[p][];
        double[] taus = new double[p];
        for (int j = 0; j < p; j++) {
            double alpha = r[j * n + j];
            double tail = 0;
            for (int i = j + 1; i < m; i++) tail += r[i * n + j] * r[i * n + j];
            if (tail == 0) continue; // already triangular here: H = I keeps the diagonal's sign
            double beta = -Math.copySign(Math.sqrt(alpha * alpha + tail), alpha);
            double tau = (beta - alpha) / beta;
            double[] v = new double[m];
            v[j] = 1;
            for (int i = j + 1; i < m; i++) v[i] = r[i * n + j] / (alpha - beta);
            vs[j] = v;
            taus[j] = tau;
            applyReflector(r, m, n, v, tau, j, j);
        }
        for (int i = 1; i < m; i++) for (int j = 0; j < Math.min(i, n); j++) r[i * n + j] = 0;
        int qc = full ? m : p;
        double[] q = new double[m * qc];
        for (int i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
        for (int j = p - 1; j >= 0; j--) if (vs[j] != null) applyReflector(q, m, qc, vs[j], taus[j], j, 0);
        double[] rOut = new double[qc * n];
        System.arraycopy(r, 0, rOut, 0, Math.min(qc, m) * n);
        return new double[][] {q, rOut};
    }

    /** x := (I - tau v v^T) x for the columns {@code fromCol..} of x (m x cols), v nonzero from row {@code from}. */
    private static void applyReflector(double[] x, int m, int cols, double[] v, double tau, int from, int fromCol) {
        for (int c = fromCol; c < cols; c++) {
            double s = 0;
            for (int i = from; i < m; i++) s += v[i] * x[i * cols + c];
            s *= tau;
            if (s != 0) for (int i = from; i < m; i++) x[i * cols + c] -= s * v[i];
        }
    }

    /**
     * Eigen-decomposition of a symmetric n x n matrix by cyclic Jacobi rotations: {@code {values, vectors}},
     * values ascending, vectors as the columns of a row-major n x n matrix.
     */
    static double[][] symmetricEigen(double[] a, int n) {
        double[] s = a.clone();
        double[] v = identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = s[i * n + j] * s[i * n + j];
                    total += x;
                    if (i != j) off += x;
                }
            }
            if (off <= 1e-30 * total || off == 0) break;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = s[p * n + q];
                    if (apq == 0) continue;
                    double theta = (s[q * n + q] - s[p * n + p]) / (2 * apq);
                    double t = Math.copySign(1, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                    rotate(s, n, p, q, n, c, sn);          // columns p and q
                    rotate(s, n, p * n, q * n, 1, c, sn); // rows p and q
                    rotate(v, n, p, q, n, c, sn);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = s[i * n + i];
        int[] order = argsort(values, true);
        double[] sortedValues = new double[n], vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            sortedValues[j] = values[order[j]];
            for (int i = 0; i < n; i++) vectors[i * n + j] = v[i * n + order[j]];
        }
        return new double[][] {sortedValues, vectors};
    }

    /**
     * Thin or full SVD of an m x n matrix by one-sided Jacobi: {@code {s, u, v}} with s descending,
     * u m x uc and v n x vc (uc = vc = min(m, n) when thin; m and n when full).
     */
    static double[][] svd(double[] a, int m, int n, boolean full) {
        if (m < n) {
            double[][] t = svd(transpose(a, m, n), n, m, full);
            return new double[][] {t[0], t[2], t[1]};
        }
        for (double x : a) {
            if (!Double.isFinite(x)) return nanSvd(m, n, full); // TF: Eigen's BDCSVD fails, and the op returns NaN
        }
        double[] w = a.clone(); // m x n, columns get orthogonalized
        double[] v = identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < m; i++) {
                        double x = w[i * n + p], y = w[i * n + q];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.copySign(1, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(w, m, p, q, n, c, s);
                    rotate(v, n, p, q, n, c, s);
                }
            }
            if (!rotated) break;
        }
        double[] sv = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) s += w[i * n + j] * w[i * n + j];
            sv[j] = Math.sqrt(s);
        }
        int[] order = argsort(sv, false);
        int uc = full ? m : n;
        double[] s = new double[n], u = new double[m * uc], vOut = new double[n * n];
        boolean[] filled = new boolean[uc];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            s[j] = sv[src];
            for (int i = 0; i < n; i++) vOut[i * n + j] = v[i * n + src];
            if (s[j] > 1e-300) {
                for (int i = 0; i < m; i++) u[i * uc + j] = w[i * n + src] / s[j];
                filled[j] = true;
            }
        }
        completeBasis(u, m, uc, filled);
        return new double[][] {s, u, vOut};
    }

    private static double[][] nanSvd(int m, int n, boolean full) {
        double[][] r = {new double[n], new double[m * (full ? m : n)], new double[n * n]};
        for (double[] x : r) java.util.Arrays.fill(x, Double.NaN);
        return r;
    }

    /** Fills the unfilled columns of the m x cols matrix q with unit vectors orthogonal to the rest (Gram-Schmidt). */
    private static void completeBasis(double[] q, int m, int cols, boolean[] filled) {
        int candidate = 0;
        for (int j = 0; j < cols; j++) {
            if (filled[j]) continue;
            while (true) {
                double[] x = new double[m];
                x[candidate++ % m] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int c = 0; c < cols; c++) {
                        if (!filled[c]) continue;
                        double d = 0;
                        for (int i = 0; i < m; i++) d += q[i * cols + c] * x[i];
                        for (int i = 0; i < m; i++) x[i] -= d * q[i * cols + c];
                    }
                }
                double norm = 0;
                for (double e : x) norm += e * e;
                norm = Math.sqrt(norm);
                if (norm > 1e-6) {
                    for (int i = 0; i < m; i++) q[i * cols + j] = x[i] / norm;
                    filled[j] = true;
                    break;
                }
            }
        }
    }

    static double[] identity(int n) {
        double[] e = new double[n * n];
        for (int i = 0; i < n; i++) e[i * n + i] = 1;
        return e;
    }

    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = a[i * n + j];
        return t;
    }

    private static int[] argsort(double[] x, boolean ascending) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (p, q) -> ascending ? Double.compare(x[p], x[q]) : Double.compare(x[q], x[p]));
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) out[i] = idx[i];
        return out;
    }

    /**
     * A Givens rotation of two lines of a row-major matrix: {@code count} element pairs starting at
     * {@code p} and {@code q}, {@code stride} apart ({@code n} for columns, 1 for rows), become
     * {@code (c x - s y, s x + c y)}.
     */
    private static void rotate(double[] a, int count, int p, int q, int stride, double c, double s) {
        for (int k = 0; k < count; k++) {
            int i = p + k * stride, j = q + k * stride;
            double x = a[i], y = a[j];
            a[i] = c * x - s * y;
            a[j] = s * x + c * y;
        }
    }
}
