package org.jflow.graph;

import org.jflow.Tensor;

import java.util.List;

/** Which nodes a run needs: those the fetches depend on, and optionally every stateful node. */
public final class Pruning {
    private Pruning() {}

    /** {@code needed[node.id()]}; nodes behind a fed tensor are not needed for it. */
    public static boolean[] needed(Graph graph, List<Tensor> fetches, List<Tensor> feeds, boolean allSideEffects) {
        return needed(graph, fetches, List.of(), feeds, allSideEffects);
    }

    /** As above, also running {@code targets}: nodes run for their effect only (a TF1 session's op fetches). */
    public static boolean[] needed(Graph graph, List<Tensor> fetches, List<Node> targets, List<Tensor> feeds,
                                   boolean allSideEffects) {
        boolean[] needed = new boolean[graph.operations().size()];
        for (Node n : targets) needed[n.id()] = true;
        if (allSideEffects) for (Node n : graph.operations()) if (n.op().stateful()) needed[n.id()] = true;
        return close(graph, fetches, feeds, needed, true);
    }

    /**
     * Only what the fetches read through data edges, no control edges and no side effects: what a
     * gradient recomputes of a branch or loop body without printing or assigning again.
     */
    public static boolean[] dataNeeded(Graph graph, List<Tensor> fetches, List<Tensor> feeds) {
        return close(graph, fetches, feeds, new boolean[graph.operations().size()], false);
    }

    private static boolean[] close(Graph graph, List<Tensor> fetches, List<Tensor> feeds, boolean[] needed, boolean control) {
        List<Node> all = graph.operations();
        boolean[] fed = new boolean[all.size()];
        for (Tensor f : feeds) fed[Node.of(f).id()] = true;
        for (Tensor t : fetches) needed[Node.of(t).id()] = true;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!needed[i] || fed[i]) continue;
            Node n = all.get(i);
            for (Tensor in : n.inputArray()) needed[Node.of(in).id()] = true;
            if (control) for (Node c : n.controlArray()) needed[c.id()] = true;
        }
        return needed;
    }
}
