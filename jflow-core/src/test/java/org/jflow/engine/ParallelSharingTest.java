package org.jflow.engine;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two callers on different threads share the kernel pool: the second is helped by workers while the first runs. */
class ParallelSharingTest {
    @Test
    void aSecondCallerIsHelpedWhileAnotherJobRuns() throws Exception {
        assumeTrue(Parallel.threads() > 1, "needs a pool with at least one worker");
        CountDownLatch firstHolds = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        Thread firstCaller = new Thread(() -> {
            // a chunk the first caller runs itself blocks until the test ends; chunks on workers return at once
            // (a worker may, rarely, take every chunk first: the job then simply runs again)
            while (!held.get()) {
                Parallel.forEachChunk(64, i -> {
                    if (Thread.currentThread().getName().equals("first-caller") && held.compareAndSet(false, true)) {
                        firstHolds.countDown();
                        await(release);
                    }
                });
            }
        }, "first-caller");
        firstCaller.start();
        assertTrue(firstHolds.await(10, TimeUnit.SECONDS));
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        try {
            Parallel.forEachChunk(2, i -> {
                ranOn.add(Thread.currentThread().getName());
                bothStarted.countDown();
                await(bothStarted); // each chunk waits for the other: only two threads at once finish this job
            });
        } finally {
            release.countDown();
            firstCaller.join();
        }
        assertTrue(ranOn.stream().anyMatch(n -> n.startsWith("jflow-worker-")), ranOn.toString());
    }

    @Test
    void aJobStartedInsideAChunkRunsOnItsThread() {
        Set<String> outer = ConcurrentHashMap.newKeySet();
        Parallel.forEachChunk(4, i -> {
            assertTrue(Parallel.busy());
            String me = Thread.currentThread().getName();
            Parallel.forEachChunk(3, j -> outer.add(me.equals(Thread.currentThread().getName()) ? "same" : "other"));
        });
        assertFalse(outer.contains("other"));
        assertFalse(Parallel.busy());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("timed out: the job was not shared");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
