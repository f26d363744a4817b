/** {@code tf.sparse}: the {@link org.jflow.io.sparse.SparseTensor} value that {@code tf.io.VarLenFeature} parses into. */
package org.jflow.io.sparse;
