package org.jflow;

import org.jflow.array.Indexing;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Recorder;
import org.jflow.engine.Tracer;
import org.jflow.errors.FailedPreconditionError;
import org.jflow.errors.ValueError;
import org.jflow.graph.GraphOps;
import org.jflow.graph.NameScope;
import org.jflow.format.TensorFormat;

import java.util.function.UnaryOperator;

/**
 * TF's {@code tf.Variable}: a named, mutable holder of a tensor. Assignments replace the held
 * value, so tensors read earlier keep their values; the Variable object itself stays the same.
 * As in TF, {@code assign} returns an alias of the variable that prints as {@code 'UnreadVariable'}.
 *
 * <p>Inside a graph, reads and assignments become {@code ReadVariableOp} and {@code AssignVariableOp}
 * nodes that act when the graph runs. A variable created while a function is traced is created
 * once, eagerly, from an initial value known at trace time (TF lifts it out of the function the
 * same way); a TF1 graph leaves it uninitialized until its initializer runs.
 */
public final class Variable implements TensorLike {
    /** Optional constructor arguments, TF's keywords: {@code v -> v.name("x").trainable(false)}. */
    public static final class Options {
        private String name;
        private DType dtype;
        private boolean trainable = true;

        public Options name(String name) { this.name = name; return this; }

        public Options dtype(DType dtype) { this.dtype = dtype; return this; }

        public Options trainable(boolean trainable) { this.trainable = trainable; return this; }
    }

    /** The storage a variable shares with the aliases its assignments return. */
    private static final class Cell {
        volatile Tensor value;
    }

    private final String name;
    private final boolean trainable;
    private final DType dtype;
    private final Shape shape;
    private final Cell cell;
    /** The variable gradient tapes see: this one, or for an alias, the variable it aliases. */
    private final Variable owner;
    /** The value the variable starts with, kept for TF1 initializers. */
    private final Tensor initialValue;

    public Variable(Object initialValue) { this(initialValue, o -> o); }

    public Variable(Object initialValue, UnaryOperator<Options> options) {
        Options o = options.apply(new Options());
        Tensor v = o.dtype == null ? Convert.toTensor(initialValue) : castIfTensor(initialValue, o.dtype);
        this.name = NameScope.variableName(o.name == null ? "Variable" : o.name) + ":0";
        this.trainable = o.trainable;
        this.dtype = v.dtype();
        this.shape = v.shape();
        this.cell = new Cell();
        this.owner = this;
        Tracer tracer = Tracer.Stack.current();
        Tensor now = tracer == null ? v.knownValue() : tracer.variableCreated(this, v);
        this.initialValue = now != null ? now : v; // a TF1 graph's tensor, which its initializer assigns
        this.cell.value = now;
    }

    /** TF's {@code _UnreadVariable}: what an assignment returns, reading through to {@code of}. */
    private Variable(Variable of) {
        this.name = "UnreadVariable";
        this.trainable = of.trainable;
        this.dtype = of.dtype;
        this.shape = of.shape;
        this.cell = of.cell;
        this.owner = of.owner;
        this.initialValue = of.initialValue;
    }

    /** {@code tf.Variable(tf.zeros(...), dtype=tf.float32)} accepts a tensor of the same dtype only, as TF does. */
    private static Tensor castIfTensor(Object initial, DType dtype) { return Convert.toTensor(initial, dtype); }

    /** TF's name with the output index: {@code v:0} ({@code UnreadVariable} for what an assignment returns). */
    public String name() { return name; }

    public boolean trainable() { return trainable; }

    @Override
    public DType dtype() { return dtype; }

    @Override
    public Shape shape() { return shape; }

    /**
     * The current value (in a graph, a {@code ReadVariableOp} node); an open gradient tape that
     * watches this variable notes the read.
     */
    @Override
    public Tensor value() {
        Tensor v = current();
        if (Recorder.Stack.any()) Recorder.Stack.variableRead(owner, v);
        return v;
    }

    /** The value without telling tapes: the cell eagerly, a read node in a graph. */
    private Tensor current() {
        if (Tracer.Stack.current() != null) return Dispatcher.execute1(GraphOps.READ_VARIABLE, Attrs.of("variable", owner));
        Tensor v = cell.value;
        if (v == null) {
            throw new FailedPreconditionError("Error while reading resource variable " + name.replace(":0", "")
                    + " from Container: localhost. This could mean that the variable was uninitialized.");
        }
        return v;
    }

    /** The value the variable was created with; in a TF1 graph, the graph tensor its initializer assigns. */
    public Tensor initialValue() { return initialValue; }

    /** TF's {@code read_value()}. */
    public Tensor readValue() { return value(); }

    /**
     * Replaces the value; the new one must have this variable's shape and dtype. Returns an alias
     * of this variable, as TF's {@code assign} does.
     */
    public Variable assign(Object newValue) {
        Tensor v = Convert.toTensor(newValue, dtype);
        if (Tracer.Stack.current() != null) Dispatcher.execute(GraphOps.ASSIGN_VARIABLE, Attrs.of("variable", owner), v);
        else cell.value = checked(v);
        return new Variable(this);
    }

    public Variable assignAdd(Object delta) {
        return assign(TF.tf.add(current(), Convert.toTensor(delta, dtype)));
    }

    public Variable assignSub(Object delta) {
        return assign(TF.tf.subtract(current(), Convert.toTensor(delta, dtype)));
    }

    /**
     * TF's {@code variable.scatter_add(sparse_delta)}: adds each row of the slices' values to the
     * row its index names (rows named twice get both), touching no other row's arithmetic.
     */
    public Variable scatterAdd(IndexedSlices sparseDelta) { return scatter(sparseDelta.cast(dtype).values(), sparseDelta); }

    /** TF's {@code variable.scatter_sub(sparse_delta)}: {@link #scatterAdd} of the negated rows. */
    public Variable scatterSub(IndexedSlices sparseDelta) {
        return scatter(TF.tf.negative(sparseDelta.cast(dtype).values()), sparseDelta);
    }

    private Variable scatter(Tensor rows, IndexedSlices at) {
        if (!at.shape().equals(shape)) {
            throw new org.jflow.errors.InvalidArgumentError("Must have updates.shape = indices.shape + params.shape[1:]: the slices' dense shape "
                    + at.shape() + " is not the variable's " + shape);
        }
        Tensor indices = TF.tf.reshape(at.indices(), at.indices().size(), 1);
        return assign(TF.tf.tensorScatterNdAdd(current(), indices, rows));
    }

    /** Whether {@code other} is this variable or an alias of it (what TF's {@code is} would tell of their handles). */
    public boolean sameVariable(Variable other) { return other != null && other.cell == cell; }

    /**
     * Python's {@code v[spec]} as an assignment target: {@code x.at(1, Index.all()).assign(x)},
     * {@code x.at("1, :").assign(...)}, {@code x.at(0, 0).assign(3.0f)}. The spec is ints, {@link Index}
     * entries, or one String in NumPy syntax.
     */
    public SliceTarget at(Object... spec) { return new SliceTarget(Index.of(spec)); }

    /** A slice of this variable that {@link #assign} writes (TF's strided-slice assignment). */
    public final class SliceTarget {
        private final Index[] spec;

        private SliceTarget(Index[] spec) { this.spec = spec; }

        /** Writes {@code newValue}, broadcast to the slice's shape; returns an alias of the variable, as TF does. */
        public Variable assign(Object newValue) {
            return Variable.this.assign(Indexing.update(current(), Convert.toTensorLike(newValue, dtype), spec));
        }
    }

    private Tensor checked(Tensor v) {
        if (!shape.isCompatibleWith(v.shape())) {
            throw new ValueError("Cannot assign value to variable ' " + name + "': Shape mismatch.The variable shape "
                    + shape + ", and the assigned value shape " + v.shape() + " are incompatible.");
        }
        return v;
    }

    /** As TF prints a variable: {@code <tf.Variable 'v:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>}. */
    @Override
    public String toString() { return TensorFormat.variableRepr(this); }
}
