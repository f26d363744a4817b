package org.jflow.graph;

import java.util.List;

/** The passes a traced function goes through before the executor runs it, in order. */
public final class GraphOptimizer {
    private GraphOptimizer() {}

    private static final List<GraphPass> DEFAULT = List.of(
            new AlgebraicSimplification(),
            new ConstantFolding(),
            new CommonSubexpressionElimination(),
            new DeadNodeElimination(),
            new ElementwiseFusion()
    );

    /** The default pipeline. */
    public static Program optimize(Program program) { return run(program, DEFAULT); }

    /** {@code passes} applied in order. */
    public static Program run(Program program, List<GraphPass> passes) {
        Program p = program;
        for (GraphPass pass : passes) p = pass.apply(p);
        return p;
    }
}
