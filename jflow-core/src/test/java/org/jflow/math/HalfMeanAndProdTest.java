package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Means of half types divide as TF's MeanReducer does, float32 products and column sums match TF's bit for bit;
 * expected: golden/half_and_prod.py.
 */
class HalfMeanAndProdTest {
    private static final Golden TF = Golden.load("half_and_prod");

    private static float value(Tensor t) { return tf.cast(t, DType.FLOAT32).toFloatArray()[0]; }

    private static float[] floats(String key) {
        double[] d = TF.doubles(key);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Test
    void halfMeansDivideByTheCountRoundedToTheDtype() {
        for (String name : new String[] {"f16", "bf16"}) {
            DType t = name.equals("f16") ? DType.FLOAT16 : DType.BFLOAT16;
            Tensor tenths = tf.fill(new int[] {100000}, tf.cast(tf.constant(0.1f), t));
            assertEquals(TF.number("sum_" + name + "_100000_tenths"), value(tf.reduceSum(tenths)), 0, name);
            // float16: 100000 rounds to inf, so the mean is 0 as in TF
            assertEquals(TF.number("mean_" + name + "_100000_tenths"), value(tf.reduceMean(tenths)), 0, name);
            Tensor small = tf.cast(tf.constant(new float[] {1f, 2f, 3f, 4.5f}), t);
            assertEquals(TF.number("mean_" + name + "_small"), value(tf.reduceMean(small)), 0, name);
        }
    }

    @Test
    void float32ProductsMatchTensorFlow() {
        Tensor nearOne = tf.constant(floats("near_one")), wide = tf.constant(floats("wide"));
        assertEquals((float) TF.number("prod_near_one"), value(tf.reduceProd(nearOne)), 0);
        assertEquals((float) TF.number("prod_wide"), value(tf.reduceProd(wide)), 0);
        assertArrayEquals(floats("prod_rows"), tf.reduceProd(tf.reshape(wide, 30, 100), 1).toFloatArray(), 0);
        assertArrayEquals(floats("prod_cols"), tf.reduceProd(tf.reshape(wide, 100, 30), 0).toFloatArray(), 0);
    }

    @Test
    void resultsOutsideWholePacketsReduceInOrderAsEigen() {
        Tensor wide = tf.constant(floats("wide"));
        assertArrayEquals(floats("sum_cols"), tf.reduceSum(tf.reshape(wide, 100, 30), 0).toFloatArray(), 0);
        Tensor cube = tf.reshape(tf.slice(wide, new int[] {0}, new int[] {2600}), 4, 50, 13);
        assertArrayEquals(floats("sum_middle"), tf.reduceSum(cube, 1).toFloatArray(), 0);
        assertArrayEquals(floats("prod_middle"), tf.reduceProd(cube, 1).toFloatArray(), 0);
    }
}
