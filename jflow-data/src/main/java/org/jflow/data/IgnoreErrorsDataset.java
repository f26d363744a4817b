package org.jflow.data;

import org.jflow.errors.OpError;

import java.util.Iterator;
import java.util.logging.Logger;

/**
 * {@code ignore_errors(log_warning)}: elements whose computation raises one of TF's errors (an
 * {@link OpError}: a failed decode, a bad record, a map that fails) are dropped and the pass goes on.
 * Other exceptions (bugs) still propagate.
 */
final class IgnoreErrorsDataset<T> extends UnaryDataset<T, T> {
    private static final Logger LOG = Logger.getLogger("tensorflow");
    private final boolean logWarning;

    IgnoreErrorsDataset(Dataset<T> input, boolean logWarning) {
        super(input);
        this.logWarning = logWarning;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                while (true) {
                    try {
                        return in.hasNext() ? in.next() : null;
                    } catch (OpError e) {
                        if (logWarning) LOG.warning("Error raised with error message " + e.getMessage());
                    }
                }
            }
        };
    }
}
