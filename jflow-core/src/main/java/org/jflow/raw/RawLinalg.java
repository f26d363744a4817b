package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * TF's {@code gen_linalg_ops}: factorizations, solvers, determinants and {@code Einsum}, one typed
 * method per op (the MatMul family is in {@link RawMath}, as in TF), plus JFlow's single-op norms.
 */
public final class RawLinalg {
    private static final Op CHOLESKY = Raw.op("Cholesky");
    private static final Op EIG = Raw.op("Eig");
    private static final Op EINSUM = Raw.op("Einsum");
    private static final Op L2_NORMALIZE = Raw.op("L2Normalize");
    private static final Op LOG_MATRIX_DETERMINANT = Raw.op("LogMatrixDeterminant");
    private static final Op MATRIX_DETERMINANT = Raw.op("MatrixDeterminant");
    private static final Op MATRIX_INVERSE = Raw.op("MatrixInverse");
    private static final Op MATRIX_SOLVE = Raw.op("MatrixSolve");
    private static final Op NORM = Raw.op("Norm");
    private static final Op QR = Raw.op("Qr");
    private static final Op SELF_ADJOINT_EIG_V2 = Raw.op("SelfAdjointEigV2");
    private static final Op SVD = Raw.op("Svd");

    private RawLinalg() {}

    public static Tensor cholesky(Tensor input) { return Raw.one(CHOLESKY, Attrs.EMPTY, input); }

    public static Tensor matrixDeterminant(Tensor input) { return Raw.one(MATRIX_DETERMINANT, Attrs.EMPTY, input); }

    /** {@code LogMatrixDeterminant}: {@code [sign, log_abs_determinant]}. */
    public static Tensor[] logMatrixDeterminant(Tensor input) {
        return Raw.all(LOG_MATRIX_DETERMINANT, Attrs.EMPTY, input);
    }

    public static Tensor matrixInverse(Tensor input, boolean adjoint) {
        return Raw.one(MATRIX_INVERSE, Attrs.of("adjoint", adjoint), input);
    }

    public static Tensor matrixSolve(Tensor matrix, Tensor rhs, boolean adjoint) {
        return Raw.one(MATRIX_SOLVE, Attrs.of("adjoint", adjoint), matrix, rhs);
    }

    /** {@code Qr}: {@code [q, r]}. */
    public static Tensor[] qr(Tensor input, boolean fullMatrices) {
        return Raw.all(QR, Attrs.of("full_matrices", fullMatrices), input);
    }

    /** {@code Svd}: {@code [s, u, v]} ({@code u} and {@code v} empty without {@code computeUv}). */
    public static Tensor[] svd(Tensor input, boolean computeUv, boolean fullMatrices) {
        return Raw.all(SVD, Attrs.of("compute_uv", computeUv, "full_matrices", fullMatrices), input);
    }

    /** {@code SelfAdjointEigV2}: {@code [e, v]}. */
    public static Tensor[] selfAdjointEigV2(Tensor input, boolean computeV) {
        return Raw.all(SELF_ADJOINT_EIG_V2, Attrs.of("compute_v", computeV), input);
    }

    /** {@code Eig}: {@code [e, v]} of complex dtype {@code tout} (null for the input's complex dtype). */
    public static Tensor[] eig(Tensor input, boolean computeV, DType tout) {
        return Raw.all(EIG, Raw.attrs("compute_v", computeV, "Tout", tout), input);
    }

    public static Tensor einsum(List<Tensor> inputs, String equation) {
        return Raw.one(EINSUM, Attrs.of("equation", equation), Raw.list(inputs));
    }

    /**
     * {@code Norm} ({@code tf.norm} as one op): {@code ord} a String ({@code "euclidean"}, {@code "fro"}) or a
     * Double ({@code Double.POSITIVE_INFINITY} for inf); {@code axis} null for all axes, two axes for a matrix norm.
     */
    public static Tensor norm(Tensor tensor, Object ord, int[] axis, boolean keepDims) {
        return Raw.one(NORM, Raw.attrs("ord", ord, "axis", axis == null ? null : axis.clone(), "keep_dims", keepDims),
                tensor);
    }

    /** {@code L2Normalize} ({@code tf.math.l2_normalize} as one op); {@code axis} null for all axes. */
    public static Tensor l2Normalize(Tensor x, int[] axis, double epsilon) {
        return Raw.one(L2_NORMALIZE, Raw.attrs("axis", axis == null ? null : axis.clone(), "epsilon", epsilon), x);
    }
}
