package org.jflow.data;

import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;

import java.util.function.Function;

/**
 * {@code bucket_by_sequence_length}, as TF builds it on {@code group_by_window}: the (traced) length
 * function's value picks the bucket {@code i} with {@code boundaries[i-1] <= length < boundaries[i]};
 * each bucket is padded-batched with its own batch size.
 */
final class SequenceBuckets {
    private SequenceBuckets() {}

    static <T> Dataset<T> of(Dataset<T> input, Function<? super T, Tensor> length, int[] boundaries, int[] batchSizes,
                             BucketOptions options) {
        if (batchSizes.length != boundaries.length + 1) {
            throw new ValueError("`len(bucket_batch_sizes)` must equal `len(bucket_boundaries) + 1` but `len(bucket_batch_sizes)="
                    + batchSizes.length + "` and `len(bucket_boundaries)=" + boundaries.length + "`.");
        }
        ElementFunction lengthFn = new ElementFunction(input, length);
        Function<T, Long> bucket = element -> {
            long n = ((Number) ((Tensor) lengthFn.apply(element)).numpy()).longValue();
            int b = 0;
            while (b < boundaries.length && n >= boundaries[b]) b++;
            if (options.padToBucketBoundary && b == boundaries.length) {
                throw new InvalidArgumentError("When pad_to_bucket_boundary=True, elements must have length < "
                        + "max(bucket_boundaries).");
            }
            return (long) b;
        };
        Object spec = input.elementSpec();
        return new GroupByWindowDataset<>(input, bucket, (id, window) -> {
            int size = batchSizes[id.intValue()];
            if (options.noPadding) return window.batch(size, options.dropRemainder);
            Object shapes = options.paddedShapes != null ? options.paddedShapes
                    : Structure.map(spec, leaf -> paddedShape((TensorSpec) leaf,
                            options.padToBucketBoundary ? boundaries[id.intValue()] - 1 : -1));
            return window.paddedBatch(size, shapes, options.paddingValues, options.dropRemainder);
        }, id -> (long) batchSizes[id.intValue()]);
    }

    /** The element's shape with its unknown dims set to {@code filler} (-1: the batch's largest). */
    private static int[] paddedShape(TensorSpec spec, int filler) {
        int[] d = spec.shape().dims();
        for (int i = 0; i < d.length; i++) if (d[i] < 0) d[i] = filler;
        return d;
    }
}
