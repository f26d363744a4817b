package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.GradientContext;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawLinalg;
import org.jflow.raw.RawMath;

import java.util.Arrays;
import java.util.List;

/**
 * The gradients of the matrix ops (TF's linalg_grad.py), written with raw ops so they differentiate again;
 * constants take the operand's dtype, and the facade's composites (matrix transpose, diag) are helpers here.
 */
final class LinalgGradients {
    private LinalgGradients() {}

    /** A batch matrix product with adjoint flags. */
    private static Tensor mm(Tensor a, boolean adjA, Tensor b, boolean adjB) {
        return RawMath.batchMatMulV2(a, b, adjA, adjB);
    }

    /** One scalar per matrix, reshaped to broadcast over the matrices. */
    private static Tensor perMatrix(Tensor scalars) {
        int[] d = scalars.shape().dims(), s = Arrays.copyOf(d, d.length + 2);
        s[d.length] = 1;
        s[d.length + 1] = 1;
        return RawArray.reshape(scalars, s);
    }

    /** d(A^-1) = -A^-T dy A^-T (with the adjoints swapped for {@code adjoint}). */
    static Tensor[] inverse(GradientContext g, Tensor[] dy) {
        boolean adjoint = g.attrs().getBool("adjoint", false);
        Tensor inv = g.out();
        return new Tensor[] {RawMath.neg(mm(inv, !adjoint, mm(dy[0], adjoint, inv, !adjoint), false))};
    }

    /** d det(A) = dy det(A) A^-T. */
    static Tensor[] determinant(GradientContext g, Tensor[] dy) {
        return new Tensor[] {RawMath.mul(perMatrix(RawMath.mul(dy[0], g.out())), RawLinalg.matrixInverse(g.x(), true))};
    }

    /** Only log|det| carries a gradient (the sign is piecewise constant): dy A^-T. */
    static Tensor[] logDeterminant(GradientContext g, Tensor[] dy) {
        return new Tensor[] {RawMath.mul(perMatrix(dy[1]), RawLinalg.matrixInverse(g.x(), true))};
    }

    /** X = A^-1 B: dB = A^-T dy, dA = -dB X^T (transposed for {@code adjoint}). */
    static Tensor[] solve(GradientContext g, Tensor[] dy) {
        boolean adjoint = g.attrs().getBool("adjoint", false);
        Tensor x = g.out();
        Tensor db = RawLinalg.matrixSolve(g.x(), dy[0], !adjoint);
        Tensor da = g.needs(0) ? RawMath.neg(adjoint ? mm(x, false, db, true) : mm(db, false, x, true)) : null;
        return new Tensor[] {da, db};
    }

    /**
     * TF's symmetric Cholesky gradient (Murray 2016): with L the factor,
     * {@code Phi(L^T dy)} its lower triangle with half the diagonal,
     * {@code dA = sym(L^-T Phi L^-1)}.
     */
    static Tensor[] cholesky(GradientContext g, Tensor[] dy) {
        Tensor l = g.out(), lInverse = RawLinalg.matrixInverse(l, false);
        Tensor middle = mm(l, true, dy[0], false);
        middle = RawMath.sub(lowerTriangle(middle), halfDiagonal(middle));
        Tensor grad = mm(mm(lInverse, true, middle, false), false, lInverse, false);
        return new Tensor[] {RawMath.mul(RawMath.addV2(grad, transposed(grad)), Raw.scalarLike(grad, 0.5))};
    }

    /** The matrices transposed (the last two axes swapped). */
    private static Tensor transposed(Tensor t) {
        int r = t.rank();
        int[] swap = new int[r];
        for (int i = 0; i < r; i++) swap[i] = i;
        swap[r - 2] = r - 1;
        swap[r - 1] = r - 2;
        return RawArray.transpose(t, swap);
    }

    /** {@code tf.linalg.diag}: vectors as the main diagonals of square matrices. */
    private static Tensor diagonalMatrix(Tensor diagonal) { return RawArray.matrixDiagV3(diagonal, -1, -1); }

    /** {@code band_part(t, -1, 0)}: the lower triangle with the diagonal. */
    private static Tensor lowerTriangle(Tensor t) { return RawArray.matrixBandPart(t, -1, 0); }

    /** {@code diag(diag_part(t)) * 0.5}: half of each matrix's diagonal, zero elsewhere. */
    private static Tensor halfDiagonal(Tensor t) {
        return RawMath.mul(diagonalMatrix(RawArray.matrixDiagPartV3(t)), Raw.scalarLike(t, 0.5));
    }

    /** {@code tf.math.real}: the real parts; a real tensor itself. */
    private static Tensor real(Tensor t) { return t.dtype().isComplex() ? RawMath.real(t) : t; }

    /** {@code tf.math.imag} of a complex tensor. */
    private static Tensor imag(Tensor t) { return RawMath.imag(t); }

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
                : RawLinalg.selfAdjointEigV2(g.x(), true)[1];
        Tensor inner = diagonalMatrix(dy[0]);
        if (withVectors) {
            Tensor f = safeReciprocal(RawMath.sub(RawArray.expandDims(e, -2), RawArray.expandDims(e, -1)));
            inner = RawMath.addV2(inner, RawMath.mul(f, mm(v, true, dy[1], false)));
        }
        Tensor grad = mm(v, false, mm(inner, false, v, true), false);
        grad = lowerTriangle(RawMath.addV2(grad, transposed(grad)));
        return new Tensor[] {RawMath.sub(grad, halfDiagonal(grad))};
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
                : RawLinalg.eig(g.x(), true, null)[1]; // Tout left out: the input's complex dtype
        Tensor mid = diagonalMatrix(dy[0]);
        if (withVectors) {
            // the safe reciprocal of a zero gap is 0, so the diagonal of F is 0 without masking
            Tensor f = Grads.conj(safeReciprocal(RawMath.sub(RawArray.expandDims(e, -2), RawArray.expandDims(e, -1))));
            Tensor vgv = mm(v, true, dy[1], false);
            Tensor realDiagonal = diagonalMatrix(Raw.castTo(real(RawArray.matrixDiagPartV3(vgv)), vgv.dtype()));
            mid = RawMath.addV2(mid, RawMath.mul(f, RawMath.sub(vgv, mm(mm(v, true, v, false), false, realDiagonal, false))));
        }
        Tensor grad = complexSolveAdjoint(v, mm(mid, false, v, true));
        return new Tensor[] {g.x().dtype().isComplex() ? grad : real(grad)};
    }


    /**
     * {@code V^-H R} for complex V and R, through the real system {@code [[Re, Im], [-Im, Re]] [Xr; Xi] = [Rr; Ri]}
     * of V^H = Re - i Im (MatrixSolve is real-only).
     */
    private static Tensor complexSolveAdjoint(Tensor v, Tensor r) {
        Tensor re = transposed(real(v)), im = transposed(imag(v));
        int rank = v.rank(), n = v.shape().get(-1);
        Tensor system = RawArray.concatV2(List.of(RawArray.concatV2(List.of(re, im), rank - 1),
                RawArray.concatV2(List.of(RawMath.neg(im), re), rank - 1)), rank - 2);
        Tensor x = RawLinalg.matrixSolve(system, RawArray.concatV2(List.of(real(r), imag(r)), rank - 2), false);
        return RawMath.complex(rows(x, 0, n), rows(x, n, n));
    }

    /** Rows {@code from .. from + count} of each matrix. */
    private static Tensor rows(Tensor t, int from, int count) {
        int r = t.rank();
        int[] begin = new int[r], size = new int[r];
        Arrays.fill(size, -1);
        begin[r - 2] = from;
        size[r - 2] = count;
        return RawArray.slice(t, begin, size);
    }

    static Tensor[] bandPart(GradientContext g, Tensor[] dy) {
        return new Tensor[] {RawArray.matrixBandPart(dy[0], g.attrs().getLong("num_lower"), g.attrs().getLong("num_upper"))};
    }

    static Tensor[] diag(GradientContext g, Tensor[] dy) { return new Tensor[] {RawArray.matrixDiagPartV3(dy[0])}; }

    /** The diagonal's gradient placed on the diagonal of a zero matrix of the input's shape. */
    static Tensor[] diagPart(GradientContext g, Tensor[] dy) {
        Tensor x = g.x();
        int r = x.rank(), m = x.shape().get(-2), n = x.shape().get(-1);
        if (m != Shape.UNKNOWN && n != Shape.UNKNOWN) return new Tensor[] {RawArray.matrixDiagV3(dy[0], m, n)};
        // TF's matrix_set_diag(zeros_like(x), dy) where the matrix dims are known only when the graph runs: diagonal
        // element i of matrix b summed into position b * M * N + i * (N + 1) of the flattened matrices
        Tensor diagonals = r == 2 ? RawArray.expandDims(dy[0], 0) : Grads.flattenLeading(dy[0], r - 2); // [B, min(M, N)]
        Tensor ones = RawArray.onesLike(diagonals, DType.INT32);
        Tensor matrixSize = RawMath.mul(Grads.dim(x, r - 2), Grads.dim(x, r - 1));
        Tensor step = RawMath.addV2(Grads.dim(x, r - 1), Raw.scalar(DType.INT32, 1));
        Tensor ids = RawMath.addV2(RawMath.mul(RawMath.cumsum(ones, 0, true, false), matrixSize),
                RawMath.mul(RawMath.cumsum(ones, 1, true, false), step));
        Tensor summed = RawMath.unsortedSegmentSum(RawArray.reshape(diagonals, new int[] {-1}), RawArray.reshape(ids, new int[] {-1}),
                RawArray.size(x, DType.INT32));
        return new Tensor[] {Grads.reshapeLike(summed, x)};
    }

    /**
     * These gradients choose their formula (tall, wide, square) by the matrix dims while tracing, so
     * traced on unknown ones they refuse rather than guess (the batch dims may be unknown), as TF's
     * QrGrad and SvdGrad raise NotImplementedError for unknown inner matrix dims.
     */
    private static void requireMatrixDims(Tensor x, String op) {
        if (x.shape().get(-2) == Shape.UNKNOWN || x.shape().get(-1) == Shape.UNKNOWN) {
            throw new UnimplementedError("JFlow's " + op + " gradient needs the matrix dims known while tracing, got "
                    + x.shape());
        }
    }

    static Tensor[] cross(GradientContext g, Tensor[] dy) {
        return new Tensor[] {RawMath.cross(g.y(), dy[0]), RawMath.cross(dy[0], g.x())};
    }

    /** Columns {@code from .. from + count} of each matrix ({@code count} -1: to the end). */
    private static Tensor columns(Tensor t, int from, int count) {
        int r = t.rank();
        int[] begin = new int[r], size = new int[r];
        Arrays.fill(size, -1);
        begin[r - 1] = from;
        size[r - 1] = count;
        return RawArray.slice(t, begin, size);
    }

    /** x R^-T for an upper-triangular invertible R (TF's {@code _TriangularSolve}), as (R^-1 x^T)^T. */
    private static Tensor timesInverseTransposed(Tensor x, Tensor r) {
        return transposed(RawLinalg.matrixSolve(r, transposed(x), false));
    }

    /** TF's {@code _SafeReciprocal}: x / (x^2 + 1e-20), 0 where x is 0. */
    private static Tensor safeReciprocal(Tensor x) {
        return RawMath.mul(x, RawMath.reciprocal(RawMath.addV2(RawMath.square(x), Raw.scalarLike(x, 1e-20))));
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
            throw new UnimplementedError("QrGrad not implemented when nrows > ncols and full_matrices is true. "
                    + "Received r.shape=" + r.shape() + " with nrows=" + r.shape().get(-2) + "and ncols=" + n + ".");
        }
        if (m >= n) return new Tensor[] {qrSquareOrDeep(q, r, dy[0], dy[1])};
        Tensor y = columns(g.x(), m, -1), u = columns(r, 0, m);
        Tensor dv = columns(dy[1], m, -1), du = columns(dy[1], 0, m);
        Tensor dx = qrSquareOrDeep(q, u, RawMath.addV2(dy[0], mm(y, false, dv, true)), du);
        return new Tensor[] {RawArray.concatV2(List.of(dx, mm(q, false, dv, false)), -1)};
    }

    private static Tensor qrSquareOrDeep(Tensor q, Tensor r, Tensor dq, Tensor dr) {
        Tensor qdq = mm(q, true, dq, false), rdr = mm(r, false, dr, true);
        Tensor tril = lowerTriangle(RawMath.addV2(RawMath.sub(qdq, transposed(qdq)), RawMath.sub(rdr, transposed(rdr))));
        Tensor gradA = mm(q, false, RawMath.addV2(dr, timesInverseTransposed(tril, r)), false);
        Tensor gradB = timesInverseTransposed(RawMath.sub(dq, mm(q, false, qdq, false)), r);
        return RawMath.addV2(gradA, gradB);
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
        Tensor gradS = diagonalMatrix(dy[0]);
        if (!g.attrs().getBool("compute_uv", true)) {
            Tensor[] usv = RawLinalg.svd(a, true, false);
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
            throw new UnimplementedError("svd gradient is not implemented for abs(m - n) > 1 when full_matrices is True. "
                    + "Received: m=" + m + " and n=" + n + " from op input with shape=" + a.shape() + ".");
        }
        Tensor sMat = diagonalMatrix(s), s2 = RawMath.square(s);
        Tensor f = safeReciprocal(RawMath.sub(RawArray.expandDims(s2, -2), RawArray.expandDims(s2, -1)));
        Tensor v1 = columns(v, 0, m), dv1 = columns(dv, 0, m);
        Tensor fu = RawMath.mul(f, mm(u, true, du, false)), fv = RawMath.mul(f, mm(v1, true, dv1, false));
        Tensor inner = RawMath.addV2(gradS, RawMath.addV2(mm(RawMath.addV2(fu, transposed(fu)), false, sMat, false),
                mm(sMat, false, RawMath.addV2(fv, transposed(fv)), false)));
        Tensor grad = mm(u, false, mm(inner, false, v1, true), false);
        if (m != n) {
            Tensor dv1t = transposed(dv1);
            Tensor term2 = RawMath.sub(dv1t, mm(mm(dv1t, false, v1, false), false, v1, true));
            if (full) {
                Tensor v2 = columns(v, m, -1), dv2 = columns(dv, m, -1);
                term2 = RawMath.sub(term2, mm(mm(v1, true, dv2, false), false, v2, true));
            }
            grad = RawMath.addV2(grad, mm(mm(u, false, diagonalMatrix(safeReciprocal(s)), false), false, term2, false));
        }
        return new Tensor[] {adjoint ? transposed(grad) : grad};
    }
}
