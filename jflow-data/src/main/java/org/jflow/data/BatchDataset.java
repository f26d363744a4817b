package org.jflow.data;

import org.jflow.errors.InvalidArgumentError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code batch} and {@code padded_batch}: {@code batchSize} consecutive elements stacked along a new
 * first axis (padded first, for {@code padded_batch}); the last batch is shorter, or dropped with
 * {@code dropRemainder}, which also makes the batch dimension known in the element spec.
 */
final class BatchDataset<T> extends UnaryDataset<T, T> {
    private final int batchSize;
    private final boolean dropRemainder;
    /** Null for {@code batch}; else {@link Padding#LARGEST} or the padded shapes' structure. */
    private final Object paddedShapes;
    private final Object paddingValues;

    BatchDataset(Dataset<T> input, int batchSize, boolean dropRemainder, Object paddedShapes, Object paddingValues) {
        super(input);
        if (batchSize <= 0) throw new InvalidArgumentError("Batch size must be greater than zero.");
        this.batchSize = batchSize;
        this.dropRemainder = dropRemainder;
        this.paddedShapes = paddedShapes;
        this.paddingValues = paddingValues;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        List<int[]> shapes = paddedShapes == null ? null : Padding.shapes(paddedShapes, input.elementSpec());
        return new ElementIterator<>() {
            @Override
            protected T advance() {
                List<Object> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && in.hasNext()) batch.add(in.next());
                if (batch.isEmpty() || (dropRemainder && batch.size() < batchSize)) return null;
                return (T) (shapes == null ? Structure.stack(batch) : Padding.padAndStack(batch, shapes, paddingValues));
            }
        };
    }

    @Override
    public Object elementSpec() {
        int dim = dropRemainder ? batchSize : -1;
        Object spec = input.elementSpec();
        return paddedShapes == null ? Structure.batchedSpec(spec, dim) : Padding.spec(spec, Padding.shapes(paddedShapes, spec), dim);
    }

    @Override
    public long cardinality() {
        long n = input.cardinality();
        if (n < 0) return n;
        return dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize;
    }
}
