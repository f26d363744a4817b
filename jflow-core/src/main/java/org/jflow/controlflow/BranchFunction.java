package org.jflow.controlflow;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Tracer;
import org.jflow.graph.ConcreteFunction;
import org.jflow.graph.Executor;
import org.jflow.graph.Program;
import org.jflow.graph.Pruning;

import java.util.Map;

/**
 * A Java function traced into a graph nested in the one being built: a {@code tf.cond} branch or
 * a {@code tf.whileLoop} cond or body (TF's {@code then_branch}, {@code body} function attrs).
 * Its program's inputs are fed from the control-flow op's inputs: {@code argumentIndices[k]} is
 * the op input that feeds program input {@code k} (a loop variable or a captured outer tensor).
 */
public final class BranchFunction {
    private final Program program;
    private final int[] argumentIndices;
    private final Map<Variable, Integer> variableInputs;
    private final boolean stateful;
    private volatile Executor executor;

    /** {@code variableInputs}: op inputs holding a value read, outside, of a variable the program reads (see {@link #recompute}). */
    BranchFunction(Program program, int[] argumentIndices, Map<Variable, Integer> variableInputs) {
        this.program = program;
        this.argumentIndices = argumentIndices;
        this.variableInputs = variableInputs;
        this.stateful = !program.graph().statefulNodes().isEmpty();
    }

    /** The traced graph with its inputs (parameters, then captures) and outputs. */
    public Program program() { return program; }

    /** Whether running it acts on the world (prints, variable writes): the op using it is then stateful too. */
    public boolean stateful() { return stateful; }

    /** The program's arguments, picked out of the control-flow op's inputs. */
    Tensor[] arguments(Tensor[] opInputs) {
        Tensor[] args = new Tensor[argumentIndices.length];
        for (int k = 0; k < args.length; k++) args[k] = opInputs[argumentIndices[k]];
        return args;
    }

    /**
     * Runs the program, side effects included, on the op's inputs: on the compiled executor, or
     * op by op into the current graph when one is being traced (an enclosing trace inlines it).
     */
    public Tensor[] call(Tensor[] opInputs) {
        Tensor[] args = arguments(opInputs);
        if (Tracer.Stack.current() != null) return ConcreteFunction.replay(program, args);
        return executor().run(args);
    }

    private Executor executor() {
        Executor e = executor;
        if (e == null) {
            synchronized (this) {
                if (executor == null) executor = new Executor(program.graph(), program.inputs(), program.outputs(), true);
                e = executor;
            }
        }
        return e;
    }

    /**
     * Recomputes the outputs through the {@link Dispatcher} (so a gradient tape records them), from
     * the op's inputs, without the side effects: only the nodes the outputs depend on through data
     * edges run, so a gradient neither prints nor assigns again. A variable with a value read
     * outside among the op's inputs stands for that value (so a tape's gradient reaches the
     * variable through the op); other variables are read anew.
     */
    Tensor[] recompute(Tensor[] opInputs) {
        boolean[] needed = Pruning.dataNeeded(program.graph(), program.outputs(), program.inputs());
        return ConcreteFunction.replay(program, arguments(opInputs), needed, v -> {
            Integer outside = variableInputs.get(v);
            return outside != null ? opInputs[outside] : v.value();
        });
    }

    @Override
    public String toString() { return "BranchFunction(" + program.inputs().size() + " inputs, " + program.outputs().size() + " outputs)"; }
}
