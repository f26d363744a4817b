package org.jflow.data;

import org.jflow.Tensor;

import java.util.Iterator;

/** {@code take_while(predicate)}: the elements before the first one whose traced predicate is false. */
final class TakeWhileDataset<T> extends UnaryDataset<T, T> {
    private final ElementFunction predicate;

    TakeWhileDataset(Dataset<T> input, ElementFunction predicate) {
        super(input);
        this.predicate = predicate;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private boolean stopped;

            @Override
            protected T advance() {
                if (stopped || !in.hasNext()) return null;
                T e = in.next();
                if (((boolean[]) ((Tensor) predicate.apply(e)).data())[0]) return e;
                stopped = true;
                return null;
            }
        };
    }
}
