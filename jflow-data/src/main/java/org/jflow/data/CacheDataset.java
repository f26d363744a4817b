package org.jflow.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code cache()}: the first pass that reaches the end is kept in memory, and every later pass
 * replays it (so a shuffle before the cache is frozen after the first epoch, as in TF). A pass
 * abandoned before the end caches nothing.
 */
final class CacheDataset<T> extends UnaryDataset<T, T> {
    private volatile List<T> cached;

    CacheDataset(Dataset<T> input) { super(input); }

    @Override
    public Iterator<T> iterator() {
        List<T> done = cached;
        if (done != null) return done.iterator();
        Iterator<T> in = input.iterator();
        List<T> recording = new ArrayList<>();
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                if (in.hasNext()) {
                    T e = in.next();
                    recording.add(e);
                    return e;
                }
                synchronized (CacheDataset.this) {
                    if (cached == null) cached = List.copyOf(recording);
                }
                return null;
            }
        };
    }


    @Override
    public long cardinality() { return input.cardinality(); }
}
