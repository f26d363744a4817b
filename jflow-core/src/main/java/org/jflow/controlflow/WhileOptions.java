package org.jflow.controlflow;

import org.jflow.Shape;

import java.util.List;

/** {@code tf.while_loop}'s keywords: {@code o -> o.maximumIterations(10).shapeInvariants(Shape.of(-1))}. */
public final class WhileOptions {
    Object maximumIterations;
    List<Shape> shapeInvariants;

    /** Stops after this many iterations even while cond holds (an int or an int32 scalar tensor). */
    public WhileOptions maximumIterations(Object maximumIterations) { this.maximumIterations = maximumIterations; return this; }

    /**
     * One shape per loop variable (flattened order) that its value keeps across iterations:
     * {@code Shape.of(-1)} lets a vector grow; {@code Shape.unknownRank()} allows anything.
     */
    public WhileOptions shapeInvariants(Shape... shapes) { this.shapeInvariants = List.of(shapes); return this; }
}
