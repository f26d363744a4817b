package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

/** Golden cases G-E1..G-E18 (inventory 001a, section 3.8) and per-dtype behaviour. */
class ElementwiseTest {
    private final Tensor a = tf.constant(new float[][] {{1, 2}, {-3, 4}});
    private final Tensor b = tf.constant(new float[][] {{5, 6}, {7, 8}});

    private static void assertFloats(float[] expected, Tensor actual) {
        assertEquals(DType.FLOAT32, actual.dtype());
        assertArrayEquals(expected, actual.toFloatArray(), 0f);
    }

    @Test
    void arithmeticOperatorsGE1toGE4() {
        assertFloats(new float[] {6, 8, 4, 12}, a.add(b));
        assertFloats(new float[] {-4, -4, -10, -4}, a.sub(b));
        assertFloats(new float[] {5, 12, -21, 32}, a.mul(b));
        assertFloats(new float[] {0.2f, 0.33333334f, -0.42857143f, 0.5f}, a.div(b));
        assertEquals(Shape.of(2, 2), a.div(b).shape());
    }

    @Test
    void powerAndSqrtGiveNanForNegativeBasesGE5GE6GE13() {
        assertFloats(new float[] {1, 4, 9, 16}, a.pow(2));
        assertFloats(new float[] {1, 1.4142135f, Float.NaN, 2}, a.pow(0.5));
        assertFloats(new float[] {1, 1.4142135f, Float.NaN, 2}, tf.sqrt(a));
        assertArrayEquals(new int[] {1, 8, 27, 1}, tf.pow(tf.constant(new int[] {1, 2, 3, 5}), new int[] {2, 3, 3, 0}).toIntArray());
    }

    @Test
    void modAndFloorDivFollowPythonGE7GE8() {
        Tensor ints = tf.constant(new int[] {1, 2, 3});
        assertArrayEquals(new int[] {1, 2, 0}, ints.mod(3).toIntArray());
        assertEquals(DType.INT32, ints.mod(3).dtype());
        assertArrayEquals(new float[] {1, 2, 0, 1}, a.mod(3).toFloatArray(), 0f);
        assertFloats(new float[] {0, 0, -1, 1}, a.floordiv(3));
        assertArrayEquals(new int[] {-1, -2, 2, 1, -2}, tf.floordiv(new int[] {-3, -7, 7, 7, 7}, new int[] {3, 4, 3, 4, -4}).toIntArray());
        assertArrayEquals(new int[] {1, 3, -3, -1}, tf.floormod(new int[] {-7, 7, -7, 7}, new int[] {4, 4, -4, -4}).toIntArray());
        assertArrayEquals(new double[] {0.5, -0.5}, tf.mod(new double[] {-3.5, 3.5}, new double[] {1, -1}).toDoubleArray(), 0);
    }

    @Test
    void halfTypesRoundTheQuotientBeforeFlooringAsTf() {
        // float16 0.1 is 0.09998, so -1 / 0.1 is -10.0024 in float32 but -10 once rounded to float16
        Tensor x = tf.constant(new float[] {-1f}, DType.FLOAT16), y = tf.constant(new float[] {0.1f}, DType.FLOAT16);
        assertArrayEquals(new float[] {-10f}, tf.floordiv(x, y).toFloatArray(), 0f);
        assertArrayEquals(new float[] {-11f}, tf.floordiv(tf.cast(x, DType.FLOAT32), tf.cast(y, DType.FLOAT32)).toFloatArray(), 0f);
    }

    @Test
    void addNSumsAListGE14() {
        Tensor s = tf.addN(new float[] {1, 8}, new float[] {5, 6}, new float[] {6, 7});
        assertFloats(new float[] {12, 21}, s);
        assertEquals(Shape.of(2), s.shape());
        assertFloats(new float[] {12, 21}, tf.addN(List.of(List.of(1f, 8f), List.of(5f, 6f), List.of(6f, 7f))));
        assertArrayEquals(new int[] {3, 5}, tf.addN(List.of(tf.constant(new int[] {1, 2}), tf.constant(new int[] {2, 3}))).toIntArray());
    }

    @Test
    void maximumAndMinimumGE15() {
        Tensor x = tf.constant(new float[] {1, 8}), y = tf.constant(new float[] {5, 6});
        assertFloats(new float[] {5, 8}, tf.maximum(x, y));
        assertFloats(new float[] {1, 6}, tf.minimum(x, y));
        assertFloats(new float[] {1e-7f, 8}, tf.maximum(tf.constant(new float[] {0, 8}), 1e-7));
        assertArrayEquals(new int[] {5, 8}, tf.maximum(new int[] {1, 8}, new int[] {5, 6}).toIntArray());
    }

    @Test
    void roundingGE16() {
        Tensor x = tf.constant(new float[] {2.6f, -2.7f});
        assertFloats(new float[] {3, -3}, tf.round(x));
        assertFloats(new float[] {2, -3}, tf.floor(x));
        assertFloats(new float[] {3, -2}, tf.ceil(x));
        assertFloats(new float[] {0, 2, 2, -2, -0f, 4}, tf.round(tf.constant(new float[] {0.5f, 1.5f, 2.5f, -1.5f, -0.5f, 3.5f})));
        Tensor ints = tf.constant(new int[] {1, -2});
        assertSame(ints, tf.round(ints));
    }

    @Test
    void clipByValueGE17() {
        List<Double> x = List.of(0.9, -0.8, 100.0, -20.0, 0.7);
        assertFloats(new float[] {0.9f, -0.8f, 1, -1, 0.7f}, tf.clipByValue(x, -1, 1));
        assertFloats(new float[] {1e-7f, 0.5f, 1 - 1e-7f},
                tf.clipByValue(tf.constant(new float[] {0, 0.5f, 1}), 1e-7, 1.0 - 1e-7));
        assertArrayEquals(new float[] {0, 2, 2, 0}, tf.clipByValue(new float[][] {{-1, 5}, {3, -2}}, 0f, new float[] {2, 2}).toFloatArray(), 0f);
    }

    @Test
    void clipByNormMultipliesBeforeDividingGE18() {
        Tensor x = tf.constant(List.of(0.9, -0.8, 100.0, -20.0, 0.7));
        assertFloats(new float[] {0.0264732055f, -0.0235317405f, 2.94146752f, -0.588293493f, 0.0205902718f}, tf.clipByNorm(x, 3));
        assertFloats(new float[] {0.6f, 0.8f}, tf.clipByNorm(new float[] {0.6f, 0.8f}, 3));
        assertFloats(new float[] {0, 0}, tf.clipByNorm(new float[] {0, 0}, 1));
        // per row along axis 1: [3,4] has norm 5 and scales to norm 1; [0.3,0.4] stays
        assertArrayEquals(new float[] {0.6f, 0.8f, 0.3f, 0.4f},
                tf.clipByNorm(new float[][] {{3, 4}, {0.3f, 0.4f}}, 1, 1).toFloatArray(), 1e-7f);
    }

    @Test
    void unaryFunctionsOnFloats() {
        Tensor x = tf.constant(new float[] {-2, -0.5f, 0, 0.5f, 2});
        assertFloats(new float[] {2, 0.5f, 0, 0.5f, 2}, tf.abs(x));
        assertFloats(new float[] {2, 0.5f, -0f, -0.5f, -2}, x.neg());
        assertFloats(new float[] {-1, -1, 0, 1, 1}, tf.sign(x));
        assertFloats(new float[] {4, 0.25f, 0, 0.25f, 4}, tf.square(x));
        assertFloats(new float[] {-0.5f, -2, Float.POSITIVE_INFINITY, 2, 0.5f}, tf.reciprocal(x));
        double[] v = {-2, -0.5, 0, 0.5, 2};
        float[] exp = new float[5], sig = new float[5], tanh = new float[5], softplus = new float[5], sin = new float[5];
        for (int i = 0; i < 5; i++) {
            exp[i] = (float) Math.exp(v[i]);
            sig[i] = (float) (1 / (1 + Math.exp(-v[i])));
            tanh[i] = (float) Math.tanh(v[i]);
            softplus[i] = (float) Math.log(1 + Math.exp(v[i]));
            sin[i] = (float) Math.sin(v[i]);
        }
        assertArrayEquals(exp, tf.exp(x).toFloatArray(), 1e-6f);
        assertArrayEquals(sig, tf.sigmoid(x).toFloatArray(), 1e-7f);
        assertArrayEquals(sig, tf.math.sigmoid(x).toFloatArray(), 1e-7f);
        assertArrayEquals(tanh, tf.tanh(x).toFloatArray(), 1e-7f);
        assertArrayEquals(softplus, tf.softplus(x).toFloatArray(), 1e-7f);
        assertArrayEquals(sin, tf.sin(x).toFloatArray(), 0f);
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, Float.NEGATIVE_INFINITY, (float) Math.log(0.5), (float) Math.log(2)},
                tf.log(x).toFloatArray(), 0f);
    }

    @Test
    void specialFunctionsMatchReferenceValues() {
        Tensor x = tf.constant(new double[] {-1, 0, 0.5, 1, 3});
        assertArrayEquals(new double[] {-0.8427007929497149, 0, 0.5204998778130465, 0.8427007929497149, 0.9999779095030014},
                tf.erf(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1.8427007929497148, 1, 0.4795001221869535, 0.15729920705028513, 2.209049699858544e-05},
                tf.erfc(x).toDoubleArray(), 1e-16);
        assertEquals(2.209049699858544e-05, tf.erfc(3.0).floatValue(), 1e-11);
        Tensor edges = tf.constant(new double[] {0.6, 2.4, 2.6, 10});
        assertArrayEquals(new double[] {0.6038560908479259, 0.999311486103355, 0.9997639655834707, 1}, tf.erf(edges).toDoubleArray(), 1e-15);
        double[] erfc = tf.erfc(edges).toDoubleArray();
        double[] expected = {0.3961439091520741, 6.885138966450786e-04, 2.360344165293492e-04, 2.088487583762545e-45};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], erfc[i], expected[i] * 1e-13);
        assertArrayEquals(new double[] {-0.881373587019543, 0, 0.48121182505960347, 0.881373587019543, 1.8184464592320668},
                tf.asinh(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 0, 1.762747174039086},
                tf.acosh(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0, 0.5493061443340549, Double.POSITIVE_INFINITY, Double.NaN},
                tf.atanh(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.expm1(-1), 0, Math.expm1(0.5), Math.expm1(1), Math.expm1(3)},
                tf.expm1(x).toDoubleArray(), 0);
        assertArrayEquals(new double[] {Math.atan2(1, -1), Math.atan2(-1, -1)}, tf.atan2(new double[] {1, -1}, new double[] {-1, -1}).toDoubleArray(), 0);
    }

    @Test
    void integerArithmeticWrapsAsInCpp() {
        Tensor i8 = tf.constant(new byte[] {100, -128, 127});
        assertArrayEquals(new int[] {-56, 0, -2}, i8.add(i8).toIntArray());
        assertEquals(DType.INT8, i8.add(i8).dtype());
        assertArrayEquals(new int[] {-100, -128, -127}, i8.neg().toIntArray());
        assertArrayEquals(new int[] {100, -128, 127}, tf.abs(i8).toIntArray());
        Tensor u8 = tf.constant(new int[] {250, 3, 0}, DType.UINT8);
        assertArrayEquals(new int[] {4, 13, 10}, u8.add(10).toIntArray());
        assertArrayEquals(new int[] {247, 0, 253}, u8.sub(3).toIntArray());
        assertArrayEquals(new int[] {250, 3, 3}, tf.maximum(u8, 3).toIntArray());
        assertArrayEquals(new int[] {36, 9, 0}, tf.square(u8).toIntArray());
        Tensor i32 = tf.constant(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -5});
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -4}, i32.add(new int[] {1, -1, 1}).toIntArray());
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 5}, tf.abs(i32).toIntArray());
        assertArrayEquals(new int[] {1, -1, -1}, tf.sign(i32).toIntArray());
        assertArrayEquals(new long[] {1L << 40, 25}, tf.square(tf.constant(new long[] {1L << 20, -5})).toLongArray());
        assertArrayEquals(new long[] {4, 0}, tf.squaredDifference(new long[] {3, 7}, new long[] {5, 7}).toLongArray());
        assertArrayEquals(new int[] {1024, 0}, tf.pow(new int[] {2, 2}, new int[] {10, 32}).toIntArray());
    }

    @Test
    void powFollowsCForOneAndMinusOneBases() { // found by jflow-conformance: Java's Math.pow gives NaN here
        float inf = Float.POSITIVE_INFINITY;
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, tf.pow(new float[] {1, 1, 1, -1, -1}, new float[] {Float.NaN, inf, -inf, inf, -inf}).toFloatArray());
        assertArrayEquals(new double[] {1, Double.NaN}, tf.pow(new double[] {1, -1}, new double[] {Double.NaN, Double.NaN}).toDoubleArray());
    }

    @Test
    void halfPrecisionComputesThroughFloat32() {
        Tensor h = tf.cast(new float[] {1, 2.5f, 65504}, DType.FLOAT16);
        Tensor sum = h.add(h);
        assertEquals(DType.FLOAT16, sum.dtype());
        assertArrayEquals(new float[] {2, 5, Float.POSITIVE_INFINITY}, sum.toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 1.5810547f, 255.875f}, tf.sqrt(h).toFloatArray(), 0f);
        Tensor bf = tf.cast(new float[] {1, 3}, DType.BFLOAT16);
        assertEquals(DType.BFLOAT16, tf.exp(bf).dtype());
        assertArrayEquals(new float[] {2.71875f, 20.125f}, tf.exp(bf).toFloatArray(), 0f);
    }

    @Test
    void nanAndInfinityPropagate() {
        Tensor x = tf.constant(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1});
        assertArrayEquals(new boolean[] {true, false, false, false}, tf.isNan(x).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true, false}, tf.isInf(x).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false, true}, tf.isFinite(x).toBooleanArray());
        assertEquals(DType.BOOL, tf.isNan(x).dtype());
        assertFloats(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NaN, 1}, tf.maximum(x, tf.constant(new float[] {0, 0, Float.NaN, 0})));
        // sigmoid(1): Eigen's logistic packet formula, TF 2.21's value inside whole packets (TF's scalar tail
        // of a tensor this short gives the correctly rounded 0.7310586; JFlow's padded tail takes the packet formula)
        assertFloats(new float[] {Float.NaN, 1, 0, 0.73105854f}, tf.sigmoid(x));
        assertFloats(new float[] {Float.NaN, 0, 0, 0}, tf.sign(x).mul(0));
        assertFloats(new float[] {Float.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY},
                tf.divide(new float[] {1, 0, -1}, new float[] {0, 0, 0}));
        assertFloats(new float[] {0, 0, 2}, tf.divNoNan(new float[] {1, 0, 4}, new float[] {0, 0, 2}));
        assertFloats(new float[] {0, Float.POSITIVE_INFINITY}, tf.math.xdivy(new float[] {0, 1}, new float[] {0, 0}));
    }

    @Test
    void trueDivisionCastsIntegersLikeTf() {
        Tensor q = tf.constant(new int[] {1, -7}).div(2);
        assertEquals(DType.FLOAT64, q.dtype());
        assertArrayEquals(new double[] {0.5, -3.5}, q.toDoubleArray(), 0);
        assertEquals(DType.FLOAT64, tf.divide(tf.constant(new long[] {1}), 2L).dtype());
        assertEquals(DType.FLOAT32, tf.truediv(tf.constant(new short[] {1}), tf.constant(new short[] {4})).dtype());
        assertEquals(0.25f, tf.truediv(tf.constant(new byte[] {1}), tf.constant(new byte[] {4})).toFloatArray()[0]);
        assertEquals(DType.FLOAT64, tf.divide(1, 2).dtype());
    }

    @Test
    void literalsTakeTheTensorsDType() {
        Tensor d = tf.constant(new double[] {1, 2});
        assertEquals(DType.FLOAT64, d.mul(3).dtype());
        assertEquals(DType.FLOAT64, tf.subtract(1, d).dtype());
        assertArrayEquals(new double[] {0, -1}, tf.subtract(1, d).toDoubleArray(), 0);
        assertArrayEquals(new float[] {2, 4}, tf.scalarMul(2, tf.constant(new float[] {1, 2})).toFloatArray(), 0f);
    }

    @Test
    void variablesTakePartWithTheirCurrentValue() {
        Variable v = tf.Variable(new float[] {1, 2});
        assertFloats(new float[] {2, 4}, v.mul(2));
        v.assign(new float[] {3, 4});
        assertFloats(new float[] {4, 5}, v.add(1));
        assertFloats(new float[] {9, 16}, tf.square(v));
    }

    @Test
    void stringsConcatenateUnderAdd() {
        Tensor s = tf.constant(new String[] {"hello", "good"});
        assertArrayEquals(new String[] {"hello world", "good world"}, s.add(" world").toStringArray());
        assertArrayEquals(new String[] {"ab"}, tf.add(new String[] {"a"}, "b").toStringArray());
    }

    @Test
    void everyOpIsRegisteredUnderItsTfName() {
        for (String name : List.of("AddV2", "Add", "Sub", "Mul", "RealDiv", "Div", "FloorDiv", "FloorMod", "Pow", "Maximum", "Minimum",
                "SquaredDifference", "Atan2", "DivNoNan", "Xdivy", "Abs", "Neg", "Sign", "Square", "Sqrt", "Rsqrt", "Exp", "Expm1", "Log",
                "Log1p", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh", "Sigmoid",
                "Softplus", "Erf", "Erfc", "Floor", "Ceil", "Round", "Reciprocal", "IsNan", "IsInf", "IsFinite", "LogicalNot",
                "LogicalAnd", "LogicalOr", "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "AddN", "Cast",
                "TruncateDiv", "TruncateMod", "MulNoNan", "Rint")) {
            assertNotNull(org.jflow.engine.OpRegistry.get(name), name);
            assertEquals(name, org.jflow.engine.OpRegistry.get(name).name());
        }
    }

    @Test
    void emptyTensorsStayEmpty() {
        Tensor e = Tensor.wrap(DType.FLOAT32, Shape.of(0, 3), new float[0]);
        assertEquals(Shape.of(0, 3), e.add(1f).shape());
        assertEquals(Shape.of(0, 3), e.add(new float[] {1, 2, 3}).shape());
        assertEquals(Shape.of(0, 3), tf.exp(e).shape());
        assertEquals(0, tf.greater(e, 0f).size());
    }

    @Test
    void truncatingDivisionAndTheNoNanVariants() {
        assertArrayEquals(new int[] {-1, -1, 2, -1}, tf.truncatediv(new int[] {-3, -7, 7, 7}, new int[] {2, 4, 3, -4}).toIntArray());
        assertArrayEquals(new int[] {-1, -3, 1, 3}, tf.truncatemod(new int[] {-3, -7, 7, 7}, new int[] {2, 4, 3, -4}).toIntArray());
        assertArrayEquals(new float[] {-1.5f, 1.5f}, tf.truncatemod(new float[] {-3.5f, 3.5f}, 2f).toFloatArray(), 0f);
        assertArrayEquals(new float[] {-1, 1}, tf.truncatediv(new float[] {-3.5f, 3.5f}, 2f).toFloatArray(), 0f);
        assertArrayEquals(new float[] {0, 6}, tf.math.multiplyNoNan(new float[] {Float.NaN, 2}, new float[] {0, 3}).toFloatArray(), 0f);
        assertArrayEquals(new float[] {0, 2, -2}, tf.math.rint(new float[] {0.5f, 1.5f, -2.5f}).toFloatArray(), 0f);
        float[] ls = tf.math.logSigmoid(new float[] {0, -100, 100}).toFloatArray();
        assertArrayEquals(new float[] {(float) Math.log(0.5), -100, 0}, ls, 1e-7f);
    }
}
