package org.jflow.data;

import java.util.List;

/**
 * A transformation of one input dataset (TF's {@code UnaryDataset}): it holds the input, names it as
 * the pipeline's one input (for {@link #options()}), and keeps the input's element spec unless it
 * declares its own. Cardinality stays each transformation's own rule.
 *
 * @param <T> the input's element type
 * @param <R> this dataset's element type
 */
abstract class UnaryDataset<T, R> extends Dataset<R> {
    final Dataset<T> input;

    UnaryDataset(Dataset<T> input) { this.input = input; }

    @Override
    List<Dataset<?>> inputs() { return List.of(input); }

    @Override
    public Object elementSpec() { return input.elementSpec(); }
}
