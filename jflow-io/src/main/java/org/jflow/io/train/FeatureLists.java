package org.jflow.io.train;

import java.util.Map;
import java.util.TreeMap;

/** {@code tf.train.FeatureLists(feature_list={...})}: sequences by name. */
public record FeatureLists(org.jflow.io.proto.FeatureLists proto) {
    /** {@code FeatureLists(feature_list=map)}. */
    public static FeatureLists of(Map<String, FeatureList> lists) {
        org.jflow.io.proto.FeatureLists.Builder b = org.jflow.io.proto.FeatureLists.newBuilder();
        lists.forEach((k, v) -> b.putFeatureList(k, v.proto()));
        return new FeatureLists(b.build());
    }

    /** The sequences by name, sorted. */
    public Map<String, FeatureList> featureList() {
        Map<String, FeatureList> out = new TreeMap<>();
        proto.getFeatureListMap().forEach((k, v) -> out.put(k, new FeatureList(v)));
        return out;
    }
}
