package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * The ops only graphs need: constants, placeholders (a graph's inputs), variable reads and writes
 * (which must stay ordered, so they are stateful), and {@code NoOp} (a node that only groups
 * control dependencies).
 */
public final class GraphOps {
    private GraphOps() {}

    private static Tensor[] none() { return new Tensor[0]; }

    /** TF's {@code Const}: the value is the {@code value} attribute. */
    public static final Op CONST = new Op("Const", Signature.of("-> output", "value: tensor", "dtype: type = None")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Tensor v = (Tensor) attrs.get("value");
            return new TensorSpec[] {new TensorSpec(v.dtype(), v.shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return new Tensor[] {(Tensor) attrs.get("value")};
        }
    }.notDifferentiable();

    /** TF's {@code Placeholder}: a graph input, fed when the graph runs (attributes {@code dtype}, {@code shape}). */
    public static final Op PLACEHOLDER = new Op("Placeholder",
            Signature.of("-> output", "dtype: type", "shape: shape = None", "name: string = None")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            return new TensorSpec[] {new TensorSpec((org.jflow.DType) attrs.get("dtype"), (org.jflow.Shape) attrs.get("shape"))};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            throw new InvalidArgumentError("You must feed a value for placeholder tensor '" + attrs.get("name")
                    + "' with dtype " + outputs[0].dtype().kernelName() + " and shape " + outputs[0].shape().toErrorString())
                    .withOp(""); // a session's error, which TF's eager runtime never raises
        }
    }.notDifferentiable();

    /** TF's {@code ReadVariableOp}: the {@code variable} attribute's value when the node runs. */
    public static final Op READ_VARIABLE = new Op("ReadVariableOp",
            Signature.of("resource = variable -> value", "variable: resource")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Variable v = (Variable) attrs.get("variable");
            return new TensorSpec[] {new TensorSpec(v.dtype(), v.shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return new Tensor[] {((Variable) attrs.get("variable")).value()};
        }

        @Override
        public boolean stateful() { return true; }
    }.notDifferentiable();

    /** TF's {@code AssignVariableOp}: stores its input in the {@code variable} attribute; no outputs. */
    public static final Op ASSIGN_VARIABLE = new Op("AssignVariableOp",
            Signature.of("resource = variable, value ->", "variable: resource")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Variable v = (Variable) attrs.get("variable");
            if (inputs[0].dtype() != v.dtype() || !v.shape().isCompatibleWith(inputs[0].shape())) {
                throw new InvalidArgumentError("Trying to assign a " + inputs[0].dtype().tfName() + " tensor of shape "
                        + inputs[0].shape().toErrorString() + " to variable '" + v.name() + "' of dtype "
                        + v.dtype().tfName() + " and shape " + v.shape().toErrorString());
            }
            return new TensorSpec[0];
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            ((Variable) attrs.get("variable")).assign(inputs[0]);
            return none();
        }

        @Override
        public boolean stateful() { return true; }
    }.notDifferentiable();

    /** TF's {@code NoOp}: does nothing; its control inputs are what matter. */
    public static final Op NO_OP = new Op("NoOp", Signature.of("->")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) { return new TensorSpec[0]; }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) { return none(); }

        @Override
        public boolean stateful() { return true; }
    }.notDifferentiable();
}
