package org.jflow.io.parsing;

import com.google.protobuf.InvalidProtocolBufferException;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.io.proto.Example;
import org.jflow.io.proto.Feature;
import org.jflow.io.proto.FeatureList;
import org.jflow.io.proto.SequenceExample;

import java.util.List;
import java.util.Map;

/**
 * The kernel of {@code ParseSequenceExampleV2}: the context parsed as an Example, then each feature list's steps.
 * Outputs: the context's (as {@link ExampleKernel}), then per sparse list indices, values and dense shape, per
 * dense list its values and (batched) its lengths. TF's texts, which always name the example.
 */
final class SequenceExampleKernel {
    private SequenceExampleKernel() {}

    static Tensor[] parse(byte[][] serialized, boolean batched, Features context, Features sequence) {
        int n = serialized.length;
        SequenceExample[] examples = new SequenceExample[n];
        byte[][] contexts = new byte[n][];
        for (int b = 0; b < n; b++) {
            try {
                examples[b] = SequenceExample.parseFrom(serialized[b]);
            } catch (InvalidProtocolBufferException e) {
                throw ExampleKernel.couldNotParse("sequence_example", serialized[b]);
            }
            contexts[b] = Example.newBuilder().setFeatures(examples[b].getContext()).build().toByteArray();
        }
        Tensor[] ctx = contextOutputs(contexts, batched, context);
        Tensor[] out = new Tensor[ctx.length + 3 * sequence.sparse().size() + 2 * sequence.dense().size()];
        System.arraycopy(ctx, 0, out, 0, ctx.length);
        int o = ctx.length;
        for (Map.Entry<String, Object> e : sequence.sparse()) {
            String key = e.getKey();
            DType dtype = ((VarLenFeature) e.getValue()).dtype();
            Column values = new Column(dtype, n);
            Column indices = new Column(DType.INT64, n);
            long maxSteps = 0, maxValues = 0;
            for (int b = 0; b < n; b++) {
                List<Feature> steps = steps(examples[b], key);
                maxSteps = Math.max(maxSteps, steps.size());
                for (int t = 0; t < steps.size(); t++) {
                    Feature f = steps.get(t);
                    checkType(f, dtype, key, t);
                    int count = Column.count(f);
                    maxValues = Math.max(maxValues, count);
                    for (int i = 0; i < count; i++) {
                        if (batched) indices.add(b);
                        indices.add(t);
                        indices.add(i);
                    }
                    values.add(f);
                }
            }
            int rank = batched ? 3 : 2;
            out[o++] = indices.toTensor(Shape.of(values.size(), rank));
            out[o++] = values.toTensor(Shape.of(values.size()));
            out[o++] = Tensor.wrap(DType.INT64, Shape.of(rank),
                    batched ? new long[] {n, maxSteps, maxValues} : new long[] {maxSteps, maxValues});
        }
        for (Map.Entry<String, Object> e : sequence.dense()) {
            String key = e.getKey();
            FixedLenSequenceFeature spec = (FixedLenSequenceFeature) e.getValue();
            int per = spec.shape().size();
            long[] lengths = new long[n];
            int maxSteps = 0;
            for (int b = 0; b < n; b++) {
                FeatureList list = examples[b].getFeatureLists().getFeatureListMap().get(key);
                if (list == null && !spec.allowMissing()) {
                    throw new InvalidArgumentError("Name: <unknown>, Feature list '" + key + "' is required but "
                            + "could not be found.  Did you mean to include it in "
                            + "feature_list_dense_missing_assumed_empty or feature_list_dense_defaults?");
                }
                lengths[b] = list == null ? 0 : list.getFeatureCount();
                maxSteps = Math.max(maxSteps, (int) lengths[b]);
            }
            Column values = new Column(spec.dtype(), (int) Math.min(1 << 20, (long) n * maxSteps * per));
            for (int b = 0; b < n; b++) {
                List<Feature> steps = steps(examples[b], key);
                for (int t = 0; t < steps.size(); t++) {
                    Feature f = steps.get(t);
                    checkType(f, spec.dtype(), key, t);
                    int count = Column.count(f);
                    if (count != per) {
                        throw new InvalidArgumentError("Name: <unknown>, Key: " + key + ", Index: " + t
                                + ".  Number of values != expected.  values size: " + count + " but output shape: "
                                + ExampleKernel.dimsText(spec.shape()));
                    }
                    values.add(f);
                }
                // Shorter sequences of a batch are padded with the default value, one per element.
                for (int t = steps.size(); t < maxSteps; t++) {
                    for (int i = 0; i < per; i++) values.addDefault(spec.defaultValue(), 1);
                }
            }
            Shape steps = ExampleKernel.prepend(maxSteps, spec.shape());
            out[o++] = values.toTensor(batched ? ExampleKernel.prepend(n, steps) : steps);
            out[o++] = Tensor.wrap(DType.INT64, Shape.of(n), lengths);
        }
        return out;
    }

    /** The context: an Example's dense features, where TF's sequence parser words a missing one differently. */
    private static Tensor[] contextOutputs(byte[][] contexts, boolean batched, Features context) {
        for (Map.Entry<String, Object> e : context.dense()) {
            FixedLenFeature f = (FixedLenFeature) e.getValue();
            if (f.defaultValue() != null) continue;
            for (byte[] c : contexts) {
                try {
                    if (!Example.parseFrom(c).getFeatures().getFeatureMap().containsKey(e.getKey())) {
                        throw new InvalidArgumentError("Inconsistent max number of elements for feature " + e.getKey()
                                + ": expected " + f.shape().size() + ", but found 0");
                    }
                } catch (InvalidProtocolBufferException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return ExampleKernel.parse(contexts, batched, context);
    }

    private static List<Feature> steps(SequenceExample example, String key) {
        FeatureList list = example.getFeatureLists().getFeatureListMap().get(key);
        return list == null ? List.of() : list.getFeatureList();
    }

    private static void checkType(Feature f, DType dtype, String key, int step) {
        DType kind = Column.kind(f);
        if (kind != null && kind != dtype) {
            throw new InvalidArgumentError("Name: <unknown>, Feature list: " + key + ", Index: " + step
                    + ".  Data types don't match. Expected type: " + ExampleKernel.typeName(dtype));
        }
    }
}
