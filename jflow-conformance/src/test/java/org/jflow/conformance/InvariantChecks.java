package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;

/**
 * Checks for the matrix decompositions, whose factors are unique only up to the signs (phases) of
 * columns and the order of equal values, and whose rounding depends on the algorithm: JFlow's
 * factors must rebuild the input (A = QR, A = U diag(s) V^T, A V = V diag(e)) and be orthonormal,
 * within a tolerance of 64 n machine epsilons of the largest input magnitude; its values (sorted
 * singular and eigenvalues) must equal TF's within that tolerance, and its vectors TF's once each
 * column's sign is aligned with TF's column. Batches are checked matrix by matrix.
 */
final class InvariantChecks {
    private InvariantChecks() {}

    private static double tolerance(Tensor a) {
        double eps = switch (a.dtype().realDType()) {
            case FLOAT64 -> 0x1p-52;
            case FLOAT16 -> 0x1p-10;
            case BFLOAT16 -> 0x1p-7;
            default -> 0x1p-23;
        };
        double max = 1;
        for (int k = 0; k < a.size(); k++) max = Math.max(max, Math.abs(a.getDouble(k)));
        return 64 * eps * Math.max(a.shape().get(-1), a.shape().get(-2)) * max;
    }

    /** Matrix {@code b} of a batch of {@code rows x cols} matrices as row-major doubles (real parts). */
    private static double[] matrix(Tensor t, int b, int rows, int cols) {
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) m[i] = t.getDouble(b * m.length + i);
        return m;
    }

    private static int batches(Tensor a) { return a.size() == 0 ? 0 : a.size() / (a.shape().get(-1) * a.shape().get(-2)); }

    private static String layout(Tensor[] jflow, Tensor[] tf) {
        if (jflow.length != tf.length) return "JFlow gives " + jflow.length + " outputs, TF " + tf.length;
        for (int i = 0; i < tf.length; i++) {
            if (jflow[i].dtype() != tf[i].dtype()) return "output " + i + ": dtype " + jflow[i].dtype().tfName() + ", TF " + tf[i].dtype().tfName();
            if (!jflow[i].shape().equals(tf[i].shape())) return "output " + i + ": shape " + jflow[i].shape() + ", TF " + tf[i].shape();
        }
        return null;
    }

    /** Sum over p of x[i, p] y[j, p] ... as a matrix product of row-major {@code x} [r, k] and {@code y} [k, c]. */
    private static double[] product(double[] x, double[] y, int r, int k, int c) {
        double[] z = new double[r * c];
        for (int i = 0; i < r; i++) for (int p = 0; p < k; p++) for (int j = 0; j < c; j++) z[i * c + j] += x[i * k + p] * y[p * c + j];
        return z;
    }

    private static double[] transpose(double[] x, int r, int c) {
        double[] t = new double[r * c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) t[j * r + i] = x[i * c + j];
        return t;
    }

    private static String near(String what, double[] mine, double[] theirs, double tol) {
        for (int i = 0; i < theirs.length; i++) {
            if (!(Math.abs(mine[i] - theirs[i]) <= tol)) return what + " element " + i + ": " + mine[i] + ", expected " + theirs[i] + " (tolerance " + tol + ")";
        }
        return null;
    }

    /** Whether the first {@code k} columns of {@code q} [rows, cols] are orthonormal. */
    private static String orthonormal(String what, double[] q, int rows, int cols, int k, double tol) {
        double[] g = product(transpose(q, rows, cols), q, cols, rows, cols);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (!(Math.abs(g[i * cols + j] - (i == j ? 1 : 0)) <= tol)) return what + " is not orthonormal: column dot products [" + i + "," + j + "] = " + g[i * cols + j];
            }
        }
        return null;
    }

    /** Signs (+1/-1) that turn each of the first {@code k} columns of {@code mine} towards the same column of {@code theirs}. */
    private static double[] alignment(double[] mine, double[] theirs, int rows, int cols, int k) {
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            double dot = 0;
            for (int i = 0; i < rows; i++) dot += mine[i * cols + j] * theirs[i * cols + j];
            s[j] = dot < 0 ? -1 : 1;
        }
        return s;
    }

    private static double[] signedColumns(double[] x, int rows, int cols, double[] s) {
        double[] y = x.clone();
        for (int i = 0; i < rows; i++) for (int j = 0; j < s.length; j++) y[i * cols + j] *= s[j];
        return y;
    }

    private static double[] firstColumns(double[] x, int rows, int cols, int k) {
        double[] y = new double[rows * k];
        for (int i = 0; i < rows; i++) System.arraycopy(x, i * cols, y, i * k, k);
        return y;
    }

    /** Qr: outputs q [m, p] and r [p, n] (p = min(m, n), or m with full_matrices). */
    static final OpTable.Check QR = (jflow, tf, c) -> {
        String d = layout(jflow, tf);
        if (d != null) return d;
        Tensor a = c.inputs()[0];
        int m = a.shape().get(-2), n = a.shape().get(-1), p = jflow[0].shape().get(-1), k = Math.min(m, n);
        double tol = tolerance(a);
        for (int b = 0; b < batches(a); b++) {
            double[] q = matrix(jflow[0], b, m, p), r = matrix(jflow[1], b, p, n), tq = matrix(tf[0], b, m, p), tr = matrix(tf[1], b, p, n);
            String at = "matrix " + b + ": ";
            if ((d = near("QR", product(q, r, m, p, n), matrix(a, b, m, n), tol)) != null) return at + d;
            if ((d = orthonormal("Q", q, m, p, p, tol)) != null) return at + d;
            for (int i = 0; i < p; i++) for (int j = 0; j < Math.min(i, n); j++) if (r[i * n + j] != 0) return at + "R is not upper triangular at [" + i + "," + j + "]";
            double[] s = alignment(q, tq, m, p, k);
            if ((d = near("Q (signs aligned)", firstColumns(signedColumns(q, m, p, s), m, p, k), firstColumns(tq, m, p, k), tol)) != null) return at + d;
            double[] sr = transpose(signedColumns(transpose(r, p, n), n, p, s), n, p);
            if ((d = near("R (signs aligned)", sr, tr, tol)) != null) return at + d;
        }
        return null;
    };

    /** Svd: outputs s [k] (descending), u [m, pu], v [n, pv] (empty without compute_uv). */
    static final OpTable.Check SVD = (jflow, tf, c) -> {
        String d = layout(jflow, tf);
        if (d != null) return d;
        Tensor a = c.inputs()[0];
        int m = a.shape().get(-2), n = a.shape().get(-1), k = Math.min(m, n);
        double tol = tolerance(a);
        boolean uv = jflow[1].size() > 0;
        int pu = uv ? jflow[1].shape().get(-1) : 0, pv = uv ? jflow[2].shape().get(-1) : 0;
        for (int b = 0; b < batches(a); b++) {
            String at = "matrix " + b + ": ";
            double[] s = new double[k], ts = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = jflow[0].getDouble(b * k + i);
                ts[i] = tf[0].getDouble(b * k + i);
            }
            if ((d = near("singular values", s, ts, tol)) != null) return at + d;
            if (!uv) continue;
            double[] u = matrix(jflow[1], b, m, pu), v = matrix(jflow[2], b, n, pv), tu = matrix(tf[1], b, m, pu), tv = matrix(tf[2], b, n, pv);
            double[] us = firstColumns(u, m, pu, k);
            for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] *= s[j];
            if ((d = near("U diag(s) V^T", product(us, transpose(firstColumns(v, n, pv, k), n, k), m, k, n), matrix(a, b, m, n), tol)) != null) return at + d;
            if ((d = orthonormal("U", u, m, pu, pu, tol)) != null) return at + d;
            if ((d = orthonormal("V", v, n, pv, pv, tol)) != null) return at + d;
            double[] sign = alignment(u, tu, m, pu, k);
            if ((d = near("U (signs aligned)", firstColumns(signedColumns(u, m, pu, sign), m, pu, k), firstColumns(tu, m, pu, k), tol)) != null) return at + d;
            if ((d = near("V (signs aligned)", firstColumns(signedColumns(v, n, pv, sign), n, pv, k), firstColumns(tv, n, pv, k), tol)) != null) return at + d;
        }
        return null;
    };

    /** SelfAdjointEigV2: outputs e [n] (ascending) and v [n, n] (empty without compute_v). */
    static final OpTable.Check SELF_ADJOINT_EIG = (jflow, tf, c) -> {
        String d = layout(jflow, tf);
        if (d != null) return d;
        Tensor a = c.inputs()[0];
        int n = a.shape().get(-1);
        double tol = tolerance(a);
        for (int b = 0; b < batches(a); b++) {
            String at = "matrix " + b + ": ";
            double[] e = new double[n], te = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = jflow[0].getDouble(b * n + i);
                te[i] = tf[0].getDouble(b * n + i);
            }
            if ((d = near("eigenvalues", e, te, tol)) != null) return at + d;
            if (jflow[1].size() == 0) continue;
            double[] v = matrix(jflow[1], b, n, n), tv = matrix(tf[1], b, n, n), ve = v.clone();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) ve[i * n + j] *= e[j];
            if ((d = near("A V - V diag(e)", product(matrix(a, b, n, n), v, n, n, n), ve, tol)) != null) return at + d;
            if ((d = orthonormal("V", v, n, n, n, tol)) != null) return at + d;
            if ((d = near("V (signs aligned)", signedColumns(v, n, n, alignment(v, tv, n, n, n)), tv, tol)) != null) return at + d;
        }
        return null;
    };

    /**
     * Eig: outputs e [n] and v [n, n], complex. Eigenvalues as a multiset (each of JFlow's matched to
     * a distinct one of TF's within the tolerance; TF's order is Eigen's); each of JFlow's vectors
     * solves A v = e v and has unit norm.
     */
    static final OpTable.Check EIG = (jflow, tf, c) -> {
        String d = layout(jflow, tf);
        if (d != null) return d;
        Tensor a = c.inputs()[0];
        int n = a.shape().get(-1), nn = n * n;
        double tol = tolerance(a);
        DType t = jflow[0].dtype(), at = a.dtype();
        for (int b = 0; b < batches(a); b++) {
            boolean[] used = new boolean[n];
            for (int i = 0; i < n; i++) {
                double re = Buffers.getDouble(jflow[0].data(), t, b * n + i), im = Buffers.getImag(jflow[0].data(), t, b * n + i);
                int match = -1;
                for (int j = 0; j < n && match < 0; j++) {
                    if (!used[j] && Math.hypot(re - Buffers.getDouble(tf[0].data(), t, b * n + j), im - Buffers.getImag(tf[0].data(), t, b * n + j)) <= tol) match = j;
                }
                if (match < 0) return "matrix " + b + ": eigenvalue (" + re + ", " + im + ") is none of TF's";
                used[match] = true;
                if (jflow[1].size() == 0) continue;
                double norm = 0;
                for (int r = 0; r < n; r++) {
                    double sr = 0, si = 0;
                    for (int p = 0; p < n; p++) {
                        double ar = Buffers.getDouble(a.data(), at, b * nn + r * n + p), ai = Buffers.getImag(a.data(), at, b * nn + r * n + p);
                        double vr = Buffers.getDouble(jflow[1].data(), t, b * nn + p * n + i), vi = Buffers.getImag(jflow[1].data(), t, b * nn + p * n + i);
                        sr += ar * vr - ai * vi;
                        si += ar * vi + ai * vr;
                    }
                    double vr = Buffers.getDouble(jflow[1].data(), t, b * nn + r * n + i), vi = Buffers.getImag(jflow[1].data(), t, b * nn + r * n + i);
                    norm += vr * vr + vi * vi;
                    if (Math.hypot(sr - (re * vr - im * vi), si - (re * vi + im * vr)) > tol) return "matrix " + b + ": A v != e v for eigenvalue " + i;
                }
                if (Math.abs(Math.sqrt(norm) - 1) > tol) return "matrix " + b + ": eigenvector " + i + " has norm " + Math.sqrt(norm);
            }
        }
        return null;
    };
}
