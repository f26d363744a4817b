package org.jflow.data;

import java.util.Iterator;

/** {@code take(count)}: at most the first {@code count} elements; -1 takes all. */
final class TakeDataset<T> extends UnaryDataset<T, T> {
    private final long count;

    TakeDataset(Dataset<T> input, long count) {
        super(input);
        this.count = count;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private long taken;

            @Override
            protected T advance() {
                if (count >= 0 && taken >= count) return null;
                if (!in.hasNext()) return null;
                taken++;
                return in.next();
            }
        };
    }


    @Override
    public long cardinality() {
        long n = input.cardinality();
        if (count < 0) return n;
        if (n == INFINITE) return count;
        return n == UNKNOWN ? UNKNOWN : Math.min(n, count);
    }
}
