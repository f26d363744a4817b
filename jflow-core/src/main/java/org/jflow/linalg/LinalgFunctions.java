package org.jflow.linalg;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;

import java.util.function.UnaryOperator;

/** The {@code tf.linalg} functions TF also offers at top level: {@code matmul}, {@code tensordot}, {@code einsum}, {@code norm}. */
public interface LinalgFunctions {
    /** {@code tf.matmul(a, b)}: {@code a @ b} over the last two dims, batch dims broadcast. */
    default Tensor matmul(Object a, Object b) { return matmul(a, b, o -> o); }

    /** {@code tf.matmul(a, b, transpose_a=..., transpose_b=..., adjoint_a=..., adjoint_b=...)}. */
    default Tensor matmul(Object a, Object b, UnaryOperator<MatmulOptions> options) {
        MatmulOptions o = options.apply(new MatmulOptions());
        if (o.transposeA && o.adjointA) throw new ValueError("Only one of transpose_a and adjoint_a can be True.");
        if (o.transposeB && o.adjointB) throw new ValueError("Only one of transpose_b and adjoint_b can be True.");
        Tensor[] ab = Convert.pair(a, b);
        boolean ta = o.transposeA || o.adjointA, tb = o.transposeB || o.adjointB;
        boolean batch = ab[0].rank() > 2 || ab[1].rank() > 2;
        // For complex operands MatMul only transposes while BatchMatMulV2's adj_x/adj_y also conjugate;
        // as TF's Python, a conjugation first gives each what was asked.
        if (ab[0].dtype().isComplex() && (batch ? o.transposeA : o.adjointA)) ab[0] = conj(ab[0]);
        if (ab[1].dtype().isComplex() && (batch ? o.transposeB : o.adjointB)) ab[1] = conj(ab[1]);
        // As TF's Python: plain matrices go to MatMul, anything of higher rank to BatchMatMulV2 (V3 only
        // for mixed operand dtypes or an output_type, which this function does not take).
        if (batch) {
            return Dispatcher.execute1(MatrixMultiply.BATCH_MAT_MUL_V2, Attrs.of("adj_x", ta, "adj_y", tb), ab);
        }
        return Dispatcher.execute1(MatrixMultiply.MAT_MUL, Attrs.of("transpose_a", ta, "transpose_b", tb), ab);
    }

    private static Tensor conj(Tensor z) { return Dispatcher.execute1(org.jflow.math.ComplexOps.CONJ, Attrs.EMPTY, z); }

    /** {@code tf.einsum(equation, x)}: {@code "ij->ji"}, {@code "ii->i"}, {@code "ij->"}. */
    default Tensor einsum(String equation, Object input) { return einsumOf(equation, input); }

    /** {@code tf.einsum(equation, a, b)}: {@code "ij,jk->ik"}, {@code "bij,bjk->bik"}, {@code "...ij,...jk->...ik"}. */
    default Tensor einsum(String equation, Object a, Object b) { return einsumOf(equation, a, b); }

    /** {@code tf.einsum(equation, a, b, c, ...)}. */
    default Tensor einsum(String equation, Object a, Object b, Object c, Object... more) {
        Object[] all = new Object[3 + more.length];
        all[0] = a;
        all[1] = b;
        all[2] = c;
        System.arraycopy(more, 0, all, 3, more.length);
        return einsumOf(equation, all);
    }

    /** Einsum over an explicit operand list (not spread: Java arrays are operands here). */
    private static Tensor einsumOf(String equation, Object... inputs) {
        Tensor[] ts = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) ts[i] = Convert.toTensor(inputs[i]);
        return Dispatcher.execute1(Einsum.EINSUM, Attrs.of("equation", equation), ts);
    }

    /** {@code tf.tensordot(a, b, axes)} with an int: the last {@code axes} dims of a against the first of b. */
    default Tensor tensordot(Object a, Object b, int axes) {
        Tensor[] ab = Convert.pair(a, b);
        if (axes < 0) throw new ValueError("'axes' must be at least 0.");
        if (axes > ab[0].rank()) throw new ValueError("'axes' must not be larger than the number of dimensions of tensor " + ab[0] + ".");
        if (axes > ab[1].rank()) throw new ValueError("'axes' must not be larger than the number of dimensions of tensor " + ab[1] + ".");
        int[] aAxes = new int[axes], bAxes = new int[axes];
        for (int i = 0; i < axes; i++) {
            aAxes[i] = ab[0].rank() - axes + i;
            bAxes[i] = i;
        }
        return Tensordot.contract(ab, aAxes, bAxes);
    }

    /** {@code tf.tensordot(a, b, axes=[[a axes], [b axes]])}. */
    default Tensor tensordot(Object a, Object b, int[][] axes) {
        if (axes.length != 2) throw new ValueError("'axes' must be an integer or have length 2.");
        return Tensordot.contract(Convert.pair(a, b), axes[0], axes[1]);
    }

    /** {@code tf.norm(tensor)}: the Euclidean norm of all elements. */
    default Tensor norm(Object tensor) { return norm(tensor, o -> o); }

    /** {@code tf.norm(tensor, ord="fro")}. */
    default Tensor norm(Object tensor, String ord) { return norm(tensor, o -> o.ord(ord)); }

    /** {@code tf.norm(tensor, ord=1)}; {@code Double.POSITIVE_INFINITY} for {@code np.inf}. */
    default Tensor norm(Object tensor, double ord) { return norm(tensor, o -> o.ord(ord)); }

    /** {@code tf.norm(tensor, ord=..., axis=..., keepdims=...)}. */
    default Tensor norm(Object tensor, UnaryOperator<NormOptions> options) {
        NormOptions o = options.apply(new NormOptions());
        Attrs attrs = Attrs.of("ord", o.ord, "keep_dims", o.keepdims);
        if (o.axis != null) attrs = attrs.with("axis", o.axis);
        return Dispatcher.execute1(Norms.NORM, attrs, Convert.toTensor(tensor));
    }
}
