package org.jflow.io.train;

import java.util.ArrayList;
import java.util.List;

/** {@code tf.train.FeatureList(feature=[...])}: one feature per step of a sequence. */
public record FeatureList(org.jflow.io.proto.FeatureList proto) {
    /** {@code FeatureList(feature=features)}. */
    public static FeatureList of(Feature... features) {
        org.jflow.io.proto.FeatureList.Builder b = org.jflow.io.proto.FeatureList.newBuilder();
        for (Feature f : features) b.addFeature(f.proto());
        return new FeatureList(b.build());
    }

    /** The steps' features in order. */
    public List<Feature> feature() {
        List<Feature> out = new ArrayList<>();
        for (org.jflow.io.proto.Feature f : proto.getFeatureList()) out.add(new Feature(f));
        return out;
    }
}
