/**
 * The aggregate {@code tf}: {@link org.jflow.tensorflow.TensorFlow#tf} is the core's {@code tf}
 * ({@link org.jflow.TF}) plus the namespaces of the modules above the core ({@code tf.keras},
 * {@code tf.io}; {@code tf.data}, {@code tf.image}, {@code tf.summary}, {@code tf.saved_model} as
 * their modules arrive). Python's {@code import tensorflow as tf} is
 * {@code import static org.jflow.tensorflow.TensorFlow.tf;}.
 */
package org.jflow.tensorflow;
