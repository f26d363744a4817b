/**
 * {@code tf.train.Example} and its parts ({@code tensorflow/core/example/example.proto}, {@code feature.proto}):
 * Python-like builders over the protobuf messages generated from our copy of TF's schema, serialized byte for byte
 * as TF serializes them deterministically.
 */
package org.jflow.io.train;
