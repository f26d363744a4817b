package org.jflow.array;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.errors.UnimplementedError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Empty tensors whose shape has a dim past 2**31 - 1 are created and printed as TF 2.21 does; ops that would read
 * such a dim as an int refuse it rather than wrap it; more than 2**63 - 1 elements is TF's error.
 * Expected: golden/wide_shapes.py.
 */
class WideShapeTest {
    private static final Golden TF = Golden.load("wide_shapes");

    private static void assertLike(String name, Tensor t) {
        Map<String, Object> c = TF.map(name);
        assertEquals(c.get("shape"), t.shape().toString(), name);
        assertEquals(((Number) c.get("size")).intValue(), t.size(), name);
        assertEquals(c.get("dtype"), t.dtype().tfName(), name);
        assertEquals(c.get("repr"), t.repr(), name);
        assertEquals(c.get("str"), t.toString(), name);
    }

    @Test
    void emptyTensorsWithDimsPastInt32AsTensorFlow() {
        assertLike("zeros_wide_rows", tf.zeros(new long[] {(1L << 32) + 5, 0}));
        assertLike("ones_wide_cols", tf.ones(new long[] {0, 1L << 40}, DType.INT32));
        assertLike("fill_three_dims", tf.fill(new long[] {3, 1L << 31, 0}, 1.5f));
        Tensor wide = tf.zeros(new long[] {(1L << 32) + 5, 0});
        assertEquals((1L << 32) + 5, wide.shape().getLong(0));
        assertThrows(UnimplementedError.class, () -> wide.shape().get(0));
    }

    @Test
    void moreThanInt64ElementsIsTensorFlowsError() {
        Map<String, Object> c = TF.map("zeros_overflow");
        Throwable e = assertThrows(Throwable.class, () -> tf.zeros(new long[] {1L << 62, 4}));
        assertEquals(c.get("error"), e.getClass().getSimpleName());
        assertEquals(c.get("message"), e.getMessage());
    }
}
