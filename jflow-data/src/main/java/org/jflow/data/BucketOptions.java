package org.jflow.data;

/**
 * {@code bucket_by_sequence_length}'s keyword arguments: {@code padded_shapes}, {@code padding_values},
 * {@code pad_to_bucket_boundary}, {@code no_padding}, {@code drop_remainder}.
 */
public final class BucketOptions {
    Object paddedShapes;
    Object paddingValues;
    boolean padToBucketBoundary;
    boolean noPadding;
    boolean dropRemainder;

    /** The padded shapes structure (-1 dims pad to the batch's largest); by default the element spec's shapes. */
    public BucketOptions paddedShapes(Object shapes) { this.paddedShapes = shapes; return this; }

    /** The padding values structure; by default 0 and "". */
    public BucketOptions paddingValues(Object values) { this.paddingValues = values; return this; }

    /** Unknown dims pad to the bucket's boundary minus one instead of the batch's largest. */
    public BucketOptions padToBucketBoundary(boolean pad) { this.padToBucketBoundary = pad; return this; }

    /** Batches without padding (every element of a bucket must have the same shape). */
    public BucketOptions noPadding(boolean none) { this.noPadding = none; return this; }

    public BucketOptions dropRemainder(boolean drop) { this.dropRemainder = drop; return this; }
}
