package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Kernels;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;

/**
 * Replaces a node whose inputs are all constants by constants of its outputs' values, computed
 * once here by the same kernel the executor would run. Stateful nodes (random draws, variable
 * reads, printing) never fold, and neither does anything that reads them: their inputs are never
 * constants. Like TF grappler, a fold that would materialize a large constant from small inputs
 * (a {@code Fill} of a million zeros) is skipped, so graphs stay small; what reads such a node
 * does not fold either.
 */
public final class ConstantFolding implements GraphPass {
    /** Outputs above this many elements fold only when they are no larger than the inputs. */
    static final long MAX_GROWN_ELEMENTS = 1 << 20;

    @Override
    public Program apply(Program program) {
        return NodeRewrites.apply(program, (r, n) -> {
            if (!foldable(r, n)) return false;
            Tensor[] values = values(r, n);
            if (values == null) return false;
            for (int i = 0; i < values.length; i++) r.map(n.output(i), constant(r, values[i], n.name()));
            return true;
        });
    }

    private static boolean foldable(GraphRewriter r, Node n) {
        if (n.op().stateful() || n.op() == GraphOps.CONST || n.op() == GraphOps.PLACEHOLDER || n.numOutputs() == 0) return false;
        long in = 0, out = 0;
        for (Tensor t : n.inputs()) {
            Tensor value = r.get(t);
            if (value.op().op() != GraphOps.CONST) return false;
            in += value.size();
        }
        for (Tensor t : n.outputs()) {
            if (!t.shape().isFullyDefined()) return false;
            out += t.size();
        }
        return out <= MAX_GROWN_ELEMENTS || out <= in;
    }

    /** The outputs' values: known from tracing, else computed; null where the kernel fails on them. */
    private static Tensor[] values(GraphRewriter r, Node n) {
        Tensor[] known = new Tensor[n.numOutputs()];
        boolean allKnown = true;
        for (int i = 0; i < known.length; i++) {
            allKnown &= n.output(i).hasValue();
            if (allKnown) known[i] = n.output(i).knownValue();
        }
        if (allKnown) return known;
        Tensor[] in = NodeRewrites.newInputs(r, n);
        for (int i = 0; i < in.length; i++) in[i] = in[i].knownValue();
        try (Tracer.Scope eager = Tracer.Stack.eager()) {
            return Kernels.fold(n.op(), n.attrs(), in, n.op().infer(in, n.attrs()));
        } catch (RuntimeException e) {
            // An op that fails on these values (an integer division by zero) must fail when the
            // graph runs, after the side effects before it, as traced: leave the node in.
            return null;
        }
    }

    private static Tensor constant(GraphRewriter r, Tensor value, String name) {
        return r.target().addNode(GraphOps.CONST, Attrs.of("value", value), new Tensor[0],
                new TensorSpec[] {new TensorSpec(value.dtype(), value.shape())}, name, new Tensor[] {value})[0];
    }
}
