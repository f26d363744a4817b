package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.device.Devices;
import org.jflow.errors.UnimplementedError;

import java.util.Arrays;

/**
 * An op declared by its shape rule and kernel as lambdas, for the linear-algebra ops that work
 * matrix by matrix over leading batch dims. Also the shared checks and buffer helpers of those
 * ops: TF's {@code LinearAlgebraOp} messages, and float kernels computing in double.
 */
final class MatrixOp extends Op {
    interface Rule { TensorSpec[] infer(Tensor[] in, Attrs attrs); }

    interface Kernel { Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out); }

    private final Rule rule;
    private final Kernel kernel;

    MatrixOp(String name, Rule rule, Kernel kernel) {
        super(name, signature(name));
        this.rule = rule;
        this.kernel = kernel;
    }

    /** TF's signatures of the linalg ops JFlow has, with the attributes it reads. */
    private static Signature signature(String name) {
        return switch (name) {
            case "MatrixInverse" -> Signature.of("input -> output", "adjoint: bool = false");
            case "MatrixSolve" -> Signature.of("matrix, rhs -> output", "adjoint: bool = false");
            case "Qr" -> Signature.of("input -> q, r", "full_matrices: bool = false");
            case "Svd" -> Signature.of("input -> s, u, v", "compute_uv: bool = true", "full_matrices: bool = false");
            case "SelfAdjointEigV2" -> Signature.of("input -> e, v", "compute_v: bool = true");
            // TF's Tout; left out, the input's complex dtype
            case "Eig" -> Signature.of("input -> e, v", "compute_v: bool = true", "Tout: {complex64, complex128} = None");
            case "LogMatrixDeterminant" -> Signature.of("input -> sign, log_abs_determinant");
            case "MatrixDiagV3" -> Signature.of("diagonal -> output", "num_rows: int = -1", "num_cols: int = -1");
            case "MatrixBandPart" -> Signature.of("input -> band", "num_lower: int", "num_upper: int");
            case "Cross" -> Signature.of("a, b -> product");
            default -> Signature.of("input -> output");
        };
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) { return rule.infer(in, attrs); }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) { return kernel.compute(in, attrs, out); }

    static InvalidArgumentError error(String op, String message) {
        return new InvalidArgumentError(message).withOp(op);
    }

    /**
     * A dtype TF's CPU kernels take (else the kernel table's NotFoundError), and float32 or float64,
     * the ones JFlow's linear algebra kernels have (else UnimplementedError: TF's complex and half ones).
     */
    static void requireFloat(String op, Tensor t) {
        Devices.kernels().requireCpuKernel(op, t.dtype());
        if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.FLOAT64) throw unimplemented(op, t.dtype());
    }

    static UnimplementedError unimplemented(String op, DType dtype) {
        return new UnimplementedError("JFlow has no " + dtype.tfName() + " kernel for " + op + " yet").withOp(op);
    }

    static void requireRank2(String op, Tensor t, int index) {
        if (t.rank() < 2) throw error(op, "Input tensor " + index + " must have rank >= 2, got " + t.rank());
    }

    static void requireSquare(String op, Tensor t) {
        requireRank2(op, t, 0);
        if (!org.jflow.Shape.compatibleDims(t.shape().get(-1), t.shape().get(-2))) throw error(op, "Input matrix must be square.");
    }

    /** The batch dims of {@code s} followed by {@code tail}. */
    static Shape batchWith(Shape s, int... tail) {
        int b = s.rank() - 2;
        int[] d = Arrays.copyOf(s.dimsView(), b + tail.length);
        System.arraycopy(tail, 0, d, b, tail.length);
        return Shape.ofOwned(d);
    }

    static int batches(Shape s) {
        int n = 1;
        for (int i = 0; i < s.rank() - 2; i++) n *= s.get(i);
        return n;
    }

    /** Matrix {@code b} of a batched tensor as a double[] (row-major). */
    static double[] matrix(Tensor t, int b) {
        int len = t.shape().get(-1) * t.shape().get(-2);
        double[] m = new double[len];
        Object d = t.data();
        if (d instanceof float[] f) for (int i = 0; i < len; i++) m[i] = f[b * len + i];
        else if (d instanceof double[] x) System.arraycopy(x, b * len, m, 0, len);
        else for (int i = 0; i < len; i++) m[i] = Buffers.getDouble(d, t.dtype(), b * len + i);
        return m;
    }

    /** A double[] result buffer as a tensor of {@code spec}. */
    static Tensor wrap(TensorSpec spec, double[] values) {
        return Tensor.wrap(spec.dtype(), spec.shape(), Buffers.convert(values, DType.FLOAT64, spec.dtype()));
    }
}
