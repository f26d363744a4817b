package org.jflow.linalg;

import org.jflow.engine.Strides;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.jflow.engine.TensorSpec;
import org.jflow.device.Devices;

import static org.jflow.linalg.MatrixOp.batchWith;
import static org.jflow.linalg.MatrixOp.batches;
import static org.jflow.linalg.MatrixOp.error;
import static org.jflow.linalg.MatrixOp.matrix;
import static org.jflow.linalg.MatrixOp.requireFloat;
import static org.jflow.linalg.MatrixOp.requireRank2;
import static org.jflow.linalg.MatrixOp.requireSquare;
import static org.jflow.linalg.MatrixOp.wrap;

/**
 * TF's matrix ops over batches of matrices: factorizations and solvers (float32/float64, computed
 * in double by {@link Decompositions}) and the structural ops (diagonals, band parts, cross).
 */
public final class LinalgOps {
    private LinalgOps() {}

    private static TensorSpec[] same(Tensor t) { return new TensorSpec[] {new TensorSpec(t.dtype(), t.shape())}; }

    private static TensorSpec[] squareFloat(String op, Tensor[] in) {
        requireFloat(op, in[0]);
        requireSquare(op, in[0]);
        return same(in[0]);
    }

    private static TensorSpec[] scalarsPerMatrix(String op, Tensor[] in, int outputs) {
        requireFloat(op, in[0]);
        requireSquare(op, in[0]);
        TensorSpec s = new TensorSpec(in[0].dtype(), batchWith(in[0].shape()));
        return outputs == 1 ? new TensorSpec[] {s} : new TensorSpec[] {s, s};
    }

    public static final MatrixOp MATRIX_INVERSE = new MatrixOp("MatrixInverse",
            (in, attrs) -> squareFloat("MatrixInverse", in),
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), nb = batches(in[0].shape());
                double[] result = new double[nb * n * n];
                for (int b = 0; b < nb; b++) {
                    double[] a = matrix(in[0], b);
                    if (attrs.getBool("adjoint")) a = Decompositions.transpose(a, n, n);
                    Decompositions.LU lu = Decompositions.lu(a, n);
                    if (lu.singular()) throw error("MatrixInverse", "Input is not invertible.");
                    System.arraycopy(lu.solve(Decompositions.identity(n), n), 0, result, b * n * n, n * n);
                }
                return new Tensor[] {wrap(out[0], result)};
            }).withGradient(LinalgGradients::inverse);

    public static final MatrixOp MATRIX_DETERMINANT = new MatrixOp("MatrixDeterminant",
            (in, attrs) -> scalarsPerMatrix("MatrixDeterminant", in, 1),
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), nb = batches(in[0].shape());
                double[] det = new double[nb];
                for (int b = 0; b < nb; b++) det[b] = Decompositions.lu(matrix(in[0], b), n).determinant();
                return new Tensor[] {wrap(out[0], det)};
            }).withGradient(LinalgGradients::determinant);

    /** Outputs {@code sign} and {@code log_abs_determinant}; a singular matrix gives 0 and -inf. */
    public static final MatrixOp LOG_MATRIX_DETERMINANT = new MatrixOp("LogMatrixDeterminant",
            (in, attrs) -> scalarsPerMatrix("LogMatrixDeterminant", in, 2),
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), nb = batches(in[0].shape());
                double[] sign = new double[nb], logAbs = new double[nb];
                for (int b = 0; b < nb; b++) {
                    Decompositions.LU lu = Decompositions.lu(matrix(in[0], b), n);
                    if (lu.singular()) {
                        logAbs[b] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double s = lu.sign(), l = 0;
                    for (int i = 0; i < n; i++) {
                        double d = lu.lu()[i * n + i];
                        if (d < 0) s = -s;
                        l += Math.log(Math.abs(d));
                    }
                    sign[b] = s;
                    logAbs[b] = l;
                }
                return new Tensor[] {wrap(out[0], sign), wrap(out[1], logAbs)};
            }).withGradient(LinalgGradients::logDeterminant);

    public static final MatrixOp MATRIX_SOLVE = new MatrixOp("MatrixSolve",
            (in, attrs) -> {
                String op = "MatrixSolve";
                requireFloat(op, in[0]);
                if (in[1].dtype() != in[0].dtype()) {
                    throw error(op, "cannot compute MatrixSolve as input #1(zero-based) was expected to be a "
                            + in[0].dtype().kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
                }
                requireRank2(op, in[0], 0);
                if (in[1].rank() != in[0].rank()) throw error(op, "All input tensors must have the same rank.");
                for (int i = 0; i < in[0].rank() - 2; i++) {
                    if (!Shape.compatibleDims(in[0].shape().get(i), in[1].shape().get(i))) throw error(op, "All input tensors must have the same outer dimensions.");
                }
                if (!Shape.compatibleDims(in[0].shape().get(-1), in[0].shape().get(-2))) throw error(op, "First input (lhs) must be a square matrix.");
                if (!Shape.compatibleDims(in[1].shape().get(-2), in[0].shape().get(-2))) throw error(op, "Input matrix and rhs are incompatible.");
                return same(in[1]);
            },
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), k = in[1].shape().get(-1), nb = batches(in[0].shape());
                double[] result = new double[nb * n * k];
                for (int b = 0; b < nb; b++) {
                    double[] a = matrix(in[0], b);
                    if (attrs.getBool("adjoint")) a = Decompositions.transpose(a, n, n);
                    Decompositions.LU lu = Decompositions.lu(a, n);
                    if (lu.singular()) throw error("MatrixSolve", "Input matrix is not invertible.");
                    System.arraycopy(lu.solve(matrix(in[1], b), k), 0, result, b * n * k, n * k);
                }
                return new Tensor[] {wrap(out[0], result)};
            }).withGradient(LinalgGradients::solve);

    public static final MatrixOp CHOLESKY = new MatrixOp("Cholesky",
            (in, attrs) -> squareFloat("Cholesky", in),
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), nb = batches(in[0].shape());
                double[] result = new double[nb * n * n];
                for (int b = 0; b < nb; b++) {
                    double[] l = Decompositions.cholesky(matrix(in[0], b), n);
                    if (l == null) {
                        throw error("Cholesky", "Cholesky decomposition was not successful. The input might not be valid.");
                    }
                    System.arraycopy(l, 0, result, b * n * n, n * n);
                }
                return new Tensor[] {wrap(out[0], result)};
            }).withGradient(LinalgGradients::cholesky);

    /** Outputs {@code q} and {@code r}; attribute {@code full_matrices} (default false). */
    public static final MatrixOp QR = new MatrixOp("Qr",
            (in, attrs) -> {
                if (in[0].dtype() != DType.FLOAT16) requireFloat("Qr", in[0]); // TF's CPU Qr has a half kernel too
                requireRank2("Qr", in[0], 0);
                int m = in[0].shape().get(-2), n = in[0].shape().get(-1);
                int qc = attrs.getBool("full_matrices") ? m : Math.min(m, n);
                return new TensorSpec[] {new TensorSpec(in[0].dtype(), batchWith(in[0].shape(), m, qc)),
                        new TensorSpec(in[0].dtype(), batchWith(in[0].shape(), qc, n))};
            },
            (in, attrs, out) -> {
                int m = in[0].shape().get(-2), n = in[0].shape().get(-1), nb = batches(in[0].shape());
                boolean full = attrs.getBool("full_matrices");
                int qSize = out[0].shape().get(-1) * m, rSize = out[1].shape().get(-2) * n;
                double[] q = new double[nb * qSize], r = new double[nb * rSize];
                for (int b = 0; b < nb; b++) {
                    double[][] qr = Decompositions.qr(matrix(in[0], b), m, n, full);
                    System.arraycopy(qr[0], 0, q, b * qSize, qSize);
                    System.arraycopy(qr[1], 0, r, b * rSize, rSize);
                }
                return new Tensor[] {wrap(out[0], q), wrap(out[1], r)};
            }).withGradient(LinalgGradients::qr);

    /** Outputs {@code s}, {@code u}, {@code v}; attributes {@code compute_uv} (true) and {@code full_matrices} (false). */
    public static final MatrixOp SVD = new MatrixOp("Svd",
            (in, attrs) -> {
                requireFloat("Svd", in[0]);
                requireRank2("Svd", in[0], 0);
                Shape s = in[0].shape();
                int m = s.get(-2), n = s.get(-1), p = Math.min(m, n);
                boolean full = attrs.getBool("full_matrices");
                DType dt = in[0].dtype();
                TensorSpec sv = new TensorSpec(dt, batchWith(s, p));
                if (!attrs.getBool("compute_uv")) {
                    return new TensorSpec[] {sv, new TensorSpec(dt, Shape.of(0)), new TensorSpec(dt, Shape.of(0))};
                }
                return new TensorSpec[] {sv, new TensorSpec(dt, batchWith(s, m, full ? m : p)),
                        new TensorSpec(dt, batchWith(s, n, full ? n : p))};
            },
            (in, attrs, out) -> {
                Shape s = in[0].shape();
                int m = s.get(-2), n = s.get(-1), p = Math.min(m, n), nb = batches(s);
                boolean uv = attrs.getBool("compute_uv"), full = attrs.getBool("full_matrices");
                int uc = full ? m : p, vc = full ? n : p;
                double[] sv = new double[nb * p], u = new double[uv ? nb * m * uc : 0], v = new double[uv ? nb * n * vc : 0];
                for (int b = 0; b < nb; b++) {
                    double[][] usv = Decompositions.svd(matrix(in[0], b), m, n, full);
                    System.arraycopy(usv[0], 0, sv, b * p, p);
                    if (!uv) continue;
                    System.arraycopy(usv[1], 0, u, b * m * uc, m * uc);
                    System.arraycopy(usv[2], 0, v, b * n * vc, n * vc);
                }
                return new Tensor[] {wrap(out[0], sv), wrap(out[1], u), wrap(out[2], v)};
            }).withGradient(LinalgGradients::svd);

    /** Outputs {@code e} (ascending eigenvalues) and {@code v} (eigenvectors as columns); attribute {@code compute_v}. */
    public static final MatrixOp SELF_ADJOINT_EIG_V2 = new MatrixOp("SelfAdjointEigV2",
            (in, attrs) -> {
                requireFloat("SelfAdjointEigV2", in[0]);
                requireSquare("SelfAdjointEigV2", in[0]);
                int n = in[0].shape().get(-1);
                boolean cv = attrs.getBool("compute_v");
                return new TensorSpec[] {new TensorSpec(in[0].dtype(), batchWith(in[0].shape(), n)),
                        new TensorSpec(in[0].dtype(), cv ? in[0].shape() : Shape.of(0))};
            },
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), nb = batches(in[0].shape());
                boolean cv = attrs.getBool("compute_v");
                double[] e = new double[nb * n], v = new double[cv ? nb * n * n : 0];
                for (int b = 0; b < nb; b++) {
                    double[][] ev = Decompositions.symmetricEigen(matrix(in[0], b), n);
                    System.arraycopy(ev[0], 0, e, b * n, n);
                    if (cv) System.arraycopy(ev[1], 0, v, b * n * n, n * n);
                }
                return new Tensor[] {wrap(out[0], e), wrap(out[1], v)};
            }).withGradient(LinalgGradients::selfAdjointEig);

    /**
     * {@code tf.linalg.diag}: vectors in the last dim become the main diagonal of matrices,
     * zero elsewhere. Attributes {@code num_rows}/{@code num_cols} (default: the vector's length)
     * allow rectangular results, as {@code tf.eye(2, 3)} needs.
     */
    public static final MatrixOp MATRIX_DIAG_V3 = new MatrixOp("MatrixDiagV3",
            (in, attrs) -> {
                Devices.kernels().requireCpuKernel("MatrixDiagV3", in[0].dtype()); // POD types: numbers and bool
                if (in[0].rank() < 1) {
                    throw error("MatrixDiagV3", "diagonal must be at least 1-dim, received shape: " + in[0].shape().toErrorString());
                }
                int len = in[0].shape().get(-1);
                int rows = attrs.getInt("num_rows"), cols = attrs.getInt("num_cols");
                if (rows < 0) rows = len;
                if (cols < 0) cols = len;
                if (len != Shape.UNKNOWN && Math.min(rows, cols) != len) {
                    throw error("MatrixDiagV3", "The number of diagonals provided in the input does not match num_rows and num_cols: "
                            + len + " vs. min(" + rows + ", " + cols + ")");
                }
                int[] d = in[0].shape().dims();
                int[] o = java.util.Arrays.copyOf(d, d.length + 1);
                o[d.length - 1] = rows;
                o[d.length] = cols;
                return new TensorSpec[] {new TensorSpec(in[0].dtype(), Shape.ofOwned(o))};
            },
            (in, attrs, out) -> {
                int n = in[0].shape().get(-1), rows = out[0].shape().get(-2), cols = out[0].shape().get(-1);
                int nb = n == 0 ? batches(out[0].shape()) : in[0].size() / n;
                int[] map = new int[nb * rows * cols];
                java.util.Arrays.fill(map, -1);
                for (int b = 0; b < nb; b++) for (int i = 0; i < n; i++) map[b * rows * cols + i * cols + i] = b * n + i;
                return new Tensor[] {gathered(in[0], out[0], map)};
            }).withGradient(LinalgGradients::diag);

    /** {@code tf.linalg.diag_part}: the main diagonal of each matrix (length min(M, N)). */
    public static final MatrixOp MATRIX_DIAG_PART_V3 = new MatrixOp("MatrixDiagPartV3",
            (in, attrs) -> {
                Devices.kernels().requireCpuKernel("MatrixDiagPartV3", in[0].dtype()); // POD types: numbers and bool
                if (in[0].rank() < 2) {
                    throw error("MatrixDiagPartV3", "input must be at least 2-dim, received shape: " + in[0].shape().toErrorString());
                }
                int p = Math.min(in[0].shape().get(-1), in[0].shape().get(-2));
                return new TensorSpec[] {new TensorSpec(in[0].dtype(), batchWith(in[0].shape(), p))};
            },
            (in, attrs, out) -> {
                int m = in[0].shape().get(-2), n = in[0].shape().get(-1), p = Math.min(m, n), nb = batches(in[0].shape());
                int[] map = new int[nb * p];
                for (int b = 0; b < nb; b++) for (int i = 0; i < p; i++) map[b * p + i] = b * m * n + i * n + i;
                return new Tensor[] {gathered(in[0], out[0], map)};
            }).withGradient(LinalgGradients::diagPart);

    /**
     * {@code tf.linalg.band_part}: keeps elements with {@code i - j <= num_lower} and
     * {@code j - i <= num_upper} (a negative count keeps the whole triangle). The counts are
     * attributes here, where TF passes them as scalar inputs.
     */
    public static final MatrixOp MATRIX_BAND_PART = new MatrixOp("MatrixBandPart",
            (in, attrs) -> {
                Devices.kernels().requireCpuKernel("MatrixBandPart", in[0].dtype()); // POD types: numbers and bool
                if (in[0].rank() < 2) {
                    throw error("MatrixBandPart", "input must be at least 2-dim, received shape: " + in[0].shape().toErrorString());
                }
                int m = in[0].shape().get(-2), n = in[0].shape().get(-1);
                long lower = attrs.getLong("num_lower"), upper = attrs.getLong("num_upper");
                if (lower > m && m != Shape.UNKNOWN) throw error("MatrixBandPart", "num_lower must be negative or less or equal to number of rows (" + m + ") got: " + lower);
                if (upper > n && n != Shape.UNKNOWN) throw error("MatrixBandPart", "num_upper must be negative or less or equal to number of columns (" + n + ") got: " + upper);
                return same(in[0]);
            },
            (in, attrs, out) -> {
                int m = in[0].shape().get(-2), n = in[0].shape().get(-1), nb = batches(in[0].shape());
                long lower = attrs.getLong("num_lower"), upper = attrs.getLong("num_upper");
                int[] map = new int[in[0].size()];
                for (int b = 0, k = 0; b < nb; b++) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++, k++) {
                            boolean keep = (lower < 0 || i - j <= lower) && (upper < 0 || j - i <= upper);
                            map[k] = keep ? k : -1;
                        }
                    }
                }
                return new Tensor[] {gathered(in[0], out[0], map)};
            }).withGradient(LinalgGradients::bandPart);

    /** The elements {@code map} picks (-1: zero); complex elements are two interleaved slots. */
    private static Tensor gathered(Tensor in, TensorSpec out, int[] map) {
        int slots = in.dtype().slots();
        int[] slotMap = map;
        if (slots > 1) {
            slotMap = new int[map.length * slots];
            for (int k = 0; k < slotMap.length; k++) slotMap[k] = map[k / slots] < 0 ? -1 : map[k / slots] * slots + k % slots;
        }
        return Tensor.wrap(out.dtype(), out.shape(), Strides.gather(in.data(), slotMap));
    }

    /** {@code tf.linalg.cross}: pairwise cross products of 3-vectors in the last dim. */
    public static final MatrixOp CROSS = new MatrixOp("Cross",
            (in, attrs) -> {
                if (in[1].dtype() != in[0].dtype()) {
                    throw error("Cross", "cannot compute Cross as input #1(zero-based) was expected to be a "
                            + in[0].dtype().kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
                }
                Devices.kernels().requireCpuKernel("Cross", in[0].dtype());
                if (!in[0].shape().isCompatibleWith(in[1].shape())) {
                    throw error("Cross", "Both inputs must be of same shape: " + in[0].shape().toErrorString() + " vs. " + in[1].shape().toErrorString());
                }
                if (in[0].rank() < 1) throw error("Cross", "Input must be at least 1D" + in[0].shape().toErrorString());
                if (!Shape.compatibleDims(in[0].shape().get(-1), 3)) {
                    // TF's CrossOp kernel text and class for a known inner dim other than 3
                    throw new org.jflow.errors.FailedPreconditionError("Cross-products are only defined for 3-element vectors.")
                            .withOp("Cross");
                }
                return same(in[0]);
            },
            (in, attrs, out) -> {
                DType dt = in[0].dtype();
                Object a = in[0].data(), b = in[1].data(), o = Buffers.allocate(dt, in[0].size());
                boolean exact = !dt.isFloating();
                for (int v = 0; v < in[0].size(); v += 3) {
                    for (int c = 0; c < 3; c++) {
                        int i = v + (c + 1) % 3, j = v + (c + 2) % 3;
                        if (exact) {
                            Buffers.setLong(o, dt, v + c, Buffers.getLong(a, dt, i) * Buffers.getLong(b, dt, j)
                                    - Buffers.getLong(a, dt, j) * Buffers.getLong(b, dt, i));
                        } else {
                            Buffers.setDouble(o, dt, v + c, Buffers.getDouble(a, dt, i) * Buffers.getDouble(b, dt, j)
                                    - Buffers.getDouble(a, dt, j) * Buffers.getDouble(b, dt, i));
                        }
                    }
                }
                return new Tensor[] {Tensor.wrap(dt, out[0].shape(), o)};
            }).withGradient(LinalgGradients::cross);
}
