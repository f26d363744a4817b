package org.jflow.data;

import java.util.Iterator;

/** {@code skip(count)}: the elements after the first {@code count}; -1 skips all. */
final class SkipDataset<T> extends UnaryDataset<T, T> {
    private final long count;

    SkipDataset(Dataset<T> input, long count) {
        super(input);
        this.count = count;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private boolean skipped;

            @Override
            protected T advance() {
                if (!skipped) {
                    for (long i = 0; (count < 0 || i < count) && in.hasNext(); i++) in.next();
                    skipped = true;
                }
                return in.hasNext() ? in.next() : null;
            }
        };
    }


    @Override
    public long cardinality() {
        long n = input.cardinality();
        if (n < 0) return count < 0 && n == INFINITE ? 0 : n;
        return count < 0 ? 0 : Math.max(0, n - count);
    }
}
