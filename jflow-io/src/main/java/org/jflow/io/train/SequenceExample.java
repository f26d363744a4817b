package org.jflow.io.train;

import com.google.protobuf.InvalidProtocolBufferException;

import java.util.Map;

/**
 * {@code tf.train.SequenceExample(context=..., feature_lists=...)}: per-example context features and per-step
 * feature lists, serialized as TF serializes it deterministically.
 */
public record SequenceExample(org.jflow.io.proto.SequenceExample proto) {
    /** {@code SequenceExample(context=Features(feature=context), feature_lists=FeatureLists(feature_list=lists))}. */
    public static SequenceExample of(Map<String, Feature> context, Map<String, FeatureList> featureLists) {
        return new SequenceExample(org.jflow.io.proto.SequenceExample.newBuilder()
                .setContext(Features.of(context).proto())
                .setFeatureLists(FeatureLists.of(featureLists).proto()).build());
    }

    /** {@code SequenceExample.FromString(data)}. */
    public static SequenceExample fromString(byte[] data) {
        try {
            return new SequenceExample(org.jflow.io.proto.SequenceExample.parseFrom(data));
        } catch (InvalidProtocolBufferException e) {
            throw Protos.decodeError("SequenceExample", e);
        }
    }

    public Features context() { return new Features(proto.getContext()); }

    public FeatureLists featureLists() { return new FeatureLists(proto.getFeatureLists()); }

    /** {@code SerializeToString()}: TF's bytes, map keys sorted. */
    public byte[] serializeToString() { return Protos.deterministic(proto); }

    @Override
    public String toString() { return com.google.protobuf.TextFormat.printer().printToString(proto); }
}
