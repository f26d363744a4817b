package org.jflow.controlflow;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Nest;
import org.jflow.engine.Tracer;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.graph.Graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code tf.cond} and {@code tf.case}. Eagerly, or where the predicate's value is known while
 * tracing (TF does the same for constant predicates), only the taken branch runs, inline. Otherwise
 * each branch is traced into its own nested graph and one {@code If} node chooses at run time, so
 * only the taken branch's side effects happen.
 */
public final class Cond {
    private Cond() {}

    /** {@code pred} must be a bool scalar: TF's If would read a number's truth, but a typed error catches mistakes early. */
    static void checkPredicate(Tensor pred) {
        if (pred.dtype() != DType.BOOL) {
            throw new TypeError("tf.cond: pred must be a bool tensor, got dtype " + pred.dtype().tfName()
                    + " (compare it, e.g. tf.notEqual(x, 0), to branch on a number)");
        }
        if (pred.shape().hasRank() && pred.shape().rank() != 0) {
            throw new ValueError("tf.cond: pred must be a scalar, got shape " + pred.shape());
        }
    }

    @SuppressWarnings("unchecked")
    public static <R> R cond(Object pred, Supplier<R> trueFn, Supplier<R> falseFn) {
        if (pred instanceof Boolean b) return b ? trueFn.get() : falseFn.get();
        Tensor p = pred instanceof TensorLike t ? t.value() : Convert.toTensor(pred);
        checkPredicate(p);
        if (!(Tracer.Stack.current() instanceof Graph g) || p.hasValue()) {
            return p.knownValue().booleanValue() ? trueFn.get() : falseFn.get();
        }
        NestedTrace t = NestedTrace.of(g, List.of(), "input", args -> trueFn.get());
        NestedTrace f = NestedTrace.of(g, List.of(), "input", args -> falseFn.get());
        checkSameOutputs(t, f);
        NestedTrace.Captures captures = new NestedTrace.Captures(t, f);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(p);
        inputs.addAll(captures.tensors());
        Map<Variable, Integer> variableInputs = NestedTrace.readVariablesOutside(inputs, t, f);
        BranchFunction thenBranch = t.bind(captures, 1, variableInputs), elseBranch = f.bind(captures, 1, variableInputs);
        int n = t.outputs.size();
        DType[] dtypes = new DType[n];
        Shape[] shapes = new Shape[n];
        for (int i = 0; i < n; i++) {
            dtypes[i] = t.outputs.get(i).dtype();
            shapes[i] = Structures.mostSpecificCompatible(t.outputs.get(i).shape(), f.outputs.get(i).shape());
        }
        Attrs attrs = Attrs.of("Tout", dtypes, "output_shapes", shapes, "then_branch", thenBranch, "else_branch", elseBranch);
        boolean stateful = thenBranch.stateful() || elseBranch.stateful();
        Tensor[] outs = Dispatcher.execute(stateful ? ControlFlowOps.IF : ControlFlowOps.STATELESS_IF, attrs, inputs.toArray(new Tensor[0]));
        return (R) Nest.pack(t.template, outs);
    }

    /** TF's {@code _check_same_outputs}: the branches must return the same structure with the same dtypes. */
    private static void checkSameOutputs(NestedTrace t, NestedTrace f) {
        if (!Structures.same(t.result, f.result)) throw mismatch(t, f, "The two structures don't have the same nested structure.");
        for (int i = 0; i < t.outputs.size(); i++) {
            Tensor a = t.outputs.get(i), b = f.outputs.get(i);
            if (a.dtype() != b.dtype()) throw mismatch(t, f, a + " and " + b + " have different types");
        }
    }

    private static TypeError mismatch(NestedTrace t, NestedTrace f, String detail) {
        return new TypeError("true_fn and false_fn arguments to tf.cond must have the same number, type, and overall"
                + " structure of return values.\n\ntrue_fn output: " + Structures.str(t.result) + "\nfalse_fn output: "
                + Structures.str(f.result) + "\n\nError details:\n" + detail);
    }

    /**
     * {@code tf.case}: the function of the first pair whose predicate holds, else {@code defaultFn}
     * (the last pair's function when null, as TF does), as nested conds. With {@code exclusive},
     * more than one true predicate is TF's InvalidArgumentError; checked where the predicates'
     * values are known (eagerly, or constant while tracing).
     */
    public static <R> R case_(List<? extends Map.Entry<?, ? extends Supplier<R>>> pairs, Supplier<R> defaultFn, boolean exclusive) {
        if (pairs.isEmpty()) throw new ValueError("Must provide at least one item in branch_fns");
        List<Map.Entry<?, ? extends Supplier<R>>> branches = new ArrayList<>(pairs);
        Supplier<R> fallback = defaultFn;
        if (fallback == null) fallback = branches.removeLast().getValue();
        if (exclusive) checkExclusive(pairs);
        Supplier<R> chain = fallback;
        for (int i = branches.size() - 1; i >= 0; i--) {
            Object pred = branches.get(i).getKey();
            Supplier<R> fn = branches.get(i).getValue(), rest = chain;
            chain = () -> cond(pred, fn, rest);
        }
        return chain.get();
    }

    private static void checkExclusive(List<? extends Map.Entry<?, ?>> pairs) {
        List<Integer> trueOnes = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Object pred = pairs.get(i).getKey();
            Tensor p = pred instanceof TensorLike t ? t.value() : Convert.toTensor(pred);
            if (!p.hasValue()) return;
            if (p.knownValue().booleanValue()) trueOnes.add(i);
        }
        if (trueOnes.size() > 1) {
            throw new InvalidArgumentError("Input error: exclusive=True: more than 1 conditions (" + trueOnes
                    + " of the pairs) evaluated as True.");
        }
    }
}
