package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.array.ArrayOps;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.math.BinaryArithmetic;
import org.jflow.math.Cast;
import org.jflow.math.Logical;
import org.jflow.math.UnaryMath;

import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Bypasses nodes that return their input unchanged, bit for bit: adding zero, multiplying or
 * dividing by one, {@code Identity}, a double {@code Neg} or {@code LogicalNot}, a {@code Cast}
 * to the input's dtype, a {@code Reshape} to its static shape, a {@code Transpose} undone by the
 * next. A bypassed node is not copied; what only it read (the constant one) is left for
 * {@link DeadNodeElimination}.
 *
 * <p>{@code x * 0} is not rewritten to zeros for floats: {@code NaN * 0} and {@code Inf * 0} are
 * NaN and {@code -3 * 0} is {@code -0.0}, so the product depends on x. For the same reason of
 * exactness {@code x + 0} needs a zero of the right sign for floats: {@code -0.0 + 0.0} is
 * {@code +0.0}, while {@code x + (-0.0)} and {@code x - (+0.0)} are x for every float x.
 */
public final class AlgebraicSimplification implements GraphPass {
    private interface Simplification { Tensor simplify(Tensor[] in, Attrs attrs, Tensor out); }

    private static final DoublePredicate NEGATIVE_ZERO = v -> Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    private static final DoublePredicate POSITIVE_ZERO = v -> Double.doubleToRawLongBits(v) == 0L;
    private static final DoublePredicate ONE = v -> v == 1.0;

    private static final Map<Op, Simplification> RULES = Map.of(
            BinaryArithmetic.ADD, (in, a, out) -> either(in, out, NEGATIVE_ZERO, 0L),
            BinaryArithmetic.SUB, (in, a, out) -> left(in[0], in[1], out, POSITIVE_ZERO, 0L),
            BinaryArithmetic.MUL, (in, a, out) -> either(in, out, ONE, 1L),
            BinaryArithmetic.REAL_DIV, (in, a, out) -> left(in[0], in[1], out, ONE, 1L),
            ArrayOps.IDENTITY, (in, a, out) -> in[0],
            UnaryMath.NEG, (in, a, out) -> undo(in[0], UnaryMath.NEG),
            Logical.NOT, (in, a, out) -> undo(in[0], Logical.NOT),
            Cast.CAST, (in, a, out) -> a.getDType(Cast.DST_T) == in[0].dtype() ? in[0] : null,
            ArrayOps.RESHAPE, (in, a, out) -> in[0].shape().isFullyDefined() && in[0].shape().equals(out.shape()) ? in[0] : null,
            ArrayOps.TRANSPOSE, (in, a, out) -> transposes(in[0], a.getInts("perm")));

    @Override
    public Program apply(Program program) {
        return NodeRewrites.apply(program, (r, n) -> {
            Simplification rule = RULES.get(n.op());
            if (rule == null) return false;
            Tensor x = rule.simplify(NodeRewrites.newInputs(r, n), n.attrs(), n.output(0));
            if (x == null) return false;
            r.map(n.output(0), x);
            return true;
        });
    }

    /** {@code x op c} or {@code c op x} where c is the op's identity: x. */
    private static Tensor either(Tensor[] in, Tensor out, DoublePredicate floatIdentity, long intIdentity) {
        Tensor x = left(in[0], in[1], out, floatIdentity, intIdentity);
        return x != null ? x : left(in[1], in[0], out, floatIdentity, intIdentity);
    }

    /** {@code x op c} where c is the op's identity and broadcasting it changes nothing in x: x. */
    private static Tensor left(Tensor x, Tensor c, Tensor out, DoublePredicate floatIdentity, long intIdentity) {
        if (!c.hasValue() || x.dtype() != out.dtype() || !x.shape().equals(out.shape())) return null;
        if (!x.shape().isFullyDefined() && !broadcastsAsScalar(c.shape(), x.shape())) return null;
        DType t = c.dtype();
        if (!t.isFloating() && !t.isInteger()) return null;
        for (int i = 0; i < c.size(); i++) {
            if (t.isFloating() ? !floatIdentity.test(c.getDouble(i)) : c.getLong(i) != intIdentity) return null;
        }
        return x;
    }

    /** Whether c's dims are all 1 and no more than x's: it never stretches a dim of x, known or not. */
    private static boolean broadcastsAsScalar(Shape c, Shape x) {
        if (!c.hasRank() || !x.hasRank() || c.rank() > x.rank()) return false;
        for (int d : c.dimsView()) if (d != 1) return false;
        return true;
    }

    /** {@code op(op(x))} for an involution: x. */
    private static Tensor undo(Tensor in, Op op) { return in.op().op() == op ? in.op().input(0) : null; }

    /** A transpose by the identity permutation, or one that undoes the transpose it reads: the untransposed tensor. */
    private static Tensor transposes(Tensor in, int[] perm) {
        if (isIdentity(perm)) return in;
        if (in.op().op() != ArrayOps.TRANSPOSE) return null;
        int[] inner = in.op().attrs().getInts("perm"), composed = new int[perm.length];
        for (int k = 0; k < perm.length; k++) composed[k] = inner[perm[k]];
        return isIdentity(composed) ? in.op().input(0) : null;
    }

    private static boolean isIdentity(int[] perm) {
        for (int k = 0; k < perm.length; k++) if (perm[k] != k) return false;
        return true;
    }
}
