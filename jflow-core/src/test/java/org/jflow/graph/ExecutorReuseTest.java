package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The executor writes a fused node's result into an input buffer that dies there, and never into
 * one that a fetch, a feed, a constant or a variable still holds (also through Identity/Reshape).
 */
class ExecutorReuseTest {
    private static final int N = 10_000;

    private static Tensor input() { return tf.cast(tf.cos(tf.multiply(tf.range(0.0, N, 1.0), 0.01)), DType.FLOAT32); }

    /** Runs {@code fn} traced and optimized on x; checks every fetch against eager and x is left as it was. */
    private static Executor runAndCompare(Function<Tensor, List<Tensor>> fn, Tensor x) {
        float[] before = x.toFloatArray();
        List<Tensor> eager = fn.apply(x);
        Program p = tf.function(fn::apply).getConcreteFunction(x).optimizedProgram();
        Executor e = new Executor(p.graph(), p.inputs(), p.outputs(), true);
        for (int run = 0; run < 2; run++) {
            Tensor[] got = e.run(x);
            for (int i = 0; i < got.length; i++) assertArrayEquals(eager.get(i).toFloatArray(), got[i].toFloatArray(), "fetch " + i);
            assertArrayEquals(before, x.toFloatArray(), "the fed tensor");
        }
        return e;
    }

    /**
     * a = exp(2x) is read by {@code alias} and a Sum first, then by the tree sigmoid(3a) + 1, where
     * it dies; returns alias(a), the sum and the tree.
     */
    private static Tensor[] twoTrees(Tensor x, Function<Tensor, Tensor> alias) {
        Tensor a = tf.exp(tf.multiply(x, 2f));
        Tensor aliased = alias.apply(a);
        Tensor s = tf.reduceSum(a);
        return new Tensor[] {aliased, s, tf.add(tf.sigmoid(tf.multiply(a, 3f)), 1f)};
    }

    private static Tensor[] twoTrees(Tensor x) { return twoTrees(x, a -> a); }

    @Test
    void aDeadIntermediateIsOverwritten() {
        Executor e = runAndCompare(x -> {
            Tensor[] t = twoTrees(x);
            return List.of(t[1], t[2]);
        }, input());
        assertEquals(1, e.lastRunReuses());
    }

    @Test
    void aFetchedIntermediateIsNot() {
        Executor e = runAndCompare(x -> {
            Tensor[] t = twoTrees(x);
            return List.of(t[0], t[1], t[2]);
        }, input());
        assertEquals(0, e.lastRunReuses());
    }

    @Test
    void aliasesThroughIdentityAndReshapeAreNot() {
        Executor identity = runAndCompare(x -> {
            Tensor[] t = twoTrees(x, tf::identity);
            return List.of(t[0], t[2]);
        }, input());
        assertEquals(0, identity.lastRunReuses());
        Executor reshape = runAndCompare(x -> {
            Tensor[] t = twoTrees(x, a -> tf.reshape(a, 100, 100));
            return List.of(t[0], t[2]);
        }, input());
        assertEquals(0, reshape.lastRunReuses());
    }

    @Test
    void theFedTensorIsNot() {
        Executor e = runAndCompare(x -> List.of(tf.add(tf.exp(tf.multiply(x, 2f)), 1f)), input());
        assertEquals(0, e.lastRunReuses());
    }

    @Test
    void variablesKeepTheirValues() {
        Tensor x = input();
        float[] eager = twoTrees(x)[0].toFloatArray();
        Variable v = new Variable(tf.zeros(N));
        Variable w = new Variable(x);
        var f = tf.function((Tensor in) -> {
            Tensor[] t = twoTrees(in);
            v.assign(t[0]); // a's buffer becomes v's value: the tree after it must not overwrite it
            Tensor r = w.value(); // w's own tensor, dead after the tree reading it
            return List.of(t[2], tf.add(tf.multiply(r, 2f), 1f));
        });
        for (int run = 0; run < 2; run++) {
            f.call(x);
            assertArrayEquals(eager, v.value().toFloatArray());
            assertArrayEquals(x.toFloatArray(), w.value().toFloatArray());
        }
    }
}
