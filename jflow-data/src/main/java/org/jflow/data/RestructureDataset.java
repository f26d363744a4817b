package org.jflow.data;

import java.util.Iterator;
import java.util.function.Function;

/**
 * A change of an element's containers only (no tensor computed), applied per element without
 * tracing: {@code make_csv_dataset}'s tuple-to-(OrderedDict, label) step, which TF runs as a map
 * whose graph holds no ops.
 */
final class RestructureDataset<T, R> extends UnaryDataset<T, R> {
    private final Function<Object, R> fn;

    RestructureDataset(Dataset<T> input, Function<Object, R> fn) {
        super(input);
        this.fn = fn;
    }

    @Override
    public Iterator<R> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            @Override
            protected R advance() { return in.hasNext() ? fn.apply(in.next()) : null; }
        };
    }

    /** The same restructuring applied to the input's spec. */
    @Override
    public Object elementSpec() { return fn.apply(input.elementSpec()); }

    @Override
    public long cardinality() { return input.cardinality(); }
}
