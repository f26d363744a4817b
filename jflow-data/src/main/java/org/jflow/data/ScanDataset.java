package org.jflow.data;

import org.jflow.Tuple;

import java.util.Iterator;
import java.util.List;

/**
 * {@code scan(initial_state, scan_func)}: the traced function maps (state, element) to
 * (new state, output); the outputs are the elements, the state carries over, starting fresh each pass.
 */
final class ScanDataset<T, R> extends UnaryDataset<T, R> {
    private final Object initialState;
    private final ElementFunction fn;

    ScanDataset(Dataset<T> input, Object initialState, ElementFunction fn) {
        super(input);
        this.initialState = initialState;
        this.fn = fn;
        Object spec = fn.outputSpec();
        if (spec != null && !(spec instanceof List<?> pair && pair.size() == 2)) {
            throw new org.jflow.errors.TypeError("The scan function must return a pair (new_state, output_element), got "
                    + org.jflow.format.TensorFormat.repr(spec) + ".");
        }
    }

    @Override
    public Iterator<R> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private Object state = initialState;

            @Override
            @SuppressWarnings("unchecked")
            protected R advance() {
                if (!in.hasNext()) return null;
                List<?> result = (List<?>) fn.apply(Tuple.of(state, in.next()));
                state = result.get(0);
                return (R) result.get(1);
            }
        };
    }

    @Override
    public Object elementSpec() {
        Object spec = fn.outputSpec();
        if (spec != null) return ((List<?>) spec).get(1);
        List<?> first = (List<?>) fn.apply(Tuple.of(initialState, input.iterator().next()));
        return Structure.spec(first.get(1));
    }

    @Override
    public long cardinality() { return input.cardinality(); }
}
