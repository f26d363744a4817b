package org.jflow.data;

/**
 * {@code tf.data.DatasetSpec}: the spec of an element that is itself a dataset (a window), holding
 * the nested dataset's element spec.
 */
public record DatasetSpec(Object elementSpec) {
    /** Python's repr: {@code DatasetSpec(TensorSpec(shape=(), dtype=tf.int64, name=None), TensorShape([]))}. */
    @Override
    public String toString() {
        return "DatasetSpec(" + org.jflow.format.TensorFormat.repr(elementSpec) + ", TensorShape([]))";
    }
}
