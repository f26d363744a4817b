/**
 * {@code tf.sparse}: the {@link org.jflow.io.sparse.SparseTensor} value that {@code tf.io.VarLenFeature} parses into,
 * and {@link org.jflow.io.sparse.SparseNamespace} ({@code tf.sparse.SparseTensor}, {@code to_dense}).
 */
package org.jflow.io.sparse;
