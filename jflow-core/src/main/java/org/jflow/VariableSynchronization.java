package org.jflow;

/**
 * TF's {@code tf.VariableSynchronization}: when replicas of a distributed variable are made equal.
 * Like {@link VariableAggregation}, an annotation a distribution strategy reads; as in TF, a variable
 * synchronized {@link #ON_READ} (a metric's accumulator) is not trainable unless asked.
 */
public enum VariableSynchronization {
    /** The strategy chooses (on write for ordinary variables). */
    AUTO,
    /** Never synchronized: one copy. */
    NONE,
    /** Made equal on every update. */
    ON_WRITE,
    /** Kept per replica and combined when read. */
    ON_READ
}
