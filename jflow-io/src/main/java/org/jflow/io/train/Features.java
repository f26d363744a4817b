package org.jflow.io.train;

import java.util.Map;
import java.util.TreeMap;

/** {@code tf.train.Features(feature={...})}: features by name. */
public record Features(org.jflow.io.proto.Features proto) {
    /** {@code Features(feature=map)}. */
    public static Features of(Map<String, Feature> features) {
        org.jflow.io.proto.Features.Builder b = org.jflow.io.proto.Features.newBuilder();
        features.forEach((k, v) -> b.putFeature(k, v.proto()));
        return new Features(b.build());
    }

    /** The features by name, sorted. */
    public Map<String, Feature> feature() {
        Map<String, Feature> out = new TreeMap<>();
        proto.getFeatureMap().forEach((k, v) -> out.put(k, new Feature(v)));
        return out;
    }

    @Override
    public String toString() { return com.google.protobuf.TextFormat.printer().printToString(proto); }
}
