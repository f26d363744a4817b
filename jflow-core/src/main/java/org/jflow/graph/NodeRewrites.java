package org.jflow.graph;

import org.jflow.Tensor;

/**
 * The loop most passes share: walk the source program in creation order and, per node, either
 * map its outputs to replacements (or drop it) or copy it unchanged. Rules see the inputs already
 * rewritten, so chains simplify in one walk ({@code Neg(Identity(Neg(x)))} becomes {@code x}).
 */
final class NodeRewrites {
    private NodeRewrites() {}

    /** One node's rewrite; an instance may keep state for one walk. */
    @FunctionalInterface
    interface Rule {
        /** Maps {@code n}'s outputs with {@link GraphRewriter#map} (or drops an unread node) and returns true; false copies it. */
        boolean rewrite(GraphRewriter r, Node n);
    }

    static Program apply(Program program, Rule rule) {
        GraphRewriter r = new GraphRewriter(program);
        for (Node n : program.graph().operations()) {
            if (!r.isInput(n) && !rule.rewrite(r, n)) r.copy(n);
        }
        return r.finish();
    }

    /** The new-graph tensors {@code n} reads. */
    static Tensor[] newInputs(GraphRewriter r, Node n) {
        Tensor[] in = new Tensor[n.numInputs()];
        for (int i = 0; i < in.length; i++) in[i] = r.get(n.input(i));
        return in;
    }
}
