package org.jflow.data;

import java.util.Iterator;

/** {@code repeat(count)}: the input's passes one after another, {@code count} times or forever (-1). */
final class RepeatDataset<T> extends UnaryDataset<T, T> {
    private final long count;

    RepeatDataset(Dataset<T> input, long count) {
        super(input);
        this.count = count;
    }

    @Override
    public Iterator<T> iterator() {
        return new ElementIterator<>() {
            private long pass;
            private Iterator<T> current;
            private boolean emptyPass = true;

            @Override
            protected T advance() {
                while (count < 0 || pass < count) {
                    if (current == null) current = input.iterator();
                    if (current.hasNext()) {
                        emptyPass = false;
                        return current.next();
                    }
                    // an empty input repeated forever ends, as in TF, instead of spinning
                    if (emptyPass) return null;
                    current = null;
                    emptyPass = true;
                    pass++;
                }
                return null;
            }
        };
    }


    @Override
    public long cardinality() {
        long n = input.cardinality();
        if (count == 0 || n == 0) return 0;
        if (count < 0) return n == UNKNOWN ? UNKNOWN : INFINITE;
        if (n < 0) return n;
        return Math.multiplyHigh(n, count) != 0 || n * count < 0 ? INFINITE : n * count;
    }
}
