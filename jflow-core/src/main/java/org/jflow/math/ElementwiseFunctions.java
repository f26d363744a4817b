package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.errors.ValueError;

import java.util.List;

/**
 * {@code tf.math}'s element-wise functions, shared by {@code tf} and {@code tf.math}. Arguments
 * are anything {@code tf.convertToTensor} accepts; in binary functions a Java literal takes the
 * other operand's dtype, as a Python scalar does.
 */
public interface ElementwiseFunctions extends MathActivationFunctions {
    private static Tensor binary(Op op, Object x, Object y) {
        return Dispatcher.execute1(op, Attrs.EMPTY, Convert.pair(x, y));
    }

    private static Tensor unary(Op op, Object x) {
        return Dispatcher.execute1(op, Attrs.EMPTY, Convert.toTensor(x));
    }

    // ---- arithmetic ----

    /** {@code tf.add}: numbers add, strings concatenate (TF's {@code Add} op rather than {@code AddV2}). */
    default Tensor add(Object x, Object y) {
        Tensor[] p = Convert.pair(x, y);
        return Dispatcher.execute1(p[0].dtype() == DType.STRING ? StringAdd.ADD : BinaryArithmetic.ADD, Attrs.EMPTY, p);
    }

    default Tensor subtract(Object x, Object y) { return binary(BinaryArithmetic.SUB, x, y); }

    default Tensor multiply(Object x, Object y) { return binary(BinaryArithmetic.MUL, x, y); }

    /** {@code tf.divide}: Python's {@code /}, i.e. {@link #truediv}. */
    default Tensor divide(Object x, Object y) { return truediv(x, y); }

    /**
     * {@code tf.truediv}: float division; int8/int16/uint8 operands become float32 first and
     * int32/int64 float64, so {@code int32 / int32} is float64 as in TF.
     */
    default Tensor truediv(Object x, Object y) {
        Tensor[] p = Convert.pair(x, y);
        return TrueDivision.apply(p[0], p[1]);
    }

    /** {@code tf.realdiv}: float division without casting integers. */
    default Tensor realdiv(Object x, Object y) { return binary(BinaryArithmetic.REAL_DIV, x, y); }

    /** {@code tf.math.floordiv}, Python's {@code //}: rounds toward negative infinity, also for floats. */
    default Tensor floordiv(Object x, Object y) { return binary(BinaryArithmetic.FLOOR_DIV, x, y); }

    /** {@code tf.math.floormod}, Python's {@code %}: the result takes the divisor's sign. */
    default Tensor floormod(Object x, Object y) { return binary(BinaryArithmetic.FLOOR_MOD, x, y); }

    /** {@code tf.math.mod}: the same op as {@link #floormod}. */
    default Tensor mod(Object x, Object y) { return floormod(x, y); }

    /** {@code tf.truncatediv}: C division, rounding toward zero. */
    default Tensor truncatediv(Object x, Object y) { return binary(BinaryArithmetic.TRUNCATE_DIV, x, y); }

    /** {@code tf.truncatemod}: C remainder, with the dividend's sign. */
    default Tensor truncatemod(Object x, Object y) { return binary(BinaryArithmetic.TRUNCATE_MOD, x, y); }

    default Tensor pow(Object x, Object y) { return binary(BinaryArithmetic.POW, x, y); }

    default Tensor maximum(Object x, Object y) { return binary(BinaryArithmetic.MAXIMUM, x, y); }

    default Tensor minimum(Object x, Object y) { return binary(BinaryArithmetic.MINIMUM, x, y); }

    default Tensor squaredDifference(Object x, Object y) { return binary(BinaryArithmetic.SQUARED_DIFFERENCE, x, y); }

    /** {@code tf.math.atan2(y, x)}. */
    default Tensor atan2(Object y, Object x) { return binary(BinaryArithmetic.ATAN2, y, x); }

    /** {@code tf.math.divide_no_nan}: 0 where the divisor is 0. */
    default Tensor divNoNan(Object x, Object y) { return binary(BinaryArithmetic.DIV_NO_NAN, x, y); }

    /** {@code tf.math.multiply_no_nan}: 0 where y is 0, even when x is NaN or infinite. */
    default Tensor multiplyNoNan(Object x, Object y) { return binary(BinaryArithmetic.MUL_NO_NAN, x, y); }

    /** {@code tf.math.xdivy}: 0 where x is 0, else x / y. */
    default Tensor xdivy(Object x, Object y) { return binary(BinaryArithmetic.XDIVY, x, y); }

    /** {@code tf.math.scalar_mul(scalar, x)}: the scalar takes x's dtype and must be 0-D. */
    default Tensor scalarMul(Object scalar, Object x) {
        Tensor t = Convert.toTensor(x);
        Tensor s = Convert.toTensorLike(scalar, t.dtype());
        if (s.rank() != 0) throw new ValueError("The input scalar must be a 0-D value. Received shape " + s.shape() + ".");
        return Dispatcher.execute1(BinaryArithmetic.MUL, Attrs.EMPTY, s, t);
    }

    /** {@code tf.add_n(inputs)}: the sum of tensors of one shape and dtype. */
    default Tensor addN(List<?> inputs) { return addN(inputs.toArray()); }

    /** {@code tf.add_n(inputs)}; each input converts on its own, so mixing int and float literals fails as in TF. */
    default Tensor addN(Object... inputs) {
        if (inputs.length == 0) {
            throw new ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape.");
        }
        Tensor[] t = new Tensor[inputs.length];
        for (int i = 0; i < t.length; i++) t[i] = Convert.toTensor(inputs[i]);
        return t.length == 1 ? t[0] : Dispatcher.execute1(AddN.ADD_N, Attrs.EMPTY, t);
    }

    // ---- functions of one number ----

    /** {@code tf.abs}: the magnitude, as a float32/float64 tensor for complex64/complex128 ({@code ComplexAbs}). */
    default Tensor abs(Object x) {
        Tensor t = Convert.toTensor(x);
        return Dispatcher.execute1(t.dtype().isComplex() ? ComplexOps.COMPLEX_ABS : UnaryMath.ABS, Attrs.EMPTY, t);
    }

    default Tensor negative(Object x) { return unary(UnaryMath.NEG, x); }

    default Tensor sign(Object x) { return unary(UnaryMath.SIGN, x); }

    default Tensor square(Object x) { return unary(UnaryMath.SQUARE, x); }

    default Tensor sqrt(Object x) { return unary(UnaryMath.SQRT, x); }

    default Tensor rsqrt(Object x) { return unary(UnaryMath.RSQRT, x); }

    default Tensor exp(Object x) { return unary(UnaryMath.EXP, x); }

    default Tensor expm1(Object x) { return unary(UnaryMath.EXPM1, x); }

    default Tensor log(Object x) { return unary(UnaryMath.LOG, x); }

    default Tensor log1p(Object x) { return unary(UnaryMath.LOG1P, x); }

    default Tensor sin(Object x) { return unary(UnaryMath.SIN, x); }

    default Tensor cos(Object x) { return unary(UnaryMath.COS, x); }

    default Tensor tan(Object x) { return unary(UnaryMath.TAN, x); }

    default Tensor asin(Object x) { return unary(UnaryMath.ASIN, x); }

    default Tensor acos(Object x) { return unary(UnaryMath.ACOS, x); }

    default Tensor atan(Object x) { return unary(UnaryMath.ATAN, x); }

    default Tensor sinh(Object x) { return unary(UnaryMath.SINH, x); }

    default Tensor cosh(Object x) { return unary(UnaryMath.COSH, x); }

    default Tensor asinh(Object x) { return unary(UnaryMath.ASINH, x); }

    default Tensor acosh(Object x) { return unary(UnaryMath.ACOSH, x); }

    default Tensor atanh(Object x) { return unary(UnaryMath.ATANH, x); }

    /** {@code tf.math.log_sigmoid}: {@code -softplus(-x)}, composed as TF does. */
    default Tensor logSigmoid(Object x) {
        Tensor t = Convert.toTensor(x);
        Tensor negated = Dispatcher.execute1(UnaryMath.NEG, Attrs.EMPTY, t);
        return Dispatcher.execute1(UnaryMath.NEG, Attrs.EMPTY, Dispatcher.execute1(UnaryMath.SOFTPLUS, Attrs.EMPTY, negated));
    }

    default Tensor erf(Object x) { return unary(UnaryMath.ERF, x); }

    default Tensor erfc(Object x) { return unary(UnaryMath.ERFC, x); }

    /** {@code tf.math.lgamma(x)}: log|Gamma(x)|. */
    default Tensor lgamma(Object x) { return unary(UnaryMath.LGAMMA, x); }

    /** {@code tf.math.digamma(x)}: Gamma'(x) / Gamma(x). */
    default Tensor digamma(Object x) { return unary(UnaryMath.DIGAMMA, x); }

    /** {@code tf.math.polygamma(a, x)}: the a-th derivative of digamma. */
    default Tensor polygamma(Object a, Object x) { return binary(BinaryArithmetic.POLYGAMMA, a, x); }

    /** {@code tf.math.zeta(x, q)}: the Hurwitz zeta function. */
    default Tensor zeta(Object x, Object q) { return binary(BinaryArithmetic.ZETA, x, q); }

    /** {@code tf.math.igamma(a, x)}: the regularized lower incomplete gamma function P(a, x). */
    default Tensor igamma(Object a, Object x) { return binary(BinaryArithmetic.IGAMMA, a, x); }

    /** {@code tf.math.igammac(a, x)}: the regularized upper incomplete gamma function Q(a, x). */
    default Tensor igammac(Object a, Object x) { return binary(BinaryArithmetic.IGAMMAC, a, x); }

    default Tensor floor(Object x) { return unary(UnaryMath.FLOOR, x); }

    default Tensor ceil(Object x) { return unary(UnaryMath.CEIL, x); }

    /** {@code tf.math.round}: half to even; integers come back unchanged. */
    default Tensor round(Object x) {
        Tensor t = Convert.toTensor(x);
        return t.dtype().isInteger() ? t : Dispatcher.execute1(UnaryMath.ROUND, Attrs.EMPTY, t);
    }

    /** {@code tf.math.rint}: half to even, floats only. */
    default Tensor rint(Object x) { return unary(UnaryMath.RINT, x); }

    default Tensor reciprocal(Object x) { return unary(UnaryMath.RECIPROCAL, x); }

    default Tensor isNan(Object x) { return unary(FloatClass.IS_NAN, x); }

    default Tensor isInf(Object x) { return unary(FloatClass.IS_INF, x); }

    default Tensor isFinite(Object x) { return unary(FloatClass.IS_FINITE, x); }

    // ---- comparisons and logic ----

    default Tensor equal(Object x, Object y) { return binary(Comparison.EQUAL, x, y); }

    default Tensor notEqual(Object x, Object y) { return binary(Comparison.NOT_EQUAL, x, y); }

    default Tensor less(Object x, Object y) { return binary(Comparison.LESS, x, y); }

    default Tensor lessEqual(Object x, Object y) { return binary(Comparison.LESS_EQUAL, x, y); }

    default Tensor greater(Object x, Object y) { return binary(Comparison.GREATER, x, y); }

    default Tensor greaterEqual(Object x, Object y) { return binary(Comparison.GREATER_EQUAL, x, y); }

    default Tensor logicalAnd(Object x, Object y) { return binary(Logical.AND, x, y); }

    default Tensor logicalOr(Object x, Object y) { return binary(Logical.OR, x, y); }

    default Tensor logicalNot(Object x) { return unary(Logical.NOT, x); }

    /** {@code tf.math.logical_xor}, composed as TF does: {@code (x | y) & !(x & y)}. */
    default Tensor logicalXor(Object x, Object y) {
        Tensor[] p = Convert.pair(x, y);
        Tensor either = Dispatcher.execute1(Logical.OR, Attrs.EMPTY, p);
        Tensor both = Dispatcher.execute1(Logical.AND, Attrs.EMPTY, p);
        return Dispatcher.execute1(Logical.AND, Attrs.EMPTY, either, Dispatcher.execute1(Logical.NOT, Attrs.EMPTY, both));
    }

    // ---- casting and clipping ----

    /** {@code tf.cast(x, dtype)}: C++ conversion (floats truncate toward zero); the input itself when already of that dtype. */
    default Tensor cast(Object x, DType dtype) {
        Tensor t = Convert.toTensor(x);
        return t.dtype() == dtype ? t : Dispatcher.execute1(Cast.CAST, Attrs.of(Cast.DST_T, dtype), t);
    }

    /** {@code tf.cast(x, "float32")}: the dtype by TF name. */
    default Tensor cast(Object x, String dtype) { return cast(x, DType.of(dtype)); }

    /**
     * {@code tf.clip_by_value(t, clip_value_min, clip_value_max)}: {@code maximum(minimum(t, max), min)},
     * the bounds broadcasting but never growing {@code t}'s shape.
     */
    default Tensor clipByValue(Object t, Object clipValueMin, Object clipValueMax) {
        Tensor values = Convert.toTensor(t);
        Tensor lower = checkNotGrown(values, minimum(values, clipValueMax));
        return checkNotGrown(values, maximum(lower, clipValueMin));
    }

    private static Tensor checkNotGrown(Tensor values, Tensor clipped) {
        if (!values.shape().isCompatibleWith(clipped.shape())) {
            throw new ValueError("Shapes " + values.shape() + " and " + clipped.shape() + " are incompatible");
        }
        return clipped;
    }

    /** {@code tf.clip_by_norm(t, clip_norm)}: {@code t * clip_norm / max(l2norm(t), clip_norm)}. */
    default Tensor clipByNorm(Object t, Object clipNorm) {
        Tensor values = Convert.toTensor(t);
        return Dispatcher.execute1(ClipByNorm.CLIP_BY_NORM, Attrs.EMPTY, values, Convert.toTensorLike(clipNorm, values.dtype()));
    }

    /** {@code tf.clip_by_norm(t, clip_norm, axes)}: the norm taken over {@code axes}, one per remaining position. */
    default Tensor clipByNorm(Object t, Object clipNorm, int... axes) {
        Tensor values = Convert.toTensor(t);
        return Dispatcher.execute1(ClipByNorm.CLIP_BY_NORM, Attrs.of(ClipByNorm.AXES, axes.clone()), values,
                Convert.toTensorLike(clipNorm, values.dtype()));
    }
}
