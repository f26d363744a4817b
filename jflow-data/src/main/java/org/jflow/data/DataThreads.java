package org.jflow.data;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads tf.data's parallel stages run on (TF's dataset thread pool): daemon threads, so a
 * pipeline left unfinished never keeps the JVM alive, created as needed and reused.
 */
final class DataThreads {
    private DataThreads() {}

    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tf.data");
        t.setDaemon(true);
        return t;
    });

    /** {@code AUTOTUNE} or a requested parallelism, as a thread count. */
    static int parallelism(int requested) {
        return requested == Dataset.AUTOTUNE ? Runtime.getRuntime().availableProcessors() : Math.max(requested, 1);
    }

    /** The future's value; the task's own exception is rethrown as it was. */
    static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.jflow.errors.CancelledError("Iterator was cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
