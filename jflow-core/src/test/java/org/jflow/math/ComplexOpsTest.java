package org.jflow.math;

import org.jflow.Complex;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.OpError;
import org.jflow.errors.TypeError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class ComplexOpsTest {
    private static final Tensor Z = tf.complex(new float[] {3, -1, 0}, new float[] {4, 1, -2});

    /** Special values as TF 2.18 gives them on tensors (C's cexp and csqrt, Eigen's vectorized division, rsqrt and sign). */
    @Test
    void specialValuesAsTf() {
        double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
        Tensor z = tf.complex(new double[] {inf, 1e10, -inf, inf, nan}, new double[] {0, 0, nan, inf, 0});
        assertArrayEquals(new double[] {inf, inf, 0, inf, nan}, tf.math.real(tf.exp(z)).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0, nan, 0}, tf.math.imag(tf.exp(z)).toDoubleArray());
        Tensor s = tf.sqrt(tf.complex(new double[] {1, nan, -1}, new double[] {inf, -inf, 4}));
        assertArrayEquals(new double[] {inf, inf, 1.2496210676876531}, tf.math.real(s).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {inf, -inf, 1.600485180440241}, tf.math.imag(s).toDoubleArray(), 1e-15);
        // the divisor is scaled by its larger part: an infinite or zero one gives NaN parts
        Tensor q = tf.divide(tf.complex(new double[] {1, 1, 3}, new double[] {0, 0, 4}), tf.complex(new double[] {inf, 0, 1}, new double[] {0, 0, -2}));
        assertArrayEquals(new double[] {nan, nan, -1}, tf.math.real(q).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {nan, nan, 2}, tf.math.imag(q).toDoubleArray(), 1e-15);
        Tensor r = tf.rsqrt(tf.complex(new double[] {0, 1, inf}, new double[] {0, inf, nan}));
        assertArrayEquals(new double[] {inf, 0, 0}, tf.math.real(r).toDoubleArray());
        assertArrayEquals(new double[] {nan, 0, 0}, tf.math.imag(r).toDoubleArray());
        Tensor sign = tf.sign(tf.complex(new double[] {-2.5, 0, inf, 3}, new double[] {nan, nan, 1, 4}));
        assertArrayEquals(new double[] {-Math.sqrt(0.5), 0, nan, 0.6}, tf.math.real(sign).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {nan, nan, 0, 0.8}, tf.math.imag(sign).toDoubleArray(), 1e-15);
    }

    @Test
    void complexFromParts() {
        assertEquals(DType.COMPLEX64, Z.dtype());
        assertEquals(Shape.of(3), Z.shape());
        assertEquals(new Complex(-1, 1), Z.element(1));
        Tensor d = tf.complex(new double[] {1.5}, new double[] {-2});
        assertEquals(DType.COMPLEX128, d.dtype());
        assertEquals(new Complex(1.5, -2), d.element(0));
    }

    @Test
    void complexBroadcastsItsParts() {
        Tensor z = tf.complex(new float[][] {{1}, {2}}, new float[] {10, 20, 30});
        assertEquals(Shape.of(2, 3), z.shape());
        assertEquals(new Complex(2, 30), z.element(5));
        assertEquals(new Complex(1, 20), z.element(1));
    }

    @Test
    void complexRefusesMixedOrIntegerParts() {
        TypeError mixed = assertThrows(TypeError.class, () -> tf.complex(new float[] {1}, new double[] {1}));
        assertEquals("The `real` and `imag` components have incorrect types: float32 float64. They must be consistent,"
                + " and one of [tf.float32, tf.float64]", mixed.getMessage());
        assertThrows(TypeError.class, () -> tf.complex(new int[] {1}, new int[] {2}));
    }

    @Test
    void partsModulusAndArgument() {
        assertArrayEquals(new float[] {3, -1, 0}, tf.math.real(Z).toFloatArray());
        assertArrayEquals(new float[] {4, 1, -2}, tf.math.imag(Z).toFloatArray());
        Tensor abs = tf.abs(Z);
        assertEquals(DType.FLOAT32, abs.dtype());
        assertArrayEquals(new float[] {5, (float) Math.sqrt(2), 2}, abs.toFloatArray());
        assertArrayEquals(new float[] {(float) Math.atan2(4, 3), (float) (3 * Math.PI / 4), (float) (-Math.PI / 2)},
                tf.math.angle(Z).toFloatArray());
        Tensor conj = tf.math.conj(Z);
        assertEquals(DType.COMPLEX64, conj.dtype());
        assertArrayEquals(new float[] {-4, -1, 2}, tf.math.imag(conj).toFloatArray());
        assertArrayEquals(new float[] {3, -1, 0}, tf.math.real(conj).toFloatArray());
    }

    @Test
    void partFunctionsOfRealTensors() {
        float[] x = {-2, 0, 3};
        assertArrayEquals(x, tf.math.real(x).toFloatArray());
        assertArrayEquals(new float[3], tf.math.imag(x).toFloatArray());
        assertArrayEquals(x, tf.math.conj(x).toFloatArray());
        assertArrayEquals(new float[] {(float) Math.PI, 0, 0}, tf.math.angle(x).toFloatArray());
    }

    @Test
    void complex128KeepsDoubleParts() {
        Tensor z = tf.complex(new double[] {0.1}, new double[] {1e-300});
        assertEquals(DType.FLOAT64, tf.math.imag(z).dtype());
        assertEquals(1e-300, tf.math.imag(z).toDoubleArray()[0]);
        assertEquals(0.1, tf.abs(z).toDoubleArray()[0]);
    }

    /** As TF's Cast: real to complex gets a zero imaginary part, complex to real keeps the real part. */
    @Test
    void casts() {
        Tensor c = tf.cast(new int[] {1, -2}, DType.COMPLEX64);
        assertEquals(new Complex(-2, 0), c.element(1));
        assertArrayEquals(new int[] {3, -1, 0}, tf.cast(Z, DType.INT32).toIntArray());
        Tensor wide = tf.cast(Z, DType.COMPLEX128);
        assertEquals(new Complex(0, -2), wide.element(2));
        assertArrayEquals(new double[] {3, -1, 0}, tf.cast(Z, DType.FLOAT64).toDoubleArray());
        Tensor fromConstant = tf.constant(new double[] {1.5, 2}, DType.COMPLEX128);
        assertEquals(new Complex(1.5, 0), fromConstant.element(0));
    }

    /** Java Complex values convert as Python complex numbers do: complex128 unless a dtype is given. */
    @Test
    void constantsFromComplexValues() {
        Tensor c = tf.constant(new Complex[] {new Complex(1, 2), new Complex(-0.5, 0)});
        assertEquals(DType.COMPLEX128, c.dtype());
        assertEquals(new Complex(-0.5, 0), c.element(1));
        Tensor f = tf.constant(List.of(new Complex(1, 2), 3), DType.COMPLEX64);
        assertEquals(new Complex(3, 0), f.element(1));
        assertThrows(TypeError.class, () -> tf.constant(new Complex[] {new Complex(1, 2)}, DType.FLOAT32));
        // Packing complex rows and scalars slices whole elements.
        Tensor packed = tf.constant(List.of(Z, Z));
        assertEquals(Shape.of(2, 3), packed.shape());
        assertEquals(new Complex(0, -2), packed.element(5));
    }

    @Test
    void sumAndMean() {
        Tensor m = tf.reshape(tf.complex(new float[] {1, 2, 3, 4}, new float[] {-1, 0, 2, 5}), 2, 2);
        assertEquals(new Complex(10, 6), tf.reduceSum(m).element(0));
        assertEquals(List.of(new Complex(4, 1), new Complex(6, 5)), elements(tf.reduceSum(m, 0), 2));
        assertEquals(List.of(new Complex(1.5, -0.5), new Complex(3.5, 3.5)), elements(tf.reduceMean(m, 1), 2));
        assertEquals(Shape.of(2, 1), tf.reduceSum(m, 1, true).shape());
        assertEquals(DType.COMPLEX64, tf.reduceSum(m).dtype());
        // An element counts when either part is non-zero.
        assertEquals(2L, tf.countNonzero(tf.complex(new float[] {0, 0, 1}, new float[] {0, 2, 0})).longValue());
    }

    /** TF's gradients through complex numbers: d|x+iy|/dx = x/|z|, d angle/dx = -y/|z|^2, real and imag pass through. */
    @Test
    void gradients() {
        Tensor x = tf.constant(new float[] {3, 0}), y = tf.constant(new float[] {4, 1});
        java.util.List<Tensor> abs, angle, parts;
        try (var tape = tf.GradientTape(o -> o.persistent(true))) {
            tape.watch(List.of(x, y));
            Tensor z = tf.complex(x, y);
            abs = tape.gradient(tf.reduceSum(tf.abs(z)), List.of(x, y));
            angle = tape.gradient(tf.reduceSum(tf.math.angle(z)), List.of(x, y));
            Tensor w = tf.math.conj(z);
            parts = tape.gradient(tf.add(tf.multiply(tf.math.real(w), 2f), tf.math.imag(w)), List.of(x, y));
        }
        assertArrayEquals(new float[] {0.6f, 0}, abs.get(0).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.8f, 1}, abs.get(1).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.16f, -1}, angle.get(0).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.12f, 0}, angle.get(1).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {2, 2}, parts.get(0).toFloatArray());
        assertArrayEquals(new float[] {-1, -1}, parts.get(1).toFloatArray());
    }

    /** Products and exp conjugate as TF's gradients do: d real(z w)/dy = -Im w, d real(exp z)/dy = -e^x sin y. */
    @Test
    void gradientsConjugate() {
        Tensor x = tf.constant(new double[] {0.5}), y = tf.constant(new double[] {2});
        Tensor w = tf.complex(new double[] {3}, new double[] {4});
        java.util.List<Tensor> product, exp, quotient;
        try (var tape = tf.GradientTape(o -> o.persistent(true))) {
            tape.watch(List.of(x, y));
            Tensor z = tf.complex(x, y);
            product = tape.gradient(tf.math.real(tf.multiply(z, w)), List.of(x, y));
            exp = tape.gradient(tf.math.real(tf.exp(z)), List.of(x, y));
            quotient = tape.gradient(tf.math.imag(tf.divide(w, z)), List.of(x, y));
        }
        assertEquals(3, product.get(0).doubleValue(), 1e-12);
        assertEquals(-4, product.get(1).doubleValue(), 1e-12);
        assertEquals(Math.exp(0.5) * Math.cos(2), exp.get(0).doubleValue(), 1e-12);
        assertEquals(-Math.exp(0.5) * Math.sin(2), exp.get(1).doubleValue(), 1e-12);
        // imag(w / z) = (4x - 3y) / (x^2 + y^2): its partial derivatives by hand.
        double r2 = 0.5 * 0.5 + 4, num = 4 * 0.5 - 3 * 2;
        assertEquals(4 / r2 - num * 2 * 0.5 / (r2 * r2), quotient.get(0).doubleValue(), 1e-12);
        assertEquals(-3 / r2 - num * 2 * 2 / (r2 * r2), quotient.get(1).doubleValue(), 1e-12);
    }

    @Test
    void equality() {
        Tensor w = tf.complex(new float[] {3, -1, 0}, new float[] {4, 2, -2});
        assertArrayEquals(new boolean[] {true, false, true}, tf.equal(Z, w).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false}, tf.notEqual(Z, w).toBooleanArray());
    }

    @Test
    void arithmetic() {
        Tensor a = tf.complex(new float[] {1, 3}, new float[] {2, -1});
        Tensor b = tf.complex(new float[] {3, 0}, new float[] {-4, 2});
        assertEquals(List.of(new Complex(4, -2), new Complex(3, 1)), elements(tf.add(a, b), 2));
        assertEquals(List.of(new Complex(-2, 6), new Complex(3, -3)), elements(tf.subtract(a, b), 2));
        // (1+2i)(3-4i) = 11+2i; (3-i)(2i) = 2+6i
        assertEquals(List.of(new Complex(11, 2), new Complex(2, 6)), elements(tf.multiply(a, b), 2));
        // (1+2i)/(3-4i) = (-5+10i)/25; (3-i)/(2i) = -0.5-1.5i
        assertEquals(List.of(new Complex((float) -0.2, (float) 0.4), new Complex(-0.5, -1.5)), elements(tf.divide(a, b), 2));
        // Broadcasting, and complex128.
        Tensor col = tf.complex(new double[][] {{1}, {2}}, new double[][] {{0}, {1}});
        Tensor row = tf.complex(new double[] {0, 1}, new double[] {1, 0});
        Tensor sum = tf.add(col, row);
        assertEquals(Shape.of(2, 2), sum.shape());
        assertEquals(List.of(new Complex(1, 1), new Complex(2, 0), new Complex(2, 2), new Complex(3, 1)), elements(sum, 4));
        assertEquals(new Complex(2, 0), tf.multiply(tf.complex(new double[] {1}, new double[] {1}), tf.complex(new double[] {1}, new double[] {-1})).element(0));
    }

    @Test
    void functionsOfOneComplexNumber() {
        Tensor z = tf.complex(new double[] {0, -4, 1, 0, 3}, new double[] {Math.PI, 0, 2, 2, 4});
        assertClose(List.of(new Complex(-1, 0), new Complex(Math.exp(-4), 0)), elements(tf.exp(z), 2));
        assertClose(List.of(new Complex(0, 2)), elements(tf.sqrt(z), 2).subList(1, 2));
        assertClose(List.of(new Complex(-3, 4)), elements(tf.square(z), 3).subList(2, 3));
        assertClose(List.of(new Complex(Math.log(4), Math.PI)), elements(tf.math.log(z), 2).subList(1, 2));
        assertClose(List.of(new Complex(0, -0.5)), elements(tf.math.reciprocal(z), 4).subList(3, 4));
        assertClose(List.of(new Complex(0.6, 0.8)), elements(tf.sign(z), 5).subList(4, 5));
        assertClose(List.of(new Complex(-1, -2)), elements(tf.negative(z), 3).subList(2, 3));
        assertClose(List.of(new Complex(0, -0.5)), elements(tf.math.rsqrt(z), 2).subList(1, 2));
        assertEquals(DType.COMPLEX128, tf.exp(z).dtype());
    }

    private static void assertClose(List<Complex> expected, List<Complex> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).real(), actual.get(i).real(), 1e-12, "real part " + i + " of " + actual);
            assertEquals(expected.get(i).imag(), actual.get(i).imag(), 1e-12, "imaginary part " + i + " of " + actual);
        }
    }

    /** Ops without complex kernels refuse complex input in their shape rule, never misreading the interleaved buffer. */
    @Test
    void opsWithoutComplexKernelsRefuseIt() {
        refuses("FloorDiv", z -> tf.floordiv(z, z));
        refuses("Maximum", z -> tf.maximum(z, z));
        refuses("Prod", z -> tf.reduceProd(z));
        refuses("Sin", z -> tf.sin(z));
        refuses("Less", z -> tf.less(z, z));
        refuses("Unique", z -> tf.unique(z).y());
        refuses("DepthToSpace", z -> tf.nn.depthToSpace(tf.reshape(tf.concat(List.of(z, z, z, z), 0), 1, 1, 3, 4), 2));
        Tensor m = tf.reshape(tf.complex(new float[] {1, 2, 3, 4}, new float[] {0, 0, 0, 0}), 2, 2);
        OpError einsum = assertThrows(OpError.class, () -> tf.einsum("ij,jk->ik", m, m));
        assertEquals("JFlow has no complex64 kernel for Einsum yet [Op:Einsum]", einsum.getMessage());
        assertThrows(OpError.class, () -> tf.linalg.inv(m));
        assertThrows(OpError.class, () -> tf.nn.relu(Z));
        OpError floor = assertThrows(OpError.class, () -> tf.floor(Z));
        assertTrue(floor.getMessage().startsWith("Value for attr 'T' of complex64 is not in the list of allowed values: bfloat16, half, float, double"),
                floor.getMessage());
    }

    /** The array ops move whole complex elements (they run on the real and imaginary parts separately). */
    @Test
    void layoutOpsMoveWholeElements() {
        Tensor m = tf.reshape(tf.complex(new float[] {1, 2, 3, 4, 5, 6}, new float[] {-1, -2, -3, -4, -5, -6}), 2, 3);
        assertEquals(new Complex(6, -6), m.element(5));
        assertEquals(List.of(new Complex(1, -1), new Complex(4, -4), new Complex(2, -2), new Complex(5, -5)),
                elements(tf.transpose(m), 4));
        assertEquals(List.of(new Complex(2, -2), new Complex(3, -3), new Complex(5, -5), new Complex(6, -6)),
                elements(tf.slice(m, new int[] {0, 1}, new int[] {2, 2}), 4));
        assertEquals(List.of(new Complex(3, -3), new Complex(1, -1)), elements(tf.gather(m, new int[] {2, 0}, 1), 2));
        assertEquals(List.of(new Complex(1, -1), new Complex(2, -2), new Complex(3, -3), new Complex(1, -1)),
                elements(tf.concat(List.of(m, m), 1), 4));
        assertEquals(List.of(new Complex(0, 0), new Complex(1, -1)), elements(tf.pad(m, new int[][] {{0, 0}, {1, 0}}), 2));
        assertEquals(new Complex(1, 0), tf.onesLike(m).element(3));
        assertEquals(new Complex(4, -4), tf.stack(List.of(m, m), 1).element(6));
        Tensor picked = tf.where(new boolean[][] {{true, false, true}, {false, true, false}}, m, tf.zerosLike(m));
        assertEquals(List.of(new Complex(1, -1), new Complex(0, 0), new Complex(3, -3)), elements(picked, 3));
        // A complex element is "true" when either part is non-zero.
        Tensor nz = tf.where(tf.complex(new float[] {0, 0, 1}, new float[] {0, 2, 0}));
        assertArrayEquals(new long[] {1, 2}, nz.toLongArray());
    }

    private static List<Complex> elements(Tensor t, int n) {
        List<Complex> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) out.add((Complex) t.element(i));
        return out;
    }

    private static void refuses(String op, Function<Tensor, Tensor> f) {
        OpError e = assertThrows(OpError.class, () -> f.apply(Z));
        assertTrue(e.getMessage().endsWith("[Op:" + op + "]"), e.getMessage());
    }
}
