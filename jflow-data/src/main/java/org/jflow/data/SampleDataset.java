package org.jflow.data;

import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code Dataset.sample_from_datasets(datasets, weights, seed, stop_on_empty_dataset)}: each element
 * comes from a dataset drawn at random with the given weights (uniform by default). An exhausted
 * dataset leaves the draw (the others' weights renormalized), or ends the result with
 * {@code stopOnEmptyDataset}. The draws are JFlow's own, not TF's for the same seed; each pass draws anew.
 */
final class SampleDataset<T> extends Dataset<T> {
    private final List<Dataset<T>> datasets;
    private final double[] weights;
    private final long seed;
    private final boolean stopOnEmpty;
    private final Object spec;
    private final AtomicLong passes = new AtomicLong();

    SampleDataset(List<Dataset<T>> datasets, double[] weights, Long seed, boolean stopOnEmpty) {
        if (datasets.isEmpty()) throw new ValueError("Invalid `datasets`. `datasets` should not be empty.");
        if (weights != null && weights.length != datasets.size()) {
            throw new ValueError("Invalid `weights`. The shape of `weights` should be compatible with `[len(datasets)]` but is "
                    + "[" + weights.length + "].");
        }
        Object merged = datasets.getFirst().elementSpec();
        for (Dataset<T> d : datasets.subList(1, datasets.size())) merged = Structure.mostSpecificCompatible(merged, d.elementSpec());
        this.datasets = List.copyOf(datasets);
        this.weights = weights != null ? weights.clone() : uniform(datasets.size());
        this.seed = seed != null ? seed : new SplittableRandom().nextLong();
        this.stopOnEmpty = stopOnEmpty;
        this.spec = merged;
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    @Override
    public Iterator<T> iterator() {
        List<Iterator<T>> its = new ArrayList<>();
        for (Dataset<T> d : datasets) its.add(d.iterator());
        double[] w = weights.clone();
        SplittableRandom random = new SplittableRandom(seed + passes.getAndIncrement() * 0x9E3779B97F4A7C15L);
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                while (true) {
                    double total = 0;
                    for (double x : w) total += x;
                    if (total <= 0) return null;
                    double u = random.nextDouble() * total;
                    int i = 0;
                    while (i < w.length - 1 && (u -= w[i]) >= 0) i++;
                    while (w[i] == 0) i--; // rounding past the last positive weight
                    if (its.get(i).hasNext()) return its.get(i).next();
                    if (stopOnEmpty) return null;
                    w[i] = 0;
                }
            }
        };
    }

    @Override
    public Object elementSpec() { return spec; }

    @Override
    List<Dataset<?>> inputs() { return List.copyOf(datasets); }
}
