package org.jflow.math;

import java.util.function.BinaryOperator;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.raw.RawMath;

/**
 * Python's arithmetic, comparison and logical operators on tensors, as methods: {@code a.add(b)}
 * is {@code a + b}, {@code a.div(b)} is {@code a / b} (true division), {@code a.eq(b)} is TF2's
 * element-wise {@code a == b}. The receiver is read through {@link #value()}, so a Variable
 * takes part with its current value; a literal operand takes the receiver's dtype.
 */
public interface MathOperators {
    Tensor value();

    /** {@code a + b}. */
    default Tensor add(Object other) {
        Tensor[] p = Convert.pair(value(), other);
        return p[0].dtype() == DType.STRING ? RawMath.add(p[0], p[1]) : RawMath.addV2(p[0], p[1]);
    }

    /** {@code a - b}. */
    default Tensor sub(Object other) { return binary(RawMath::sub, other); }

    /** {@code a * b}. */
    default Tensor mul(Object other) { return binary(RawMath::mul, other); }

    /** {@code a / b}: true division (int32 operands give float64). */
    default Tensor div(Object other) { return binary(TrueDivision::apply, other); }

    /** {@code a // b}. */
    default Tensor floordiv(Object other) { return binary(RawMath::floorDiv, other); }

    /** {@code a % b}. */
    default Tensor mod(Object other) { return binary(RawMath::floorMod, other); }

    /** {@code a @ b}: {@code tf.matmul}. */
    default Tensor matmul(Object other) { return binary(MathOperators::matrixProduct, other); }

    /** {@code a ** b}. */
    default Tensor pow(Object other) { return binary(RawMath::pow, other); }

    /** {@code -a}. */
    default Tensor neg() { return RawMath.neg(value()); }

    /** {@code abs(a)}. */
    default Tensor abs() { return value().dtype().isComplex() ? RawMath.complexAbs(value()) : RawMath.abs(value()); }

    /** {@code a > b}. */
    default Tensor gt(Object other) { return binary(RawMath::greater, other); }

    /** {@code a >= b}. */
    default Tensor ge(Object other) { return binary(RawMath::greaterEqual, other); }

    /** {@code a < b}. */
    default Tensor lt(Object other) { return binary(RawMath::less, other); }

    /** {@code a <= b}. */
    default Tensor le(Object other) { return binary(RawMath::lessEqual, other); }

    /** {@code a == b}: element-wise; shapes that do not broadcast, or {@code null} (Python's None), give a scalar {@code false}, as in TF2. */
    default Tensor eq(Object other) { return compareAnyShape(Comparison.EQUAL, other); }

    /** {@code a != b}: element-wise; shapes that do not broadcast, or {@code null}, give a scalar {@code true}. */
    default Tensor ne(Object other) { return compareAnyShape(Comparison.NOT_EQUAL, other); }

    private Tensor compareAnyShape(Comparison op, Object other) {
        if (other == null) return Tensor.wrap(DType.BOOL, Shape.scalar(), new boolean[] {op == Comparison.NOT_EQUAL});
        return Dispatcher.execute1(op, Attrs.of(Comparison.INCOMPATIBLE_SHAPE_ERROR, false), Convert.pair(value(), other));
    }

    /** {@code a & b} on bools. */
    default Tensor and(Object other) { return binary(RawMath::logicalAnd, other); }

    /** {@code a | b} on bools. */
    default Tensor or(Object other) { return binary(RawMath::logicalOr, other); }

    /** {@code a ^ b} on bools. */
    default Tensor xor(Object other) {
        // TF's logical_xor: (x | y) & !(x & y)
        Tensor[] p = Convert.pair(value(), other);
        return RawMath.logicalAnd(RawMath.logicalOr(p[0], p[1]), RawMath.logicalNot(RawMath.logicalAnd(p[0], p[1])));
    }

    /** {@code ~a} on bools. */
    default Tensor not() { return RawMath.logicalNot(Convert.toTensor(value(), DType.BOOL)); }

    /** A binary op on this value and {@code other}; a literal takes this value's dtype ({@code x * 2} keeps it). */
    private Tensor binary(BinaryOperator<Tensor> op, Object other) {
        Tensor[] p = Convert.pair(value(), other);
        return op.apply(p[0], p[1]);
    }

    /** As TF's Python: plain matrices go to {@code MatMul}, anything of higher rank to {@code BatchMatMulV3}. */
    private static Tensor matrixProduct(Tensor a, Tensor b) {
        if (a.rank() > 2 || b.rank() > 2) return RawMath.batchMatMulV3(a, b, false, false);
        return RawMath.matMul(a, b, false, false);
    }
}
