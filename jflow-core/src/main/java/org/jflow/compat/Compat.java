package org.jflow.compat;

/** TF's {@code tf.compat}: {@code tf.compat.v1} holds the TF1 API kept for old programs. */
public final class Compat {
    /** {@code tf.compat.v1}: static graphs, placeholders and sessions. */
    public final V1 v1 = new V1();
}
