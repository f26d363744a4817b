package org.jflow.controlflow;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Nest;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.graph.Graph;
import org.jflow.raw.Raw;
import org.jflow.raw.RawMath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code tf.while_loop}. Eagerly a Java loop. While tracing, cond and body are traced once each
 * into nested graphs and one {@code While} node iterates them at run time; the body's stateful ops
 * (prints, variable updates) then run on every iteration, in order.
 *
 * <p>A loop variable keeps its dtype, and its shape unless a shape invariant allows it to change
 * (TF's rules and messages). {@code maximumIterations} adds a counter, AND-ed into cond as TF does.
 */
public final class WhileLoop {
    private WhileLoop() {}

    @SuppressWarnings("unchecked")
    public static <T> T run(Function<T, ?> cond, UnaryOperator<T> body, T loopVars, WhileOptions options) {
        if (options.maximumIterations == null) return loop(cond, body, loopVars, options.shapeInvariants);
        Tensor max = options.maximumIterations instanceof Tensor t ? t : Convert.toTensor(options.maximumIterations, DType.INT32);
        // TF counts in maximum_iterations' dtype: constant(0, dtype=maximum_iterations.dtype)
        Object[] counted = {Raw.scalar(max.dtype(), 0L), loopVars};
        List<Shape> invariants = null;
        if (options.shapeInvariants != null) {
            invariants = new ArrayList<>();
            invariants.add(Shape.scalar());
            invariants.addAll(options.shapeInvariants);
        }
        Object[] result = loop(
                v -> RawMath.logicalAnd(RawMath.less((Tensor) v[0], max), predicate(cond.apply((T) v[1]))),
                v -> new Object[] {RawMath.addV2((Tensor) v[0], Raw.scalar(max.dtype(), 1L)), body.apply((T) v[1])},
                counted, invariants);
        return (T) result[1];
    }

    private static Tensor predicate(Object p) { return p instanceof Tensor t ? t : Convert.toTensor(p); }

    private static <T> T loop(Function<T, ?> cond, UnaryOperator<T> body, T loopVars, List<Shape> invariants) {
        if (Tracer.Stack.current() instanceof Graph g) return traced(g, cond, body, loopVars, invariants);
        T vars = loopVars;
        while (truth(cond.apply(vars))) {
            T next = body.apply(vars);
            checkBody(vars, next);
            vars = next;
        }
        return vars;
    }

    private static boolean truth(Object p) {
        if (p instanceof Boolean b) return b;
        Tensor t = predicate(p);
        checkCondOutput(t);
        return t.booleanValue();
    }

    private static void checkCondOutput(Tensor t) {
        if (t.dtype() != DType.BOOL || (t.shape().hasRank() && t.shape().rank() != 0)) {
            throw new TypeError("tf.whileLoop: cond must return a bool scalar tensor, got dtype " + t.dtype().tfName()
                    + " and shape " + t.shape());
        }
    }

    /** The body's result must nest as the loop variables do, with the same dtypes (TF's messages). */
    private static void checkBody(Object vars, Object next) {
        if (!Structures.same(vars, next)) {
            throw new ValueError("The two structures don't have the same nested structure.\n\nFirst structure: "
                    + Structures.str(vars) + "\n\nSecond structure: " + Structures.str(next));
        }
        List<Tensor> in = new ArrayList<>(), out = new ArrayList<>();
        Nest.flatten(vars, in);
        Nest.flatten(next, out);
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).dtype() != out.get(i).dtype()) {
                String name = in.get(i).isSymbolic() ? in.get(i).name() : "loop_var_" + i;
                throw new TypeError("Loop var " + name + " enters the loop with type " + in.get(i).dtype()
                        + " but has type " + out.get(i).dtype() + " after 1 iteration. " + name + " type should remain constant.");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T traced(Graph g, Function<T, ?> cond, UnaryOperator<T> body, T loopVars, List<Shape> invariants) {
        List<Tensor> initial = new ArrayList<>();
        Object template = Nest.flatten(loopVars, initial);
        int n = initial.size();
        if (invariants != null && invariants.size() != n) {
            throw new ValueError("shape_invariants has " + invariants.size() + " shapes for " + n + " loop variables");
        }
        List<TensorSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tensor t = initial.get(i);
            Shape s = invariants == null ? t.shape() : invariants.get(i);
            if (!Structures.fitsInvariant(t.shape(), s)) {
                throw new ValueError("The shape invariant specified for " + loopVarName(t, i) + " is not compatible with the"
                        + " initial shape of the loop variable. It enters the loop with shape " + t.shape()
                        + ", but the specified shape invariant is " + s + ".");
            }
            specs.add(new TensorSpec(t.dtype(), s));
        }
        NestedTrace c = NestedTrace.of(g, specs, "loop_var", ps -> predicate(cond.apply((T) Nest.pack(template, ps.toArray(new Tensor[0])))));
        checkCondOutput(c.outputs.getFirst());
        NestedTrace b = NestedTrace.of(g, specs, "loop_var", ps -> body.apply((T) Nest.pack(template, ps.toArray(new Tensor[0]))));
        checkBody(Nest.pack(template, b.parameters.toArray(new Tensor[0])), b.result);
        for (int i = 0; i < n; i++) {
            Shape after = b.outputs.get(i).shape(), invariant = specs.get(i).shape();
            if (!Structures.fitsInvariant(after, invariant)) {
                throw new ValueError("Input tensor '" + loopVarName(initial.get(i), i) + "' enters the loop with shape "
                        + invariant + ", but has shape " + after + " after one iteration. To allow the shape to vary across"
                        + " iterations, use the `shape_invariants` argument of tf.while_loop to specify a less-specific shape.");
            }
        }
        NestedTrace.Captures captures = new NestedTrace.Captures(c, b);
        List<Tensor> inputs = new ArrayList<>(initial);
        inputs.addAll(captures.tensors());
        Map<Variable, Integer> variableInputs = NestedTrace.readVariablesOutside(inputs, c, b);
        BranchFunction condFn = c.bind(captures, n, variableInputs), bodyFn = b.bind(captures, n, variableInputs);
        DType[] dtypes = new DType[n];
        Shape[] shapes = new Shape[n];
        for (int i = 0; i < n; i++) {
            dtypes[i] = specs.get(i).dtype();
            shapes[i] = specs.get(i).shape();
        }
        Attrs attrs = Attrs.of("T", dtypes, "output_shapes", shapes, "cond", condFn, "body", bodyFn);
        boolean stateful = condFn.stateful() || bodyFn.stateful();
        Tensor[] outs = Dispatcher.execute(stateful ? ControlFlowOps.WHILE : ControlFlowOps.STATELESS_WHILE, attrs, inputs.toArray(new Tensor[0]));
        return (T) Nest.pack(template, outs);
    }

    private static String loopVarName(Tensor t, int i) { return t.isSymbolic() ? t.name() : "loop_var_" + i + ":0"; }
}
