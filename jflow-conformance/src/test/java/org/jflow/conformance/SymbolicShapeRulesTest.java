package org.jflow.conformance;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.engine.Tracer;
import org.jflow.graph.Executor;
import org.jflow.graph.Graph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shape rules never read values (TF's shape functions, JAX's abstract evaluation): every registered
 * op with cases in {@link OpTable} is traced on placeholders that have its case's dtypes but no
 * values, once with the case's shapes and once with every dimension unknown. Tracing must succeed
 * wherever the eager call does, give output shapes compatible with the eager ones, and the traced
 * graph must compute the eager results when it runs on the case's values.
 */
class SymbolicShapeRulesTest {
    @Test
    void everyShapeRuleTracesOnValuelessInputsWithUnknownDims() {
        List<String> problems = new ArrayList<>();
        TreeSet<String> uncovered = new TreeSet<>();
        int traced = 0;
        for (Op op : OpRegistry.all()) {
            OpTable.Row row = OpTable.ROWS.get(op.name());
            if (row == null) {
                uncovered.add(op.name());
                continue;
            }
            for (Cases.Case c : row.cases().cases(new SplittableRandom(Conformance.SEED ^ op.name().hashCode()))) {
                Tensor[] eager;
                try {
                    eager = Dispatcher.execute(op, c.attrs(), c.inputs());
                } catch (RuntimeException refused) {
                    continue; // a case the op rejects eagerly (bad values are the kernel's to report)
                }
                for (boolean unknownDims : new boolean[] {false, true}) {
                    String problem = traceProblem(op, c, eager, unknownDims);
                    traced++;
                    if (problem != null) problems.add(op.name() + " | " + c.label() + (unknownDims ? " | unknown dims" : "") + " | " + problem);
                }
            }
        }
        System.out.println("traced " + traced + " calls; ops without cases: " + uncovered);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private static String traceProblem(Op op, Cases.Case c, Tensor[] eager, boolean unknownDims) {
        Graph g = new Graph();
        List<Tensor> feeds = new ArrayList<>();
        Tensor[] outs;
        try (Tracer.Scope scope = g.asDefault()) {
            for (Tensor in : c.inputs()) {
                Shape s = unknownDims ? unknown(in.rank()) : in.shape();
                feeds.add(g.placeholder(in.dtype(), s, "x"));
            }
            outs = Dispatcher.execute(op, c.attrs(), feeds.toArray(new Tensor[0]));
        } catch (RuntimeException e) {
            return "tracing fails: " + Conformance.firstLine(e);
        }
        if (outs.length != eager.length) return outs.length + " outputs traced, " + eager.length + " eager";
        for (int i = 0; i < outs.length; i++) {
            if (outs[i].dtype() != eager[i].dtype()) return "output " + i + " traced as " + outs[i].dtype() + ", eager " + eager[i].dtype();
            if (!outs[i].shape().isCompatibleWith(eager[i].shape())) {
                return "output " + i + " traced as " + outs[i].shape() + ", eager " + eager[i].shape();
            }
        }
        if (op.stateful()) return null;
        Tensor[] ran;
        try {
            ran = new Executor(g, feeds, Arrays.asList(outs), false).run(c.inputs());
        } catch (RuntimeException e) {
            return "running the trace fails: " + Conformance.firstLine(e);
        }
        for (int i = 0; i < outs.length; i++) {
            if (!ran[i].shape().equals(eager[i].shape())) return "output " + i + " ran as " + ran[i].shape() + ", eager " + eager[i].shape();
            if (!ran[i].repr().equals(eager[i].repr())) return "output " + i + " ran as " + ran[i].repr() + ", eager " + eager[i].repr();
        }
        return null;
    }

    private static Shape unknown(int rank) {
        int[] dims = new int[rank];
        Arrays.fill(dims, Shape.UNKNOWN);
        return Shape.of(dims);
    }
}
