package org.jflow;

import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Gradient;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Recorder;
import org.jflow.engine.SparseGradient;
import org.jflow.engine.VariableHandle;
import org.jflow.errors.LookupError;
import org.jflow.errors.RuntimeError;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * TF's {@code tf.GradientTape}: records the ops run on watched tensors while it is open, then
 * computes gradients by running each recorded op's {@link Gradient} backwards. Gradients are ops
 * too, so a tape open around another tape's {@code gradient} call records it: nested tapes give
 * higher-order gradients.
 *
 * <pre>{@code
 * try (var tape = tf.GradientTape()) {
 *     tape.watch(x);
 *     y = tf.square(x);
 * }
 * Tensor dy = tape.gradient(y, x);
 * }</pre>
 *
 * Tensors are told apart by identity (they are immutable); a trainable float variable read while
 * the tape records is watched, and its gradient is the sum over the tensors read from it.
 */
public final class GradientTape implements AutoCloseable {
    /** TF's constructor keywords: {@code o -> o.persistent(true).watchAccessedVariables(false)}. */
    public static final class Options {
        private boolean persistent;
        private boolean watchAccessedVariables = true;

        public Options persistent(boolean persistent) { this.persistent = persistent; return this; }

        public Options watchAccessedVariables(boolean watch) { this.watchAccessedVariables = watch; return this; }
    }

    /** The {@code gradient} keywords: {@code o -> o.outputGradients(w).unconnectedGradients(UnconnectedGradients.ZERO)}. */
    public static final class GradientOptions {
        private Object outputGradients;
        private UnconnectedGradients unconnected = UnconnectedGradients.NONE;

        /** The upstream gradient of the target (a tensor, or a list matching a list of targets); ones when absent. */
        public GradientOptions outputGradients(Object outputGradients) { this.outputGradients = outputGradients; return this; }

        public GradientOptions unconnectedGradients(UnconnectedGradients u) { this.unconnected = u; return this; }
    }

    private record Entry(Op op, Attrs attrs, Tensor[] inputs, Tensor[] outputs) {}

    private final boolean persistent;
    private final boolean watchAccessedVariables;
    private final Recording recording = new Recording();
    private final ArrayList<Entry> entries = new ArrayList<>();
    private final IdentityHashMap<Tensor, Boolean> watched = new IdentityHashMap<>();
    /** Per variable, the tensors read from it while watched, in order of first read. */
    private final Map<Variable, List<Tensor>> reads = new LinkedHashMap<>();
    private final Set<Variable> watchedVariables = Collections.newSetFromMap(new LinkedHashMap<>());
    private boolean open;
    private boolean paused;
    private boolean spent;

    public GradientTape() { this(o -> o); }

    /** Opens the tape: it records from now until {@link #close}. */
    public GradientTape(UnaryOperator<Options> options) {
        Options o = options.apply(new Options());
        this.persistent = o.persistent;
        this.watchAccessedVariables = o.watchAccessedVariables;
        Recorder.Stack.push(recording);
        open = true;
    }

    /** Ends recording (the end of Python's {@code with} block); gradients can still be taken. */
    @Override
    public void close() {
        if (open) {
            Recorder.Stack.remove(recording);
            open = false;
        }
    }

    public boolean persistent() { return persistent; }

    /** {@code tape.watch(x)}: a tensor, a variable, or a list or array of them. */
    public void watch(Object x) {
        switch (x) {
            case Variable v -> watchedVariables.add(v);
            case Tensor t -> { if (trainable(t.dtype())) watched.put(t, Boolean.TRUE); }
            case Iterable<?> items -> items.forEach(this::watch);
            case Object[] items -> { for (Object item : items) watch(item); }
            default -> throw new ValueError("Passed in object of type " + x.getClass().getSimpleName()
                    + ", not tf.Tensor or tf.Variable or ExtensionType.");
        }
    }

    /** The variables this tape watches: those read while recording (trainable ones) and those watched explicitly. */
    public List<Variable> watchedVariables() {
        Set<Variable> all = Collections.newSetFromMap(new LinkedHashMap<>());
        all.addAll(reads.keySet());
        all.addAll(watchedVariables);
        return List.copyOf(all);
    }

    /** {@code with tape.stop_recording():}: ops run inside the returned scope are not recorded by this tape. */
    public Pause stopRecording() {
        boolean before = paused;
        paused = true;
        return () -> paused = before;
    }

    /** The scope of {@link #stopRecording()}; closing it resumes recording. */
    @FunctionalInterface
    public interface Pause extends AutoCloseable {
        @Override
        void close();
    }

    /** Forgets everything recorded and watched so far; the tape goes on recording if it is open. */
    public void reset() {
        entries.clear();
        watched.clear();
        reads.clear();
        watchedVariables.clear();
        spent = false;
    }

    // ---- gradients ----

    /**
     * The gradient of {@code target} (a tensor, variable or list of them, summed) w.r.t. one source,
     * always dense: where TF would return {@link IndexedSlices} (a gather's gradient) this is its
     * {@code tf.convert_to_tensor}; {@link #sparseGradient} keeps the slices.
     */
    public Tensor gradient(Object target, TensorLike source) { return gradient(target, source, o -> o); }

    public Tensor gradient(Object target, TensorLike source, UnaryOperator<GradientOptions> options) {
        return dense(backprop(target, new Object[] {source}, options.apply(new GradientOptions())))[0];
    }

    /** Gradients w.r.t. each source, in order, dense (see {@link #gradient(Object, TensorLike)}). */
    public List<Tensor> gradient(Object target, List<?> sources) { return gradient(target, sources, o -> o); }

    public List<Tensor> gradient(Object target, List<?> sources, UnaryOperator<GradientOptions> options) {
        return Collections.unmodifiableList(java.util.Arrays.asList(dense(backprop(target, sources.toArray(), options.apply(new GradientOptions())))));
    }

    /**
     * What TF's {@code tape.gradient} returns: per source a Tensor, or an {@link IndexedSlices}
     * where the gradient is sparse (a gather or embedding lookup of a variable), which optimizers
     * apply to the touched rows only; null where unconnected.
     */
    public TensorLike sparseGradient(Object target, TensorLike source) { return sparseGradient(target, List.of(source)).getFirst(); }

    public List<TensorLike> sparseGradient(Object target, List<?> sources) { return sparseGradient(target, sources, o -> o); }

    public List<TensorLike> sparseGradient(Object target, List<?> sources, UnaryOperator<GradientOptions> options) {
        return Collections.unmodifiableList(java.util.Arrays.asList(backprop(target, sources.toArray(), options.apply(new GradientOptions()))));
    }

    private static Tensor[] dense(TensorLike[] grads) {
        Tensor[] result = new Tensor[grads.length];
        for (int i = 0; i < grads.length; i++) result[i] = grads[i] == null ? null : grads[i].value();
        return result;
    }

    /** Gradients w.r.t. the map's values, under the same keys. */
    public Map<String, Tensor> gradient(Object target, Map<String, ?> sources) { return gradient(target, sources, o -> o); }

    public Map<String, Tensor> gradient(Object target, Map<String, ?> sources, UnaryOperator<GradientOptions> options) {
        Tensor[] g = dense(backprop(target, sources.values().toArray(), options.apply(new GradientOptions())));
        Map<String, Tensor> result = new LinkedHashMap<>();
        int i = 0;
        for (String key : sources.keySet()) result.put(key, g[i++]);
        return Collections.unmodifiableMap(result);
    }

    // ---- jacobians ----

    /** {@code tape.jacobian(target, source)}: d target[i...] / d source[j...], shaped {@code target.shape + source.shape}. */
    public Tensor jacobian(Object target, TensorLike source) { return jacobian(target, source, UnconnectedGradients.NONE); }

    public Tensor jacobian(Object target, TensorLike source, UnconnectedGradients unconnected) {
        return consuming(() -> {
            Tensor t = targetTensor(target);
            int n = t.size();
            Tensor[] rows = new Tensor[n];
            boolean connected = false;
            for (int k = 0; k < n; k++) {
                rows[k] = dense(sweep(t, new Object[] {source}, seedOptions(oneHot(t.dtype(), t.shape(), n, k, 1)), false))[0];
                connected |= rows[k] != null;
            }
            return stacked(rows, 0, connected, t.shape().dims(), new int[0], source, unconnected);
        });
    }

    /**
     * {@code tape.batch_jacobian(target, source)}: per batch row b, d target[b, i...] / d source[b, j...],
     * shaped {@code [batch] + target.shape[1:] + source.shape[1:]} (rows must not depend on each other).
     */
    public Tensor batchJacobian(Object target, TensorLike source) { return batchJacobian(target, source, UnconnectedGradients.NONE); }

    public Tensor batchJacobian(Object target, TensorLike source, UnconnectedGradients unconnected) {
        return consuming(() -> {
            Tensor t = targetTensor(target);
            if (t.rank() < 1 || source.shape().rank() < 1 || t.shape().get(0) != source.shape().get(0)) {
                throw new ValueError("Need first dimension of target shape (" + t.shape() + ") and source shape ("
                        + source.shape() + ") to match.");
            }
            int batch = t.shape().get(0), m = batch == 0 ? 0 : t.size() / batch;
            Tensor[] columns = new Tensor[m];
            boolean connected = false;
            for (int k = 0; k < m; k++) {
                columns[k] = dense(sweep(t, new Object[] {source}, seedOptions(oneHot(t.dtype(), t.shape(), m, k, batch)), false))[0];
                connected |= columns[k] != null;
            }
            int[] rest = java.util.Arrays.copyOfRange(t.shape().dimsView(), 1, t.rank());
            return stacked(columns, 1, connected, new int[] {batch}, rest, source, unconnected);
        });
    }

    private static GradientOptions seedOptions(Tensor seed) { return new GradientOptions().outputGradients(seed); }

    /** A seed with 1 at position k of each of {@code rows} rows of length {@code width}, in {@code shape}. */
    private static Tensor oneHot(DType dtype, Shape shape, int width, int k, int rows) {
        Object buf = org.jflow.engine.Buffers.allocate(dtype, shape.size());
        for (int r = 0; r < rows; r++) org.jflow.engine.Buffers.setDouble(buf, dtype, r * width + k, 1);
        return Tensor.wrap(dtype, shape, buf);
    }

    /** Zeros of {@code dtype} and shape {@code dims}: TF's {@code zeros(shape, dtype)} as a Fill of a typed scalar. */
    private static Tensor zeros(int[] dims, DType dtype) { return RawArray.fill(dims, Raw.scalar(dtype, 0)); }

    /** The per-seed gradients stacked on {@code axis} and shaped {@code lead + middle + source's dims after lead}. */
    private static Tensor stacked(Tensor[] parts, int axis, boolean connected, int[] lead, int[] middle, TensorLike source,
                                  UnconnectedGradients unconnected) {
        int[] s = source.shape().dimsView();
        int[] sourceRest = java.util.Arrays.copyOfRange(s, axis, s.length);
        int[] shape = new int[lead.length + middle.length + sourceRest.length];
        System.arraycopy(lead, 0, shape, 0, lead.length);
        System.arraycopy(middle, 0, shape, lead.length, middle.length);
        System.arraycopy(sourceRest, 0, shape, lead.length + middle.length, sourceRest.length);
        if (!connected || parts.length == 0) {
            boolean zeros = connected || unconnected == UnconnectedGradients.ZERO || parts.length == 0;
            return zeros ? zeros(shape, source.dtype()) : null;
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) parts[k] = zeros(source.shape().dimsView(), source.dtype());
        }
        return RawArray.reshape(RawArray.pack(java.util.Arrays.asList(parts), axis), shape);
    }

    private static Tensor targetTensor(Object target) {
        return target instanceof Variable v ? v.readValue() : Convert.toTensor(target);
    }

    // ---- the backward pass ----

    private TensorLike[] backprop(Object target, Object[] sources, GradientOptions options) {
        return consuming(() -> sweep(target, sources, options, !persistent));
    }

    /** Runs one use of the tape: refused once a non-persistent tape is spent, which it is afterwards. */
    private <T> T consuming(Supplier<T> work) {
        if (spent) {
            throw new RuntimeError("A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)");
        }
        boolean pausedBefore = paused;
        paused = true; // the gradient's own ops are recorded by outer tapes only
        try {
            return work.get();
        } finally {
            paused = pausedBefore;
            if (!persistent) {
                spent = true;
                close();
                entries.clear();
                watched.clear();
            }
        }
    }

    /** One backward sweep over the recorded entries; {@code release} drops each entry once used. */
    private TensorLike[] sweep(Object target, Object[] sources, GradientOptions options, boolean release) {
        IdentityHashMap<Tensor, TensorLike> grads = new IdentityHashMap<>();
        seed(grads, target, options.outputGradients);
        IdentityHashMap<Tensor, Boolean> keep = new IdentityHashMap<>();
        for (Object s : sources) for (Tensor t : sourceTensors(s)) keep.put(t, Boolean.TRUE);
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (release) entries.set(i, null); // lets the forward tensors go as soon as they are used
            backpropEntry(e, grads, keep);
        }
        TensorLike[] result = new TensorLike[sources.length];
        for (int i = 0; i < sources.length; i++) result[i] = sourceGradient(sources[i], grads, options.unconnected);
        return result;
    }

    private void seed(IdentityHashMap<Tensor, TensorLike> grads, Object target, Object outputGradients) {
        if (target instanceof List<?> targets) {
            List<?> upstream = outputGradients == null ? null : (List<?>) outputGradients;
            for (int i = 0; i < targets.size(); i++) seed(grads, targets.get(i), upstream == null ? null : upstream.get(i));
            return;
        }
        if (target == null) throw new ValueError("Argument `target` should be a list or nested structure of Tensors, Variables or CompositeTensors to be differentiated, but received None.");
        Tensor t = targetTensor(target);
        if (!trainable(t.dtype())) return;
        Tensor g = outputGradients == null ? RawArray.onesLike(t) : Convert.toTensorLike(outputGradients, t.dtype());
        accumulate(grads, t, g);
    }

    private static void accumulate(IdentityHashMap<Tensor, TensorLike> grads, Tensor t, TensorLike g) {
        grads.put(t, sum(grads.get(t), g));
    }

    /**
     * Two contributions to one gradient, as TF aggregates them: slices with slices stay sparse
     * (concatenated), anything else is added densely.
     */
    private static TensorLike sum(TensorLike a, TensorLike b) {
        if (a == null) return b;
        if (a instanceof IndexedSlices sa && b instanceof IndexedSlices sb) return IndexedSlices.concat(List.of(sa, sb));
        return RawMath.addV2(a.value(), b.value());
    }

    private void backpropEntry(Entry e, IdentityHashMap<Tensor, TensorLike> grads, IdentityHashMap<Tensor, Boolean> keep) {
        Tensor[] outs = e.outputs;
        Tensor[] upstream = new Tensor[outs.length];
        boolean any = false;
        for (int j = 0; j < outs.length; j++) {
            TensorLike g = keep.containsKey(outs[j]) ? grads.get(outs[j]) : grads.remove(outs[j]);
            upstream[j] = g == null ? null : g.value(); // op gradients take dense upstream gradients (TF's convert_to_tensor)
            any |= upstream[j] != null;
        }
        if (!any) return;
        for (int j = 0; j < outs.length; j++) {
            if (upstream[j] == null && trainable(outs[j].dtype())) upstream[j] = RawArray.zerosLike(outs[j]);
        }
        boolean[] needed = new boolean[e.inputs.length];
        boolean anyNeeded = false;
        for (int k = 0; k < needed.length; k++) anyNeeded |= needed[k] = watched.containsKey(e.inputs[k]);
        if (!anyNeeded) return;
        Gradient gradient = e.op.gradient();
        if (gradient == null) throw new LookupError("gradient registry has no entry for: " + e.op.name());
        GradientContext context = new GradientContext(e.op, e.attrs, e.inputs, outs, needed);
        TensorLike[] dx = gradient instanceof SparseGradient sparse ? sparse.applySparse(context, upstream) : gradient.apply(context, upstream);
        for (int k = 0; k < dx.length; k++) {
            if (!needed[k] || dx[k] == null) continue;
            if (!dx[k].shape().isCompatibleWith(e.inputs[k].shape())) { // a bug in the op's gradient: fail where it happens
                throw new IllegalStateException("The gradient of " + e.op.name() + " for input " + k + " has shape " + dx[k].shape()
                        + ", the input " + e.inputs[k].shape());
            }
            accumulate(grads, e.inputs[k], dx[k]);
        }
    }

    private List<Tensor> sourceTensors(Object source) {
        return switch (source) {
            case Variable v -> reads.getOrDefault(v, List.of());
            case Tensor t -> List.of(t);
            case null -> throw new ValueError("Argument `sources` contains None");
            default -> throw new ValueError("Passed in object of type " + source.getClass().getSimpleName()
                    + ", not tf.Tensor or tf.Variable or ExtensionType.");
        };
    }

    private TensorLike sourceGradient(Object source, IdentityHashMap<Tensor, TensorLike> grads, UnconnectedGradients unconnected) {
        TensorLike sum = null;
        for (Tensor t : sourceTensors(source)) {
            TensorLike g = grads.get(t);
            if (g != null) sum = sum(sum, g);
        }
        if (sum != null || unconnected == UnconnectedGradients.NONE) return sum;
        TensorLike s = (TensorLike) source;
        return zeros(s.shape().dimsView(), s.dtype());
    }

    /** The tape's side of {@link Recorder}, kept off the public API. */
    private final class Recording implements Recorder {
        @Override
        public void record(Op op, Attrs attrs, Tensor[] inputs, Tensor[] outputs) {
            if (paused || watched.isEmpty()) return;
            boolean watchesInput = false;
            for (Tensor in : inputs) {
                if (watched.containsKey(in)) {
                    watchesInput = true;
                    break;
                }
            }
            if (!watchesInput || op.gradient() == Gradient.NONE) return;
            boolean differentiable = false;
            for (Tensor out : outputs) {
                if (trainable(out.dtype())) {
                    watched.put(out, Boolean.TRUE);
                    differentiable = true;
                }
            }
            if (differentiable) entries.add(new Entry(op, attrs, inputs.clone(), outputs));
        }

        @Override
        public void variableRead(VariableHandle handle, Tensor value) {
            if (paused || !trainable(value.dtype())) return;
            if (!(watchedVariables.contains(handle) || (watchAccessedVariables && handle.trainable()))) return;
            Variable variable = (Variable) handle; // the engine's variables are tf.Variables; it names only the handle
            watched.put(value, Boolean.TRUE);
            List<Tensor> seen = reads.computeIfAbsent(variable, v -> new ArrayList<>());
            for (Tensor t : seen) if (t == value) return;
            seen.add(value);
        }
    }

    /** TF's {@code IsTrainable}: gradients flow through floating and complex tensors only. */
    private static boolean trainable(DType dtype) { return dtype.isFloating() || dtype.isComplex(); }
}
