package org.jflow.data;

import java.util.List;
import java.util.Iterator;

/** {@code unbatch()}: each element split along its first axis into that many elements. */
final class UnbatchDataset<T> extends Dataset<T> {
    private final Dataset<T> input;

    UnbatchDataset(Dataset<T> input) { this.input = input; }

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

    @Override
    List<Dataset<?>> inputs() { return List.of(input); }
}
