package org.jflow.array;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.errors.TypeError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code x[i]} with a scalar int tensor {@code i}, eagerly and traced; expected: golden/tensor_indexing.py (TF 2.21). */
class TensorIndexTest {
    private static final Golden TF = Golden.load("tensor_indexing");
    private static final Tensor X = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});

    private static float[] floats(String key) {
        double[] d = TF.doubles(key);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Test
    void aScalarIntTensorIndexesEagerlyAsAnInt() {
        assertArrayEquals(floats("row_1"), X.slice(tf.constant(1)).toFloatArray());
        assertArrayEquals(floats("row_minus_1"), X.slice(tf.constant(-1)).toFloatArray());
        assertArrayEquals(floats("column_2"), X.slice(org.jflow.Index.all(), tf.constant(2)).toFloatArray());
        assertEquals((float) TF.number("int64_row_1_column_0"), X.slice(tf.constant(1L), 0).floatValue());
    }

    @Test
    void aLoopCounterIndexesInsideATracedLoop() {
        var rowSums = tf.function((Tensor x) -> tf.forRange(2, tf.constant(0f),
                (i, acc) -> acc.add(tf.reduceSum(x.slice(i)).mul(tf.cast(i.add(1), DType.FLOAT32)))));
        assertEquals((float) TF.number("loop_weighted_row_sums"), rowSums.call(X).floatValue());
    }

    @Test
    void aSymbolicIndexPicksRowsColumnsAndPointsCountingFromTheEnd() {
        var row = tf.function((Tensor x, Tensor i) -> x.slice(i));
        var column = tf.function((Tensor x, Tensor i) -> x.slice(org.jflow.Index.all(), i));
        var point = tf.function((Tensor x, Tensor i) -> x.slice(-1, i));
        Tensor last = tf.constant(-1);
        assertArrayEquals(floats("traced_row"), row.call(X, last).toFloatArray());
        assertArrayEquals(floats("traced_column"), column.call(X, last).toFloatArray());
        assertEquals((float) TF.number("traced_point"), point.call(X, last).floatValue());
    }

    @Test
    void aFloatTensorIndexIsRefusedWithTfsTypeError() {
        Map<String, Object> e = TF.map("float_index_error");
        TypeError thrown = assertThrows(TypeError.class, () -> X.slice(tf.constant(1.0)));
        assertEquals(e.get("message"), thrown.getMessage());
    }
}
