package org.jflow;

import org.jflow.format.TensorFormat;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that prints as a Python tuple ({@code (a, b)}, {@code (a,)}, {@code ()}), for
 * the results TF gives as tuples, such as {@code module.variables}.
 */
public final class Tuple<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;

    public Tuple(List<? extends T> items) { this.items = List.copyOf(items); }

    /** Python's {@code (a, b, ...)}. */
    @SafeVarargs
    public static <T> Tuple<T> of(T... items) { return new Tuple<>(List.of(items)); }

    @Override
    public T get(int index) { return items.get(index); }

    @Override
    public int size() { return items.size(); }

    /** Python's {@code repr} of the tuple: each item's repr, {@code (x,)} for one item. */
    @Override
    public String toString() { return TensorFormat.repr(items.toArray()); }
}
