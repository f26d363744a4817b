package org.jflow.data;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code prefetch(buffer_size)}: a producer on {@link DataThreads} runs the input ahead of the
 * consumer, keeping up to {@code bufferSize} elements ready. Errors reach the consumer at the element
 * where they happened. A consumer that stops early lets the producer go: the producer holds the
 * consumer's iterator only weakly and ends once it is unreachable.
 */
final class PrefetchDataset<T> extends UnaryDataset<T, T> {
    private final int bufferSize;

    /** The end of the input, or an error, in the queue. */
    private record End(RuntimeException error) {}

    PrefetchDataset(Dataset<T> input, int bufferSize) {
        super(input);
        if (bufferSize < 0 && bufferSize != AUTOTUNE) {
            throw new org.jflow.errors.InvalidArgumentError("buffer_size must be >= 0 or AUTOTUNE, got " + bufferSize);
        }
        this.bufferSize = bufferSize == AUTOTUNE ? 2 * Runtime.getRuntime().availableProcessors() : Math.max(bufferSize, 1);
    }

    @Override
    public Iterator<T> iterator() {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(bufferSize);
        Consumer consumer = new Consumer(queue);
        WeakReference<Consumer> owner = new WeakReference<>(consumer);
        Iterator<T> in = input.iterator();
        DataThreads.POOL.execute(() -> produce(in, queue, owner));
        return consumer;
    }

    private static void produce(Iterator<?> in, BlockingQueue<Object> queue, WeakReference<?> owner) {
        Object item;
        try {
            while (in.hasNext()) {
                if (!put(queue, in.next(), owner)) return;
            }
            item = new End(null);
        } catch (RuntimeException e) {
            item = new End(e);
        }
        put(queue, item, owner);
    }

    /** Waits for room, giving up once the consumer is gone; false when it gave up. */
    private static boolean put(BlockingQueue<Object> queue, Object item, WeakReference<?> owner) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (owner.get() == null) return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final class Consumer extends ElementIterator<T> {
        private final BlockingQueue<Object> queue;

        Consumer(BlockingQueue<Object> queue) { this.queue = queue; }

        @Override
        @SuppressWarnings("unchecked")
        protected T advance() {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.jflow.errors.CancelledError("Iterator was cancelled");
            }
            if (item instanceof End end) {
                if (end.error() != null) throw end.error();
                return null;
            }
            return (T) item;
        }
    }


    @Override
    public long cardinality() { return input.cardinality(); }
}
