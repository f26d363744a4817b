package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.GradientTape;
import org.jflow.Variable;
import org.jflow.engine.FreeList;
import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor reuses dead intermediates' buffers (a fused node writes into an input buffer that
 * dies there, any kernel's new buffer may be one given back earlier in the run or in an earlier
 * run), never one that a fetch, a feed, a constant or a variable still holds (also through
 * Identity/Reshape), nor a result the caller kept; one function called from several threads at once
 * gives each its own results; and a traced chain allocates less per call than without reuse.
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

    /** Ten element-wise ops, each reading the previous result (and two reading x again): bench/run's chain10. */
    private static Tensor chain(Tensor x) {
        Tensor t = tf.multiply(x, 1.5f);
        t = tf.add(t, 0.5f);
        t = tf.tanh(t);
        t = tf.multiply(t, x);
        t = tf.subtract(t, 0.25f);
        t = tf.exp(t);
        t = tf.multiply(t, 0.5f);
        t = tf.add(t, x);
        t = tf.abs(t);
        return tf.sqrt(t);
    }

    /** The chain traced without the optimizer: ten kernels, nine dead intermediates per call. */
    private static PolymorphicFunction<Tensor> unfusedChain() {
        return tf.function(ExecutorReuseTest::chain, o -> o.optimizer(p -> p));
    }

    private static Tensor input(float phase) {
        return tf.cast(tf.cos(tf.add(tf.multiply(tf.range(0.0, N, 1.0), 0.01), (double) phase)), DType.FLOAT32);
    }

    @Test
    void aResultTheCallerKeepsIsNeverOverwrittenByLaterCalls() {
        var f = unfusedChain();
        List<Tensor> results = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            Tensor x = input(call);
            results.add(f.call(x));
            expected.add(chain(x).toFloatArray());
        }
        for (int call = 0; call < results.size(); call++) {
            assertArrayEquals(expected.get(call), results.get(call).toFloatArray(), "the result of call " + call);
        }
        assertEquals(6, results.stream().map(Tensor::storage).distinct().count(), "six results, six buffers");
    }

    @Test
    void oneFunctionCalledFromSeveralThreadsGivesEachItsResults() throws Exception {
        var f = unfusedChain();
        f.call(input(0)); // trace once, before the threads race
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                float phase = thread;
                done.add(pool.submit((Callable<String>) () -> {
                    Tensor x = input(phase);
                    float[] expected = chain(x).toFloatArray();
                    List<Tensor> kept = new ArrayList<>();
                    for (int call = 0; call < 40; call++) kept.add(f.call(x));
                    for (Tensor t : kept) {
                        if (!Arrays.equals(expected, t.toFloatArray())) return "thread " + phase + ": another result";
                    }
                    return null;
                }));
            }
            for (Future<String> d : done) assertEquals(null, d.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTracedChainAllocatesLessPerCallThanWithoutReuse() {
        Tensor x = input(0);
        var reusing = unfusedChain();
        var plain = unfusedChain();
        int minimum = FreeList.minimumSlots();
        FreeList.minimumSlots(Integer.MAX_VALUE); // no buffer is pooled by an executor compiled now
        try {
            plain.call(x);
        } finally {
            FreeList.minimumSlots(minimum);
        }
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long withReuse = Long.MAX_VALUE, without = Long.MAX_VALUE;
        // the least of many rounds, each function in turn: until the JIT compiles the Vector API loops, they allocate
        for (int round = 0; round < 40; round++) {
            withReuse = Math.min(withReuse, allocatedPerCall(threads, reusing, x));
            without = Math.min(without, allocatedPerCall(threads, plain, x));
        }
        // ten new 40 kB buffers per call without reuse; with it the fetched result and one buffer in flight. What
        // Vector API loops the JIT has not inlined yet allocate differs between the two functions by a few hundred
        // kB on a busy machine, so the bytes only bound it; the executor's own count of buffers it served is exact
        assertTrue(without >= 10L * 4 * N, "without reuse: " + without + " bytes per call");
        assertTrue(withReuse < without, "with reuse: " + withReuse + " bytes per call, without: " + without);
        assertTrue(reusesPerCall(reusing, x) >= 8, "buffers served from the free list per call");
    }

    /** Buffers the free list served again per call, over ten calls of {@code f} alone on this thread. */
    private static long reusesPerCall(PolymorphicFunction<Tensor> f, Tensor x) {
        long before = FreeList.served();
        for (int i = 0; i < 10; i++) f.call(x);
        return (FreeList.served() - before) / 10;
    }

    /** Bytes allocated per call on all threads over ten calls (ThreadMXBean's count, not a timing). */
    private static long allocatedPerCall(ThreadMXBean threads, PolymorphicFunction<Tensor> f, Tensor x) {
        int calls = 10;
        long before = threads.getTotalThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) f.call(x);
        return (threads.getTotalThreadAllocatedBytes() - before) / calls;
    }

    /**
     * A 64-100-10 MLP's SGD step (relu, softmax cross entropy, assignSub): three traced steps leave
     * the weights bit-identical to three eager steps, with every buffer pooled and each buffer given
     * back filled with garbage first.
     */
    @Test
    void aTracedTrainingStepOnReusedBuffersMatchesEagerSteps() {
        int minimum = FreeList.minimumSlots();
        FreeList.minimumSlots(1);
        FreeList.poison(true);
        try {
            Tensor x = tf.cast(tf.sin(tf.reshape(tf.range(0.0, 32 * 64, 1.0), 32, 64)), DType.FLOAT32);
            int[] classes = new int[32];
            for (int i = 0; i < classes.length; i++) classes[i] = i % 10;
            Tensor labels = tf.oneHot(tf.constant(classes), 10);
            List<Variable> eager = mlp(), traced = mlp();
            var step = tf.function((Tensor in, Tensor y) -> step(traced, in, y));
            for (int i = 0; i < 3; i++) {
                Tensor lossEager = step(eager, x, labels);
                Tensor lossTraced = step.call(x, labels);
                assertArrayEquals(lossEager.toFloatArray(), lossTraced.toFloatArray(), "loss of step " + i);
            }
            for (int i = 0; i < eager.size(); i++) {
                float[] expected = eager.get(i).value().toFloatArray();
                assertArrayEquals(expected, traced.get(i).value().toFloatArray(), "weight " + i);
            }
        } finally {
            FreeList.minimumSlots(minimum);
            FreeList.poison(false);
        }
    }

    private static List<Variable> mlp() {
        Tensor w1 = tf.cast(tf.multiply(tf.cos(tf.reshape(tf.range(0.0, 64 * 100, 1.0), 64, 100)), 0.1), DType.FLOAT32);
        Tensor w2 = tf.cast(tf.multiply(tf.sin(tf.reshape(tf.range(0.0, 100 * 10, 1.0), 100, 10)), 0.1), DType.FLOAT32);
        return List.of(new Variable(w1), new Variable(tf.zeros(100)), new Variable(w2), new Variable(tf.zeros(10)));
    }

    private static Tensor step(List<Variable> w, Tensor x, Tensor labels) {
        Tensor loss;
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            Tensor h = tf.nn.relu(tf.add(tf.matmul(x, w.get(0)), w.get(1)));
            Tensor logits = tf.add(tf.matmul(h, w.get(2)), w.get(3));
            loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogits(labels, logits));
            grads = tape.gradient(loss, w);
        }
        for (int i = 0; i < w.size(); i++) w.get(i).assignSub(tf.multiply(grads.get(i), 0.1f));
        return loss;
    }
}
