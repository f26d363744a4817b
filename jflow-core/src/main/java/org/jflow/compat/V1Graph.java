package org.jflow.compat;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.VariableHandle;
import org.jflow.graph.Graph;

/**
 * A TF1 graph ({@code tf.compat.v1.Graph()}): built once, then run piecewise by a {@link Session}.
 * Unlike a function's graph it has no automatic control dependencies (a session runs only what the
 * fetches need), its variables stay uninitialized until an initializer node runs, and their names
 * are made unique within the graph ({@code Variable}, {@code Variable_1}) as TF1 names them.
 */
final class V1Graph extends Graph {
    /** The variable waits for its initializer, which assigns {@code initialValue} (a node of this graph or a constant). */
    @Override
    public Tensor variableCreated(VariableHandle variable, Tensor initialValue) {
        recordVariable((Variable) variable); // the engine's variables are tf.Variables; it names only the handle
        return null;
    }

    @Override
    protected boolean chainsStatefulNodes() { return false; }

    /** JFlow draws a TF1 graph's op seeds as it does eagerly. */
    @Override
    public Long nextOpSeed() { return null; }

    @Override
    public String variableName(String base) { return uniqueName(base); }
}
