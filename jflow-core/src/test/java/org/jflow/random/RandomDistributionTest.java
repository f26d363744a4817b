package org.jflow.random;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, dtypes, ranges and moments of each distribution, and TF's argument errors. */
class RandomDistributionTest {
    @BeforeEach
    void seed() { tf.random.setSeed(42); }

    private static double mean(double[] v) { return Arrays.stream(v).average().orElseThrow(); }

    private static double variance(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElseThrow();
    }

    @Test
    void uniformFloatRangeAndMoments() {
        Tensor u = tf.random.uniform(new int[] {100, 100}, -2.0, 6.0);
        assertEquals(DType.FLOAT32, u.dtype());
        assertArrayEquals(new int[] {100, 100}, u.shape().dims());
        double[] v = u.toDoubleArray();
        assertTrue(Arrays.stream(v).allMatch(x -> x >= -2 && x < 6));
        assertEquals(2.0, mean(v), 0.1);
        assertEquals(64.0 / 12, variance(v), 0.2);
    }

    @Test
    void uniformOtherFloatTypes() {
        for (DType d : new DType[] {DType.FLOAT64, DType.FLOAT16, DType.BFLOAT16}) {
            Tensor u = tf.random.uniform(new int[] {1000}, 0, 1, d);
            assertEquals(d, u.dtype());
            double[] v = u.toDoubleArray();
            assertTrue(Arrays.stream(v).allMatch(x -> x >= 0 && x < 1), d.tfName());
            assertEquals(0.5, mean(v), 0.05, d.tfName());
        }
    }

    @Test
    void uniformIntegers() {
        long[] v = tf.random.uniform(new int[] {5000}, -3, 4, DType.INT64).toLongArray();
        assertTrue(Arrays.stream(v).allMatch(x -> x >= -3 && x < 4));
        assertEquals(7, Arrays.stream(v).distinct().count());
        assertEquals(0.0, Arrays.stream(v).average().orElseThrow(), 0.1);
    }

    @Test
    void integerDtypeNeedsMaxval() {
        ValueError e = assertThrows(ValueError.class, () -> tf.random.uniform(new int[] {2}, o -> o.dtype(DType.INT32)));
        assertEquals("Must specify maxval for integer dtype tf.int32", e.getMessage());
        InvalidArgumentError bad = assertThrows(InvalidArgumentError.class,
                () -> tf.random.uniform(new int[] {2}, 5, 5, DType.INT32));
        assertEquals("Need minval < maxval, got 5 >= 5 [Op:RandomUniformInt]", bad.getMessage());
        assertThrows(ValueError.class, () -> tf.random.uniform(new int[] {2}, 0, 1, DType.BOOL));
    }

    @Test
    void normalMoments() {
        double[] v = tf.random.normal(new int[] {20000}, 3.0, 2.0).toDoubleArray();
        assertEquals(3.0, mean(v), 0.05);
        assertEquals(4.0, variance(v), 0.15);
        double[] d = tf.random.normal(new int[] {20001}, o -> o.dtype(DType.FLOAT64)).toDoubleArray();
        assertEquals(20001, d.length);
        assertEquals(0.0, mean(d), 0.03);
        assertEquals(1.0, variance(d), 0.05);
    }

    @Test
    void truncatedNormalStaysWithinTwoStddev() {
        double[] v = tf.random.truncatedNormal(new int[] {5, 5}, 0.0, 1.0, DType.FLOAT32).toDoubleArray();
        assertTrue(Arrays.stream(v).allMatch(x -> Math.abs(x) < 2));
        double[] big = tf.random.truncatedNormal(new int[] {20003}, 1.0, 3.0).toDoubleArray();
        assertTrue(Arrays.stream(big).allMatch(x -> Math.abs(x - 1) < 6.0001));
        assertEquals(1.0, mean(big), 0.1);
        // The variance of a standard normal cut at +-2 is 0.7737.
        assertEquals(9 * 0.7737, variance(big), 0.3);
        double[] d = tf.random.truncatedNormal(new int[] {999}, o -> o.dtype(DType.FLOAT64)).toDoubleArray();
        assertTrue(Arrays.stream(d).allMatch(x -> Math.abs(x) < 2));
    }

    @Test
    void shuffleIsARowPermutation() {
        int[][] rows = new int[10][];
        for (int i = 0; i < 10; i++) rows[i] = new int[] {i, 10 * i};
        Tensor s = tf.random.shuffle(rows);
        assertArrayEquals(new int[] {10, 2}, s.shape().dims());
        int[] v = s.toIntArray();
        boolean[] seen = new boolean[10];
        for (int i = 0; i < 10; i++) {
            assertEquals(10 * v[2 * i], v[2 * i + 1]);
            seen[v[2 * i]] = true;
        }
        for (boolean b : seen) assertTrue(b);
        String[] words = tf.random.shuffle(new String[] {"a", "b", "c"}).toStringArray();
        Arrays.sort(words);
        assertArrayEquals(new String[] {"a", "b", "c"}, words);
        assertEquals(7, tf.random.shuffle(7).intValue());
    }

    @Test
    void categoricalFollowsTheLogits() {
        float[][] logits = {{0f, (float) Math.log(3)}, {-1e30f, 0f}};
        Tensor c = tf.random.categorical(logits, 4000);
        assertEquals(DType.INT64, c.dtype());
        assertArrayEquals(new int[] {2, 4000}, c.shape().dims());
        long[] v = c.toLongArray();
        double ones = Arrays.stream(v, 0, 4000).filter(x -> x == 1).count() / 4000.0;
        assertEquals(0.75, ones, 0.03);
        assertTrue(Arrays.stream(v, 4000, 8000).allMatch(x -> x == 1));
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.random.categorical(new float[] {1f, 2f}, 1));
        assertEquals("logits should be a matrix, got shape [2] [Op:Multinomial]", e.getMessage());
    }

    @Test
    void statelessIsPureAndSeedSensitive() {
        float[] a = tf.random.statelessUniform(new int[] {6}, new int[] {3, 4}).toFloatArray();
        assertArrayEquals(a, tf.random.statelessUniform(new int[] {6}, new int[] {3, 4}).toFloatArray());
        assertTrue(!Arrays.equals(a, tf.random.statelessUniform(new int[] {6}, new int[] {4, 3}).toFloatArray()));
        int[] ints = tf.random.statelessUniform(new int[] {100}, new int[] {1, 2}, o -> o.minval(5).maxval(9).dtype(DType.INT32)).toIntArray();
        assertTrue(Arrays.stream(ints).allMatch(x -> x >= 5 && x < 9));
        double[] t = tf.random.statelessTruncatedNormal(new int[] {1000}, new int[] {1, 2}).toDoubleArray();
        assertTrue(Arrays.stream(t).allMatch(x -> Math.abs(x) < 2));
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> tf.random.statelessUniform(new int[] {2}, new int[] {1, 2, 3}));
        // TF 2.21's stateless_uniform checks the seed in StatelessRandomGetKeyCounter, the first op it runs
        assertEquals("seed must have shape [2], not [3] [Op:StatelessRandomGetKeyCounter]", e.getMessage());
    }

    @Test
    void randomOpsDeclareTheirState() {
        assertTrue(RandomOps.RANDOM_UNIFORM.stateful());
        assertTrue(RandomOps.RANDOM_SHUFFLE.stateful());
        assertTrue(!RandomOps.STATELESS_RANDOM_NORMAL.stateful());
    }

    /** A group's words depend only on its index, so a big (parallel) fill starts with the small one. */
    @Test
    void largeFillsExtendSmallOnes() {
        int[] seed = {7, 11};
        int big = 200_003;
        assertArrayEquals(tf.random.statelessUniform(new int[] {9}, seed).toFloatArray(),
                Arrays.copyOf(tf.random.statelessUniform(new int[] {big}, seed).toFloatArray(), 9));
        assertArrayEquals(tf.random.statelessNormal(new int[] {9}, seed).toFloatArray(),
                Arrays.copyOf(tf.random.statelessNormal(new int[] {big}, seed).toFloatArray(), 9));
        float[] tail = tf.random.statelessTruncatedNormal(new int[] {big}, seed).toFloatArray();
        assertArrayEquals(tf.random.statelessTruncatedNormal(new int[] {9}, seed).toFloatArray(), Arrays.copyOf(tail, 9));
        assertArrayEquals(tf.random.statelessUniform(new int[] {9}, seed, o -> o.maxval(1000L).dtype(DType.INT64)).toLongArray(),
                Arrays.copyOf(tf.random.statelessUniform(new int[] {big}, seed, o -> o.maxval(1000L).dtype(DType.INT64)).toLongArray(), 9));
    }

    @Test
    void statelessCategoricalAndFoldIn() {
        float[][] logits = {{0f, 0f, 10f}};
        long[] a = tf.random.statelessCategorical(logits, 50, new int[] {3, 4}).toLongArray();
        assertArrayEquals(a, tf.random.statelessCategorical(logits, 50, new int[] {3, 4}).toLongArray());
        assertTrue(Arrays.stream(a).filter(x -> x == 2).count() > 45);
        Tensor folded = tf.random.foldIn(new int[] {1, 2}, 7);
        assertEquals(DType.INT32, folded.dtype());
        assertEquals(7, folded.toIntArray()[1]);
        // Both take the first full-range word of the seed's stream.
        assertEquals(tf.random.split(new int[] {1, 2}, 1).toIntArray()[0], folded.toIntArray()[0]);
    }

    @Test
    void gammaMomentsAndShape() {
        Tensor g = tf.random.gamma(new int[] {20000}, new float[] {0.5f, 1f, 4f});
        assertArrayEquals(new int[] {20000, 3}, g.shape().dims());
        double[] v = g.toDoubleArray();
        double[] alphas = {0.5, 1, 4};
        for (int a = 0; a < 3; a++) {
            double[] column = new double[20000];
            for (int i = 0; i < 20000; i++) column[i] = v[3 * i + a];
            assertTrue(Arrays.stream(column).allMatch(x -> x > 0));
            assertEquals(alphas[a], mean(column), 0.05 * Math.max(1, alphas[a]));
            assertEquals(alphas[a], variance(column), 0.1 * Math.max(1, alphas[a]));
        }
        double[] scaled = tf.random.gamma(new int[] {20000}, 2.0, 4.0).toDoubleArray();
        assertEquals(0.5, mean(scaled), 0.02);
        tf.random.setSeed(5);
        float[] first = tf.random.gamma(new int[] {5}, 3.0).toFloatArray();
        tf.random.setSeed(5);
        assertArrayEquals(first, tf.random.gamma(new int[] {5}, 3.0).toFloatArray());
    }

    @Test
    void poissonMomentsForBothAlgorithms() {
        Tensor p = tf.random.poisson(new int[] {20000}, new float[] {0.5f, 4f, 30f});
        assertArrayEquals(new int[] {20000, 3}, p.shape().dims());
        double[] v = p.toDoubleArray();
        double[] rates = {0.5, 4, 30};
        for (int r = 0; r < 3; r++) {
            double[] column = new double[20000];
            for (int i = 0; i < 20000; i++) column[i] = v[3 * i + r];
            assertTrue(Arrays.stream(column).allMatch(x -> x >= 0 && x == Math.rint(x)));
            assertEquals(rates[r], mean(column), 0.03 * rates[r] + 0.02);
            assertEquals(rates[r], variance(column), 0.06 * rates[r] + 0.03);
        }
        Tensor counts = tf.random.poisson(new int[] {4}, 3.0, DType.INT64, 7L);
        assertEquals(DType.INT64, counts.dtype());
    }

    @Test
    void logGammaOfIntegersIsLogFactorial() {
        double logFactorial = 0;
        for (int n = 1; n <= 170; n++) {
            logFactorial += Math.log(n);
            assertEquals(logFactorial, Distributions.logGamma(n + 1), 1e-12 * Math.max(1, logFactorial));
        }
    }

    @Test
    void emptyAndScalarShapes() {
        assertEquals(0, tf.random.uniform(new int[] {0, 3}).size());
        assertEquals(0, tf.random.truncatedNormal(new int[] {0}).size());
        assertEquals(0, tf.random.gamma(new int[] {0}, 2.0).size());
        assertEquals(0, tf.random.categorical(new float[][] {{1f, 2f}}, 0).size());
        Tensor scalar = tf.random.normal(new int[0]);
        assertEquals(0, scalar.rank());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> tf.random.uniform(new int[] {-2}));
        assertEquals("Dimension -2 must be >= 0 [Op:RandomUniform]", e.getMessage());
    }
}
