package org.jflow.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * {@code map(fn, num_parallel_calls, deterministic)}: the traced function on each element. With
 * parallelism above 1, up to that many tasks are in flight on {@link DataThreads}, each mapping a run
 * of consecutive elements (longer runs for cheaper functions); elements are delivered in input order,
 * or, when not deterministic, run by run as the runs finish.
 */
final class MapDataset<T, R> extends UnaryDataset<T, R> {
    private final ElementFunction fn;
    private final int numParallelCalls;
    /** Null: as the pipeline's {@code options.deterministic} says (true by default). */
    private final Boolean deterministic;

    MapDataset(Dataset<T> input, ElementFunction fn, int numParallelCalls, Boolean deterministic) {
        super(input);
        this.fn = fn;
        this.numParallelCalls = numParallelCalls;
        this.deterministic = deterministic;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<R> iterator() {
        Options options = effectiveOptions();
        int parallelism = numParallelCalls == AUTOTUNE && options.threading.privateThreadpoolSize > 0
                ? options.threading.privateThreadpoolSize : DataThreads.parallelism(numParallelCalls);
        boolean ordered = deterministic != null ? deterministic : options.deterministic == null || options.deterministic;
        Iterator<T> in = input.iterator();
        if (parallelism == 1) {
            return new ElementIterator<>() {
                @Override
                protected R advance() { return in.hasNext() ? (R) fn.apply(in.next()) : null; }
            };
        }
        return ordered ? ordered(in, parallelism) : unordered(in, parallelism);
    }

    /**
     * Elements per task: a task maps a run of consecutive elements, doubling (up to 256) while a task's work
     * per element is short next to handing a task to a thread (50 us), so cheap functions are not eaten by
     * the hand-off and costly ones keep one element per task.
     */
    private static final class ChunkSize {
        private volatile int size = 1;

        int get() { return size; }

        void observe(long nanos, int elements) {
            if (nanos < 50_000L * elements && size < 256) size = Math.min(256, size * 2);
        }
    }

    /** An element's mapping failed: the error reaches the consumer at that element, as without chunks. */
    private record Failure(RuntimeException error) {}

    /** The function on each element of a run, timed; a failing element becomes a {@link Failure}. */
    private Object[] mapAll(List<T> run, ChunkSize chunk) {
        long t0 = System.nanoTime();
        Object[] out = new Object[run.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = fn.apply(run.get(i));
            } catch (RuntimeException e) {
                out[i] = new Failure(e);
            }
        }
        chunk.observe(System.nanoTime() - t0, out.length);
        return out;
    }

    private static List<Object> take(Iterator<?> in, int n) {
        List<Object> run = new ArrayList<>(n);
        while (run.size() < n && in.hasNext()) run.add(in.next());
        return run;
    }

    @SuppressWarnings("unchecked")
    private static <R> R deliver(Object result) {
        if (result instanceof Failure f) throw f.error();
        return (R) result;
    }

    @SuppressWarnings("unchecked")
    private Iterator<R> ordered(Iterator<T> in, int parallelism) {
        ArrayDeque<Future<Object[]>> inFlight = new ArrayDeque<>();
        ChunkSize chunk = new ChunkSize();
        return new ElementIterator<>() {
            private Object[] current;
            private int next;

            @Override
            protected R advance() {
                if (current != null && next < current.length) return deliver(current[next++]);
                while (inFlight.size() < parallelism && in.hasNext()) {
                    List<T> run = (List<T>) take(in, chunk.get());
                    inFlight.add(DataThreads.POOL.submit(() -> mapAll(run, chunk)));
                }
                if (inFlight.isEmpty()) return null;
                current = DataThreads.join(inFlight.poll());
                next = 0;
                return deliver(current[next++]);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Iterator<R> unordered(Iterator<T> in, int parallelism) {
        CompletionService<Object[]> done = new ExecutorCompletionService<>(DataThreads.POOL);
        ChunkSize chunk = new ChunkSize();
        return new ElementIterator<>() {
            private int inFlight;
            private Object[] current;
            private int next;

            @Override
            protected R advance() {
                if (current != null && next < current.length) return deliver(current[next++]);
                while (inFlight < parallelism && in.hasNext()) {
                    List<T> run = (List<T>) take(in, chunk.get());
                    done.submit(() -> mapAll(run, chunk));
                    inFlight++;
                }
                if (inFlight == 0) return null;
                inFlight--;
                try {
                    current = DataThreads.join(done.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.jflow.errors.CancelledError("Iterator was cancelled");
                }
                next = 0;
                return deliver(current[next++]);
            }
        };
    }

    @Override
    public Object elementSpec() {
        Object spec = fn.outputSpec();
        if (spec != null) return spec;
        Iterator<R> it = iterator();
        if (!it.hasNext()) throw new org.jflow.errors.InvalidArgumentError("Cannot find the element spec of an empty map");
        return Structure.spec(it.next());
    }

    @Override
    public long cardinality() { return input.cardinality(); }
}
