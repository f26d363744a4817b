package org.jflow.linalg;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;

import static org.jflow.TF.tf;

/** The gradients of the matrix ops (TF's linalg_grad.py), written with ops so they differentiate again. */
final class LinalgGradients {
    private LinalgGradients() {}

    /** A batch matrix product with adjoint flags. */
    private static Tensor mm(Tensor a, boolean adjA, Tensor b, boolean adjB) {
        return Dispatcher.execute1(MatrixMultiply.BATCH_MAT_MUL_V2, Attrs.of("adj_x", adjA, "adj_y", adjB), a, b);
    }

    /** One scalar per matrix, reshaped to broadcast over the matrices. */
    private static Tensor perMatrix(Tensor scalars) {
        int[] d = scalars.shape().dims(), s = java.util.Arrays.copyOf(d, d.length + 2);
        s[d.length] = 1;
        s[d.length + 1] = 1;
        return tf.reshape(scalars, s);
    }

    /** d(A^-1) = -A^-T dy A^-T (with the adjoints swapped for {@code adjoint}). */
    static Tensor[] inverse(GradientContext g, Tensor[] dy) {
        boolean adjoint = g.attrs().getBool("adjoint", false);
        Tensor inv = g.out();
        return new Tensor[] {tf.negative(mm(inv, !adjoint, mm(dy[0], adjoint, inv, !adjoint), false))};
    }

    /** d det(A) = dy det(A) A^-T. */
    static Tensor[] determinant(GradientContext g, Tensor[] dy) {
        return new Tensor[] {tf.multiply(perMatrix(tf.multiply(dy[0], g.out())), tf.linalg.inv(g.x(), true))};
    }

    /** Only log|det| carries a gradient (the sign is piecewise constant): dy A^-T. */
    static Tensor[] logDeterminant(GradientContext g, Tensor[] dy) {
        return new Tensor[] {tf.multiply(perMatrix(dy[1]), tf.linalg.inv(g.x(), true))};
    }

    /** X = A^-1 B: dB = A^-T dy, dA = -dB X^T (transposed for {@code adjoint}). */
    static Tensor[] solve(GradientContext g, Tensor[] dy) {
        boolean adjoint = g.attrs().getBool("adjoint", false);
        Tensor x = g.out();
        Tensor db = tf.linalg.solve(g.x(), dy[0], !adjoint);
        Tensor da = g.needs(0) ? tf.negative(adjoint ? mm(x, false, db, true) : mm(db, false, x, true)) : null;
        return new Tensor[] {da, db};
    }

    /**
     * TF's symmetric Cholesky gradient (Murray 2016): with L the factor,
     * {@code Phi(L^T dy)} its lower triangle with half the diagonal,
     * {@code dA = sym(L^-T Phi L^-1)}.
     */
    static Tensor[] cholesky(GradientContext g, Tensor[] dy) {
        Tensor l = g.out(), lInverse = tf.linalg.inv(l);
        Tensor middle = mm(l, true, dy[0], false);
        middle = tf.subtract(tf.linalg.bandPart(middle, -1, 0), tf.multiply(tf.linalg.diag(tf.linalg.diagPart(middle)), 0.5));
        Tensor grad = mm(mm(lInverse, true, middle, false), false, lInverse, false);
        return new Tensor[] {tf.multiply(tf.add(grad, transposed(grad)), 0.5)};
    }

    /** The matrices transposed (the last two axes swapped). */
    private static Tensor transposed(Tensor t) {
        int r = t.rank();
        int[] swap = new int[r];
        for (int i = 0; i < r; i++) swap[i] = i;
        swap[r - 2] = r - 1;
        swap[r - 1] = r - 2;
        return tf.transpose(t, swap);
    }

    /**
     * TF's eigen-decomposition gradient: with E the eigenvalues and V the eigenvectors,
     * {@code G = V (diag(dE) + F o (V^T dV)) V^T}, F_ij = 1 / (E_j - E_i) (0 on the diagonal and
     * for equal eigenvalues); the kernel reads a symmetric matrix, so G is folded onto the lower
     * triangle as TF does.
     */
    static Tensor[] selfAdjointEig(GradientContext g, Tensor[] dy) {
        boolean withVectors = g.attrs().getBool("compute_v", true);
        Tensor e = g.out();
        Tensor v = withVectors ? g.outputs()[1]
                : Dispatcher.execute(LinalgOps.SELF_ADJOINT_EIG_V2, Attrs.of("compute_v", true), g.x())[1];
        Tensor inner = tf.linalg.diag(dy[0]);
        if (withVectors) {
            Tensor gap = tf.subtract(tf.expandDims(e, -2), tf.expandDims(e, -1));
            Tensor f = tf.multiply(gap, tf.reciprocal(tf.add(tf.square(gap), 1e-20)));
            inner = tf.add(inner, tf.multiply(f, mm(v, true, dy[1], false)));
        }
        Tensor grad = mm(v, false, mm(inner, false, v, true), false);
        grad = tf.linalg.bandPart(tf.add(grad, transposed(grad)), -1, 0);
        return new Tensor[] {tf.subtract(grad, tf.multiply(tf.linalg.diag(tf.linalg.diagPart(grad)), 0.5))};
    }

    /**
     * TF's general eigen-decomposition gradient (Boeddeker et al. 2017, eq. 4.77; distinct eigenvalues):
     * with F_ij = conj(1 / (e_j - e_i)) (0 on the diagonal) and {@code W = V^H dV},
     * {@code dA = V^-H (diag(dE) + F o (W - V^H V diag(Re(diag W)))) V^H}; the real part for real input.
     * Without v, {@code dA = V^-H diag(dE) V^H} from a fresh decomposition.
     */
    static Tensor[] eig(GradientContext g, Tensor[] dy) {
        boolean withVectors = g.attrs().getBool(GeneralEigen.COMPUTE_V, true);
        Tensor e = g.out();
        Tensor v = withVectors ? g.outputs()[1]
                : Dispatcher.execute(GeneralEigen.EIG, g.attrs().with(GeneralEigen.COMPUTE_V, true), g.x())[1];
        Tensor mid = tf.linalg.diag(dy[0]);
        if (withVectors) {
            // the safe reciprocal of a zero gap is 0, so the diagonal of F is 0 without masking
            Tensor f = tf.math.conj(safeReciprocal(tf.subtract(tf.expandDims(e, -2), tf.expandDims(e, -1))));
            Tensor vgv = mm(v, true, dy[1], false);
            Tensor realDiagonal = tf.linalg.diag(tf.cast(tf.math.real(tf.linalg.diagPart(vgv)), vgv.dtype()));
            mid = tf.add(mid, tf.multiply(f, tf.subtract(vgv, mm(mm(v, true, v, false), false, realDiagonal, false))));
        }
        Tensor grad = complexSolveAdjoint(v, mm(mid, false, v, true));
        return new Tensor[] {g.x().dtype().isComplex() ? grad : tf.math.real(grad)};
    }

    /**
     * {@code V^-H R} for complex V and R, through the real system {@code [[Re, Im], [-Im, Re]] [Xr; Xi] = [Rr; Ri]}
     * of V^H = Re - i Im (MatrixSolve is real-only).
     */
    private static Tensor complexSolveAdjoint(Tensor v, Tensor r) {
        Tensor re = transposed(tf.math.real(v)), im = transposed(tf.math.imag(v));
        int rank = v.rank(), n = v.shape().get(-1);
        Tensor system = tf.concat(new Object[] {tf.concat(new Object[] {re, im}, rank - 1),
                tf.concat(new Object[] {tf.negative(im), re}, rank - 1)}, rank - 2);
        Tensor x = tf.linalg.solve(system, tf.concat(new Object[] {tf.math.real(r), tf.math.imag(r)}, rank - 2));
        return tf.complex(rows(x, 0, n), rows(x, n, n));
    }

    /** Rows {@code from .. from + count} of each matrix. */
    private static Tensor rows(Tensor t, int from, int count) {
        int r = t.rank();
        int[] begin = new int[r], size = new int[r];
        java.util.Arrays.fill(size, -1);
        begin[r - 2] = from;
        size[r - 2] = count;
        return tf.slice(t, begin, size);
    }

    static Tensor[] bandPart(GradientContext g, Tensor[] dy) {
        return new Tensor[] {tf.linalg.bandPart(dy[0], g.attrs().getLong("num_lower"), g.attrs().getLong("num_upper"))};
    }

    static Tensor[] diag(GradientContext g, Tensor[] dy) { return new Tensor[] {tf.linalg.diagPart(dy[0])}; }

    /** The diagonal's gradient placed on the diagonal of a zero matrix of the input's shape. */
    static Tensor[] diagPart(GradientContext g, Tensor[] dy) {
        requireMatrixDims(g.x(), "MatrixDiagPartV3"); // TF's matrix_set_diag(zeros_like(x), dy) path: JFlow has no MatrixSetDiag yet
        Attrs size = Attrs.of("num_rows", g.x().shape().get(-2), "num_cols", g.x().shape().get(-1));
        return new Tensor[] {Dispatcher.execute1(LinalgOps.MATRIX_DIAG_V3, size, dy[0])};
    }

    /**
     * These gradients choose their formula (tall, wide, square) by the matrix dims while tracing, so
     * traced on unknown ones they refuse rather than guess (the batch dims may be unknown).
     */
    private static void requireMatrixDims(Tensor x, String op) {
        if (x.shape().get(-2) == org.jflow.Shape.UNKNOWN || x.shape().get(-1) == org.jflow.Shape.UNKNOWN) {
            throw new org.jflow.errors.UnimplementedError("JFlow's " + op + " gradient needs the matrix dims known while tracing, got "
                    + x.shape());
        }
    }

    static Tensor[] cross(GradientContext g, Tensor[] dy) {
        return new Tensor[] {tf.linalg.cross(g.y(), dy[0]), tf.linalg.cross(dy[0], g.x())};
    }
    /** Columns {@code from .. from + count} of each matrix ({@code count} -1: to the end). */
    private static Tensor columns(Tensor t, int from, int count) {
        int r = t.rank();
        int[] begin = new int[r], size = new int[r];
        java.util.Arrays.fill(size, -1);
        begin[r - 1] = from;
        size[r - 1] = count;
        return tf.slice(t, begin, size);
    }

    /** x R^-T for an upper-triangular invertible R (TF's {@code _TriangularSolve}), as (R^-1 x^T)^T. */
    private static Tensor timesInverseTransposed(Tensor x, Tensor r) {
        return transposed(tf.linalg.solve(r, transposed(x)));
    }

    /** TF's {@code _SafeReciprocal}: x / (x^2 + 1e-20), 0 where x is 0. */
    private static Tensor safeReciprocal(Tensor x) {
        return tf.multiply(x, tf.reciprocal(tf.add(tf.square(x), 1e-20)));
    }

    /**
     * TF's QR gradient (Roberts and Roberts 2020, arXiv:2009.10071) for m >= n with thin factors:
     * {@code M = tril(Q^T dQ - dQ^T Q + R dR^T - dR R^T)},
     * {@code dA = Q (dR + M R^-T) + (dQ - Q Q^T dQ) R^-T}. For m < n, A = [X, Y] and R = [U, V]
     * reduce it to the square case: {@code dX} from (Q, U) with dQ + Y dV^T, {@code dY = Q dV}.
     */
    static Tensor[] qr(GradientContext g, Tensor[] dy) {
        requireMatrixDims(g.x(), "Qr");
        Tensor q = g.outputs()[0], r = g.outputs()[1];
        int m = q.shape().get(-2), n = r.shape().get(-1);
        if (r.shape().get(-2) > n && q.shape().get(-1) == m) {
            throw new org.jflow.errors.UnimplementedError("QrGrad not implemented when nrows > ncols and full_matrices is true. "
                    + "Received r.shape=" + r.shape() + " with nrows=" + r.shape().get(-2) + "and ncols=" + n + ".");
        }
        if (m >= n) return new Tensor[] {qrSquareOrDeep(q, r, dy[0], dy[1])};
        Tensor y = columns(g.x(), m, -1), u = columns(r, 0, m);
        Tensor dv = columns(dy[1], m, -1), du = columns(dy[1], 0, m);
        Tensor dx = qrSquareOrDeep(q, u, tf.add(dy[0], mm(y, false, dv, true)), du);
        return new Tensor[] {tf.concat(new Object[] {dx, mm(q, false, dv, false)}, -1)};
    }

    private static Tensor qrSquareOrDeep(Tensor q, Tensor r, Tensor dq, Tensor dr) {
        Tensor qdq = mm(q, true, dq, false), rdr = mm(r, false, dr, true);
        Tensor tril = tf.linalg.bandPart(tf.add(tf.subtract(qdq, transposed(qdq)), tf.subtract(rdr, transposed(rdr))), -1, 0);
        Tensor gradA = mm(q, false, tf.add(dr, timesInverseTransposed(tril, r)), false);
        Tensor gradB = timesInverseTransposed(tf.subtract(dq, mm(q, false, qdq, false)), r);
        return tf.add(gradA, gradB);
    }

    /**
     * TF's SVD gradient (Giles 2008; Townsend's thin form): with F_ij = 1 / (s_j^2 - s_i^2) (0 on the
     * diagonal and for equal values), {@code dA = U (diag(ds) + (F o U^T dU + h.c.) S + S (F o V^T dV + h.c.)) V^T},
     * plus {@code U S^-1 (dV^T - dV^T V V^T)} when the matrix is not square (computed on A^T when m > n).
     * Without U and V, {@code dA = U diag(ds) V^T} from a fresh decomposition.
     */
    static Tensor[] svd(GradientContext g, Tensor[] dy) {
        requireMatrixDims(g.x(), "Svd");
        Tensor a = g.x();
        Tensor gradS = tf.linalg.diag(dy[0]);
        if (!g.attrs().getBool("compute_uv", true)) {
            Tensor[] usv = Dispatcher.execute(LinalgOps.SVD, Attrs.of("compute_uv", true, "full_matrices", false), a);
            return new Tensor[] {mm(usv[1], false, mm(gradS, false, usv[2], true), false)};
        }
        boolean full = g.attrs().getBool("full_matrices", false);
        int m = a.shape().get(-2), n = a.shape().get(-1);
        Tensor s = g.outputs()[0], u = g.outputs()[1], v = g.outputs()[2], du = dy[1], dv = dy[2];
        boolean adjoint = m > n;
        if (adjoint) {
            int t = m; m = n; n = t;
            Tensor x = u; u = v; v = x;
            x = du; du = dv; dv = x;
        }
        if (full && Math.abs(m - n) > 1) {
            throw new org.jflow.errors.UnimplementedError("svd gradient is not implemented for abs(m - n) > 1 when full_matrices is True. "
                    + "Received: m=" + m + " and n=" + n + " from op input with shape=" + a.shape() + ".");
        }
        Tensor sMat = tf.linalg.diag(s), s2 = tf.square(s);
        Tensor f = safeReciprocal(tf.subtract(tf.expandDims(s2, -2), tf.expandDims(s2, -1)));
        Tensor v1 = columns(v, 0, m), dv1 = columns(dv, 0, m);
        Tensor fu = tf.multiply(f, mm(u, true, du, false)), fv = tf.multiply(f, mm(v1, true, dv1, false));
        Tensor inner = tf.add(gradS, tf.add(mm(tf.add(fu, transposed(fu)), false, sMat, false), mm(sMat, false, tf.add(fv, transposed(fv)), false)));
        Tensor grad = mm(u, false, mm(inner, false, v1, true), false);
        if (m != n) {
            Tensor dv1t = transposed(dv1);
            Tensor term2 = tf.subtract(dv1t, mm(mm(dv1t, false, v1, false), false, v1, true));
            if (full) {
                Tensor v2 = columns(v, m, -1), dv2 = columns(dv, m, -1);
                term2 = tf.subtract(term2, mm(mm(v1, true, dv2, false), false, v2, true));
            }
            grad = tf.add(grad, mm(mm(u, false, tf.linalg.diag(safeReciprocal(s)), false), false, term2, false));
        }
        return new Tensor[] {adjoint ? transposed(grad) : grad};
    }
}
