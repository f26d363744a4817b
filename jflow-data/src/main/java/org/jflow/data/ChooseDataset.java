package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code Dataset.choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset)} (TF's
 * DirectedInterleave): each int64 choice names the dataset the next element comes from. When the
 * chosen dataset is exhausted the result ends, or, without {@code stopOnEmptyDataset}, that choice is
 * skipped (and the result ends once every dataset is exhausted).
 */
final class ChooseDataset<T> extends Dataset<T> {
    private final List<Dataset<T>> datasets;
    private final Dataset<Tensor> choices;
    private final boolean stopOnEmpty;
    private final Object spec;

    ChooseDataset(List<Dataset<T>> datasets, Dataset<Tensor> choices, boolean stopOnEmpty) {
        if (datasets.isEmpty()) throw new org.jflow.errors.ValueError("Invalid `datasets`. `datasets` should not be empty.");
        Object cs = choices.elementSpec();
        if (!(cs instanceof TensorSpec s) || s.dtype() != DType.INT64 || !s.shape().hasRank() || s.shape().rank() != 0) {
            throw new org.jflow.errors.TypeError("Invalid `choice_dataset`. Elements of `choice_dataset` must be scalar "
                    + "of `tf.int64` dtype, but found: " + org.jflow.format.TensorFormat.repr(cs) + ".");
        }
        Object merged = datasets.getFirst().elementSpec();
        for (Dataset<T> d : datasets.subList(1, datasets.size())) merged = Structure.mostSpecificCompatible(merged, d.elementSpec());
        this.datasets = List.copyOf(datasets);
        this.choices = choices;
        this.stopOnEmpty = stopOnEmpty;
        this.spec = merged;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Tensor> choice = choices.iterator();
        List<Iterator<T>> its = new ArrayList<>();
        for (Dataset<T> d : datasets) its.add(d.iterator());
        boolean[] exhausted = new boolean[its.size()];
        return new ElementIterator<>() {
            private int live = its.size();

            @Override
            protected T advance() {
                while (live > 0 && choice.hasNext()) {
                    long i = (Long) choice.next().numpy();
                    if (i < 0 || i >= its.size()) {
                        throw new InvalidArgumentError("Selector index out of range: " + i + " >= " + its.size());
                    }
                    Iterator<T> it = its.get((int) i);
                    if (!exhausted[(int) i] && it.hasNext()) return it.next();
                    if (stopOnEmpty) return null;
                    if (!exhausted[(int) i]) {
                        exhausted[(int) i] = true;
                        live--;
                    }
                }
                return null;
            }
        };
    }

    @Override
    public Object elementSpec() { return spec; }

    @Override
    List<Dataset<?>> inputs() { return List.copyOf(datasets); }
}
