package org.jflow.data;

import java.util.List;
import java.util.Iterator;

/** {@code concatenate(other)}: the first dataset's elements, then the second's; specs must be compatible. */
final class ConcatenateDataset<T> extends Dataset<T> {
    private final Dataset<T> first, second;
    private final Object spec;

    ConcatenateDataset(Dataset<T> first, Dataset<T> second) {
        this.first = first;
        this.second = second;
        this.spec = Structure.mostSpecificCompatible(first.elementSpec(), second.elementSpec());
    }

    @Override
    public Iterator<T> iterator() {
        return new ElementIterator<>() {
            private Iterator<T> current = first.iterator();
            private boolean onSecond;

            @Override
            protected T advance() {
                if (current.hasNext()) return current.next();
                if (onSecond) return null;
                onSecond = true;
                current = second.iterator();
                return current.hasNext() ? current.next() : null;
            }
        };
    }

    @Override
    public Object elementSpec() { return spec; }

    @Override
    public long cardinality() {
        long a = first.cardinality(), b = second.cardinality();
        if (a == INFINITE || b == INFINITE) return INFINITE;
        if (a == UNKNOWN || b == UNKNOWN) return UNKNOWN;
        return a + b;
    }

    @Override
    List<Dataset<?>> inputs() { return List.of(first, second); }
}
