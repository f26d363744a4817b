package org.jflow.format;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code x.numpyString()} is NumPy's {@code str(x.numpy())}; expected: golden/numpy_string.py (TF 2.21, NumPy 2). */
class NumpyStringTest {
    private static final Golden NUMPY = Golden.load("numpy_string");
    private static final Map<String, Tensor> CASES = Map.of(
            "float_matrix", tf.constant(new float[][] {{1, 2}, {3, 4}}),
            "int_vector", tf.constant(new int[] {1, 2, 3}),
            "bool_vector", tf.constant(new boolean[] {true, false}),
            "string_vector", tf.constant(new String[] {"a", "bc"}),
            "float64_fractions", tf.constant(new double[] {0.1, 1.0 / 3}),
            "float_cube", tf.reshape(tf.divide(tf.range(0, 8, 1, DType.FLOAT32), 4), 2, 2, 2),
            "long_vector", tf.range(2000),
            "float_scalar", tf.constant(1.5),
            "int_scalar", tf.constant(7));

    @ParameterizedTest
    @ValueSource(strings = {"float_matrix", "int_vector", "bool_vector", "string_vector", "float64_fractions",
            "float_cube", "long_vector", "float_scalar", "int_scalar"})
    void numpyStringIsNumpysStrOfTheArray(String name) {
        assertEquals(NUMPY.string(name), CASES.get(name).numpyString());
    }
}
