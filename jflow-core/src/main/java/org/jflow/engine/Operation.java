package org.jflow.engine;

import org.jflow.Tensor;

import java.util.List;

/**
 * What a symbolic tensor knows of the operation that produces it (TF's {@code tf.Operation}, a
 * tensor's {@code tensor.op}): the op, its attributes, inputs and outputs. Graphs implement it with
 * their nodes; the engine needs no more than this, so {@link Tensor} does not depend on the graph
 * package.
 */
public interface Operation {
    /** Unique within its graph: {@code AddV2}, {@code AddV2_1}, {@code x}. */
    String name();

    /** The registered op this operation runs. */
    Op op();

    /** TF's {@code op.type}: the op's registered name. */
    default String type() { return op().name(); }

    Attrs attrs();

    List<Tensor> inputs();

    Tensor input(int i);

    int numInputs();

    List<Tensor> outputs();

    Tensor output(int i);

    int numOutputs();
}
