package org.jflow.data;

import java.util.Iterator;

/**
 * {@code with_options(options)}: the same elements; while its pass is set up, the merged options are
 * in effect for every stage above it ({@link #inEffect()}), so options set at the end of a pipeline
 * reach the maps and prefetches before them, as in TF.
 */
final class OptionsDataset<T> extends UnaryDataset<T, T> {
    private static final ThreadLocal<Options> IN_EFFECT = new ThreadLocal<>();
    private final Options options;

    OptionsDataset(Dataset<T> input, Options options) {
        super(input);
        this.options = options;
    }

    /** The options of the pass being set up on this thread, or null outside one. */
    static Options inEffect() { return IN_EFFECT.get(); }

    @Override
    public Iterator<T> iterator() {
        Options outer = IN_EFFECT.get();
        Options merged = options();
        IN_EFFECT.set(outer == null ? merged : merged.merge(outer));
        try {
            return input.iterator();
        } finally {
            if (outer == null) IN_EFFECT.remove();
            else IN_EFFECT.set(outer);
        }
    }

    @Override
    public Options options() { return input.options().merge(options); }


    @Override
    public long cardinality() { return input.cardinality(); }
}
