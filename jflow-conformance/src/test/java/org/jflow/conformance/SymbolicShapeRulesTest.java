package org.jflow.conformance;

import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Nest;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.engine.Tracer;
import org.jflow.errors.ValueError;
import org.jflow.graph.Executor;
import org.jflow.graph.Graph;
import org.jflow.opinfo.Cases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shape rules never read values (TF's shape functions, JAX's abstract evaluation): every registered
 * op with cases in {@link OpTable} is traced on placeholders that have its case's dtypes but no
 * values, once with the case's shapes and once with every dimension unknown. Tracing must succeed
 * wherever the eager call does, give output shapes compatible with the eager ones, and the traced
 * graph must compute the eager results when it runs on the case's values.
 */
class SymbolicShapeRulesTest {
    /** Random kernels keep their streams per (op, attributes) as TF's kernel cache: start the other tests' from fresh ones. */
    @AfterEach
    void freshRandomKernels() { tf.random.clearSeed(); }

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
        } catch (ValueError e) {
            // TF's own limit: Unpack without `num` needs the static size of its axis (tf.unstack's ValueError)
            return unknownDims && e.getMessage().startsWith("Cannot infer argument `num` from shape") ? null
                    : "tracing fails: " + Conformance.firstLine(e);
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

    /** Ops that only exist in a graph's structure (or run other functions): they have no shape rule over data to check. */
    private static final Set<String> STRUCTURAL = Set.of("Const", "Placeholder", "NoOp", "If", "StatelessIf", "While", "StatelessWhile",
            "WhileGrad", "ReadVariableOp", "AssignVariableOp", "PrintV2", "CustomGradient", "FusedElementwise",
            // resource-variable updates take a variable, not a data input; VariableUpdatesTest traces them
            "AssignAddVariableOp", "AssignSubVariableOp", "ResourceScatterAdd", "ResourceScatterSub",
            "ResourceScatterUpdate", "ResourceScatterNdAdd", "ResourceScatterNdSub", "ResourceScatterNdUpdate");

    /**
     * One call of a JFlow op that TF's registry lacks (so no OpTable row): the facade call and its
     * inputs, traced with every dim unknown, or (for gradients, which as TF's take the weights' and
     * the spatial sizes from static shapes) with an unknown batch only; a random op's values are not compared.
     */
    private record Call(String op, Function<Tensor[], Object> fn, boolean batchOnly, boolean random, Tensor... inputs) {
        Call(String op, Function<Tensor[], Object> fn, Tensor... inputs) { this(op, fn, false, false, inputs); }

        static Call gradient(String op, Function<Tensor[], Object> fn, Tensor... inputs) { return new Call(op, fn, true, false, inputs); }

        TensorSpec spec(int i) {
            Tensor t = inputs[i];
            if (!batchOnly) return new TensorSpec(t.dtype(), unknown(t.rank()));
            int[] dims = t.shape().dims();
            if (i == 0) dims[0] = Shape.UNKNOWN;
            return new TensorSpec(t.dtype(), Shape.of(dims));
        }
    }

    private static Tensor floats(float[][] v) { return tf.constant(v); }

    private static final Tensor X = floats(new float[][] {{0.5f, -1.5f, 2f, 0f}, {3f, -0.25f, 1f, -2f}, {0.75f, 1.25f, -1f, 4f}});
    private static final Tensor SEQ = tf.reshape(tf.range(0f, 24f, 1f), 2, 6, 2);

    /** Positive values for the special functions, with a fraction so no pole is hit. */
    private static final Tensor POSITIVE = tf.add(tf.abs(X), 0.5f);

    private static final List<Call> CALLS = List.of(
            // TF has these special functions; they have no OpTable row yet, so they are traced here
            new Call("Lgamma", in -> tf.math.lgamma(in[0]), POSITIVE),
            new Call("Digamma", in -> tf.math.digamma(in[0]), POSITIVE),
            new Call("Polygamma", in -> tf.math.polygamma(in[0], in[1]), tf.onesLike(POSITIVE), POSITIVE),
            new Call("Zeta", in -> tf.math.zeta(in[0], in[1]), tf.add(POSITIVE, 1f), POSITIVE),
            new Call("Igamma", in -> tf.math.igamma(in[0], in[1]), POSITIVE, tf.add(POSITIVE, 0.25f)),
            new Call("Igammac", in -> tf.math.igammac(in[0], in[1]), POSITIVE, tf.add(POSITIVE, 0.25f)),
            new Call("ArgSort", in -> tf.argsort(in[0]), X),
            new Call("Sort", in -> tf.sort(in[0], 0, "DESCENDING"), X),
            new Call("AvgPool1D", in -> tf.nn.avgPool1d(in[0], 2, 2, "VALID"), SEQ),
            new Call("MaxPool1D", in -> tf.nn.maxPool1d(in[0], 3, 1, "SAME"), SEQ),
            new Call("Conv1D", in -> tf.nn.conv1d(in[0], in[1], 1, "SAME"), SEQ, tf.ones(3, 2, 4)),
            new Call("BatchNormalization", in -> tf.nn.batchNormalization(in[0], in[1], in[2], in[1], in[2], 1e-3), X,
                    tf.constant(new float[] {0.1f, 0.2f, 0.3f, 0.4f}), tf.constant(new float[] {1f, 2f, 0.5f, 1.5f})),
            new Call("ClipByNorm", in -> tf.clipByNorm(in[0], 1.5f), X),
            new Call("ComputeAverageLoss", in -> tf.nn.computeAverageLoss(in[0]), tf.constant(new float[] {1, 2, 3.5f})),
            new Call("ConfusionMatrix", in -> tf.math.confusionMatrix(in[0], in[1], 4), tf.constant(new int[] {0, 3, 1}), tf.constant(new int[] {0, 2, 1})),
            new Call("CountNonzero", in -> tf.math.countNonzero(in[0], 1), X),
            new Call("Dropout", in -> tf.nn.dropout(in[0], 0.5), false, true, X),
            new Call("EmbeddingLookup", in -> tf.nn.embeddingLookup(in[0], in[1]), X, tf.constant(new int[][] {{2, 0}, {1, 1}})),
            new Call("Gelu", in -> tf.nn.gelu(in[0]), X),
            new Call("Swish", in -> tf.nn.swish(in[0]), X),
            new Call("L2Normalize", in -> tf.math.l2Normalize(in[0], 1), X),
            new Call("Norm", in -> tf.linalg.norm(in[0]), X),
            new Call("Moments", in -> {
                var m = tf.nn.moments(in[0], new int[] {0});
                return new Object[] {m.mean(), m.variance()};
            }, X),
            new Call("ReduceLogSumExp", in -> tf.math.reduceLogSumExp(in[0], 1), X),
            new Call("ReduceStd", in -> tf.math.reduceStd(in[0], 0), X),
            new Call("ReduceVariance", in -> tf.math.reduceVariance(in[0], 1, true), X),
            new Call("SigmoidCrossEntropyWithLogits", in -> tf.nn.sigmoidCrossEntropyWithLogits(in[1], in[0]), X, tf.onesLike(X)),
            new Call("WeightedCrossEntropyWithLogits", in -> tf.nn.weightedCrossEntropyWithLogits(in[1], in[0], 2.0), X, tf.onesLike(X)),
            // gradient ops, traced as the gradients of their forward ops (gradients on unknown dims)
            Call.gradient("AvgPool1DGrad", in -> gradients(in, x -> tf.nn.avgPool1d(x[0], 2, 2, "VALID")), SEQ),
            Call.gradient("MaxPool1DGrad", in -> gradients(in, x -> tf.nn.maxPool1d(x[0], 3, 1, "SAME")), SEQ),
            Call.gradient("Conv1DBackpropInput", in -> gradients(in, x -> tf.nn.conv1d(x[0], x[1], 1, "SAME")), SEQ, tf.ones(3, 2, 4)),
            Call.gradient("Conv1DBackpropFilter", in -> gradients(in, x -> tf.nn.conv1d(x[0], x[1], 2, "VALID")), SEQ, tf.ones(3, 2, 4)),
            Call.gradient("MaxPool1DGradGrad", in -> {
                try (GradientTape outer = tf.GradientTape()) {
                    outer.watch(in[0]);
                    Tensor g = (Tensor) gradients(in, x -> tf.nn.maxPool1d(x[0], 3, 1, "SAME"))[0];
                    return outer.gradient(tf.reduceSum(g), in[0]);
                }
            }, SEQ));

    /** The gradients of {@code sum(f(in)^2)} with respect to every input. */
    private static Object[] gradients(Tensor[] in, Function<Tensor[], Tensor> f) {
        try (GradientTape tape = tf.GradientTape()) {
            for (Tensor t : in) tape.watch(t);
            Tensor y = f.apply(in);
            return tape.gradient(tf.reduceSum(tf.square(y)), List.of(in)).toArray();
        }
    }

    @Test
    void opsTfLacksTraceOnUnknownDimsAndEveryRegisteredOpIsChecked() {
        Set<String> checked = new TreeSet<>(OpTable.ROWS.keySet());
        List<String> problems = new ArrayList<>();
        for (Call c : CALLS) {
            checked.add(c.op());
            TensorSpec[] sig = new TensorSpec[c.inputs().length];
            for (int i = 0; i < sig.length; i++) sig[i] = c.spec(i);
            var traced = tf.functionOfArgs(args -> c.fn().apply(Arrays.copyOf(args, args.length, Tensor[].class)), o -> o.inputSignature(sig));
            try {
                List<Tensor> expected = new ArrayList<>(), actual = new ArrayList<>();
                Nest.flatten(c.fn().apply(c.inputs()), expected);
                Nest.flatten(traced.call((Object[]) c.inputs()), actual);
                Function<Tensor, String> shown = t -> c.random() ? t.dtype() + " " + t.shape() : t.repr();
                if (!expected.stream().map(shown).toList().equals(actual.stream().map(shown).toList())) {
                    problems.add(c.op() + " | traced " + actual + ", eager " + expected);
                }
                if (traced.getConcreteFunction((Object[]) c.inputs()).graph().operations().stream().noneMatch(n -> n.type().equals(c.op()))) {
                    problems.add(c.op() + " | the call does not trace into a node of this op");
                }
            } catch (RuntimeException e) {
                problems.add(c.op() + " | " + Conformance.firstLine(e));
            }
        }
        List<String> unchecked = OpRegistry.all().stream().map(Op::name)
                .filter(n -> !checked.contains(n) && !STRUCTURAL.contains(n)).sorted().toList();
        assertTrue(unchecked.isEmpty(), "registered ops this test does not trace: " + unchecked);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private static Shape unknown(int rank) {
        int[] dims = new int[rank];
        Arrays.fill(dims, Shape.UNKNOWN);
        return Shape.of(dims);
    }
}
