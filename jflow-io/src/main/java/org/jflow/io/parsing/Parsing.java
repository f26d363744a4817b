package org.jflow.io.parsing;

import org.jflow.RaggedTensor;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;
import org.jflow.io.sparse.SparseTensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tf.io.parse_single_example}, {@code parse_example}, {@code parse_single_sequence_example} and
 * {@code parse_sequence_example}: each runs one parsing op and assembles its outputs into TF's dictionary, whose
 * order is TF's: the {@code VarLenFeature}s (as {@link SparseTensor}s), then the dense features, then the ragged
 * ones, each sorted by key.
 */
public final class Parsing {
    private Parsing() {}

    /** {@code tf.io.parse_single_example(serialized, features)}: a scalar string in, one example's features out. */
    public static Map<String, Object> parseSingleExample(Tensor serialized, Map<String, ?> features) {
        if (serialized.rank() != 0) throw new ValueError("Input serialized must be a scalar");
        return parseExample(serialized, features);
    }

    /** {@code tf.io.parse_example(serialized, features)}: a vector of strings in, features with a batch axis out. */
    public static Map<String, Object> parseExample(Tensor serialized, Map<String, ?> features) {
        Features spec = Features.of(features, false);
        Tensor[] out = Dispatcher.execute(ParsingOps.PARSE_EXAMPLE, Attrs.of("features", spec), serialized);
        Map<String, Object> result = new LinkedHashMap<>();
        assemble(spec, out, 0, serialized.rank() == 1, result);
        return result;
    }

    /** {@code tf.io.parse_single_sequence_example(serialized, context_features, sequence_features)}. */
    public static ParsedSequenceExample parseSingleSequenceExample(Tensor serialized, Map<String, ?> contextFeatures,
                                                                   Map<String, ?> sequenceFeatures) {
        if (serialized.rank() != 0) throw new ValueError("Input serialized must be a scalar");
        return parseSequenceExample(serialized, contextFeatures, sequenceFeatures);
    }

    /** {@code tf.io.parse_sequence_example(serialized, context_features, sequence_features)}. */
    public static ParsedSequenceExample parseSequenceExample(Tensor serialized, Map<String, ?> contextFeatures,
                                                             Map<String, ?> sequenceFeatures) {
        Features context = Features.of(contextFeatures, false);
        Features sequence = Features.of(sequenceFeatures, true);
        Tensor[] out = Dispatcher.execute(ParsingOps.PARSE_SEQUENCE_EXAMPLE,
                Attrs.of("context", context, "sequence", sequence), serialized);
        boolean batched = serialized.rank() == 1;
        Map<String, Object> ctx = new LinkedHashMap<>(), lists = new LinkedHashMap<>(), lengths = new LinkedHashMap<>();
        int o = assemble(context, out, 0, batched, ctx);
        for (Map.Entry<String, Object> e : sequence.sparse()) {
            lists.put(e.getKey(), new SparseTensor(out[o], out[o + 1], out[o + 2]));
            o += 3;
        }
        for (Map.Entry<String, Object> e : sequence.dense()) {
            lists.put(e.getKey(), out[o++]);
            if (batched) lengths.put(e.getKey(), out[o]);
            o++;
        }
        return new ParsedSequenceExample(ctx, lists, lengths);
    }

    private static int assemble(Features spec, Tensor[] out, int o, boolean batched, Map<String, Object> result) {
        for (Map.Entry<String, Object> e : spec.sparse()) {
            result.put(e.getKey(), new SparseTensor(out[o], out[o + 1], out[o + 2]));
            o += 3;
        }
        for (Map.Entry<String, Object> e : spec.dense()) result.put(e.getKey(), out[o++]);
        for (Map.Entry<String, Object> e : spec.ragged()) {
            // One example's ragged feature is its 1-D values; a batch's a ragged tensor of one row per example.
            result.put(e.getKey(), batched ? new RaggedTensor(out[o], out[o + 1]) : out[o]);
            o += 2;
        }
        return o;
    }
}
