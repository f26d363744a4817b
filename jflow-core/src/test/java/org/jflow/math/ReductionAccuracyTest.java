package org.jflow.math;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Float reductions take Eigen's tree-reduced sums and integer means accumulate in int64, as TF 2.21's
 * CPU kernels do; expected values come from golden/reductions.py (real TF).
 */
class ReductionAccuracyTest {
    private static final Golden TF = Golden.load("reductions");

    private static float f(Tensor t) { return t.floatValue(); }

    @Test
    void sumOfTenMillionTenthsIsTreeReducedAsTfs() {
        Tensor x = tf.fill(new int[] {10_000_000}, 0.1f);
        assertEquals((float) TF.number("sum_1e7_tenths"), f(tf.reduceSum(x)));
        assertEquals((float) TF.number("mean_1e7_tenths"), f(tf.reduceMean(x)));
        assertEquals((float) TF.number("euclidean_norm_1e7_tenths"), f(tf.math.reduceEuclideanNorm(x)));
    }

    @Test
    void rowAndColumnSumsMatchTfsAccumulationOrder() {
        Tensor x = tf.fill(new int[] {1000, 10000}, 0.1f);
        assertEquals((float) TF.number("sum_rows_1000x10000_tenths"), tf.reduceSum(x, 1).toFloatArray()[0]);
        assertEquals((float) TF.number("sum_columns_1000x10000_tenths"), tf.reduceSum(x, 0).toFloatArray()[0]);
    }

    @Test
    void sumsOfVaryingValuesMatchTfBitForBit() {
        Tensor ramp = tf.multiply(tf.cast(tf.math.floormod(tf.range(100003), 1000), DType.FLOAT32), 0.001f);
        assertEquals((float) TF.number("sum_ramp"), f(tf.reduceSum(ramp)));
        Tensor ramp64 = tf.multiply(tf.cast(ramp, DType.FLOAT64), 1.1);
        assertEquals(TF.number("sum_ramp_float64"), tf.reduceSum(ramp64).doubleValue(), 1e-9);
        Tensor grid = tf.multiply(tf.cast(tf.reshape(tf.math.floormod(tf.range(1000 * 37), 97), 1000, 37),
                DType.FLOAT32), 0.01f);
        double[] expected = TF.doubles("sum_columns_grid");
        float[] actual = tf.reduceSum(grid, 0).toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], actual[i], Math.ulp((float) expected[i]), "column " + i);
        }
    }

    @Test
    void computeAverageLossSumsAsTfAndGivesZeroForAnEmptyBatch() {
        assertEquals((float) TF.number("average_loss_1e6_tenths"),
                f(tf.nn.computeAverageLoss(tf.fill(new int[] {1_000_000}, 0.1f))));
        assertEquals((float) TF.number("average_loss_empty_batch"), f(tf.nn.computeAverageLoss(tf.zeros(0))));
    }

    @Test
    void integerMeansAccumulateInInt64AndTruncate() {
        assertEquals((long) TF.number("mean_int8_100_100"), tf.reduceMean(tf.constant(new byte[] {100, 100})).longValue());
        assertEquals((long) TF.number("mean_int8_neg3_neg4"), tf.reduceMean(tf.constant(new byte[] {-3, -4})).longValue());
        assertEquals((long) TF.number("mean_int16_30000_30000"),
                tf.reduceMean(tf.constant(new short[] {30000, 30000})).longValue());
        assertEquals((long) TF.number("mean_int32_max_max"),
                tf.reduceMean(tf.constant(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE})).longValue());
        assertEquals((long) TF.number("mean_uint8_200_200"),
                tf.reduceMean(tf.cast(tf.constant(new int[] {200, 200}), DType.UINT8)).longValue());
        assertEquals((long) TF.number("mean_int64_2e62_2e62"),
                tf.reduceMean(tf.constant(new long[] {1L << 62, 1L << 62})).longValue());
        assertEquals((long) TF.number("sum_int8_100_100"), tf.reduceSum(tf.constant(new byte[] {100, 100})).longValue());
        assertArrayEquals(new long[] {100}, tf.reduceMean(tf.constant(new byte[] {100, 100}), 0, true).toLongArray());
    }
}
