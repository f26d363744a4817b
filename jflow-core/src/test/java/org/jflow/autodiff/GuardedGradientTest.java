package org.jflow.autodiff;

import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.function.UnaryOperator;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The guard pattern {@code tf.where(x > 0, f(x), 0.)} differentiated at x <= 0: TF's SqrtGrad,
 * RsqrtGrad and ReciprocalGrad give 0 where the upstream gradient is 0, so the guard keeps NaN out
 * of training; other gradients keep their NaN. Expected values: golden/guarded_gradients.py (TF 2.21).
 */
class GuardedGradientTest {
    private static final Golden TF = Golden.load("guarded_gradients");
    private static final Map<String, UnaryOperator<Tensor>> CASES = Map.ofEntries(
            Map.entry("sqrt", tf::sqrt),
            Map.entry("rsqrt", tf::rsqrt),
            Map.entry("reciprocal", tf::reciprocal),
            Map.entry("log", tf::log),
            Map.entry("pow_half", v -> tf.pow(v, 0.5)),
            Map.entry("div_one_by_x", v -> tf.divide(1.0, v)),
            Map.entry("xdivy", v -> tf.xdivy(v, v)),
            Map.entry("div_no_nan", v -> tf.divNoNan(1.0, v)),
            Map.entry("square_of_sqrt", v -> tf.square(tf.sqrt(v))),
            Map.entry("norm", tf::norm),
            Map.entry("acosh", v -> tf.acosh(tf.subtract(v, 3))),
            Map.entry("atanh", v -> tf.atanh(tf.subtract(v, 3))));

    @ParameterizedTest
    @ValueSource(strings = {"sqrt", "rsqrt", "reciprocal", "log", "pow_half", "div_one_by_x", "xdivy",
            "div_no_nan", "square_of_sqrt", "norm", "acosh", "atanh"})
    void guardedGradientMatchesTf(String name) {
        Tensor x = tf.constant(new float[] {-1, 0, 4});
        Tensor grad;
        try (var tape = tf.GradientTape()) {
            tape.watch(x);
            Tensor y = tf.where(tf.greater(x, 0), CASES.get(name).apply(x), tf.zerosLike(x));
            grad = tape.gradient(y, x);
        }
        double[] expected = TF.doubles(name);
        float[] actual = grad.toFloatArray();
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], Double.isFinite(expected[i]) ? 1e-6 * Math.abs(expected[i]) : 0, name + " at " + i);
    }
}
