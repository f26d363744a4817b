package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class MatmulTest {
    /** Row-major m x n random matrix (or its k x m storage when the test asks for a transposed operand). */
    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    /** The naive triple loop, in double, on logical (already transposed) indices. */
    private static double[] naive(float[] a, float[] b, int m, int n, int k, boolean ta, boolean tb) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static Tensor matrix(float[] data, int rows, int cols) {
        return Tensor.wrap(DType.FLOAT32, Shape.of(rows, cols), data.clone());
    }

    @Test
    void goldenIntegerMatmul() { // G-L1
        Tensor c = tf.matmul(new int[][] {{1, 2}, {3, 4}}, new int[][] {{2, 0}, {0, 2}});
        assertEquals(DType.INT32, c.dtype());
        assertEquals(Shape.of(2, 2), c.shape());
        assertArrayEquals(new int[] {2, 4, 6, 8}, c.toIntArray());
    }

    @Test
    void batchMatMulHasTfsCpuKernelsInt16AndFloat16ButV3HasNoFloat16() {
        Tensor a = tf.cast(tf.constant(new int[][][] {{{300, 2}, {3, 4}}}), DType.INT16);
        Tensor c = tf.matmul(a, a); // 300 * 300 + 2 * 3 = 90006 wraps to 24470 in int16, as C++
        assertEquals(DType.INT16, c.dtype());
        assertArrayEquals(new long[] {24470, 608, 912, 22}, tf.cast(c, DType.INT64).toLongArray());
        // tf.matmul of batches runs BatchMatMulV2, which has a float16 kernel; V3 has none
        Tensor small = tf.cast(tf.constant(new int[][][] {{{1, 2}, {3, 4}}}), DType.FLOAT16);
        Tensor half = tf.matmul(small, small);
        Tensor single = tf.cast(small, DType.FLOAT32);
        assertArrayEquals(tf.matmul(single, single).toFloatArray(), half.toFloatArray());
        assertThrows(NotFoundError.class, () -> org.jflow.engine.Dispatcher.execute1(MatrixMultiply.BATCH_MAT_MUL_V3,
                org.jflow.engine.Attrs.of("adj_x", false, "adj_y", false), small, small));
        assertEquals(DType.FLOAT16, tf.matmul(tf.reshape(tf.cast(a, DType.FLOAT16), 2, 2), tf.reshape(tf.cast(a, DType.FLOAT16), 2, 2)).dtype());
    }

    @Test
    void matchesNaiveLoopOnOddSizesAndTransposes() {
        Random r = new Random(42);
        int[] sizes = {1, 3, 17, 65, 257};
        for (int m : sizes) {
            for (int n : sizes) {
                for (int k : new int[] {1, 17, 257}) {
                    boolean ta = (m + n + k) % 2 == 0, tb = (m * 3 + n + k) % 3 == 0;
                    float[] a = random(r, m * k), b = random(r, k * n);
                    Tensor ta_ = ta ? matrix(a, k, m) : matrix(a, m, k);
                    Tensor tb_ = tb ? matrix(b, n, k) : matrix(b, k, n);
                    Tensor c = tf.matmul(ta_, tb_, o -> o.transposeA(ta).transposeB(tb));
                    assertEquals(Shape.of(m, n), c.shape());
                    double[] want = naive(a, b, m, n, k, ta, tb);
                    float[] got = c.toFloatArray();
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], got[i], 1e-4 * Math.sqrt(k) + 1e-5, "m=" + m + " n=" + n + " k=" + k + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void largeProductUsesBothThreadsAndStaysExact() {
        Random r = new Random(7);
        int m = 300, n = 211, k = 530;
        float[] a = random(r, m * k), b = random(r, k * n);
        float[] got = tf.matmul(matrix(a, m, k), matrix(b, n, k), o -> o.adjointB(true)).toFloatArray();
        double[] want = naive(a, b, m, n, k, false, true);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-3);
    }

    @Test
    void wideProductSpansSeveralPackedPanels() {
        Random r = new Random(9);
        int m = 7, n = 4100, k = 3;
        float[] a = random(r, m * k), b = random(r, k * n);
        float[] got = tf.matmul(matrix(a, k, m), matrix(b, k, n), o -> o.transposeA(true)).toFloatArray();
        double[] want = naive(a, b, m, n, k, true, false);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-5);
    }

    @Test
    void float64AndInt64() {
        Tensor d = tf.matmul(new double[][] {{1, 2, 3}}, new double[][] {{4}, {5}, {6}});
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new double[] {32}, d.toDoubleArray());
        Tensor l = tf.matmul(new long[][] {{1L << 40, 1}}, new long[][] {{2}, {3}});
        assertEquals(DType.INT64, l.dtype());
        assertArrayEquals(new long[] {(1L << 41) + 3}, l.toLongArray());
        Random r = new Random(3);
        double[] a = new double[70 * 90], b = new double[90 * 33];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        double[] got = tf.matmul(Tensor.wrap(DType.FLOAT64, Shape.of(70, 90), a), Tensor.wrap(DType.FLOAT64, Shape.of(90, 33), b)).toDoubleArray();
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 33; j++) {
                double s = 0;
                for (int p = 0; p < 90; p++) s += a[i * 90 + p] * b[p * 33 + j];
                assertEquals(s, got[i * 33 + j], 1e-12);
            }
        }
    }

    @Test
    void halfPrecisionComputesThroughFloat() {
        Tensor a = tf.constant(new float[][] {{1, 2}, {3, 4}}).value();
        Tensor h = Tensor.wrap(DType.FLOAT16, a.shape(), org.jflow.engine.Buffers.convert(a.data(), DType.FLOAT32, DType.FLOAT16));
        Tensor c = tf.matmul(h, h);
        assertEquals(DType.FLOAT16, c.dtype());
        assertArrayEquals(new float[] {7, 10, 15, 22}, c.toFloatArray());
    }

    @Test
    void batchDimsBroadcast() {
        Random r = new Random(5);
        float[] a = random(r, 2 * 1 * 4 * 3), b = random(r, 5 * 3 * 2);
        Tensor ta = Tensor.wrap(DType.FLOAT32, Shape.of(2, 1, 4, 3), a.clone());
        Tensor tb = Tensor.wrap(DType.FLOAT32, Shape.of(5, 3, 2), b.clone());
        Tensor c = tf.matmul(ta, tb);
        assertEquals(Shape.of(2, 5, 4, 2), c.shape());
        float[] got = c.toFloatArray();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                float[] ai = java.util.Arrays.copyOfRange(a, i * 12, i * 12 + 12), bj = java.util.Arrays.copyOfRange(b, j * 6, j * 6 + 6);
                double[] want = naive(ai, bj, 4, 2, 3, false, false);
                for (int e = 0; e < 8; e++) assertEquals(want[e], got[(i * 5 + j) * 8 + e], 1e-5);
            }
        }
        // a plain matrix broadcasts against a batch, transposed in the batch op as well
        Tensor d = tf.matmul(Tensor.wrap(DType.FLOAT32, Shape.of(3, 2), new float[] {1, 0, 0, 1, 1, 1}), tb, o -> o.transposeA(true));
        assertEquals(Shape.of(5, 2, 2), d.shape());
        assertEquals(b[0] + b[4], d.toFloatArray()[0], 1e-6);
    }

    @Test
    void manySmallBatchedProducts() {
        Random r = new Random(11);
        int batch = 500;
        float[] a = random(r, batch * 6), b = random(r, batch * 6);
        float[] got = tf.matmul(Tensor.wrap(DType.FLOAT32, Shape.of(batch, 2, 3), a.clone()),
                Tensor.wrap(DType.FLOAT32, Shape.of(batch, 3, 2), b.clone())).toFloatArray();
        for (int i = 0; i < batch; i++) {
            double[] want = naive(java.util.Arrays.copyOfRange(a, i * 6, i * 6 + 6), java.util.Arrays.copyOfRange(b, i * 6, i * 6 + 6), 2, 2, 3, false, false);
            for (int e = 0; e < 4; e++) assertEquals(want[e], got[i * 4 + e], 1e-5);
        }
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        Tensor c = tf.matmul(Tensor.wrap(DType.FLOAT32, Shape.of(2, 0), new float[0]), Tensor.wrap(DType.FLOAT32, Shape.of(0, 3), new float[0]));
        assertEquals(Shape.of(2, 3), c.shape());
        assertArrayEquals(new float[6], c.toFloatArray());
    }

    @Test
    void errorsAsTensorFlow() {
        var e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals("Matrix size-incompatible: In[0]: [2,3], In[1]: [2,3] [Op:MatMul]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[] {1, 2, 3}, new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertEquals("In[0] and In[1] has different ndims: [3] vs. [3,2] [Op:MatMul]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertEquals("In[0] and In[1] ndims must be == 2: 1 [Op:MatMul]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[] {1, 2}, new float[2][2][2]));
        assertEquals("In[0] ndims must be >= 2: 1 [Op:BatchMatMulV2]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(new float[2][2][3], new float[3][3][2]));
        assertEquals("In[0] and In[1] must have compatible batch dimensions: [2,2,3] vs. [3,3,2] [Op:BatchMatMulV2]",
                e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.matmul(tf.constant(new float[][] {{1}}), tf.constant(new int[][] {{1}})));
        assertEquals("cannot compute MatMul as input #1(zero-based) was expected to be a float tensor but is a int32 tensor [Op:MatMul]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class,
                () -> tf.matmul(tf.constant(new boolean[][] {{true}}), tf.constant(new boolean[][] {{true}})));
        assertTrue(e.getMessage().startsWith("Value for attr 'T' of bool is not in the list of allowed values: bfloat16, "
                + "half, float, double, int32, int64, uint8, uint16, uint32, uint64, complex64, complex128\n\t; NodeDef: "
                + "{{node MatMul}}; Op<name=MatMul; signature=a:T, b:T -> product:T;"), e.getMessage());
        assertThrows(ValueError.class, () -> tf.matmul(new float[][] {{1}}, new float[][] {{1}}, o -> o.transposeA(true).adjointA(true)));
    }
}
