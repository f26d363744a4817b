/**
 * {@code tf.io.parse_single_example}, {@code parse_example} and {@code parse_sequence_example} with their feature
 * configurations ({@code tensorflow/python/ops/parsing_config.py}, the kernels of
 * {@code tensorflow/core/util/example_proto_fast_parsing.cc}): TF's outputs, output order and error texts. The
 * parse is an op ({@code ParseExampleV2}, {@code ParseSequenceExampleV2}), so it traces inside {@code Dataset.map}.
 */
package org.jflow.io.parsing;
