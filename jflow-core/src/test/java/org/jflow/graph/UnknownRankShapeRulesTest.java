package org.jflow.graph;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.raw.RawMath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shape rules on an input of unknown rank (an imported graph's placeholder without a shape, a Sum
 * over axes known only when the graph runs), as TF's shape functions: the outputs' ranks are what
 * the other inputs and the attributes say, else unknown.
 */
class UnknownRankShapeRulesTest {
    @Test
    void shapeSplitMatMulAndConcatTraceOnAnUnknownRank() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.unknownRank(), "x");
        Tensor known = g.placeholder(tf.float32, Shape.of(-1, 4), "known");
        Tensor weights = g.placeholder(tf.float32, Shape.of(3, 4), "weights");
        try (var scope = g.asDefault()) {
            assertEquals("(None,)", tf.shape(x).shape().toString());
            List<Tensor> parts = tf.split(x, 2, 1);
            assertEquals(2, parts.size());
            assertEquals(Shape.unknownRank(), parts.get(0).shape());
            assertEquals("(None, None)", RawMath.matMul(x, x, false, false).shape().toString());
            assertEquals("(None, 4)", RawMath.matMul(x, weights, false, false).shape().toString()); // MatMul's operands have rank 2
            assertEquals("(None, 4)", tf.concat(List.of(x, known), 0).shape().toString());
            assertEquals(Shape.unknownRank(), tf.concat(List.of(x, x), 0).shape());
        }
    }
}
