package org.jflow.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that computes its next element on demand; {@link #advance()} returns null at the end. */
abstract class ElementIterator<T> implements Iterator<T> {
    private T next;
    private boolean done;

    /** The next element, or null when there is none. */
    protected abstract T advance();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) throw new NoSuchElementException("End of sequence");
        T out = next;
        next = null;
        return out;
    }
}
