package org.jflow.math;

/** The comparisons that have Vector API loops ({@link FloatLanes}, {@link DoubleLanes}). */
enum CompareLane { EQ, NE, LT, LE, GT, GE }
