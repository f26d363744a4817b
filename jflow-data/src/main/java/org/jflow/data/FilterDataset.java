package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;

import java.util.Iterator;

/** {@code filter(predicate)}: the elements whose traced predicate is a scalar bool true. */
final class FilterDataset<T> extends UnaryDataset<T, T> {
    private final ElementFunction predicate;

    FilterDataset(Dataset<T> input, ElementFunction predicate) {
        super(input);
        this.predicate = predicate;
        Object spec = predicate.outputSpec();
        if (spec != null && !(spec instanceof org.jflow.engine.TensorSpec ts && ts.dtype() == DType.BOOL
                && ts.shape().hasRank() && ts.shape().rank() == 0)) {
            throw invalid(spec);
        }
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                while (in.hasNext()) {
                    T element = in.next();
                    if (keeps(predicate.apply(element))) return element;
                }
                return null;
            }
        };
    }

    /** TF's check: the predicate must return a scalar bool tensor (at the trace, or per element when run eagerly). */
    private static boolean keeps(Object result) {
        if (!(result instanceof Tensor t) || t.dtype() != DType.BOOL || t.shape().rank() != 0) {
            throw invalid(Structure.spec(result));
        }
        return ((boolean[]) t.data())[0];
    }

    private static ValueError invalid(Object spec) {
        return new ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar tensor, but its return type "
                + "is " + org.jflow.format.TensorFormat.repr(spec) + ".");
    }


    @Override
    public long cardinality() { return input.cardinality() == INFINITE ? INFINITE : UNKNOWN; }
}
