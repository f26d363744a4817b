package org.jflow;

import org.jflow.array.IndexOperators;
import org.jflow.array.Indexing;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Recorder;
import org.jflow.engine.Tracer;
import org.jflow.engine.VariableHandle;
import org.jflow.errors.FailedPreconditionError;
import org.jflow.errors.ValueError;
import org.jflow.graph.GraphOps;
import org.jflow.graph.NameScope;
import org.jflow.format.TensorFormat;
import org.jflow.math.MathOperators;

import java.util.function.Function;
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
 *
 * <p>What Keras layers and optimizers need sits here too, as on Keras 3's {@code Variable}: a
 * settable {@link #setTrainable trainable} flag (freezing), the short {@link #shortName() name} and
 * the {@link #path() path} ({@code kernel}, {@code dense/kernel}), a {@link #constraint() constraint}
 * that optimizers apply after each update, a {@link #regularizer() regularizer} a layer sums into its
 * losses, the {@link VariableAggregation aggregation} and {@link VariableSynchronization synchronization}
 * a distribution strategy reads, and {@link #autocast() autocasting} inside an {@link AutocastScope}.
 *
 * <p>Thread safety, as TF's resource variables: every update ({@code assign}, {@code assignAdd},
 * {@code assignSub}, the scatter updates, a sliced assign) is one atomic read-modify-write under the
 * variable's lock, eagerly and when a graph's update node runs, so concurrent {@code assignAdd}s from
 * several threads lose no update; a read sees the value before or after an update, never a mix.
 */
public final class Variable implements VariableHandle, MathOperators, IndexOperators {
    /** Optional constructor arguments, TF's keywords: {@code v -> v.name("x").trainable(false)}. */
    public static final class Options {
        private String name;
        private DType dtype;
        private Boolean trainable;
        private Function<Tensor, Tensor> constraint;
        private VariableAggregation aggregation = VariableAggregation.NONE;
        private VariableSynchronization synchronization = VariableSynchronization.AUTO;
        private boolean autocast = true;

        public Options name(String name) { this.name = name; return this; }

        public Options dtype(DType dtype) { this.dtype = dtype; return this; }

        public Options trainable(boolean trainable) { this.trainable = trainable; return this; }

        /** TF's {@code constraint=}: the projection optimizers apply to the value after each update. */
        public Options constraint(Function<Tensor, Tensor> constraint) { this.constraint = constraint; return this; }

        /** TF's {@code aggregation=}. */
        public Options aggregation(VariableAggregation aggregation) { this.aggregation = aggregation; return this; }

        /** TF's {@code synchronization=}; {@code ON_READ} makes the default {@code trainable} false, as in TF. */
        public Options synchronization(VariableSynchronization synchronization) {
            this.synchronization = synchronization;
            return this;
        }

        /** Keras' {@code autocast=}: whether reads inside an {@link AutocastScope} are cast (default true). */
        public Options autocast(boolean autocast) { this.autocast = autocast; return this; }
    }

    /**
     * The state a variable shares with the aliases its assignments return: the value, and what
     * Keras may change after creation. Its monitor is the variable's lock.
     */
    private static final class Cell {
        volatile Tensor value;
        volatile boolean trainable;
        volatile Function<Tensor, Tensor> constraint;
        volatile Function<Tensor, Tensor> regularizer;
    }

    private final String name;
    private final String shortName;
    private final DType dtype;
    private final Shape shape;
    private final Cell cell;
    private final VariableAggregation aggregation;
    private final VariableSynchronization synchronization;
    private final boolean autocast;
    /** The variable gradient tapes see: this one, or for an alias, the variable it aliases. */
    private final Variable owner;
    /** The value the variable starts with, kept for TF1 initializers. */
    private final Tensor initialValue;

    public Variable(Object initialValue) { this(initialValue, o -> o); }

    public Variable(Object initialValue, UnaryOperator<Options> options) {
        Options o = options.apply(new Options());
        Tensor v = o.dtype == null ? Convert.toTensor(initialValue) : castIfTensor(initialValue, o.dtype);
        this.shortName = o.name == null ? "Variable" : o.name;
        this.name = NameScope.variableName(shortName) + ":0";
        this.dtype = v.dtype();
        this.shape = v.shape();
        this.cell = new Cell();
        // TF: trainable defaults to False for ON_READ variables (metrics' accumulators), True otherwise
        this.cell.trainable = o.trainable != null ? o.trainable : o.synchronization != VariableSynchronization.ON_READ;
        this.cell.constraint = o.constraint;
        this.aggregation = o.aggregation;
        this.synchronization = o.synchronization;
        this.autocast = o.autocast;
        this.owner = this;
        Tracer tracer = Tracer.Stack.current();
        Tensor now = tracer == null ? v.knownValue() : tracer.variableCreated(this, v);
        this.initialValue = now != null ? now : v; // a TF1 graph's tensor, which its initializer assigns
        this.cell.value = now;
    }

    /** TF's {@code _UnreadVariable}: what an assignment returns, reading through to {@code of}. */
    private Variable(Variable of) {
        this.name = "UnreadVariable";
        this.shortName = of.shortName;
        this.dtype = of.dtype;
        this.shape = of.shape;
        this.cell = of.cell;
        this.aggregation = of.aggregation;
        this.synchronization = of.synchronization;
        this.autocast = of.autocast;
        this.owner = of.owner;
        this.initialValue = of.initialValue;
    }

    /** {@code tf.Variable(tf.zeros(...), dtype=tf.float32)} accepts a tensor of the same dtype only, as TF does. */
    private static Tensor castIfTensor(Object initial, DType dtype) { return Convert.toTensor(initial, dtype); }

    /** TF's name with the output index: {@code v:0} ({@code UnreadVariable} for what an assignment returns). */
    public String name() { return name; }

    /** Keras 3's {@code variable.name}: the name given at creation, without scope or index ({@code kernel}). */
    public String shortName() { return shortName; }

    /**
     * Keras 3's {@code variable.path}: the scopes it was created in and its name, {@code dense/kernel}
     * (TF's name without {@code :0}).
     */
    public String path() { return owner.name.substring(0, owner.name.length() - 2); }

    public boolean trainable() { return cell.trainable; }

    /** Keras' {@code variable.trainable = False}: frozen variables are no longer watched by tapes nor trained. */
    public void setTrainable(boolean trainable) { cell.trainable = trainable; }

    /** The constraint optimizers apply after updating this variable, or null. */
    public Function<Tensor, Tensor> constraint() { return cell.constraint; }

    /** Keras' {@code variable.constraint = ...} (what {@code add_weight(constraint=)} sets). */
    public void setConstraint(Function<Tensor, Tensor> constraint) { cell.constraint = constraint; }

    /** The penalty a layer adds to its losses for this variable (Keras' {@code variable.regularizer}), or null. */
    public Function<Tensor, Tensor> regularizer() { return cell.regularizer; }

    /** Keras' {@code variable.regularizer = ...} (what {@code add_weight(regularizer=)} sets). */
    public void setRegularizer(Function<Tensor, Tensor> regularizer) { cell.regularizer = regularizer; }

    /** TF's {@code variable.aggregation}. */
    public VariableAggregation aggregation() { return aggregation; }

    /** TF's {@code variable.synchronization}. */
    public VariableSynchronization synchronization() { return synchronization; }

    /** Keras' {@code variable._autocast}: whether reads inside an {@link AutocastScope} are cast. */
    public boolean autocast() { return autocast; }

    @Override
    public DType dtype() { return dtype; }

    @Override
    public Shape shape() { return shape; }

    /**
     * The current value (in a graph, a {@code ReadVariableOp} node); an open gradient tape that
     * watches this variable notes the read. Inside an {@link AutocastScope} a floating-point value
     * comes cast to the scope's dtype (the tape sees the uncast read, as Keras' autocast variables).
     */
    @Override
    public Tensor value() {
        Tensor v = current();
        if (Recorder.Stack.any()) Recorder.Stack.variableRead(owner, v);
        AutocastScope scope = autocast ? AutocastScope.current() : null;
        return scope == null ? v : scope.maybeCast(v);
    }

    /** The value without telling tapes: the cell eagerly, a read node in a graph. */
    private Tensor current() {
        if (Tracer.Stack.current() != null) return Dispatcher.execute1(GraphOps.READ_VARIABLE, Attrs.of("variable", owner));
        Tensor v = cell.value;
        if (v == null) {
            throw new FailedPreconditionError("Error while reading resource variable " + name.replace(":0", "")
                    + " from Container: localhost. This could mean that the variable was uninitialized.").withOp("");
        }
        return v;
    }

    /** The value the variable was created with; in a TF1 graph, the graph tensor its initializer assigns. */
    public Tensor initialValue() { return initialValue; }

    /** TF's {@code read_value()}. */
    public Tensor readValue() { return value(); }

    /** TF's {@code variable.numpy()}: the current value as nested Java arrays (see {@link Tensor#numpy()}). */
    public Object numpy() { return value().numpy(); }

    /**
     * Replaces the value; the new one must have this variable's shape and dtype. Returns an alias
     * of this variable, as TF's {@code assign} does.
     */
    public Variable assign(Object newValue) {
        Tensor v = Convert.toTensor(newValue, dtype);
        if (Tracer.Stack.current() != null) Dispatcher.execute(GraphOps.ASSIGN_VARIABLE, Attrs.of("variable", owner), v);
        else update(old -> checked(v));
        return new Variable(this);
    }

    /**
     * TF's {@code assign_add} ({@code AssignAddVariableOp}): one atomic update. The delta must have
     * the variable's shape exactly; TF does not broadcast it.
     */
    public Variable assignAdd(Object delta) { return apply(VariableOps.ASSIGN_ADD, Convert.toTensor(delta, dtype)); }

    /** TF's {@code assign_sub} ({@code AssignSubVariableOp}). */
    public Variable assignSub(Object delta) { return apply(VariableOps.ASSIGN_SUB, Convert.toTensor(delta, dtype)); }

    /**
     * TF's {@code variable.scatter_update(sparse_delta)} ({@code ResourceScatterUpdate}): the rows
     * the slices' indices name get the slices' values.
     */
    public Variable scatterUpdate(IndexedSlices sparseDelta) {
        return scatter(VariableOps.SCATTER_UPDATE, sparseDelta);
    }

    /**
     * TF's {@code variable.scatter_add(sparse_delta)} ({@code ResourceScatterAdd}): adds each row of
     * the slices' values to the row its index names (rows named twice get both).
     */
    public Variable scatterAdd(IndexedSlices sparseDelta) { return scatter(VariableOps.SCATTER_ADD, sparseDelta); }

    /** TF's {@code variable.scatter_sub(sparse_delta)} ({@code ResourceScatterSub}). */
    public Variable scatterSub(IndexedSlices sparseDelta) { return scatter(VariableOps.SCATTER_SUB, sparseDelta); }

    private Variable scatter(org.jflow.engine.Op op, IndexedSlices at) {
        return apply(op, at.indices(), Convert.toTensor(at.values(), dtype));
    }

    /**
     * TF's {@code variable.scatter_nd_update(indices, updates)} ({@code ResourceScatterNdUpdate}):
     * the slices that the rows of {@code indices} address get {@code updates}.
     */
    public Variable scatterNdUpdate(Object indices, Object updates) {
        return scatterNd(VariableOps.SCATTER_ND_UPDATE, indices, updates);
    }

    /** TF's {@code variable.scatter_nd_add(indices, updates)} ({@code ResourceScatterNdAdd}); duplicates add up. */
    public Variable scatterNdAdd(Object indices, Object updates) {
        return scatterNd(VariableOps.SCATTER_ND_ADD, indices, updates);
    }

    /** TF's {@code variable.scatter_nd_sub(indices, updates)} ({@code ResourceScatterNdSub}). */
    public Variable scatterNdSub(Object indices, Object updates) {
        return scatterNd(VariableOps.SCATTER_ND_SUB, indices, updates);
    }

    private Variable scatterNd(org.jflow.engine.Op op, Object indices, Object updates) {
        return apply(op, Convert.toTensor(indices), Convert.toTensor(updates, dtype));
    }

    /** Runs an update op on this variable (a node while tracing); returns an alias, as TF's updates do. */
    private Variable apply(org.jflow.engine.Op op, Tensor... inputs) {
        Dispatcher.execute(op, Attrs.of("variable", owner), inputs);
        return new Variable(this);
    }

    /**
     * The atomic read-modify-write every eager update goes through, as TF's resource variables lock
     * their buffer: {@code next} sees the current value and returns the new one.
     */
    void update(UnaryOperator<Tensor> next) {
        synchronized (cell) {
            cell.value = next.apply(cell.value);
        }
    }

    /** The value an update starts from, failing as a read does when the variable is uninitialized. */
    Tensor valueForUpdate(Tensor held) { return held != null ? held : current(); }

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
            Tensor v = Convert.toTensorLike(newValue, dtype);
            if (Tracer.Stack.current() != null) return Variable.this.assign(Indexing.update(current(), v, spec));
            update(old -> checked(Indexing.update(valueForUpdate(old), v, spec)));
            return new Variable(Variable.this);
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
