package org.jflow;

/**
 * TF's {@code tf.VariableAggregation} (Keras' {@code aggregation=} strings): how a distribution
 * strategy combines the updates that replicas make to one variable. A semantic annotation here,
 * as in Keras 3, for a data-parallel trainer (jflow-spark) to read; a single process never combines.
 */
public enum VariableAggregation {
    /** Replicas must not update the variable independently. */
    NONE,
    /** Updates are summed. */
    SUM,
    /** Updates are averaged (optimizer slots, metrics' totals and counts). */
    MEAN,
    /** The first replica's update is applied. */
    ONLY_FIRST_REPLICA
}
