package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class MatrixFunctionsTest {
    private static final float[][] M = {{1, 2}, {3, 4}};

    private static void assertClose(float[] want, float[] got, double tol) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], tol, "at " + i);
    }

    @Test
    void goldenInverseTraceNormDeterminant() {
        Tensor inv = tf.linalg.inv(M); // G-L3
        assertEquals(DType.FLOAT32, inv.dtype());
        assertClose(new float[] {-2, 1, 1.5f, -0.5f}, inv.toFloatArray(), 1e-6);
        Tensor trace = tf.linalg.trace(M); // G-L4
        assertEquals(Shape.scalar(), trace.shape());
        assertEquals(5f, trace.floatValue());
        Tensor norm = tf.linalg.norm(M); // G-L5
        assertEquals(Shape.scalar(), norm.shape());
        assertEquals(5.477226f, norm.floatValue());
        assertEquals((float) Math.sqrt(30), tf.norm(M).floatValue());
        Tensor det = tf.linalg.det(M); // G-L6
        assertEquals(Shape.scalar(), det.shape());
        assertEquals(-2f, det.floatValue(), 1e-6);
    }

    @Test
    void goldenQrHouseholderSigns() { // G-L8
        Linalg.Qr qr = tf.linalg.qr(M);
        float[] q = qr.q().toFloatArray(), r = qr.r().toFloatArray();
        assertClose(new float[] {-0.316227794f, -0.948683321f, -0.948683321f, 0.316227734f}, q, 1e-6);
        assertClose(new float[] {-3.1622777f, -4.4271884f, 0, -0.632455349f}, r, 1e-6);
        assertTrue(q[0] < 0 && q[1] < 0 && q[2] < 0 && q[3] > 0 && r[0] < 0 && r[1] < 0 && r[3] < 0);
        assertEquals(0f, r[2]);
        assertClose(new float[] {1, 2, 3, 4}, tf.matmul(qr.q(), qr.r()).toFloatArray(), 1e-5);
    }

    @Test
    void qrShapesThinAndFull() {
        float[][] tall = {{1, 2}, {3, 4}, {5, 6}};
        Linalg.Qr thin = tf.linalg.qr(tall);
        assertEquals(Shape.of(3, 2), thin.q().shape());
        assertEquals(Shape.of(2, 2), thin.r().shape());
        Linalg.Qr full = tf.linalg.qr(tall, true);
        assertEquals(Shape.of(3, 3), full.q().shape());
        assertEquals(Shape.of(3, 2), full.r().shape());
        assertClose(new float[] {1, 2, 3, 4, 5, 6}, tf.matmul(full.q(), full.r()).toFloatArray(), 1e-5);
        assertClose(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, tf.matmul(full.q(), full.q(), o -> o.transposeA(true)).toFloatArray(), 1e-6);
    }

    @Test
    void goldenSvd() { // G-L9
        float[][] x = {{1, 2}, {3, 4}, {5, 6}};
        Linalg.Svd svd = tf.linalg.svd(x);
        assertEquals(Shape.of(2), svd.s().shape());
        assertEquals(Shape.of(3, 2), svd.u().shape());
        assertEquals(Shape.of(2, 2), svd.v().shape());
        assertClose(new float[] {9.52551842f, 0.51429987f}, svd.s().toFloatArray(), 1e-5);
        // columns match TF's up to sign
        float[] u = svd.u().toFloatArray(), v = svd.v().toFloatArray();
        float[] tfU = {0.229847744f, -0.88346082f, 0.524744868f, -0.240782902f, 0.819642067f, 0.401896209f};
        float[] tfV = {0.619629562f, 0.784894466f, 0.784894466f, -0.619629562f};
        for (int c = 0; c < 2; c++) {
            float su = Math.signum(u[c]) * Math.signum(tfU[c]), sv = Math.signum(v[c]) * Math.signum(tfV[c]);
            assertEquals(su, sv, "u and v columns flip together");
            for (int i = 0; i < 3; i++) assertEquals(tfU[i * 2 + c], su * u[i * 2 + c], 1e-5);
            for (int i = 0; i < 2; i++) assertEquals(tfV[i * 2 + c], sv * v[i * 2 + c], 1e-5);
        }
        Tensor recon = tf.matmul(tf.matmul(svd.u(), tf.linalg.diag(svd.s())), svd.v(), o -> o.transposeB(true));
        assertClose(new float[] {1, 2, 3, 4, 5, 6}, recon.toFloatArray(), 1e-5);
        Linalg.Svd wide = tf.linalg.svd(tf.linalg.matrixTranspose(x), true, true);
        assertEquals(Shape.of(2, 2), wide.u().shape());
        assertEquals(Shape.of(3, 3), wide.v().shape());
        assertClose(new float[] {9.52551842f, 0.51429987f}, wide.s().toFloatArray(), 1e-5);
        assertNull(tf.linalg.svd(x, false, false).u());
    }

    @Test
    void solveCholeskySlogdetEigh() {
        double[][] spd = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};
        Tensor l = tf.linalg.cholesky(spd);
        assertEquals(DType.FLOAT64, l.dtype());
        double[] lv = l.toDoubleArray();
        assertEquals(0, lv[1]);
        assertEquals(2, lv[0], 1e-12);
        double[] back = tf.matmul(l, l, o -> o.transposeB(true)).toDoubleArray();
        for (int i = 0; i < 9; i++) assertEquals(spd[i / 3][i % 3], back[i], 1e-12);

        Tensor x = tf.linalg.solve(spd, new double[][] {{1}, {2}, {3}});
        double[] ax = tf.matmul(spd, x).toDoubleArray();
        assertArrayEquals(new double[] {1, 2, 3}, ax, 1e-12);

        Linalg.Slogdet sd = tf.linalg.slogdet(M);
        assertEquals(-1f, sd.sign().floatValue());
        assertEquals((float) Math.log(2), sd.logAbsDeterminant().floatValue(), 1e-6);

        Linalg.Eigh eig = tf.linalg.eigh(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {1, 3}, eig.e().toDoubleArray(), 1e-12);
        double[] v = eig.v().toDoubleArray();
        assertEquals(Math.abs(v[0]), Math.abs(v[2]), 1e-12);
        assertEquals(-Math.signum(v[0]), Math.signum(v[2]));
        assertArrayEquals(new double[] {1, 3}, tf.linalg.eigvalsh(new double[][] {{2, 1}, {1, 2}}).toDoubleArray(), 1e-12);
    }

    @Test
    void batchedDeterminantAndInverse() {
        float[][][] batch = {{{2, 0}, {0, 3}}, {{1, 2}, {3, 4}}};
        Tensor det = tf.linalg.det(batch);
        assertEquals(Shape.of(2), det.shape());
        assertClose(new float[] {6, -2}, det.toFloatArray(), 1e-6);
        Tensor inv = tf.linalg.inv(batch);
        assertEquals(Shape.of(2, 2, 2), inv.shape());
        assertClose(new float[] {0.5f, 0, 0, 1 / 3f, -2, 1, 1.5f, -0.5f}, inv.toFloatArray(), 1e-6);
        assertArrayEquals(new float[] {5, 5}, tf.linalg.trace(batch).toFloatArray());
    }

    @Test
    void errors() {
        var e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.inv(new float[][] {{1, 2}, {2, 4}}));
        assertEquals("Input is not invertible. [Op:MatrixInverse]", e.getMessage());
        assertThrows(InvalidArgumentError.class, () -> tf.linalg.inv(new int[][] {{1, 2}, {3, 4}})); // T allows no ints
        e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.det(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals("Input matrix must be square. [Op:MatrixDeterminant]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.inv(new float[] {1, 2}));
        assertEquals("Input tensor 0 must have rank >= 2, got 1 [Op:MatrixInverse]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.cholesky(new float[][] {{1, 2}, {2, 1}}));
        assertEquals("Cholesky decomposition was not successful. The input might not be valid. [Op:Cholesky]", e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.linalg.solve(M, new float[][] {{1}, {2}, {3}}));
        assertEquals("Input matrix and rhs are incompatible. [Op:MatrixSolve]", e.getMessage());
    }
}
