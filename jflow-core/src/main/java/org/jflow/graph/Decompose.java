package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Decomposition;
import org.jflow.engine.Tracer;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a program so that it holds only ops TF's registry has: each node whose op declares a
 * {@link Decomposition} (the ops TF composes in Python, such as {@code Gelu}, {@code Moments},
 * {@code Conv1D}, and the optimizer's {@code FusedElementwise}) is replaced by the nodes its
 * decomposition adds, named under the old node's name ({@code gelu/Erf}). Decompositions that
 * use decomposable ops are expanded again. What exporters for TensorFlow (GraphDef, SavedModel) run
 * first; results equal the original's up to the rounding of the separate steps.
 */
public final class Decompose implements GraphPass {
    /** Enough for any chain of decompositions; each round removes one level. */
    private static final int MAX_ROUNDS = 8;

    @Override
    public Program apply(Program program) {
        Program p = program;
        for (int round = 0; round < MAX_ROUNDS && hasDecomposable(p.graph()); round++) p = once(p);
        return p;
    }

    /** A graph (all its nodes, its placeholders as inputs) rewritten the same way. */
    public static Graph graph(Graph graph) {
        List<Tensor> inputs = new ArrayList<>();
        for (Node n : graph.operations()) if (n.op() == GraphOps.PLACEHOLDER) inputs.add(n.output(0));
        return new Decompose().apply(new Program(graph, inputs, List.of())).graph();
    }

    private static boolean hasDecomposable(Graph g) {
        for (Node n : g.operations()) if (n.op().decomposition() != null) return true;
        return false;
    }

    private static Program once(Program p) {
        GraphRewriter r = new GraphRewriter(p);
        for (Node n : p.graph().operations()) {
            Decomposition d = n.op().decomposition();
            if (d == null) {
                r.copy(n);
                continue;
            }
            Tensor[] ins = new Tensor[n.numInputs()];
            for (int i = 0; i < ins.length; i++) ins[i] = r.get(n.input(i));
            Tensor[] outs;
            try (Tracer.Scope graph = r.target().asDefault(); NameScope scope = NameScope.enter(n.name())) {
                outs = d.apply(ins, n.attrs());
            }
            for (int i = 0; i < outs.length; i++) r.map(n.output(i), r.target().local(outs[i]));
        }
        return r.finish();
    }
}
