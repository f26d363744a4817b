package org.jflow.engine;

import org.jflow.Tensor;

/**
 * One op, declared once: TF's name, a shape-and-dtype rule that validates inputs before any
 * kernel runs, and the CPU kernel. Eager calls, and later tracing and autodiff, all reach ops
 * through {@link Dispatcher}; an op registers itself in {@link OpRegistry} when constructed.
 */
public abstract class Op {
    private final String name;
    private final Signature signature;
    private Gradient gradient;
    private Decomposition decomposition;

    /** An op taking and giving what {@code signature} declares (TF's {@code REGISTER_OP}). */
    protected Op(String name, Signature signature) {
        this.name = name;
        this.signature = signature.bind(name);
        OpRegistry.register(this);
    }

    /** TF's op name: {@code AddV2}, {@code Sum}, {@code GatherV2}. */
    public final String name() { return name; }

    /** The op's declared inputs, outputs and attributes. */
    public final Signature signature() { return signature; }

    /**
     * The outputs' dtypes and shapes (with {@link org.jflow.Shape#UNKNOWN} dims where they depend
     * on values). Throws TF's error, naming the problem, when the inputs or attributes are invalid.
     */
    public abstract TensorSpec[] infer(Tensor[] inputs, Attrs attrs);

    /** The CPU kernel: runs on inputs that {@link #infer} accepted. */
    public abstract Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs);

    /**
     * Declares this op's gradient, as part of the op's declaration:
     * {@code new UnaryMath("Exp", ...).withGradient((g, dy) -> ...)}. Returns this op.
     */
    @SuppressWarnings("unchecked")
    public final <T extends Op> T withGradient(Gradient gradient) {
        this.gradient = gradient;
        return (T) this;
    }

    /**
     * Whether a call may give a different result for the same inputs or act on the world (random
     * draws, variable reads and writes, printing): a graph never folds, merges or drops such a
     * node, and runs it in program order.
     */
    public boolean stateful() { return false; }

    /**
     * Whether the kernel of a stateful op may keep an input's buffer beyond the call (an assignment
     * stores its value): the graph executor then never reuses that buffer. An update that computes
     * its new value into a buffer of its own ({@code AssignAddVariableOp}) keeps nothing.
     */
    public boolean retainsInputs() { return stateful(); }

    /**
     * Whether the kernel reads only its inputs' shapes, never their values ({@code Shape},
     * {@code Size}, {@code Rank}): a graph then knows the output while tracing wherever the input
     * shapes are fully known, as TF's constant-value inference does.
     */
    public boolean readsShapesOnly() { return false; }

    /**
     * Declares how this op is written in ops TF has (for ops TF's registry lacks), as part of the
     * op's declaration. Returns this op.
     */
    @SuppressWarnings("unchecked")
    public final <T extends Op> T withDecomposition(Decomposition decomposition) {
        this.decomposition = decomposition;
        return (T) this;
    }

    /** The op written in TF's ops, or null where TF has this op itself. */
    public final Decomposition decomposition() { return decomposition; }

    /** Declares this op not differentiable (TF's {@code NotDifferentiable}); returns this op. */
    public final <T extends Op> T notDifferentiable() { return withGradient(Gradient.NONE); }

    /** The gradient, {@link Gradient#NONE} for ops declared not differentiable, null where none is written yet. */
    public final Gradient gradient() { return gradient; }

    @Override
    public String toString() { return "Op(" + name + ")"; }
}
