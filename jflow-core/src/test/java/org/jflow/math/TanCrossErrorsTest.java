package org.jflow.math;

import org.jflow.Golden;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** tf.math.tan of int32 and tf.linalg.cross of bad shapes and dtypes fail with TF 2.21's class and text; golden/tan_cross_errors.py. */
class TanCrossErrorsTest {
    private static final Golden TF = Golden.load("tan_cross_errors");
    private static final Map<String, Executable> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("tan_int32", () -> tf.math.tan(tf.constant(new int[] {1, 2})));
        CALLS.put("cross_two_elements", () -> tf.linalg.cross(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, 4})));
        CALLS.put("cross_shapes_differ", () -> tf.linalg.cross(tf.constant(new float[] {1, 2, 3}), tf.constant(new float[] {3, 4, 5, 6})));
        CALLS.put("cross_ranks_differ", () -> tf.linalg.cross(tf.constant(new float[][] {{1, 2, 3}}), tf.constant(new float[] {3, 4, 5})));
        CALLS.put("cross_scalar", () -> tf.linalg.cross(tf.constant(1f), tf.constant(2f)));
        CALLS.put("cross_bool", () -> tf.linalg.cross(tf.constant(new boolean[] {true, false, true}),
                tf.constant(new boolean[] {true, false, true})));
        CALLS.put("cross_dtypes_differ", () -> tf.linalg.cross(tf.constant(new float[] {1, 2, 3}), tf.constant(new int[] {1, 2, 3})));
    }

    static List<String> cases() { return List.copyOf(TF.cases().keySet()); }

    @ParameterizedTest
    @MethodSource("cases")
    void errorAsTensorFlow(String name) {
        Map<String, Object> c = TF.map(name);
        Throwable e = assertThrows(Throwable.class, CALLS.get(name), name);
        assertEquals(c.get("error") + ": " + c.get("message"), e.getClass().getSimpleName() + ": " + e.getMessage(), name);
    }
}
