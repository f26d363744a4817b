package org.jflow.data;

import org.jflow.errors.OpError;

import java.util.Iterator;

/**
 * {@code ignore_errors()}: elements whose production raised a TF error ({@link OpError}, such as a
 * malformed CSV record's InvalidArgumentError) are dropped and the pass goes on with the next.
 */
final class IgnoreErrorsDataset<T> extends Dataset<T> {
    private final Dataset<T> input;

    IgnoreErrorsDataset(Dataset<T> input) { this.input = input; }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                while (true) {
                    try {
                        return in.hasNext() ? in.next() : null;
                    } catch (OpError e) {
                        // dropped, as TF drops the element whose GetNext failed
                    }
                }
            }
        };
    }

    @Override
    public Object elementSpec() { return input.elementSpec(); }
}
