package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiFunction;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The elementwise fusion pass: how many nodes it leaves, and bit-identical results to the unfused ops. */
class ElementwiseFusionTest {
    /** Sizes: one below the parallel grain, one above it that no block or vector length divides. */
    private static final int[] SIZES = {37, 100_003};

    private static Tensor input(int n, int seed) {
        return tf.multiply(tf.cast(tf.sin(tf.multiply(tf.range(0.0, n, 1.0), 0.37 + seed)), DType.FLOAT32), 3f);
    }

    /** The block temporaries of the program's only fused node. */
    private static int temporaries(Program p) {
        Node fused = p.graph().operations().stream().filter(n -> n.op() == FusedElementwise.OP).findFirst().orElseThrow();
        return ((FusedElementwise.Expression) fused.attrs().get("expression")).temporaries();
    }

    private static long count(Program p, String type) { return p.graph().operations().stream().filter(n -> n.type().equals(type)).count(); }

    /** Fetches of the function traced on (x, y): eager and through the optimized graph must agree to the bit. */
    private static ConcreteFunction checkSameBits(BiFunction<Tensor, Tensor, List<Tensor>> fn, Tensor x, Tensor y) {
        List<Tensor> eager = fn.apply(x, y);
        var f = tf.function(fn::apply);
        ConcreteFunction c = f.getConcreteFunction(x, y);
        Tensor[] traced = c.callFlat(x, y);
        assertEquals(eager.size(), traced.length);
        for (int i = 0; i < traced.length; i++) {
            assertEquals(eager.get(i).dtype(), traced[i].dtype());
            assertEquals(eager.get(i).shape(), traced[i].shape());
            if (traced[i].dtype() == DType.FLOAT64) assertArrayEquals(eager.get(i).toDoubleArray(), traced[i].toDoubleArray());
            else assertArrayEquals(eager.get(i).toFloatArray(), traced[i].toFloatArray());
        }
        return c;
    }

    @Test
    void chainBecomesOneNode() {
        for (int n : SIZES) {
            ConcreteFunction c = checkSameBits((x, y) -> {
                Tensor t = tf.add(tf.multiply(x, 1.5f), 0.5f);
                t = tf.sigmoid(t);
                t = tf.multiply(t, x);
                t = tf.subtract(t, 0.25f);
                t = tf.exp(t);
                t = tf.sqrt(tf.abs(t));
                t = tf.divide(tf.negative(t), y);
                return List.of(tf.square(tf.maximum(t, -2f)));
            }, input(n, 0), input(n, 1));
            Program before = c.program(), after = c.optimizedProgram();
            assertEquals(1, count(before, "Sigmoid"));
            assertEquals(0, count(after, "Sigmoid"));
            assertEquals(1, count(after, "FusedElementwise"));
            assertEquals(before.graph().operations().size() - 12 + 1, after.graph().operations().size()); // 12 ops, one node
            assertEquals(1, temporaries(after)); // each step overwrites the block its input was in
        }
    }

    @Test
    void diamondInsideTheTreeFusesWhole() {
        for (int n : SIZES) {
            ConcreteFunction c = checkSameBits((x, y) -> {
                Tensor i = tf.multiply(x, y);
                Tensor a = tf.exp(i);
                Tensor b = tf.negative(i);
                return List.of(tf.add(tf.multiply(a, b), x));
            }, input(n, 2), input(n, 3));
            assertEquals(5, c.program().graph().operations().size() - 2);
            assertEquals(List.of("Placeholder", "Placeholder", "FusedElementwise"),
                    c.optimizedProgram().graph().operations().stream().map(Node::type).toList());
            assertEquals(2, temporaries(c.optimizedProgram())); // exp(i) and neg(i) are alive together
        }
    }

    @Test
    void aReaderOutsideTheTreeKeepsTheIntermediate() {
        for (int n : SIZES) {
            ConcreteFunction c = checkSameBits((x, y) -> {
                Tensor a = tf.multiply(x, 2f);
                Tensor b = tf.exp(tf.add(a, y));
                Tensor s = tf.reduceSum(a);
                return List.of(tf.square(b), s, tf.sigmoid(a));
            }, input(n, 4), input(n, 5));
            Program after = c.optimizedProgram();
            assertEquals(1, count(after, "Mul")); // read by Sum and by two trees: stays
            assertEquals(1, count(after, "FusedElementwise")); // square(exp(a + y)); sigmoid(a) alone stays as it is
            assertEquals(1, count(after, "Sigmoid"));
        }
    }

    @Test
    void anOutputIsNeverFusedAway() {
        ConcreteFunction c = checkSameBits((x, y) -> {
            Tensor a = tf.exp(tf.multiply(x, y));
            return List.of(tf.negative(tf.add(a, 1f)), a);
        }, input(1000, 6), input(1000, 7));
        Program after = c.optimizedProgram();
        assertEquals(2, count(after, "FusedElementwise"));
        assertEquals(0, count(after, "Exp"));
    }

    @Test
    void scalarsBroadcastIntoTheLoop() {
        for (int n : SIZES) {
            ConcreteFunction c = checkSameBits((x, s) -> List.of(tf.exp(tf.subtract(tf.multiply(s, x), s))), input(n, 8), tf.constant(new float[] {0.75f}));
            assertEquals(1, count(c.optimizedProgram(), "FusedElementwise"));
            assertEquals(0, count(c.optimizedProgram(), "Sub"));
        }
    }

    @Test
    void dtypesAreFusedApartAndIntegersNotAtAll() {
        ConcreteFunction c = checkSameBits((x, y) -> {
            Tensor f = tf.exp(tf.multiply(x, y));
            Tensor d = tf.cast(f, DType.FLOAT64);
            Tensor dd = tf.sqrt(tf.add(tf.multiply(d, d), 1.0));
            Tensor i = tf.cast(x, DType.INT32);
            return List.of(dd, tf.add(tf.multiply(i, 3), 1));
        }, input(5000, 9), input(5000, 10));
        Program after = c.optimizedProgram();
        assertEquals(2, count(after, "FusedElementwise"));
        assertEquals(2, count(after, "Cast"));
        assertEquals(1, count(after, "Mul")); // the int32 one
        assertEquals(1, count(after, "AddV2"));
    }
}
