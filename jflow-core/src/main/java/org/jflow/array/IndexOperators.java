package org.jflow.array;

import org.jflow.DType;
import org.jflow.Index;
import org.jflow.Tensor;
import org.jflow.engine.Convert;

/**
 * Python's indexing and slicing on tensors, as methods: {@code t.get(1, 3)} is {@code t[1, 3]},
 * {@code t.get(Index.range(1, 4), Index.all())} and {@code t.slice("1:4, :")} are {@code t[1:4, :]},
 * {@code t.mask(m)} is {@code t[m]} for a boolean tensor {@code m}.
 */
public interface IndexOperators {
    Tensor value();

    /** {@code t[i, j, ...]} with integer positions (negative count from the end). */
    default Tensor get(int... indices) { return Indexing.get(value(), Index.points(indices)); }

    /** {@code t[spec]} with points, ranges, ellipsis and new axes. */
    default Tensor get(Index... spec) { return Indexing.get(value(), spec); }

    /** {@code t[spec]} in NumPy's syntax: {@code "1:4, :4:2"}, {@code "..., 1"}, {@code "::-1"}, {@code "tf.newaxis"}. */
    default Tensor slice(String spec) { return Indexing.get(value(), Index.parse(spec)); }

    /**
     * {@code t[spec]} from mixed Java values: ints, {@link Index} entries, scalar int tensors
     * ({@code x.slice(i)} is TF's {@code x[i]}, also for a loop counter inside a trace).
     */
    default Tensor slice(Object... spec) { return Indexing.get(value(), Index.of(spec)); }

    /** {@code t[mask]} for a boolean mask over the leading dims: {@code tf.booleanMask(t, mask)}. */
    default Tensor mask(Object boolMask) {
        return BooleanMask.apply(value(), Convert.toTensor(boolMask, DType.BOOL), 0);
    }
}
