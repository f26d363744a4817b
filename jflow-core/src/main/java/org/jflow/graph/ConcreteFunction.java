package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Nest;
import org.jflow.engine.Recorder;
import org.jflow.engine.Tracer;
import org.jflow.Variable;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One trace of a {@code tf.function} for one input signature (TF's {@code ConcreteFunction}): the
 * traced graph, its flat inputs and outputs, and how the outputs nest into the Java result.
 *
 * <p>A call runs the optimized graph on the executor. Where a gradient tape records on this thread,
 * or another graph is being traced, the call instead replays the traced graph op by op through
 * the dispatcher, so the tape sees every op and an enclosing trace inlines this one.
 */
public final class ConcreteFunction {
    private final String name;
    private final Program traced;
    private final Object outputTemplate;
    private final UnaryOperator<Program> optimizer;
    private volatile Executor executor;
    private volatile Program optimized;

    ConcreteFunction(String name, Program traced, Object outputTemplate, UnaryOperator<Program> optimizer) {
        this.name = name;
        this.traced = traced;
        this.outputTemplate = outputTemplate;
        this.optimizer = optimizer;
    }

    public String name() { return name; }

    /** The graph as traced (TF's {@code concrete_function.graph}). */
    public Graph graph() { return traced.graph(); }

    /** The traced graph with its inputs and outputs. */
    public Program program() { return traced; }

    /** The graph after the optimizer passes: what the executor runs. */
    public Program optimizedProgram() {
        Program p = optimized;
        if (p == null) {
            synchronized (this) {
                if (optimized == null) optimized = optimizer.apply(traced);
                p = optimized;
            }
        }
        return p;
    }

    /** The placeholders, one per tensor argument (TF's {@code concrete_function.inputs}). */
    public List<Tensor> inputs() { return traced.inputs(); }

    /** The flat symbolic outputs. */
    public List<Tensor> outputs() { return traced.outputs(); }

    /** The outputs in the structure the Java function returned, with symbolic tensors in it. */
    public Object structuredOutputs() { return Nest.pack(outputTemplate, traced.outputs().toArray(new Tensor[0])); }

    /**
     * Runs the function on its flat tensor arguments and nests the results as the Java function did
     * (a variable it returned comes back as that variable).
     */
    public Object call(Tensor... args) { return Nest.packResult(outputTemplate, callFlat(args)); }

    /** Runs the function on its flat tensor arguments; returns the flat outputs. */
    public Tensor[] callFlat(Tensor... args) {
        if (args.length != traced.inputs().size()) {
            throw new org.jflow.errors.ValueError("Function " + name + " takes " + traced.inputs().size()
                    + " tensor arguments, got " + args.length);
        }
        if (Tracer.Stack.current() != null || Recorder.Stack.activeHere()) return replay(traced, args);
        return executor().run(args);
    }

    private Executor executor() {
        Executor e = executor;
        if (e == null) {
            synchronized (this) {
                if (executor == null) {
                    Program p = optimizedProgram();
                    executor = new Executor(p.graph(), p.inputs(), p.outputs(), true);
                }
                e = executor;
            }
        }
        return e;
    }

    /**
     * Runs {@code program}'s needed nodes one by one through the {@link Dispatcher}, with {@code args}
     * for its inputs: eagerly (recorded by tapes) or, inside a trace, as nodes of the traced graph.
     */
    public static Tensor[] replay(Program program, Tensor[] args) {
        Graph g = program.graph();
        return replay(program, args, Pruning.needed(g, program.outputs(), program.inputs(), true), Variable::value);
    }

    /**
     * As {@link #replay(Program, Tensor[])}, running only the nodes marked {@code needed} and taking
     * each variable read's value from {@code readVariable}.
     */
    public static Tensor[] replay(Program program, Tensor[] args, boolean[] needed, Function<Variable, Tensor> readVariable) {
        Graph g = program.graph();
        Map<Tensor, Tensor> env = new IdentityHashMap<>();
        for (int i = 0; i < args.length; i++) env.put(program.inputs().get(i), args[i]);
        for (Node n : g.operations()) {
            if (!needed[n.id()] || env.containsKey(n.numOutputs() > 0 ? n.output(0) : null)) continue;
            Tensor[] outs;
            if (n.op() == GraphOps.READ_VARIABLE) {
                outs = new Tensor[] {readVariable.apply((Variable) n.attrs().get("variable"))};
            } else {
                Tensor[] ins = new Tensor[n.numInputs()];
                for (int i = 0; i < ins.length; i++) ins[i] = env.get(n.input(i));
                outs = Dispatcher.execute(n.op(), n.attrs(), ins);
            }
            for (int i = 0; i < outs.length; i++) env.put(n.output(i), outs[i]);
        }
        Tensor[] result = new Tensor[program.outputs().size()];
        for (int i = 0; i < result.length; i++) result[i] = env.get(program.outputs().get(i));
        return result;
    }

    @Override
    public String toString() { return "ConcreteFunction " + name + "(" + traced.inputs() + ")"; }
}
