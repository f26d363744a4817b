package org.jflow.data;

import org.jflow.Tuple;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code Dataset.zip}: tuples of the datasets' elements, ending with the shortest. */
final class ZipDataset extends Dataset<Tuple<Object>> {
    private final List<Dataset<?>> datasets;

    ZipDataset(List<Dataset<?>> datasets) { this.datasets = List.copyOf(datasets); }

    @Override
    public Iterator<Tuple<Object>> iterator() {
        List<Iterator<?>> its = new ArrayList<>();
        for (Dataset<?> d : datasets) its.add(d.iterator());
        return new ElementIterator<>() {
            @Override
            protected Tuple<Object> advance() {
                List<Object> items = new ArrayList<>(its.size());
                for (Iterator<?> it : its) {
                    if (!it.hasNext()) return null;
                    items.add(it.next());
                }
                return new Tuple<>(items);
            }
        };
    }

    @Override
    public Object elementSpec() {
        List<Object> specs = new ArrayList<>();
        for (Dataset<?> d : datasets) specs.add(d.elementSpec());
        return new Tuple<>(specs);
    }

    /** The smallest cardinality, ignoring infinite ones; unknown if any is unknown. */
    @Override
    public long cardinality() {
        long n = INFINITE;
        for (Dataset<?> d : datasets) {
            long c = d.cardinality();
            if (c == UNKNOWN) return UNKNOWN;
            if (c != INFINITE) n = n == INFINITE ? c : Math.min(n, c);
        }
        return n;
    }

    @Override
    List<Dataset<?>> inputs() { return datasets; }
}
