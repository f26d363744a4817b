package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.jflow.nn.ActivationTest.assertClose;
import static org.junit.jupiter.api.Assertions.*;

class CrossEntropyTest {
    @Test
    void sigmoidCrossEntropyMatchesTheStableFormula() {
        float[] labels = {0, 1, 0.5f}, logits = {0, 2, -1};
        // max(x, 0) - x z + log(1 + exp(-|x|))
        assertClose(new float[] {0.6931472f, 0.12692801f, 0.8132617f},
                tf.nn.sigmoidCrossEntropyWithLogits(labels, logits).toFloatArray(), 1e-6f);
        // huge logits stay finite
        assertClose(new float[] {0f, 1000f}, tf.nn.sigmoidCrossEntropyWithLogits(new float[] {1, 0}, new float[] {1000, 1000}).toFloatArray(), 1e-6f);
        assertClose(new float[] {0.6931472f, 0.25385602f, 1.4698925f},
                tf.nn.weightedCrossEntropyWithLogits(labels, logits, 2.0).toFloatArray(), 1e-6f);
        ValueError e = assertThrows(ValueError.class, () -> tf.nn.sigmoidCrossEntropyWithLogits(new float[] {1, 0}, new float[] {1, 2, 3}));
        assertEquals("logits and labels must have the same shape ((3,) vs (2,))", e.getMessage());
    }

    @Test
    void softmaxCrossEntropyTfDocExample() {
        float[][] logits = {{4, 2, 1}, {0, 5, 1}}, labels = {{1, 0, 0}, {0, 0.8f, 0.2f}};
        Tensor loss = tf.nn.softmaxCrossEntropyWithLogits(labels, logits);
        assertEquals(Shape.of(2), loss.shape());
        assertClose(new float[] {0.16984604f, 0.82474494f}, loss.toFloatArray(), 1e-6f);
        float[][] logitsT = {{4, 0}, {2, 5}, {1, 1}}, labelsT = {{1, 0}, {0, 0.8f}, {0, 0.2f}};
        assertClose(new float[] {0.16984604f, 0.82474494f}, tf.nn.softmaxCrossEntropyWithLogits(labelsT, logitsT, 0).toFloatArray(), 1e-6f);
        Tensor[] both = org.jflow.engine.Dispatcher.execute(SoftmaxCrossEntropy.DENSE, org.jflow.engine.Attrs.EMPTY,
                tf.constant(new float[] {1, 2, 3}), tf.constant(new float[] {0, 0, 1}));
        assertClose(new float[] {0.09003057f, 0.24472848f, 0.66524094f - 1}, both[1].toFloatArray(), 1e-6f);
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> tf.nn.softmaxCrossEntropyWithLogits(new float[][] {{1, 0}}, new float[][] {{1, 2, 3}}));
        assertEquals("logits and labels must be broadcastable: logits_size=[1,3] labels_size=[1,2] [Op:SoftmaxCrossEntropyWithLogits]",
                e.getMessage());
    }

    /** As TF's op, one row of labels broadcasts against every row of logits, and its gradient sums over them. */
    @Test
    void softmaxCrossEntropyBroadcastsLabels() {
        Tensor logits = tf.constant(new double[][] {{4, 2, 1}, {0, 5, 1}}), labels = tf.constant(new double[][] {{1, 0, 0}});
        Tensor[] out;
        Tensor dLabels;
        try (var tape = new org.jflow.GradientTape()) {
            tape.watch(labels);
            out = org.jflow.engine.Dispatcher.execute(SoftmaxCrossEntropy.DENSE, org.jflow.engine.Attrs.EMPTY, logits, labels);
            dLabels = tape.gradient(out[0], labels);
        }
        assertArrayEquals(new double[] {0.16984601955628567, 5.024744890138822}, out[0].toDoubleArray(), 1e-12);
        assertEquals(Shape.of(2, 3), out[1].shape());
        assertArrayEquals(tf.subtract(tf.nn.softmax(logits), labels).toDoubleArray(), out[1].toDoubleArray(), 1e-12);
        assertEquals(Shape.of(1, 3), dLabels.shape());
        // -log_softmax of each logits row, summed over the rows the labels were shared by
        assertArrayEquals(new double[] {5.194590909695108, 2.1945909096951084, 7.194590909695108}, dLabels.toDoubleArray(), 1e-12);
    }

    @Test
    void sparseSoftmaxCrossEntropyTfDocExample() {
        float[][] logits = {{2, -5, .5f, -.1f}, {0, 0, 1.9f, 1.4f}, {-100, 100, -100, -100}};
        Tensor loss = tf.nn.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 3, 1}, logits);
        assertClose(new float[] {0.29750752f, 1.1448325f, 0f}, loss.toFloatArray(), 1e-6f);
        Tensor l64 = tf.nn.sparseSoftmaxCrossEntropyWithLogits(new long[] {0, 3, 1}, logits);
        assertArrayEquals(loss.toFloatArray(), l64.toFloatArray());
        Tensor d = tf.nn.sparseSoftmaxCrossEntropyWithLogits(new int[][] {{1}}, new double[][][] {{{1, 2, 3}}});
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(Shape.of(1, 1), d.shape());
        assertEquals(1.4076059644443804, d.toDoubleArray()[0], 1e-14);
    }

    @Test
    void sparseErrors() {
        float[][] logits = {{1, 2, 3}, {1, 2, 3}};
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> tf.nn.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 5}, logits));
        assertEquals("Received a label value of 5 which is outside the valid range of [0, 3).  Label values: 0 5 "
                + "[Op:SparseSoftmaxCrossEntropyWithLogits]", e.getMessage());
        ValueError v = assertThrows(ValueError.class, () -> tf.nn.sparseSoftmaxCrossEntropyWithLogits(new int[][] {{0, 1}}, logits));
        e = assertThrows(InvalidArgumentError.class, () -> tf.nn.sparseSoftmaxCrossEntropyWithLogits(new float[] {0, 1}, logits));
        assertEquals("Value for attr 'Tlabels' of float is not in the list of allowed values: int32, int64\n\t; NodeDef: "
                + "{{node SparseSoftmaxCrossEntropyWithLogits}}; Op<name=SparseSoftmaxCrossEntropyWithLogits; signature="
                + "features:T, labels:Tlabels -> loss:T, backprop:T; attr=T:type,allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT, "
                + "DT_DOUBLE]; attr=Tlabels:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]> "
                + "[Op:SparseSoftmaxCrossEntropyWithLogits]", e.getMessage());
        assertEquals("Rank mismatch: Rank of labels (received 2) should equal rank of logits minus 1 (received 2).", v.getMessage());
        v = assertThrows(ValueError.class, () -> tf.nn.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 1, 2}, logits));
        assertEquals("Shape mismatch: The shape of labels (received (3,)) should equal the shape of logits except for the last dimension "
                + "(received (2, 3)).", v.getMessage());
    }

    @Test
    void computeAverageLoss() {
        assertEquals(2f, tf.nn.computeAverageLoss(new float[] {1, 2, 3}).floatValue());
        assertEquals(0.75f, tf.nn.computeAverageLoss(new float[] {1, 2, 3}, 8).floatValue());
        assertThrows(ValueError.class, () -> tf.nn.computeAverageLoss(tf.constant(1f)));
    }
}
