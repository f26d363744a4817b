package org.jflow.data;

import java.util.Iterator;
import java.util.List;

/** {@code from_tensors}: one element, the whole structure. */
final class TensorDataset<T> extends Dataset<T> {
    private final Object element;

    TensorDataset(Object element) { this.element = element; }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<T> iterator() { return List.of((T) element).iterator(); }

    @Override
    public Object elementSpec() { return Structure.spec(element); }

    @Override
    public long cardinality() { return 1; }
}
