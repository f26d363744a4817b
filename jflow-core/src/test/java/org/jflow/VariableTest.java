package org.jflow;

import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.*;

class VariableTest {
    @Test
    void constantsAreReplacedWhileVariablesMutateInPlace() {
        Tensor c = tf.constant(new float[] {1, 2});
        Tensor c2 = tf.add(c, tf.constant(new float[] {1, 1}));
        assertNotSame(c, c2);
        assertArrayEquals(new float[] {1, 2}, c.toFloatArray());
        assertArrayEquals(new float[] {2, 3}, c2.toFloatArray());

        Variable v = tf.Variable(new float[] {1, 2}, "v");
        Tensor before = v.value();
        Variable unread = v.assignAdd(new float[] {1, 1});
        assertNotSame(v, unread);
        assertTrue(v.sameVariable(unread));
        assertEquals("UnreadVariable", unread.name());
        assertEquals("<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, numpy=array([2., 3.], dtype=float32)>",
                unread.toString());
        assertEquals("v:0", v.name());
        assertArrayEquals(new float[] {2, 3}, v.value().toFloatArray());
        assertArrayEquals(new float[] {1, 2}, before.toFloatArray(), "tensors read earlier keep their values");
        v.assignSub(new float[] {2, 2});
        assertArrayEquals(new float[] {0, 1}, v.value().toFloatArray());
    }

    @Test
    void defaultsAndOptions() {
        Variable x = tf.Variable(0.0);
        assertEquals("Variable:0", x.name());
        assertEquals(DType.FLOAT32, x.dtype());
        assertTrue(x.trainable());
        Variable y = tf.Variable(0.0, o -> o.name("x").dtype(tf.float64).trainable(false));
        assertEquals(DType.FLOAT64, y.dtype());
        assertFalse(y.trainable());
        assertEquals("x:0", y.name());
    }

    @Test
    void assignRefusesAnotherShapeOrDType() {
        Variable v = tf.Variable(new float[] {1, 2}, "v");
        ValueError e = assertThrows(ValueError.class, () -> v.assign(new float[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("The variable shape (2,), and the assigned value shape (3,) are incompatible"),
                e.getMessage());
        assertThrows(ValueError.class, () -> v.assign(tf.constant(new int[] {1, 2})));
    }

    @Test
    void trainableCanBeSetToFreezeAVariable() {
        Variable w = tf.Variable(2.0);
        w.setTrainable(false);
        assertFalse(w.trainable());
        try (var tape = tf.GradientTape()) {
            Tensor y = tf.multiply(w, w);
            assertNull(tape.gradient(y, w), "a frozen variable is not watched");
        }
        Variable alias = w.assign(3.0);
        w.setTrainable(true);
        assertTrue(alias.trainable(), "aliases share the flag");
    }

    @Test
    void shortNameAndPathAsKeras() {
        Variable v;
        try (var scope = org.jflow.graph.NameScope.enter("dense")) {
            v = tf.Variable(tf.zeros(2, 2), "kernel");
        }
        assertEquals("dense/kernel:0", v.name());
        assertEquals("kernel", v.shortName());
        assertEquals("dense/kernel", v.path());
        assertEquals("Variable", tf.Variable(1.0).shortName());
        assertEquals("dense/kernel", v.assign(tf.ones(2, 2)).path(), "an alias has its variable's path");
    }

    @Test
    void constraintIsKeptNotAppliedByAssign() {
        // tf.Variable(constraint=...): TF's optimizers project after their update; assign itself writes as given
        java.util.function.Function<Tensor, Tensor> nonNeg = x -> tf.maximum(x, 0f);
        Variable v = tf.Variable(new float[] {1, -1}, o -> o.constraint(nonNeg));
        v.assign(new float[] {-3, 3});
        assertArrayEquals(new float[] {-3, 3}, v.value().toFloatArray());
        assertSame(nonNeg, v.constraint());
        v.setRegularizer(x -> tf.reduceSum(tf.abs(x)));
        assertEquals(6f, v.regularizer().apply(v.value()).floatValue());
    }

    @Test
    void aggregationAndSynchronizationAsTf() {
        Variable plain = tf.Variable(1.0);
        assertEquals(VariableAggregation.NONE, plain.aggregation());
        assertEquals(VariableSynchronization.AUTO, plain.synchronization());
        Variable mean = tf.Variable(1.0, o -> o.aggregation(VariableAggregation.MEAN));
        assertEquals(VariableAggregation.MEAN, mean.aggregation());
        assertTrue(mean.trainable());
        // TF: an ON_READ variable (a metric's total) is not trainable unless asked
        assertFalse(tf.Variable(1.0, o -> o.synchronization(VariableSynchronization.ON_READ)).trainable());
        Variable asked = tf.Variable(1.0, o -> o.synchronization(VariableSynchronization.ON_READ).trainable(true));
        assertTrue(asked.trainable());
    }

    @Test
    void autocastScopeReadsFloatVariablesInItsDtype() {
        Variable w = tf.Variable(new float[] {1.5f, 2f});
        Variable steps = tf.Variable(3);
        Variable exact = tf.Variable(new float[] {1, 2}, o -> o.autocast(false));
        try (var tape = tf.GradientTape()) {
            Tensor y;
            try (var scope = new AutocastScope(DType.FLOAT16)) {
                assertEquals(DType.FLOAT16, w.value().dtype());
                assertEquals(DType.INT32, steps.value().dtype(), "only floats are cast");
                assertEquals(DType.FLOAT32, exact.value().dtype(), "autocast=False");
                try (var off = new AutocastScope(null)) {
                    assertEquals(DType.FLOAT32, w.value().dtype());
                }
                y = tf.reduceSum(tf.multiply(w, tf.constant(new float[] {2, 2}, tf.float16)));
            }
            assertEquals(DType.FLOAT32, w.value().dtype());
            assertEquals(DType.FLOAT32, w.dtype());
            Tensor g = tape.gradient(y, w);
            assertEquals(DType.FLOAT32, g.dtype(), "the gradient arrives in the variable's dtype");
            assertArrayEquals(new float[] {2, 2}, g.toFloatArray());
        }
        var e = assertThrows(ValueError.class, () -> new AutocastScope(DType.INT32));
        assertEquals("`AutocastScope` can only be used with a floating-point target dtype, such as 'float16'. "
                + "Received: dtype=int32", e.getMessage());
    }
}
