/**
 * TF's {@code tf.feature_column}: columns that turn a map of feature tensors into ids and dense inputs with raw
 * ops (so Keras' {@code DenseFeatures} traces them), {@link org.jflow.featurecolumn.FeatureColumns#denseFeatures}
 * and the op they need that the core lacks, {@link org.jflow.featurecolumn.FeatureColumnOps}.
 */
package org.jflow.featurecolumn;
