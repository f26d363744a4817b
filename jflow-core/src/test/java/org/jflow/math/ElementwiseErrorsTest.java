package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** TF's error classes and message texts for element-wise ops. */
class ElementwiseErrorsTest {
    private final Tensor ints = tf.constant(new int[] {1, 2, 3});

    @Test
    void floatFunctionsRefuseIntegersWithTfsAttrMessage() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.sqrt(ints));
        assertEquals("Value for attr 'T' of int32 is not in the list of allowed values: bfloat16, half, float, double, complex64, complex128\n"
                + "\t; NodeDef: {{node Sqrt}}; Op<name=Sqrt; signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, "
                + "DT_DOUBLE, DT_COMPLEX64, DT_COMPLEX128]> [Op:Sqrt]", e.getMessage());
        InvalidArgumentError floor = assertThrows(InvalidArgumentError.class, () -> tf.floor(ints));
        assertEquals("Value for attr 'T' of int32 is not in the list of allowed values: bfloat16, half, float, double\n"
                + "\t; NodeDef: {{node Floor}}; Op<name=Floor; signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, "
                + "DT_DOUBLE]> [Op:Floor]", floor.getMessage());
        InvalidArgumentError neg = assertThrows(InvalidArgumentError.class, () -> tf.negative("a"));
        assertEquals("Value for attr 'T' of string is not in the list of allowed values: bfloat16, half, float, double, int8, int16, "
                + "int32, int64, complex64, complex128\n\t; NodeDef: {{node Neg}}; Op<name=Neg; signature=x:T -> y:T; "
                + "attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_INT16, DT_INT32, DT_INT64, "
                + "DT_COMPLEX64, DT_COMPLEX128]> [Op:Neg]", neg.getMessage());
        for (var f : List.<java.util.function.Function<Object, Tensor>>of(tf::exp, tf::log, tf::sigmoid, tf::tanh, tf::sin, tf::erf, tf::isNan, tf::softplus)) {
            assertThrows(InvalidArgumentError.class, () -> f.apply(ints));
        }
        assertTrue(assertThrows(InvalidArgumentError.class, () -> tf.softplus(ints)).getMessage()
                .startsWith("Value for attr 'T' of int32 is not in the list of allowed values: half, bfloat16, float, double\n"));
        assertThrows(InvalidArgumentError.class, () -> tf.tan(ints)); // TF 2.18 and 2.21 allow Tan no integers
        assertThrows(InvalidArgumentError.class, () -> tf.negative(tf.constant(new int[] {1}, DType.UINT8)));
    }

    @Test
    void realDivHasNoIntegerKernelWhileTruedivCastsIntegersFirst() {
        NotFoundError e = assertThrows(NotFoundError.class, () -> tf.realdiv(ints, ints));
        // the rest of TF 2.21's text (the kernels registered for RealDiv) is checked in device.CpuKernelErrorsTest
        assertTrue(e.getMessage().startsWith("Could not find device for node: {{node RealDiv}} = RealDiv[T=DT_INT32]\n"), e.getMessage());
        Tensor q = tf.divide(ints, tf.constant(new int[] {2, 2, 2}));
        assertEquals(DType.FLOAT64, q.dtype());
        assertArrayEquals(new double[] {0.5, 1, 1.5}, q.toDoubleArray());
    }

    @Test
    void halfAndSmallIntegerDtypesWithoutTfCpuKernel() {
        Tensor shorts = tf.cast(ints, DType.INT16), halfs = tf.cast(ints, DType.FLOAT16);
        assertSame(shorts, tf.round(shorts)); // tf.round returns integers without running the op
        assertThrows(NotFoundError.class, () -> Dispatcher.execute1(UnaryMath.ROUND, Attrs.EMPTY, shorts));
        assertThrows(NotFoundError.class, () -> tf.rint(halfs));
        assertThrows(NotFoundError.class, () -> tf.truncatemod(halfs, halfs));
        assertArrayEquals(new int[] {1, 0, 1}, tf.truncatemod(ints, 2).toIntArray());
    }

    @Test
    void binaryOpsNameTheMismatchedInput() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.multiply(ints, tf.constant(new float[] {1, 2, 3})));
        assertEquals("cannot compute Mul as input #1(zero-based) was expected to be a int32 tensor but is a float tensor [Op:Mul]", e.getMessage());
        InvalidArgumentError cmp = assertThrows(InvalidArgumentError.class, () -> tf.greater(tf.constant(1f), tf.constant(1)));
        assertEquals("cannot compute Greater as input #1(zero-based) was expected to be a float tensor but is a int32 tensor [Op:Greater]", cmp.getMessage());
        InvalidArgumentError or = assertThrows(InvalidArgumentError.class, () -> tf.logicalOr(tf.constant(1f), tf.constant(true)));
        assertEquals("cannot compute LogicalOr as input #0(zero-based) was expected to be a bool tensor but is a float tensor [Op:LogicalOr]", or.getMessage());
        InvalidArgumentError not = assertThrows(InvalidArgumentError.class, () -> tf.logicalNot(1));
        assertEquals("cannot compute LogicalNot as input #0(zero-based) was expected to be a bool tensor but is a int32 tensor [Op:LogicalNot]", not.getMessage());
        InvalidArgumentError less = assertThrows(InvalidArgumentError.class, () -> tf.less("a", "b"));
        assertTrue(less.getMessage().startsWith("Value for attr 'T' of string is not in the list of allowed values: float, double, int32, uint8"));
        assertTrue(less.getMessage().endsWith("[Op:Less]"));
        assertThrows(InvalidArgumentError.class, () -> tf.add(true, false));
    }

    @Test
    void incompatibleShapesGB6() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> tf.constant(new int[2][3]).add(tf.constant(new int[3][2])));
        assertEquals("Incompatible shapes: [2,3] vs. [3,2] [Op:AddV2]", e.getMessage());
        assertEquals("Incompatible shapes: [2] vs. [3] [Op:Maximum]",
                assertThrows(InvalidArgumentError.class, () -> tf.maximum(new float[2], new float[3])).getMessage());
        assertEquals("Incompatible shapes: [2] vs. [3] [Op:Equal]",
                assertThrows(InvalidArgumentError.class, () -> tf.equal(new float[2], new float[3])).getMessage());
    }

    @Test
    void integerDivisionByZeroIsAnError() {
        for (var op : List.<java.util.function.BiFunction<Object, Object, Tensor>>of(tf::floordiv, tf::floormod)) {
            InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> op.apply(ints, 0));
            assertTrue(e.getMessage().startsWith("Integer division by zero [Op:Floor"), e.getMessage());
        }
        assertThrows(InvalidArgumentError.class, () -> tf.floordiv(tf.constant(new long[] {1}), 0L));
        assertThrows(InvalidArgumentError.class, () -> tf.floordiv(tf.constant(new byte[] {1}), tf.constant(new byte[] {0})));
        assertEquals(Float.POSITIVE_INFINITY, tf.floordiv(1f, 0f).floatValue());
        assertEquals(Double.POSITIVE_INFINITY, ints.div(0).toDoubleArray()[0]);
    }

    @Test
    void integerPowersMustBeNonNegative() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> ints.pow(-1));
        assertEquals("Integers to negative integer powers are not allowed [Op:Pow]", e.getMessage());
    }

    @Test
    void trueDivisionNeedsOneDType() {
        TypeError e = assertThrows(TypeError.class, () -> tf.divide(ints, tf.constant(new float[] {1, 2, 3})));
        assertEquals("`x` and `y` must have the same dtype, got tf.int32 != tf.float32.", e.getMessage());
        assertThrows(TypeError.class, () -> tf.divide(true, false));
    }

    @Test
    void addNChecksShapesAndDTypes() {
        InvalidArgumentError shapes = assertThrows(InvalidArgumentError.class, () -> tf.addN(new float[] {1, 2}, new float[] {1, 2, 3}));
        assertEquals("Inputs to operation AddN of type AddN must have the same size and shape.  Input 0: [2] != input 1: [3] [Op:AddN]", shapes.getMessage());
        InvalidArgumentError types = assertThrows(InvalidArgumentError.class, () -> tf.addN(new float[] {1}, new int[] {1}));
        assertEquals("cannot compute AddN as input #1(zero-based) was expected to be a float tensor but is a int32 tensor [Op:AddN]", types.getMessage());
        assertThrows(ValueError.class, () -> tf.addN());
    }

    @Test
    void clipByValueNeverGrowsTheInput() {
        ValueError e = assertThrows(ValueError.class, () -> tf.clipByValue(1f, 0f, new float[][] {{1, 2}}));
        assertEquals("Shapes () and (1, 2) are incompatible", e.getMessage());
        InvalidArgumentError m = assertThrows(InvalidArgumentError.class, () -> tf.clipByValue(ints, 0, tf.constant(1f)));
        assertEquals("cannot compute Minimum as input #1(zero-based) was expected to be a int32 tensor but is a float tensor [Op:Minimum]", m.getMessage());
    }

    @Test
    void clipByNormOfIntegersFailsInSqrtAsInTf() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.clipByNorm(ints, 1));
        assertTrue(e.getMessage().endsWith("[Op:Sqrt]"));
        assertThrows(ValueError.class, () -> tf.scalarMul(new float[] {1, 2}, new float[] {1}));
    }
}
