package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.TF;
import org.jflow.Tensor;
import org.jflow.array.ArrayOps;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;

import static org.jflow.TF.tf;

/**
 * {@code tf.linalg}. Functions over the last two dims work on batches of matrices. TF's
 * multi-output functions return records named as TF's namedtuples ({@code qr(x).q()}).
 */
public final class Linalg implements LinalgFunctions, L2NormalizeFunctions {
    /** {@code tf.linalg.qr}'s result. */
    public record Qr(Tensor q, Tensor r) {}

    /** {@code tf.linalg.svd}'s result, in TF's order {@code s, u, v}; u and v are null when not computed. */
    public record Svd(Tensor s, Tensor u, Tensor v) {}

    /** {@code tf.linalg.eigh}'s result: ascending eigenvalues and eigenvectors as columns. */
    public record Eigh(Tensor e, Tensor v) {}

    /** {@code tf.linalg.eig}'s result: complex eigenvalues and unit eigenvectors as columns. */
    public record Eig(Tensor e, Tensor v) {}

    /** {@code tf.linalg.slogdet}'s result. */
    public record Slogdet(Tensor sign, Tensor logAbsDeterminant) {}

    private static Tensor one(org.jflow.engine.Op op, Attrs attrs, Object x) {
        return Dispatcher.execute1(op, attrs, Convert.toTensor(x));
    }

    /** {@code tf.linalg.inv(input)}. */
    public Tensor inv(Object input) { return inv(input, false); }

    /** {@code tf.linalg.inv(input, adjoint=...)}. */
    public Tensor inv(Object input, boolean adjoint) { return one(LinalgOps.MATRIX_INVERSE, Attrs.of("adjoint", adjoint), input); }

    /** {@code tf.linalg.det(input)}. */
    public Tensor det(Object input) { return one(LinalgOps.MATRIX_DETERMINANT, Attrs.EMPTY, input); }

    /** {@code tf.linalg.slogdet(input)}: the sign and the log of the absolute value of the determinant. */
    public Slogdet slogdet(Object input) {
        Tensor[] r = Dispatcher.execute(LinalgOps.LOG_MATRIX_DETERMINANT, Attrs.EMPTY, Convert.toTensor(input));
        return new Slogdet(r[0], r[1]);
    }

    /** {@code tf.linalg.solve(matrix, rhs)}: X with {@code matrix @ X = rhs}. */
    public Tensor solve(Object matrix, Object rhs) { return solve(matrix, rhs, false); }

    /** {@code tf.linalg.solve(matrix, rhs, adjoint=...)}. */
    public Tensor solve(Object matrix, Object rhs, boolean adjoint) {
        return Dispatcher.execute1(LinalgOps.MATRIX_SOLVE, Attrs.of("adjoint", adjoint), Convert.pair(matrix, rhs));
    }

    /** {@code tf.linalg.cholesky(input)}: the lower triangular factor. */
    public Tensor cholesky(Object input) { return one(LinalgOps.CHOLESKY, Attrs.EMPTY, input); }

    /** {@code tf.linalg.qr(input)}: reduced Q and R. */
    public Qr qr(Object input) { return qr(input, false); }

    /** {@code tf.linalg.qr(input, full_matrices=...)}. */
    public Qr qr(Object input, boolean fullMatrices) {
        Tensor[] r = Dispatcher.execute(LinalgOps.QR, Attrs.of("full_matrices", fullMatrices), Convert.toTensor(input));
        return new Qr(r[0], r[1]);
    }

    /** {@code s, u, v = tf.linalg.svd(tensor)}: thin factors, {@code tensor = u @ diag(s) @ transpose(v)}. */
    public Svd svd(Object tensor) { return svd(tensor, false, true); }

    /** {@code tf.linalg.svd(tensor, full_matrices=..., compute_uv=...)}. */
    public Svd svd(Object tensor, boolean fullMatrices, boolean computeUv) {
        Tensor[] r = Dispatcher.execute(LinalgOps.SVD, Attrs.of("full_matrices", fullMatrices, "compute_uv", computeUv),
                Convert.toTensor(tensor));
        return computeUv ? new Svd(r[0], r[1], r[2]) : new Svd(r[0], null, null);
    }

    /**
     * {@code tf.linalg.pinv(a)}: the Moore-Penrose pseudo-inverse, composed as TF's: thin SVD, singular
     * values at most {@code rcond * max(s)} (rcond = 10 * max(rows, cols) * eps of the dtype) dropped,
     * then {@code v / s @ u^H}. Gradients come from the SVD's.
     */
    public Tensor pinv(Object a) {
        Tensor x = Convert.toTensor(a);
        int rows = x.shape().get(x.rank() - 2), cols = x.shape().get(x.rank() - 1);
        double eps = x.dtype() == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1f);
        Svd svd = svd(x, false, true);
        Tensor cutoff = tf.multiply(tf.reduceMax(svd.s(), -1, true), 10.0 * Math.max(rows, cols) * eps);
        Tensor s = tf.where(tf.greater(svd.s(), cutoff), svd.s(), tf.cast(tf.fill(svd.s().shape().dimsView(), Double.POSITIVE_INFINITY), x.dtype()));
        return tf.matmul(tf.divide(svd.v(), tf.expandDims(s, -2)), svd.u(), o -> o.adjointB(true));
    }

    /** {@code tf.linalg.eigh(tensor)} for symmetric matrices. */
    public Eigh eigh(Object tensor) {
        Tensor[] r = Dispatcher.execute(LinalgOps.SELF_ADJOINT_EIG_V2, Attrs.of("compute_v", true), Convert.toTensor(tensor));
        return new Eigh(r[0], r[1]);
    }

    /** {@code tf.linalg.eigvalsh(tensor)}: eigenvalues of symmetric matrices, ascending. */
    public Tensor eigvalsh(Object tensor) {
        return Dispatcher.execute(LinalgOps.SELF_ADJOINT_EIG_V2, Attrs.of("compute_v", false), Convert.toTensor(tensor))[0];
    }

    /**
     * {@code tf.linalg.eig(tensor)} for general square matrices: complex64 results for float32 or
     * complex64 input, complex128 for float64 or complex128; eigenvalues by increasing modulus.
     */
    public Eig eig(Object tensor) {
        Tensor[] r = Dispatcher.execute(GeneralEigen.EIG, Attrs.of(GeneralEigen.COMPUTE_V, true), Convert.toTensor(tensor));
        return new Eig(r[0], r[1]);
    }

    /** {@code tf.linalg.eigvals(tensor)}: the eigenvalues of {@link #eig}. */
    public Tensor eigvals(Object tensor) {
        return Dispatcher.execute(GeneralEigen.EIG, Attrs.of(GeneralEigen.COMPUTE_V, false), Convert.toTensor(tensor))[0];
    }

    /** {@code tf.linalg.trace(x)}: the sum of each matrix's main diagonal. */
    public Tensor trace(Object x) { return einsum("...i->...", diagPart(x)); }

    /** {@code tf.linalg.diag(diagonal)}: square matrices with the last dim on their diagonal. */
    public Tensor diag(Object diagonal) { return one(LinalgOps.MATRIX_DIAG_V3, Attrs.EMPTY, diagonal); }

    /** {@code tf.linalg.eye(num_rows)}: a float32 identity matrix. */
    public Tensor eye(int numRows) { return eye(numRows, numRows, DType.FLOAT32); }

    /** {@code tf.linalg.eye(num_rows, num_columns)}. */
    public Tensor eye(int numRows, int numColumns) { return eye(numRows, numColumns, DType.FLOAT32); }

    /** {@code tf.linalg.eye(num_rows, num_columns, dtype=...)}: TF's {@code tf.eye}. */
    public Tensor eye(int numRows, int numColumns, DType dtype) { return TF.tf.eye(numRows, numColumns, dtype); }

    /** {@code tf.linalg.matvec(a, b)}: matrix (batch) times vector (batch), broadcasting the batch dims. */
    public Tensor matvec(Object a, Object b) {
        Tensor[] ab = Convert.pair(a, b);
        return einsum("...ij,...j->...i", ab[0], ab[1]);
    }

    /** {@code tf.linalg.adjoint(matrix)}: the conjugate transpose, for real tensors {@link #matrixTranspose}. */
    public Tensor adjoint(Object matrix) {
        Tensor t = Convert.toTensor(matrix);
        if (!t.dtype().isComplex()) return matrixTranspose(t);
        int r = t.rank();
        if (r < 2) throw new ValueError("Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` = " + t);
        // Transpose rather than einsum, which has no complex kernel.
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 1] = r - 2;
        perm[r - 2] = r - 1;
        Tensor swapped = Dispatcher.execute1(org.jflow.array.ArrayOps.TRANSPOSE, Attrs.of("perm", perm), t);
        return Dispatcher.execute1(org.jflow.math.ComplexOps.CONJ, Attrs.EMPTY, swapped);
    }

    /** {@code tf.linalg.diag_part(input)}: the main diagonal of each matrix. */
    public Tensor diagPart(Object input) { return one(LinalgOps.MATRIX_DIAG_PART_V3, Attrs.EMPTY, input); }

    /** {@code tf.linalg.band_part(input, num_lower, num_upper)}; -1 keeps a whole triangle. */
    public Tensor bandPart(Object input, long numLower, long numUpper) {
        return one(LinalgOps.MATRIX_BAND_PART, Attrs.of("num_lower", numLower, "num_upper", numUpper), input);
    }

    /** {@code tf.linalg.matrix_transpose(a)}: swaps the last two dims, with the array package's {@code Transpose} op as TF does. */
    public Tensor matrixTranspose(Object a) {
        Tensor t = Convert.toTensor(a);
        int r = t.rank();
        if (r < 2) {
            throw new ValueError("Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` = " + t);
        }
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return Dispatcher.execute1(ArrayOps.TRANSPOSE, Attrs.of("perm", perm), t);
    }

    /** {@code tf.linalg.transpose(a)}: TF's alias of {@link #matrixTranspose}. */
    public Tensor transpose(Object a) { return matrixTranspose(a); }

    /** {@code tf.linalg.cross(a, b)}: cross products of 3-vectors in the last dim. */
    public Tensor cross(Object a, Object b) { return Dispatcher.execute1(LinalgOps.CROSS, Attrs.EMPTY, Convert.pair(a, b)); }
}
