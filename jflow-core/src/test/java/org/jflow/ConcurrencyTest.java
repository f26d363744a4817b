package org.jflow;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What may run concurrently (README, "Threads"): eager ops from many threads, one tf.function from
 * many threads, one tape per thread, and variable updates that are atomic per variable as TF's
 * resource variables, so no concurrent assignAdd is lost.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;

    private static <T> List<T> onThreads(int n, Callable<T> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) futures.add(pool.submit(body));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentAssignAddLosesNoUpdate() throws Exception {
        Variable counter = tf.Variable(0L), vector = tf.Variable(new float[] {0, 0});
        onThreads(THREADS, () -> {
            for (int i = 0; i < 500; i++) {
                counter.assignAdd(1L);
                vector.assignAdd(new float[] {1, 2});
                vector.scatterNdSub(new int[][] {{0}}, new float[] {1});
            }
            return null;
        });
        assertEquals(THREADS * 500L, counter.value().longValue());
        assertArrayEquals(new float[] {0, THREADS * 1000}, vector.value().toFloatArray());
    }

    @Test
    void oneFunctionCalledFromManyThreadsUpdatesAtomically() throws Exception {
        Variable total = tf.Variable(0f);
        var step = tf.function((Tensor x) -> {
            total.assignAdd(tf.reduceSum(x));
            return tf.multiply(x, 2f);
        });
        Tensor ones = tf.ones(1000);
        step.call(ones); // trace once; the threads then share the graph
        total.assign(0f);
        List<Float> sums = onThreads(THREADS, () -> {
            float s = 0;
            for (int i = 0; i < 50; i++) s += tf.reduceSum((Tensor) step.call(ones)).floatValue();
            return s;
        });
        for (float s : sums) assertEquals(50 * 2000f, s);
        assertEquals(THREADS * 50 * 1000f, total.value().floatValue());
        assertEquals(1, step.tracingCount());
    }

    @Test
    void eagerOpsAndTapesRunPerThread() throws Exception {
        // each thread differentiates its own function with its own tape; large ops use the shared kernel pool
        List<Boolean> ok = onThreads(THREADS, () -> {
            float k = (float) (Thread.currentThread().threadId() % 7 + 1);
            Variable x = tf.Variable(tf.fill(new int[] {128, 128}, k));
            for (int i = 0; i < 3; i++) {
                try (var tape = tf.GradientTape()) {
                    Tensor y = tf.reduceSum(tf.multiply(tf.matmul(x, x), 0.5f));
                    Tensor g = tape.gradient(y, x);
                    // d/dx sum(x@x)/2 for a constant matrix = 128 k everywhere
                    float[] v = g.toFloatArray();
                    for (float e : v) if (e != 128 * k) return false;
                }
            }
            return true;
        });
        assertEquals(List.of(true, true, true, true, true, true, true, true), ok);
    }
}
