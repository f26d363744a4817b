package org.jflow.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code group_by_window(key_func, reduce_func, window_size_func)}: elements are grouped by an int64
 * key; a group that reaches its window size becomes a window dataset, and the reduce function's
 * dataset for it is emitted. At the end of the input the remaining partial windows are reduced in
 * ascending key order, as TF flushes its key-ordered map.
 */
final class GroupByWindowDataset<T, R> extends UnaryDataset<T, R> {
    private final Function<? super T, Long> key;
    private final BiFunction<Long, Dataset<T>, Dataset<R>> reduce;
    private final Function<Long, Long> windowSize;

    GroupByWindowDataset(Dataset<T> input, Function<? super T, Long> key, BiFunction<Long, Dataset<T>, Dataset<R>> reduce,
                         Function<Long, Long> windowSize) {
        super(input);
        this.key = key;
        this.reduce = reduce;
        this.windowSize = windowSize;
    }

    @Override
    public Iterator<R> iterator() {
        Iterator<T> in = input.iterator();
        Map<Long, List<T>> groups = new TreeMap<>();
        return new ElementIterator<>() {
            private Iterator<R> current;

            @Override
            protected R advance() {
                while (true) {
                    if (current != null && current.hasNext()) return current.next();
                    current = null;
                    if (in.hasNext()) {
                        T element = in.next();
                        long k = key.apply(element);
                        List<T> group = groups.computeIfAbsent(k, x -> new ArrayList<>());
                        group.add(element);
                        if (group.size() >= windowSize.apply(k)) current = reduce.apply(k, window(groups.remove(k))).iterator();
                    } else if (!groups.isEmpty()) {
                        Map.Entry<Long, List<T>> first = ((TreeMap<Long, List<T>>) groups).pollFirstEntry();
                        current = reduce.apply(first.getKey(), window(first.getValue())).iterator();
                    } else {
                        return null;
                    }
                }
            }
        };
    }

    private Dataset<T> window(List<T> elements) { return new ListDataset<>(elements, input.elementSpec()); }

    @Override
    public Object elementSpec() {
        Iterator<R> it = iterator();
        if (!it.hasNext()) throw new org.jflow.errors.InvalidArgumentError("Cannot find the element spec of an empty group_by_window");
        return Structure.spec(it.next());
    }
}
