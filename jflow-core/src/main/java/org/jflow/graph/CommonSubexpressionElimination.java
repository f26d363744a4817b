package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges nodes that compute the same thing: the same op with equal attributes (see
 * {@link AttrsEquality}) on the same input tensors, so {@code d = a*b + c; e = a*b*c} computes
 * {@code a*b} once. Constants with equal values merge too. Stateful nodes never merge: two
 * random draws or two variable reads are two events.
 */
public final class CommonSubexpressionElimination implements GraphPass {
    @Override
    public Program apply(Program program) {
        Map<Signature, Node> seen = new HashMap<>();
        return NodeRewrites.apply(program, (r, n) -> {
            if (n.op().stateful() || n.op() == GraphOps.PLACEHOLDER || n.numOutputs() == 0) return false;
            Signature key = new Signature(n.op(), n.attrs(), List.of(NodeRewrites.newInputs(r, n)));
            Node first = seen.get(key);
            if (first == null) {
                seen.put(key, Node.of(r.copy(n)[0]));
            } else {
                for (int i = 0; i < n.numOutputs(); i++) r.map(n.output(i), first.output(i));
            }
            return true;
        });
    }

    /** What a node computes; inputs compare by identity (tensors of the new graph). */
    private record Signature(Op op, Attrs attrs, List<Tensor> inputs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && s.op == op && s.inputs.equals(inputs) && AttrsEquality.equal(s.attrs, attrs);
        }

        @Override
        public int hashCode() { return (System.identityHashCode(op) * 31 + inputs.hashCode()) * 31 + AttrsEquality.hash(attrs); }
    }
}
