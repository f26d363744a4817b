package org.jflow.config;

import org.jflow.engine.Parallel;
import org.jflow.errors.RuntimeError;

/**
 * {@code tf.config.threading}: the thread settings of the kernel pool, with TF's rules. Any int is
 * accepted before the pool starts (intra-op 0 or less: one thread per core; inter-op 0: the default,
 * negative: independent graph nodes run one at a time on the caller); once the pool has started (the
 * first op big enough to use it, as TF's context starts on the first op), setting another value is
 * TF's {@code RuntimeError} and setting the current one does nothing.
 *
 * <p>What may run concurrently: eager ops from any number of threads; one {@code tf.function}
 * called from many threads (each call runs its own executor over the shared graph; its trace cache
 * is shared and thread-safe); variable updates, each atomic per variable; gradient tapes, which
 * record only the ops of the thread that opened them. Kernels of concurrent callers share this pool.
 */
public final class Threading {
    Threading() {}

    /** {@code tf.config.threading.get_intra_op_parallelism_threads()}: 0 means the default. */
    public int getIntraOpParallelismThreads() { return Parallel.intraOpSetting(); }

    /** {@code tf.config.threading.set_intra_op_parallelism_threads(num_threads)}. */
    public void setIntraOpParallelismThreads(int numThreads) {
        if (!Parallel.setIntraOpThreads(numThreads)) {
            throw new RuntimeError("Intra op parallelism cannot be modified after initialization.");
        }
    }

    /** {@code tf.config.threading.get_inter_op_parallelism_threads()}: 0 means the default. */
    public int getInterOpParallelismThreads() { return Parallel.interOpSetting(); }

    /** {@code tf.config.threading.set_inter_op_parallelism_threads(num_threads)}. */
    public void setInterOpParallelismThreads(int numThreads) {
        if (!Parallel.setInterOpThreads(numThreads)) {
            throw new RuntimeError("Inter op parallelism cannot be modified after initialization.");
        }
    }
}
