package org.jflow.data;

import java.util.Iterator;

/** {@code from_tensor_slices}: the slices along axis 0 of every component of a structure. */
final class TensorSliceDataset<T> extends Dataset<T> {
    private final Object components;
    private final int count;

    TensorSliceDataset(Object components) {
        this.components = components;
        this.count = Structure.sliceCount(components);
    }

    @Override
    public Iterator<T> iterator() {
        return new ElementIterator<>() {
            private int i;

            @Override
            @SuppressWarnings("unchecked")
            protected T advance() { return i < count ? (T) Structure.slice(components, i++) : null; }
        };
    }

    @Override
    public Object elementSpec() { return Structure.unbatchedSpec(Structure.spec(components)); }

    @Override
    public long cardinality() { return count; }
}
