package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.TypeError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class ReductionTest {
    private static final Tensor A = tf.constant(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    private static final Tensor B = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    private static final Tensor DATA3 = tf.constant(new float[][] {
            {1.1228833f, -0.94511896f, -1.1491745f}, {0.50430834f, -0.1323103f, -0.509263f}});

    @Test
    void fullReductionsOfARange() { // G-V1
        assertScalar(45, tf.reduceSum(A));
        assertScalar(5, tf.reduceMean(A));
        assertScalar(9, tf.reduceMax(A));
        assertScalar(1, tf.reduceMin(A));
        assertScalar(362880, tf.reduceProd(A));
        assertEquals(DType.INT32, tf.reduceMean(A).dtype());
    }

    private static void assertScalar(long expected, Tensor t) {
        assertEquals(Shape.scalar(), t.shape());
        assertEquals(expected, t.longValue());
    }

    @Test
    void keepdimsKeepsReducedAxesAsOnes() { // G-V2
        Tensor rows = tf.reduceSum(B, 1, true);
        assertEquals(Shape.of(3, 1), rows.shape());
        assertArrayEquals(new int[] {6, 15, 24}, rows.toIntArray());
        Tensor cols = tf.reduceSum(B, 0, true);
        assertEquals(Shape.of(1, 3), cols.shape());
        assertArrayEquals(new int[] {12, 15, 18}, cols.toIntArray());
        assertEquals(Shape.of(1, 1), tf.reduceSum(B, null, true).shape());
    }

    @Test
    void boolReductions() { // G-V3
        assertFalse(tf.reduceAll(new boolean[] {true, false, false}).booleanValue());
        assertTrue(tf.reduceAny(new boolean[] {false, false, true}).booleanValue());
        Tensor p = tf.constant(new boolean[][] {{true, false}, {true, true}});
        assertArrayEquals(new boolean[] {true, false}, tf.reduceAll(p, 0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, tf.reduceAny(p, 1).toBooleanArray());
        assertEquals(DType.BOOL, tf.reduceAll(p).dtype());
    }

    @Test
    void axisReductionsOfFloatsMatchTfDigits() { // G4
        assertArrayEquals(new float[] {-1.1491745f, -0.509263f}, tf.reduceMin(DATA3, 1).toFloatArray());
        assertArrayEquals(new float[] {0.81359583f, -0.53871465f, -0.82921875f}, tf.reduceMean(DATA3, 0).toFloatArray());
        assertArrayEquals(new float[] {1.6271917f, -1.0774293f, -1.6584375f}, tf.reduceSum(DATA3, 0).toFloatArray());
        assertArrayEquals(new float[] {1.1228833f, 0.50430834f}, tf.reduceMax(DATA3, 1).toFloatArray());
    }

    @Test
    void positionalAxesAndIntegerMean() { // D06
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertScalar(21, tf.reduceSum(t));
        assertArrayEquals(new int[] {5, 7, 9}, tf.reduceSum(t, 0).toIntArray());
        assertArrayEquals(new int[] {6, 15}, tf.reduceSum(t, 1).toIntArray());
        assertScalar(3, tf.reduceMean(t));
        assertArrayEquals(new int[] {2, 5}, tf.reduceMean(t, 1).toIntArray());
    }

    @Test
    void negativeAndMultipleAxes() {
        assertArrayEquals(new int[] {6, 15, 24}, tf.reduceSum(B, -1).toIntArray());
        assertArrayEquals(new int[] {12, 15, 18}, tf.reduceSum(B, -2).toIntArray());
        int[][][] v = new int[2][3][4];
        int c = 0;
        for (int[][] m : v) for (int[] r : m) for (int k = 0; k < 4; k++) r[k] = c++;
        Tensor x = tf.constant(v);
        // Axes 0 and 2 are not adjacent: the kept axis sits between them.
        Tensor s = tf.reduceSum(x, new int[] {0, -1});
        assertEquals(Shape.of(3), s.shape());
        assertArrayEquals(new int[] {0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19, 8 + 9 + 10 + 11 + 20 + 21 + 22 + 23},
                s.toIntArray());
        assertEquals(Shape.of(1, 3, 1), tf.reduceMax(x, new int[] {0, 2}, true).shape());
        assertArrayEquals(new int[] {15, 19, 23}, tf.reduceMax(x, new int[] {2, 0}).toIntArray());
        Tensor middle = tf.reduceSum(x, 1);
        assertEquals(Shape.of(2, 4), middle.shape());
        assertArrayEquals(new int[] {12, 15, 18, 21, 48, 51, 54, 57}, middle.toIntArray());
        Tensor none = tf.reduceSum(x, new int[0]);
        assertEquals(x.shape(), none.shape());
        assertArrayEquals(x.toIntArray(), none.toIntArray());
    }

    @Test
    void emptyReductionsGiveIdentities() {
        Tensor e = tf.constant(new float[0]);
        assertEquals(0f, tf.reduceSum(e).floatValue());
        assertEquals(1f, tf.reduceProd(e).floatValue());
        assertEquals(Float.NEGATIVE_INFINITY, tf.reduceMax(e).floatValue());
        assertEquals(Float.POSITIVE_INFINITY, tf.reduceMin(e).floatValue());
        assertTrue(Float.isNaN(tf.reduceMean(e).floatValue()));
        Tensor ei = tf.constant(new int[0]);
        assertEquals(Integer.MIN_VALUE, tf.reduceMax(ei).intValue());
        assertEquals(Integer.MAX_VALUE, tf.reduceMin(ei).intValue());
        assertTrue(tf.reduceAll(new boolean[0]).booleanValue());
        assertFalse(tf.reduceAny(new boolean[0]).booleanValue());
        Tensor rows = tf.constant(new float[2][0]);
        assertArrayEquals(new float[] {0, 0}, tf.reduceSum(rows, 1).toFloatArray());
        assertEquals(Shape.of(0), tf.reduceSum(rows, 0).shape());
    }

    @Test
    void dtypesKeepTheirTypeAndWrapLikeCpp() {
        Tensor d = tf.constant(new double[] {0.1, 0.2, 0.3});
        assertEquals(DType.FLOAT64, tf.reduceSum(d).dtype());
        assertEquals(0.1 + 0.2 + 0.3, tf.reduceSum(d).doubleValue(), 1e-15);
        Tensor l = tf.constant(new long[] {1L << 40, 1L << 40});
        assertEquals(1L << 41, tf.reduceSum(l).longValue());
        assertEquals(DType.INT64, tf.reduceSum(l).dtype());
        Tensor i8 = tf.constant(new int[] {100, 100}, DType.INT8);
        assertEquals(-56, tf.reduceSum(i8).intValue());
        assertEquals(100, tf.reduceMean(i8).intValue()); // TF 2.21 sums integer means in int64 (2.18 gave -28)
        Tensor u8 = tf.constant(new int[] {200, 100}, DType.UINT8);
        assertEquals(44, tf.reduceSum(u8).intValue());
        assertEquals(200, tf.reduceMax(u8).intValue());
        assertEquals(150, tf.reduceMean(u8).intValue()); // TF's uint8 mean sums in a wider type (its sum wraps)
        Tensor h = tf.constant(new float[] {1, 2, 3.5f}, DType.FLOAT16);
        assertEquals(DType.FLOAT16, tf.reduceSum(h).dtype());
        assertEquals(6.5f, tf.reduceSum(h).floatValue());
        assertEquals(3.5f, tf.reduceMax(tf.constant(new float[] {1, 2, 3.5f}, DType.BFLOAT16)).floatValue());
        assertTrue(Float.isNaN(tf.reduceMax(new float[] {1, Float.NaN, 3}).floatValue()));
    }

    @Test
    void errorsAsTf() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.reduceSum(B, 2));
        assertEquals("Invalid reduction dimension (2 for input with 2 dimension(s) [Op:Sum]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.reduceAny(tf.constant(true), 0));
        assertEquals("Invalid reduction dimension (0 for input with 0 dimension(s) [Op:Any]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.reduceMean(B, new int[] {-3}));
        assertEquals("Invalid reduction dimension (-3 for input with 2 dimension(s) [Op:Mean]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.reduceMax(B, new int[] {1, -1})); // found by jflow-conformance
        assertEquals("Invalid reduction arguments: Axes contains duplicate dimension: 1 [Op:Max]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.reduceAll(new float[] {1}));
        assertEquals("cannot compute All as input #0(zero-based) was expected to be a bool tensor but is a float tensor [Op:All]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.reduceSum(new boolean[] {true}));
        assertTrue(e.getMessage().startsWith("Value for attr 'T' of bool is not in the list of allowed values"));
        TypeError t = assertThrows(TypeError.class, () -> tf.reduceStd(A));
        assertEquals("Input must be either real or complex. Received integer type <dtype: 'int32'>.", t.getMessage());
    }

    @Test
    void logSumExpIsStable() {
        Tensor x = tf.constant(new float[][] {{0, 0, 0}, {0, 0, 0}});
        assertEquals((float) Math.log(6), tf.reduceLogSumExp(x).floatValue(), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.log(2), (float) Math.log(2), (float) Math.log(2)}, tf.reduceLogSumExp(x, 0).toFloatArray(), 1e-6f);
        Tensor k = tf.reduceLogSumExp(x, 1, true);
        assertEquals(Shape.of(2, 1), k.shape());
        assertArrayEquals(new float[] {(float) Math.log(3), (float) Math.log(3)}, k.toFloatArray(), 1e-6f);
        assertEquals(1000 + (float) Math.log(2), tf.reduceLogSumExp(new float[] {1000, 1000}).floatValue(), 1e-3f);
        assertEquals(Float.NEGATIVE_INFINITY, tf.reduceLogSumExp(new float[] {Float.NEGATIVE_INFINITY}).floatValue());
        assertEquals(Float.NEGATIVE_INFINITY, tf.reduceLogSumExp(new float[0]).floatValue());
    }

    @Test
    void stdVarianceAndEuclideanNorm() {
        Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}});
        assertEquals(1.1180339887498949f, tf.reduceStd(x).floatValue(), 1e-7f);
        assertArrayEquals(new float[] {1, 1}, tf.reduceStd(x, 0).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0.5f}, tf.reduceStd(x, 1).toFloatArray());
        assertEquals(1.25f, tf.reduceVariance(x).floatValue());
        assertArrayEquals(new float[] {1, 1}, tf.reduceVariance(x, 0).toFloatArray());
        assertArrayEquals(new float[] {0.25f, 0.25f}, tf.reduceVariance(x, 1).toFloatArray());
        assertEquals(DType.FLOAT64, tf.reduceVariance(new double[] {1, 2}).dtype());

        Tensor n = tf.constant(new int[][] {{1, 2, 3}, {1, 1, 1}});
        assertEquals(4, tf.reduceEuclideanNorm(n).intValue());
        assertArrayEquals(new int[] {1, 2, 3}, tf.reduceEuclideanNorm(n, 0).toIntArray());
        assertArrayEquals(new int[] {3, 1}, tf.reduceEuclideanNorm(n, 1).toIntArray());
        assertEquals(4.1231055f, tf.reduceEuclideanNorm(tf.constant(new float[][] {{1, 2, 3}, {1, 1, 1}})).floatValue(), 1e-6f);
    }

    @Test
    void largeFloatReductionsAgreeWithDoubleReference() {
        int rows = 700, cols = 1003;
        float[][] m = new float[rows][cols];
        java.util.Random rnd = new java.util.Random(7);
        for (float[] row : m) for (int c = 0; c < cols; c++) row[c] = rnd.nextFloat() - 0.25f;
        m[123][456] = 9f;
        m[321][654] = -9f;
        double total = 0;
        double[] colSum = new double[cols], rowSum = new double[rows];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) { total += m[r][c]; colSum[c] += m[r][c]; rowSum[r] += m[r][c]; }
        Tensor x = tf.constant(m);
        assertEquals(total, tf.reduceSum(x).floatValue(), Math.abs(total) * 1e-5);
        assertEquals(total / (rows * cols), tf.reduceMean(x).floatValue(), 1e-5);
        assertEquals(9f, tf.reduceMax(x).floatValue());
        assertEquals(-9f, tf.reduceMin(x).floatValue());
        float[] cs = tf.reduceSum(x, 0).toFloatArray();
        for (int c = 0; c < cols; c++) assertEquals(colSum[c], cs[c], 1e-3);
        float[] rs = tf.reduceSum(x, 1).toFloatArray();
        for (int r = 0; r < rows; r++) assertEquals(rowSum[r], rs[r], 1e-3);
        assertEquals(9f, tf.reduceMax(x, 0).toFloatArray()[456]);
        assertEquals(-9f, tf.reduceMin(x, 1).toFloatArray()[321]);
        float[] cm = tf.reduceMean(x, 0).toFloatArray();
        for (int c = 0; c < cols; c++) assertEquals(colSum[c] / rows, cm[c], 1e-5);
    }

    @Test
    void largeInt32AndFloat64ReductionsUseEveryKernelPath() {
        int rows = 300, cols = 257;
        int[][] m = new int[rows][cols];
        double[][] d = new double[rows][cols];
        long total = 0;
        long[] colSum = new long[cols];
        int[] colMax = new int[cols];
        java.util.Arrays.fill(colMax, Integer.MIN_VALUE);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = (r * 31 + c * 17) % 1000 - 500;
                d[r][c] = m[r][c] / 4.0;
                total += m[r][c];
                colSum[c] += m[r][c];
                colMax[c] = Math.max(colMax[c], m[r][c]);
            }
        }
        Tensor x = tf.constant(m), y = tf.constant(d);
        assertEquals(total, tf.reduceSum(x).intValue());
        assertEquals(total / 4.0, tf.reduceSum(y).doubleValue(), 1e-9);
        int[] cs = tf.reduceSum(x, 0, true).toIntArray();
        double[] ds = tf.reduceSum(y, 0).toDoubleArray();
        int[] cm = tf.reduceMax(x, 0).toIntArray();
        for (int c = 0; c < cols; c++) {
            assertEquals(colSum[c], cs[c]);
            assertEquals(colSum[c] / 4.0, ds[c], 1e-9);
            assertEquals(colMax[c], cm[c]);
        }
        assertEquals(-500, tf.reduceMin(x).intValue());
        assertEquals(-125.0, tf.reduceMin(y).doubleValue());
        assertEquals(Integer.MIN_VALUE, tf.reduceSum(new int[] {Integer.MAX_VALUE, 1}).intValue(), "int32 sums wrap as in TF");
    }

    @Test
    void sumOverAxesOfSizeOneCopiesTheInputAsTf() {
        // TF's reduction helper drops size-1 axes, so the values are copied: -0.0 stays -0.0 (0.0 + -0.0 would be 0.0).
        // TF 2.21: reduce_sum([[-0., 1.]], 0, keepdims=True) = [[-0., 1.]], reduce_sum([-0.]) = -0.0, reduce_sum([[-0.], [-0.]]) = 0.0
        assertArrayEquals(new float[] {-0f, 1f}, tf.reduceSum(tf.constant(new float[][] {{-0f, 1f}}), 0, true).toFloatArray());
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(tf.reduceSum(tf.constant(new float[] {-0f})).floatValue()));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(tf.reduceSum(tf.constant(new float[][] {{-0f}, {-0f}}), 0).toFloatArray()[0]));
    }
}
