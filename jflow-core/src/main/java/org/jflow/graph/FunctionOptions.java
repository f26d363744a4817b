package org.jflow.graph;

import org.jflow.engine.TensorSpec;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code tf.function}'s keyword arguments: {@code f -> f.inputSignature(tf.TensorSpec(...)).argNames("x")}. */
public final class FunctionOptions {
    List<TensorSpec> inputSignature;
    List<String> argNames = List.of();
    String name = "function";
    boolean reduceRetracing;
    UnaryOperator<Program> optimizer = GraphOptimizer::optimize;

    /**
     * TF's {@code input_signature}: one spec per argument. Calls must match it (unknown dims match
     * any size), and the function is traced once, with the spec's shapes.
     */
    public FunctionOptions inputSignature(TensorSpec... specs) { this.inputSignature = List.of(specs); return this; }

    /**
     * Names for the placeholders of the arguments, in order ({@code x} gives the tensor {@code x:0}).
     * Python takes them from the parameter names, which Java lambdas do not keep.
     */
    public FunctionOptions argNames(String... names) { this.argNames = List.of(names); return this; }

    /**
     * TF's {@code reduce_retracing=True}: a call whose shapes no trace accepts retraces with the dims
     * that differ from earlier traces generalized to unknown ({@code None}), so that a few traces
     * serve every size (batches of 32, 17 and 5 give two traces: (32, n), then (None, n)).
     */
    public FunctionOptions reduceRetracing(boolean reduce) { this.reduceRetracing = reduce; return this; }

    /** The function's name, for its graph and in messages. */
    public FunctionOptions name(String name) { this.name = name; return this; }

    /** The graph passes to run before execution ({@code p -> p} runs the graph as traced). */
    public FunctionOptions optimizer(UnaryOperator<Program> optimizer) { this.optimizer = optimizer; return this; }
}
