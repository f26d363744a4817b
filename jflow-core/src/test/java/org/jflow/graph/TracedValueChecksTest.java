package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Shape rules see shapes, never values (TF's shape functions): ops whose inputs' values must be
 * checked (ids, labels) trace on placeholders and check the values in their kernels, when the
 * graph runs, with TF's InvalidArgumentError.
 */
class TracedValueChecksTest {
    private final Tensor params = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});

    @Test
    void embeddingLookupTracesOnUnknownIdsAndChecksThemWhenRun() {
        var lookup = tf.function((Tensor ids) -> tf.nn.embeddingLookup(params, ids),
                f -> f.inputSignature(tf.TensorSpec(new int[] {-1}, tf.int32)));
        assertEquals("(None, 2)", lookup.getConcreteFunction(tf.constant(new int[] {0})).outputs().get(0).shape().toString());
        assertArrayEquals(new float[] {5, 6, 1, 2}, lookup.call(tf.constant(new int[] {2, 0})).toFloatArray());
        assertArrayEquals(new float[] {3, 4}, lookup.call(tf.constant(new int[] {1})).toFloatArray());
        var e = assertThrows(InvalidArgumentError.class, () -> lookup.call(tf.constant(new int[] {0, 5})));
        assertEquals("indices[1] = 5 is not in [0, 3) [Op:EmbeddingLookup]", e.getMessage());
        assertEquals(1, lookup.tracingCount());
    }

    @Test
    void embeddingLookupOfFixedShapeIdsStillChecksTheirValues() {
        // With every shape known the executor reuses the traced output specs: the kernel alone sees the values.
        var lookup = tf.function((Tensor ids) -> tf.nn.embeddingLookup(params, ids));
        assertArrayEquals(new float[] {3, 4, 3, 4}, lookup.call(tf.constant(new int[] {1, 1})).toFloatArray());
        var e = assertThrows(InvalidArgumentError.class, () -> lookup.call(tf.constant(new int[] {-1, 1})));
        assertEquals("indices[0] = -1 is not in [0, 3) [Op:EmbeddingLookup]", e.getMessage());
    }

    @Test
    void sparseSoftmaxCrossEntropyChecksLabelsWhenRun() {
        var loss = tf.function((Tensor logits, Tensor labels) -> tf.nn.sparseSoftmaxCrossEntropyWithLogits(labels, logits));
        Tensor logits = tf.constant(new float[][] {{1, 2, 3}, {1, 1, 1}});
        Tensor eager = tf.nn.sparseSoftmaxCrossEntropyWithLogits(tf.constant(new int[] {2, 0}), logits);
        assertArrayEquals(eager.toFloatArray(), loss.call(logits, tf.constant(new int[] {2, 0})).toFloatArray());
        var e = assertThrows(InvalidArgumentError.class, () -> loss.call(logits, tf.constant(new int[] {2, 3})));
        assertEquals("Received a label value of 3 which is outside the valid range of [0, 3).  Label values: 2 3"
                + " [Op:SparseSoftmaxCrossEntropyWithLogits]", e.getMessage());
    }
}
