package org.jflow.io.parsing;

import java.util.Map;

/**
 * What {@code tf.io.parse_sequence_example} returns as a tuple: the context features, the feature lists, and the
 * lengths (steps per example) of the {@code FixedLenSequenceFeature}s; {@code parse_single_sequence_example} gives
 * the first two and empty lengths.
 */
public record ParsedSequenceExample(Map<String, Object> context, Map<String, Object> featureList,
                                    Map<String, Object> lengths) {}
