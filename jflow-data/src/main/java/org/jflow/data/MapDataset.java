package org.jflow.data;

import java.util.List;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * {@code map(fn, num_parallel_calls, deterministic)}: the traced function on each element. With
 * parallelism above 1, up to that many elements are in flight on {@link DataThreads}; they are
 * delivered in input order, or, when not deterministic, as they finish.
 */
final class MapDataset<T, R> extends Dataset<R> {
    private final Dataset<T> input;
    private final ElementFunction fn;
    private final int numParallelCalls;
    /** Null: as the pipeline's {@code options.deterministic} says (true by default). */
    private final Boolean deterministic;

    MapDataset(Dataset<T> input, ElementFunction fn, int numParallelCalls, Boolean deterministic) {
        this.input = input;
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

    @SuppressWarnings("unchecked")
    private Iterator<R> ordered(Iterator<T> in, int parallelism) {
        ArrayDeque<Future<Object>> inFlight = new ArrayDeque<>();
        return new ElementIterator<>() {
            @Override
            protected R advance() {
                while (inFlight.size() < parallelism && in.hasNext()) {
                    T element = in.next();
                    inFlight.add(DataThreads.POOL.submit(() -> fn.apply(element)));
                }
                return inFlight.isEmpty() ? null : (R) DataThreads.join(inFlight.poll());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Iterator<R> unordered(Iterator<T> in, int parallelism) {
        CompletionService<Object> done = new ExecutorCompletionService<>(DataThreads.POOL);
        int[] inFlight = {0};
        return new ElementIterator<>() {
            @Override
            protected R advance() {
                while (inFlight[0] < parallelism && in.hasNext()) {
                    T element = in.next();
                    done.submit(() -> fn.apply(element));
                    inFlight[0]++;
                }
                if (inFlight[0] == 0) return null;
                inFlight[0]--;
                try {
                    return (R) DataThreads.join(done.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.jflow.errors.CancelledError("Iterator was cancelled");
                }
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

    @Override
    List<Dataset<?>> inputs() { return List.of(input); }
}
