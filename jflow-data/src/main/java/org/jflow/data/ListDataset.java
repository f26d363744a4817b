package org.jflow.data;

import java.util.Iterator;
import java.util.List;

/** A dataset of elements already in memory: a window of {@code window} or {@code group_by_window}. */
final class ListDataset<T> extends Dataset<T> {
    private final List<T> elements;
    private final Object spec;

    ListDataset(List<T> elements, Object spec) {
        this.elements = List.copyOf(elements);
        this.spec = spec;
    }

    @Override
    public Iterator<T> iterator() { return elements.iterator(); }

    @Override
    public Object elementSpec() { return spec; }

    @Override
    public long cardinality() { return elements.size(); }
}
