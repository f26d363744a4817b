package org.jflow.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code window(size, shift, stride, drop_remainder)}: a dataset of datasets; window k holds the
 * elements k*shift, k*shift + stride, ... (at most {@code size}), and windows at the end are shorter
 * unless dropped. For a dataset of tensors this is TF's element exactly; for structured elements
 * each window yields whole elements (TF gives a structure of datasets instead).
 */
final class WindowDataset<T> extends UnaryDataset<T, Dataset<T>> {
    private final int size, shift, stride;
    private final boolean dropRemainder;

    WindowDataset(Dataset<T> input, int size, int shift, int stride, boolean dropRemainder) {
        super(input);
        if (size <= 0) throw new org.jflow.errors.InvalidArgumentError("Window size must be greater than zero.");
        if (shift <= 0) throw new org.jflow.errors.InvalidArgumentError("Window shift must be greater than zero.");
        if (stride <= 0) throw new org.jflow.errors.InvalidArgumentError("Window stride must be greater than zero.");
        this.size = size;
        this.shift = shift;
        this.stride = stride;
        this.dropRemainder = dropRemainder;
    }

    @Override
    public Iterator<Dataset<T>> iterator() {
        Iterator<T> in = input.iterator();
        int span = (size - 1) * stride + 1;
        ArrayDeque<T> buffer = new ArrayDeque<>();
        return new ElementIterator<>() {
            private boolean first = true;

            @Override
            protected Dataset<T> advance() {
                if (!first) {
                    for (int i = 0; i < shift; i++) {
                        if (!buffer.isEmpty()) buffer.poll();
                        else if (in.hasNext()) in.next();
                        else break;
                    }
                }
                first = false;
                while (buffer.size() < span && in.hasNext()) buffer.add(in.next());
                if (buffer.isEmpty()) return null;
                List<T> window = new ArrayList<>();
                int i = 0;
                for (T e : buffer) if (i++ % stride == 0 && window.size() < size) window.add(e);
                if (dropRemainder && window.size() < size) return null;
                return new ListDataset<>(window, input.elementSpec());
            }
        };
    }

    @Override
    public Object elementSpec() { return new DatasetSpec(input.elementSpec()); }
}
