package org.jflow.data;

import java.util.Iterator;

/** {@code unbatch()}: each element split along its first axis into that many elements. */
final class UnbatchDataset<T> extends UnaryDataset<T, T> {
    UnbatchDataset(Dataset<T> input) { super(input); }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private Object batch;
            private int next, size;

            @Override
            @SuppressWarnings("unchecked")
            protected T advance() {
                while (batch == null || next == size) {
                    if (!in.hasNext()) return null;
                    batch = in.next();
                    size = Structure.sliceCount(batch);
                    next = 0;
                }
                return (T) Structure.slice(batch, next++);
            }
        };
    }

    @Override
    public Object elementSpec() { return Structure.unbatchedSpec(input.elementSpec()); }
}
