package org.jflow.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread pool of the kernels (TF's intra-op pool). Work comes as numbered chunks that the
 * caller and the pool's workers claim from the job's counter, so a worker the OS has not scheduled
 * yet simply takes none and the caller finishes alone instead of waiting for it. Idle workers spin
 * for a moment before parking, as BLAS threads do: a 256 x 256 GEMM lasts about 0.1 ms, less than
 * waking a parked thread can take.
 *
 * <p>Several jobs may run at once: callers on different threads (eager ops, or one traced function
 * called from many threads) each post their job, and the workers take one chunk at a time from the
 * job with the most chunks left, so concurrent callers share the pool instead of one of them
 * running alone. A job started from inside a chunk runs on that thread alone, which keeps nesting
 * free of deadlocks (a thread only waits for chunks that others are running) and the cores free of
 * oversubscription. Small loops run on the caller's thread, so tiny ops stay cheap.
 *
 * <p>The pool starts on first use with {@code tf.config.threading}'s intra-op setting (0: one thread
 * per core); as in TF, the settings cannot change once it has started.
 */
public final class Parallel {
    /** Work below this many element-operations runs single-threaded. */
    public static final int DEFAULT_GRAIN = 1 << 15;
    /** Chunks per thread in {@link #forRange}: spare chunks let early threads cover late ones. */
    private static final int CHUNKS_PER_THREAD = 4;
    private static final long SPIN_NANOS = 1_000_000;

    private static final ConcurrentLinkedQueue<Job> ACTIVE = new ConcurrentLinkedQueue<>();
    /** Per caller thread: whether it is running a chunk now (a job it starts then runs alone). */
    private static final ThreadLocal<boolean[]> IN_CHUNK = ThreadLocal.withInitial(() -> new boolean[1]);
    private static volatile Worker[] workers;
    private static int intraOpSetting, interOpSetting;

    private Parallel() {}

    /** A loop body over a half-open range. */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    /** A body run once per chunk index. */
    @FunctionalInterface
    public interface ChunkBody { void run(int index); }

    /** The workers, started on first use from the intra-op setting. */
    private static Worker[] pool() {
        Worker[] w = workers;
        return w != null ? w : start();
    }

    private static synchronized Worker[] start() {
        if (workers != null) return workers;
        int threads = intraOpSetting > 0 ? intraOpSetting : Runtime.getRuntime().availableProcessors();
        Worker[] w = new Worker[Math.max(0, threads - 1)];
        for (int i = 0; i < w.length; i++) {
            w[i] = new Worker("jflow-worker-" + (i + 1));
            w[i].start();
        }
        workers = w;
        return w;
    }

    /** Whether the pool has started, after which TF refuses to change the thread settings. */
    public static boolean started() { return workers != null; }

    /**
     * {@code tf.config.threading.set_intra_op_parallelism_threads}: the threads a kernel may use (0 or
     * less: one per core). Returns false, changing nothing, once the pool has started with another value.
     */
    public static synchronized boolean setIntraOpThreads(int threads) {
        if (threads == intraOpSetting) return true;
        if (started()) return false;
        intraOpSetting = threads;
        return true;
    }

    /**
     * {@code tf.config.threading.set_inter_op_parallelism_threads}: how many independent graph nodes
     * may run side by side (0: as many as the pool has threads; negative: one at a time, on the caller).
     * Returns false, changing nothing, once the pool has started with another value.
     */
    public static synchronized boolean setInterOpThreads(int threads) {
        if (threads == interOpSetting) return true;
        if (started()) return false;
        interOpSetting = threads;
        return true;
    }

    /** The intra-op setting as TF reports it (0: the default). */
    public static synchronized int intraOpSetting() { return intraOpSetting; }

    /** The inter-op setting as TF reports it (0: the default). */
    public static synchronized int interOpSetting() { return interOpSetting; }

    /** Threads that work on a job: the workers and the caller. */
    public static int threads() { return pool().length + 1; }

    /** How many independent graph nodes an executor runs side by side, from the inter-op setting. */
    public static int interOpThreads() {
        int inter = interOpSetting;
        return inter < 0 ? 1 : inter == 0 ? threads() : Math.min(inter, threads());
    }

    /**
     * Whether this thread is running a chunk, so that a job started now would run on it alone:
     * kernels that size their chunks for the team (a GEMM inside a convolution's chunk) size them
     * for one thread instead.
     */
    public static boolean busy() { return Thread.currentThread() instanceof Worker || IN_CHUNK.get()[0]; }

    /** Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} elements. */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = (int) Math.min((long) CHUNKS_PER_THREAD * threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        forEachChunk(chunks, i -> body.run((int) ((long) n * i / chunks), (int) ((long) n * (i + 1) / chunks)));
    }

    public static void forRange(int n, RangeBody body) { forRange(n, DEFAULT_GRAIN, body); }

    /** Runs {@code body(0) .. body(chunks - 1)}, in any order and on any of the pool's threads. */
    public static void forEachChunk(int chunks, ChunkBody body) {
        Worker[] pool = pool();
        if (chunks <= 1 || pool.length == 0 || busy()) {
            for (int i = 0; i < chunks; i++) body.run(i);
            return;
        }
        Job job = new Job(chunks, body);
        boolean[] inChunk = IN_CHUNK.get();
        ACTIVE.add(job);
        try {
            wake(pool, chunks - 1);
            inChunk[0] = true;
            while (job.workOne()) { /* the caller claims chunks until none is left */ }
            inChunk[0] = false;
            long start = System.nanoTime();
            while (job.done.get() < chunks) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.parkNanos(10_000);
            }
        } finally {
            inChunk[0] = false;
            ACTIVE.remove(job); // let the operands be collected
        }
        Throwable t = job.failure;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
    }

    /** Unparks up to {@code wanted} workers, idle ones first. */
    private static void wake(Worker[] pool, int wanted) {
        for (int w = 0; w < pool.length && wanted > 0; w++) {
            if (pool[w].idle) {
                LockSupport.unpark(pool[w]);
                wanted--;
            }
        }
    }

    /** The job with the most chunks nobody has claimed yet, or null. */
    private static Job mostToDo() {
        Job best = null;
        int left = 0;
        for (Job j : ACTIVE) {
            int l = j.chunks - j.next.get();
            if (l > left) {
                best = j;
                left = l;
            }
        }
        return best;
    }

    private static final class Job {
        final int chunks;
        final ChunkBody body;
        final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        volatile Throwable failure;

        Job(int chunks, ChunkBody body) {
            this.chunks = chunks;
            this.body = body;
        }

        /** Claims and runs one chunk; false when none was left. */
        boolean workOne() {
            int i = next.getAndIncrement();
            if (i >= chunks) return false;
            try {
                body.run(i);
            } catch (Throwable t) {
                failure = t;
            }
            done.incrementAndGet();
            return true;
        }
    }

    private static final class Worker extends Thread {
        volatile boolean idle = true;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Job job = mostToDo();
                if (job != null) {
                    idle = false;
                    job.workOne();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    idle = true;
                    Thread.onSpinWait();
                } else {
                    idle = true;
                    LockSupport.park(this);
                }
            }
        }
    }
}
