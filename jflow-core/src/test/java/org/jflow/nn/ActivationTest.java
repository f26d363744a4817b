package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class ActivationTest {
    private static final float[] X = {-3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f, 7f};

    static void assertClose(float[] expected, float[] actual, float tol) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    @Test
    void reluFamily() {
        assertArrayEquals(new float[] {0, 0, 0, 0, 0.5f, 1, 3, 7}, tf.nn.relu(X).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0.5f, 1, 3, 6}, tf.nn.relu6(X).toFloatArray());
        assertArrayEquals(new float[] {-0.6f, -0.2f, -0.1f, 0, 0.5f, 1, 3, 7}, tf.nn.leakyRelu(X).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {-0.3f, -0.1f, -0.05f, 0, 0.5f, 1, 3, 7}, tf.nn.leakyRelu(X, 0.1f).toFloatArray(), 1e-7f);
        Tensor ints = tf.nn.relu(new int[] {-2, 0, 5});
        assertEquals(DType.INT32, ints.dtype());
        assertArrayEquals(new int[] {0, 0, 5}, ints.toIntArray());
        assertArrayEquals(new long[] {0, 6, Long.MAX_VALUE}, tf.nn.relu(new long[] {-1, 6, Long.MAX_VALUE}).toLongArray());
        assertArrayEquals(new long[] {0, 6, 6}, tf.nn.relu6(new long[] {-1, 7, Long.MAX_VALUE}).toLongArray());
        float[] big = new float[1000];
        for (int i = 0; i < big.length; i++) big[i] = i - 500.5f;
        float[] r = tf.nn.relu(big).toFloatArray();
        for (int i = 0; i < big.length; i++) assertEquals(Math.max(0, big[i]), r[i]);
    }

    @Test
    void reluKeepsNanAndLeakyReluAlphaIsAFloatAttribute() { // found by jflow-conformance
        assertTrue(Float.isNaN(tf.nn.relu(new float[] {Float.NaN}).toFloatArray()[0]));
        assertTrue(Double.isNaN(tf.nn.relu6(new double[] {Double.NaN}).toDoubleArray()[0]));
        // TF's alpha is a float: 0.2f, not 0.2, multiplies a float64 input
        assertEquals(-3 * (double) 0.2f, tf.nn.leakyRelu(new double[] {-3}).toDoubleArray()[0], 0);
    }

    @Test
    void leakyReluGradientUsesTheSameFloatAlpha() { // found by jflow-conformance's gradient comparison
        Tensor x = tf.constant(new double[] {-3, 2});
        try (org.jflow.GradientTape tape = new org.jflow.GradientTape()) {
            tape.watch(x);
            Tensor y = tf.nn.leakyRelu(x);
            assertArrayEquals(new double[] {(double) 0.2f, 1}, tape.gradient(y, x).toDoubleArray(), 0);
        }
    }

    @Test
    void eluAndSelu() {
        // TF: tf.nn.elu([-1., 0., 1.]) -> [-0.63212055, 0., 1.]
        assertClose(new float[] {-0.63212055f, 0, 1}, tf.nn.elu(new float[] {-1, 0, 1}).toFloatArray(), 1e-7f);
        // TF: tf.nn.selu([-1., 0., 1.]) -> [-1.1113307, 0., 1.050701]
        assertClose(new float[] {-1.1113307f, 0, 1.050701f}, tf.nn.selu(new float[] {-1, 0, 1}).toFloatArray(), 1e-7f);
    }

    @Test
    void geluExactAndApproximate() {
        // TF docs: tf.nn.gelu([-3., -1., 0., 1., 3.]) -> [-0.00404951, -0.15865529, 0., 0.8413447, 2.9959507]
        float[] x = {-3, -1, 0, 1, 3};
        assertClose(new float[] {-0.00404951f, -0.15865529f, 0f, 0.8413447f, 2.9959507f}, tf.nn.gelu(x).toFloatArray(), 2e-6f);
        // TF docs, approximate=True -> [-0.00363752, -0.15880796, 0., 0.841192, 2.9963627]
        assertClose(new float[] {-0.00363752f, -0.15880796f, 0f, 0.841192f, 2.9963627f}, tf.nn.gelu(x, true).toFloatArray(), 2e-6f);
        double[] d = tf.nn.gelu(new double[] {0.5}).toDoubleArray();
        assertEquals(0.5 * 0.5 * (1 + 0.3829249225480262), d[0], 1e-15); // erf(0.5 / sqrt 2)
    }

    @Test
    void erfMatchesKnownValues() {
        assertEquals(0.5204998778130465, org.jflow.math.SpecialFunctions.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, org.jflow.math.SpecialFunctions.erf(1), 1e-15);
        assertEquals(-0.9953222650189527, org.jflow.math.SpecialFunctions.erf(-2), 1e-15);
        assertEquals(0.9999779095030014, org.jflow.math.SpecialFunctions.erf(3), 1e-15);
        assertEquals(1.0, org.jflow.math.SpecialFunctions.erf(7));
    }

    @Test
    void swishSoftsign() {
        // x * sigmoid(x): 1 * 0.7310586 = 0.7310586; -1 * 0.26894143 = -0.26894143
        assertClose(new float[] {-0.26894143f, 0, 0.7310586f}, tf.nn.silu(new float[] {-1, 0, 1}).toFloatArray(), 1e-7f);
        assertClose(new float[] {-0.26894143f, 0, 1.7615942f}, tf.nn.swish(new float[] {-1, 0, 2}, 1f).toFloatArray(), 1e-6f);
        assertClose(new float[] {-0.5f, 0, 0.75f}, tf.nn.softsign(new float[] {-1, 0, 3}).toFloatArray(), 1e-7f);
    }

    @Test
    void softmaxValues() {
        assertClose(new float[] {0.09003057f, 0.24472848f, 0.66524094f}, tf.nn.softmax(new float[] {1, 2, 3}).toFloatArray(), 1e-7f);
        // large logits stay finite
        assertClose(new float[] {0.09003057f, 0.24472848f, 0.66524094f}, tf.nn.softmax(new float[] {1001, 1002, 1003}).toFloatArray(), 1e-6f);
        Tensor byCols = tf.nn.softmax(new float[][] {{1, 5}, {2, 5}, {3, 5}}, 0);
        assertEquals(Shape.of(3, 2), byCols.shape());
        assertClose(new float[] {0.09003057f, 1 / 3f, 0.24472848f, 1 / 3f, 0.66524094f, 1 / 3f}, byCols.toFloatArray(), 1e-6f);
        assertClose(new float[] {-2.4076059f, -1.4076059f, -0.40760595f}, tf.nn.logSoftmax(new float[] {1, 2, 3}).toFloatArray(), 1e-6f);
        Tensor half = tf.nn.softmax(tf.constant(new float[] {1, 2, 3}, DType.FLOAT16));
        assertEquals(DType.FLOAT16, half.dtype());
        assertClose(new float[] {0.09003057f, 0.24472848f, 0.66524094f}, half.toFloatArray(), 1e-3f);
        Tensor f64 = tf.nn.softmax(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748219}, f64.toDoubleArray(), 1e-15);
    }

    @Test
    void softmaxOnLongRowsMatchesFloat64() {
        int rows = 3, n = 101;
        float[] x = new float[rows * n];
        double[] xd = new double[rows * n];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) xd[i] = x[i] = (float) (random.nextGaussian() * 10);
        Tensor xf = Tensor.wrap(DType.FLOAT32, Shape.of(rows, n), x), x64 = Tensor.wrap(DType.FLOAT64, Shape.of(rows, n), xd);
        double[] expected = tf.nn.softmax(x64).toDoubleArray(), expectedLog = tf.nn.logSoftmax(x64).toDoubleArray();
        float[] got = tf.nn.softmax(xf).toFloatArray(), gotLog = tf.nn.logSoftmax(xf).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], got[i], 1e-6 * Math.max(1e-3, expected[i]), "softmax " + i);
            assertEquals(expectedLog[i], gotLog[i], 1e-5 * Math.max(1, Math.abs(expectedLog[i])), "logSoftmax " + i);
        }
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = 0; k < n; k++) sum += got[r * n + k];
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void errors() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.nn.elu(new int[] {1}));
        assertTrue(e.getMessage().startsWith("Value for attr 'T' of int32 is not in the list of allowed values: half, bfloat16, float, double\n"
                + "\t; NodeDef: {{node Elu}}; Op<name=Elu; signature=features:T -> activations:T;"), e.getMessage());
        e = assertThrows(InvalidArgumentError.class, () -> tf.nn.softmax(new float[] {1, 2}, 1));
        assertEquals("Expected axis to be in the range [-1, 1), but got 1 [Op:Softmax]", e.getMessage());
    }
}
