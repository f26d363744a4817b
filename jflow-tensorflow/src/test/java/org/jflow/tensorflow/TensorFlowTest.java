package org.jflow.tensorflow;

import org.jflow.Tensor;
import org.jflow.io.GraphDefs;
import org.jflow.keras.Keras;
import org.jflow.keras.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.jflow.tensorflow.TensorFlow.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One import gives the core's {@code tf} and the namespaces of the modules above it. */
class TensorFlowTest {
    @Test
    void theAggregateTfHasTheCoresFunctionsAndNamespaces() {
        Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new float[] {3, 7}, tf.reduceSum(x, 1).toFloatArray());
        assertArrayEquals(new float[] {3, 7}, tf.math.reduceSum(x, 1).toFloatArray());
        assertEquals("tf.Tensor(1.0, shape=(), dtype=float32)", tf.nn.relu(tf.constant(1.0)).toString());
        assertSame(org.jflow.DType.FLOAT32, tf.float32);
    }

    @Test
    void tfKerasIsKerasItself() {
        assertSame(Keras.keras, tf.keras);
        var v = tf.Variable(new float[] {1, 2});
        SGD sgd = tf.keras.optimizers.SGD(0.5);
        sgd.applyGradients(java.util.List.of(tf.constant(new float[] {1, 1})), java.util.List.of(v));
        assertArrayEquals(new float[] {0.5f, 1.5f}, v.value().toFloatArray());
    }

    @Test
    void tfDataReadsAsInPython() {
        var ds = tf.data.Dataset.range(12).map(x -> tf.multiply(x, 2L), tf.data.AUTOTUNE).batch(4).prefetch(tf.data.AUTOTUNE);
        assertEquals("tf.Tensor([ 8 10 12 14], shape=(4,), dtype=int64)", ds.skip(1).take(1).toList().getFirst().toString());
        assertEquals(3, ds.cardinality());
        assertEquals(tf.data.experimental.AUTOTUNE, tf.data.AUTOTUNE);
    }

    @Test
    void tfIoWritesATracedFunctionsGraph(@TempDir Path dir) throws Exception {
        var f = tf.function((Tensor a) -> tf.multiply(a, 2f));
        String path = tf.io.writeGraph(f.getConcreteFunction(tf.constant(1f)).graph(), dir.toString(), "g.pb", false);

        assertTrue(Files.size(Path.of(path)) > 0);
        assertEquals("Mul", GraphDefs.readGraphDef(Path.of(path)).getNode(2).getOp());
    }
}
