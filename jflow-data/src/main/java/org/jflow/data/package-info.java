/**
 * {@code tf.data}: {@link org.jflow.data.Dataset} and its sources and transformations, following
 * TensorFlow's {@code tensorflow/python/data/ops} (one transformation per file, as
 * {@code map_op.py}, {@code batch_op.py}...). Elements are eager tensors or structures of them;
 * functions given to {@code map}, {@code filter} and {@code reduce} are traced into graphs on the
 * core engine, as TF traces them.
 */
package org.jflow.data;
