package org.jflow.io.train;

import com.google.protobuf.InvalidProtocolBufferException;

import java.util.Map;

/**
 * {@code tf.train.Example}: {@code Example.of(Map.of("label", Feature.int64List(1)))} is Python's
 * {@code tf.train.Example(features=tf.train.Features(feature={"label": ...}))}, and {@link #serializeToString()}
 * gives TF's bytes (map keys sorted, as {@code SerializeToString(deterministic=True)}).
 */
public record Example(org.jflow.io.proto.Example proto) {
    /** {@code Example(features=Features(feature=features))}. */
    public static Example of(Map<String, Feature> features) { return of(Features.of(features)); }

    /** {@code Example(features=features)}. */
    public static Example of(Features features) {
        return new Example(org.jflow.io.proto.Example.newBuilder().setFeatures(features.proto()).build());
    }

    /** {@code Example.FromString(data)}; bytes that are not an Example are a DataLossError. */
    public static Example fromString(byte[] data) {
        try {
            return new Example(org.jflow.io.proto.Example.parseFrom(data));
        } catch (InvalidProtocolBufferException e) {
            throw Protos.decodeError("Example", e);
        }
    }

    /** {@code example.features}. */
    public Features features() { return new Features(proto.getFeatures()); }

    /** {@code SerializeToString()}: TF's bytes, map keys sorted. */
    public byte[] serializeToString() { return Protos.deterministic(proto); }

    /** The text format, as Python's {@code print(example)} (whose map order is its hash table's, so may differ). */
    @Override
    public String toString() { return com.google.protobuf.TextFormat.printer().printToString(proto); }
}
