package org.jflow.linalg;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class StructureAndNormTest {
    @Test
    void diagAndDiagPart() {
        Tensor d = tf.linalg.diag(new int[] {1, 2, 3});
        assertEquals(Shape.of(3, 3), d.shape());
        assertEquals(DType.INT32, d.dtype());
        assertArrayEquals(new int[] {1, 0, 0, 0, 2, 0, 0, 0, 3}, d.toIntArray());
        Tensor batch = tf.linalg.diag(new float[][] {{1, 2}, {3, 4}});
        assertEquals(Shape.of(2, 2, 2), batch.shape());
        assertArrayEquals(new float[] {1, 0, 0, 2, 3, 0, 0, 4}, batch.toFloatArray());
        Tensor part = tf.linalg.diagPart(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(Shape.of(2), part.shape());
        assertArrayEquals(new int[] {1, 5}, part.toIntArray());
        assertEquals(6, tf.linalg.trace(new int[][] {{1, 2, 3}, {4, 5, 6}}).intValue());
    }

    /** Complex elements move whole (both parts), as the Eig gradient needs. */
    @Test
    void complexDiagDiagPartAndBandPart() {
        Tensor d = tf.linalg.diag(tf.complex(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(DType.COMPLEX128, d.dtype());
        assertArrayEquals(new double[] {1, 0, 0, 2}, tf.math.real(d).toDoubleArray());
        assertArrayEquals(new double[] {3, 0, 0, 4}, tf.math.imag(d).toDoubleArray());
        Tensor m = tf.complex(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}});
        Tensor part = tf.linalg.diagPart(m);
        assertArrayEquals(new double[] {1, 4}, tf.math.real(part).toDoubleArray());
        assertArrayEquals(new double[] {5, 8}, tf.math.imag(part).toDoubleArray());
        Tensor lower = tf.linalg.bandPart(m, -1, 0);
        assertArrayEquals(new double[] {1, 0, 3, 4}, tf.math.real(lower).toDoubleArray());
        assertArrayEquals(new double[] {5, 0, 7, 8}, tf.math.imag(lower).toDoubleArray());
    }

    @Test
    void eyeMatvecAdjoint() {
        Tensor i3 = tf.linalg.eye(3);
        assertEquals(DType.FLOAT32, i3.dtype());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, i3.toFloatArray());
        Tensor r = tf.linalg.eye(2, 3, DType.INT32);
        assertEquals(Shape.of(2, 3), r.shape());
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 0}, r.toIntArray());
        assertArrayEquals(new int[] {1, 0, 0, 1, 0, 0}, tf.linalg.eye(3, 2, DType.INT32).toIntArray());
        Tensor mv = tf.linalg.matvec(new float[][] {{1, 2}, {3, 4}}, new float[] {1, 1});
        assertEquals(Shape.of(2), mv.shape());
        assertArrayEquals(new float[] {3, 7}, mv.toFloatArray());
        assertArrayEquals(new float[] {1, 3, 2, 4}, tf.linalg.adjoint(new float[][] {{1, 2}, {3, 4}}).toFloatArray());
    }

    @Test
    void bandPart() {
        int[][] x = {{0, 1, 2, 3}, {-1, 0, 1, 2}, {-2, -1, 0, 1}, {-3, -2, -1, 0}};
        assertArrayEquals(new int[] {0, 1, 0, 0, -1, 0, 1, 0, 0, -1, 0, 1, 0, 0, -1, 0}, tf.linalg.bandPart(x, 1, 1).toIntArray());
        assertArrayEquals(new int[] {0, 0, 0, 0, -1, 0, 0, 0, -2, -1, 0, 0, -3, -2, -1, 0}, tf.linalg.bandPart(x, -1, 0).toIntArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0, 0}, tf.linalg.bandPart(x, 0, -1).toIntArray());
    }

    @Test
    void matrixTransposeAndCross() {
        Tensor t = tf.linalg.matrixTranspose(new int[][][] {{{1, 2, 3}, {4, 5, 6}}});
        assertEquals(Shape.of(1, 3, 2), t.shape());
        assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, t.toIntArray());
        assertThrows(ValueError.class, () -> tf.linalg.matrixTranspose(new int[] {1, 2}));
        assertArrayEquals(new float[] {0, 0, 1}, tf.linalg.cross(new float[] {1, 0, 0}, new float[] {0, 1, 0}).toFloatArray());
        assertArrayEquals(new int[] {-3, 6, -3, 0, 0, 0}, tf.linalg.cross(new int[][] {{1, 2, 3}, {1, 1, 1}}, new int[][] {{4, 5, 6}, {2, 2, 2}}).toIntArray());
        // TF's Cross kernel: FailedPrecondition for 2-vectors (TanCrossErrorsTest has the text)
        var e = assertThrows(org.jflow.errors.FailedPreconditionError.class, () -> tf.linalg.cross(new float[] {1, 2}, new float[] {3, 4}));
        assertTrue(e.getMessage().endsWith("[Op:Cross]"));
    }

    @Test
    void norms() {
        float[][] m = {{1, -2}, {3, 4}};
        assertEquals((float) Math.sqrt(30), tf.norm(m, o -> o.ord("fro").axis(0, 1)).floatValue());
        assertThrows(ValueError.class, () -> tf.norm(m, "fro")); // axis=None treats the tensor as a vector
        assertEquals(10f, tf.norm(m, 1).floatValue());
        assertEquals(4f, tf.norm(m, Double.POSITIVE_INFINITY).floatValue());
        assertEquals(6f, tf.norm(m, o -> o.ord(1).axis(0, 1)).floatValue()); // max column sum
        assertEquals(7f, tf.norm(m, o -> o.ord(Double.POSITIVE_INFINITY).axis(0, 1)).floatValue()); // max row sum
        float spectral = tf.norm(m, o -> o.ord(2).axis(-2, -1)).floatValue();
        assertEquals(tf.linalg.svd(m).s().toFloatArray()[0], spectral, 1e-6);
        Tensor rows = tf.norm(m, o -> o.axis(1));
        assertEquals(Shape.of(2), rows.shape());
        assertArrayEquals(new float[] {(float) Math.sqrt(5), 5}, rows.toFloatArray());
        Tensor kept = tf.norm(m, o -> o.axis(0).keepdims(true));
        assertEquals(Shape.of(1, 2), kept.shape());
        assertArrayEquals(new float[] {(float) Math.sqrt(10), (float) Math.sqrt(20)}, kept.toFloatArray(), 1e-6f);
        assertEquals(3f, tf.norm(new float[] {1, 2, 2}, 2).floatValue());
        assertEquals((float) Math.cbrt(17), tf.norm(new float[] {1, 2, 2}, 3).floatValue(), 1e-6);
        var e = assertThrows(ValueError.class, () -> tf.norm(m, o -> o.ord("fro").axis(0)));
        assertEquals("'ord' must be a supported vector norm, got fro", e.getMessage());
        e = assertThrows(ValueError.class, () -> tf.norm(m, o -> o.ord(3).axis(0, 1)));
        assertEquals("'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got 3", e.getMessage());
        assertThrows(ValueError.class, () -> tf.norm(m, o -> o.axis(1, 1)));
    }

    @Test
    void l2Normalize() {
        Tensor n = tf.linalg.l2Normalize(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, n.toFloatArray(), 1e-7f);
        Tensor rows = tf.linalg.l2Normalize(new float[][] {{3, 4}, {0, 0}}, 1);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, rows.toFloatArray(), 1e-7f);
        Tensor cols = tf.linalg.l2Normalize(new double[][] {{3, 1}, {4, 0}}, 0);
        assertArrayEquals(new double[] {0.6, 1, 0.8, 0}, cols.toDoubleArray(), 1e-15);
        assertThrows(InvalidArgumentError.class, () -> tf.linalg.l2Normalize(new int[] {3, 4}));
    }
}
