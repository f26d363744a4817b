package org.jflow.controlflow;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;

/**
 * TF's functional control-flow ops: {@code If} runs one of two traced branches, {@code While} runs
 * a traced body while a traced cond holds. The stateful variants ({@code If}, {@code While}) are
 * used where a branch or the body has side effects, so the graph keeps them in program order and
 * never prunes them; {@code StatelessIf} and {@code StatelessWhile} otherwise, as TF picks.
 *
 * <p>Attributes: {@code Tout}/{@code T} (output dtypes), {@code output_shapes}, and the traced
 * functions as {@link BranchFunction}s: {@code then_branch}, {@code else_branch}; {@code cond}, {@code body}.
 */
public final class ControlFlowOps {
    private ControlFlowOps() {}

    private static TensorSpec[] specs(DType[] dtypes, Shape[] shapes) {
        TensorSpec[] out = new TensorSpec[dtypes.length];
        for (int i = 0; i < out.length; i++) out[i] = new TensorSpec(dtypes[i], shapes[i]);
        return out;
    }

    /** Inputs: the predicate, then the tensors the branches capture. */
    private static final class IfOp extends Op {
        private final boolean stateful;

        IfOp(String name, boolean stateful) {
            super(name, Signature.of("cond, input: list(Tin) -> output: list(Tout)", "then_branch: func",
                    "else_branch: func", "Tout: list(type)", "output_shapes: list(shape)"));
            this.stateful = stateful;
        }

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Cond.checkPredicate(inputs[0]);
            return specs((DType[]) attrs.get("Tout"), (Shape[]) attrs.get("output_shapes"));
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            BranchFunction taken = (BranchFunction) attrs.get(inputs[0].booleanValue() ? "then_branch" : "else_branch");
            return taken.call(inputs);
        }

        @Override
        public boolean stateful() { return stateful; }
    }

    /** Inputs: the loop variables, then the tensors cond and body capture; outputs: the final loop variables. */
    private static final class WhileOp extends Op {
        private final boolean stateful;

        WhileOp(String name, boolean stateful) {
            super(name, Signature.of("input: list(T) -> output: list(T)", "cond: func", "body: func",
                    "T: list(type)", "output_shapes: list(shape)"));
            this.stateful = stateful;
        }

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            return specs((DType[]) attrs.get("T"), (Shape[]) attrs.get("output_shapes"));
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            BranchFunction cond = (BranchFunction) attrs.get("cond"), body = (BranchFunction) attrs.get("body");
            Tensor[] current = inputs.clone();
            while (cond.call(current)[0].booleanValue()) {
                Tensor[] next = body.call(current);
                System.arraycopy(next, 0, current, 0, next.length);
            }
            return java.util.Arrays.copyOf(current, outputs.length);
        }

        @Override
        public boolean stateful() { return stateful; }
    }

    public static final Op IF = new IfOp("If", true).withGradient(CondGradient::apply);
    public static final Op STATELESS_IF = new IfOp("StatelessIf", false).withGradient(CondGradient::apply);

    public static final Op WHILE = new WhileOp("While", true).withGradient(WhileGradient::apply);
    public static final Op STATELESS_WHILE = new WhileOp("StatelessWhile", false).withGradient(WhileGradient::apply);
    /** The gradient of While (see {@link WhileGradient}); named here so the registry loads it with its family. */
    public static final Op WHILE_GRAD = WhileGradient.WHILE_GRAD;
}
