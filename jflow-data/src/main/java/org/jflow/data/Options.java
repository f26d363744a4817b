package org.jflow.data;

/**
 * {@code tf.data.Options}, the options that change what a pipeline does: {@code deterministic} (false
 * lets parallel maps deliver elements as they finish unless a map says otherwise) and
 * {@code threading.privateThreadpoolSize} (the parallelism {@code AUTOTUNE} resolves to, in place of
 * the CPU count). Unset options (null, 0) leave TF's defaults. Options set anywhere in a pipeline
 * apply to the whole of it, as in TF; where two set the same option, the one downstream wins.
 */
public final class Options {
    /** {@code options.deterministic}: null (unset) or a value. */
    public Boolean deterministic;
    /** {@code options.threading}. */
    public final ThreadingOptions threading = new ThreadingOptions();

    /** {@code tf.data.ThreadingOptions}. */
    public static final class ThreadingOptions {
        /** {@code private_threadpool_size}: 0 (unset) or the number of threads the pipeline's AUTOTUNE stages use. */
        public int privateThreadpoolSize;
    }

    /** Fluent {@code options.deterministic = ...}. */
    public Options deterministic(boolean deterministic) { this.deterministic = deterministic; return this; }

    /** Fluent {@code options.threading.private_threadpool_size = ...}. */
    public Options privateThreadpoolSize(int size) { threading.privateThreadpoolSize = size; return this; }

    /** These options with {@code later}'s set values on top (TF's {@code Options.merge}). */
    Options merge(Options later) {
        Options out = new Options();
        out.deterministic = later.deterministic != null ? later.deterministic : deterministic;
        out.threading.privateThreadpoolSize = later.threading.privateThreadpoolSize != 0
                ? later.threading.privateThreadpoolSize : threading.privateThreadpoolSize;
        return out;
    }

    @Override
    public String toString() {
        return "Options(deterministic=" + (deterministic == null ? "None" : deterministic ? "True" : "False")
                + ", threading.private_threadpool_size=" + threading.privateThreadpoolSize + ")";
    }
}
