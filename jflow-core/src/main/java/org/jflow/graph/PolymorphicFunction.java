package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.engine.Convert;
import org.jflow.engine.Nest;
import org.jflow.engine.Recorder;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.errors.ValueError;
import org.jflow.format.TensorFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code tf.function(fn)} returns: a callable that traces {@code fn} into a graph once per
 * input signature and then runs the graph (TF's {@code PolymorphicFunction}).
 *
 * <p>The signature of a call is, per argument: dtype and shape for a tensor (or Java array), the
 * value for a Java number, string or boolean (each new value retraces, and the value is baked
 * into the graph as a constant, as Python values are in TF), and identity for any other object
 * (a variable, a model), which is passed to {@code fn} as is. With an input signature, tensors are
 * checked against it and there is one trace, with the signature's partial shapes; where an op's
 * shape rule or gradient cannot work on unknown dimensions, the function falls back to one trace
 * per concrete shape (still checked against the signature).
 *
 * <p>Java code in {@code fn} runs only while tracing: {@code System.out.println} prints at the
 * first call of each signature, {@code tf.print} on every call. Variables may be created on the
 * first trace only.
 */
public final class PolymorphicFunction<R> {
    /** The traced Java function: gets the arguments (tensor ones as placeholders), returns a structure of tensors. */
    @FunctionalInterface
    public interface Body<R> {
        R apply(Object[] args);
    }

    private static volatile boolean runEagerly;

    private final Body<R> body;
    private final FunctionOptions options;
    private final Map<List<Object>, ConcreteFunction> traces = new HashMap<>();
    private int tracingCount;
    /** Set once a trace with the signature's unknown dims failed: from then on, one trace per concrete shape. */
    private boolean perShape;

    public PolymorphicFunction(Body<R> body, FunctionOptions options) {
        this.body = body;
        this.options = options;
    }

    /** {@code tf.config.run_functions_eagerly}: all functions call their Java body directly from now on. */
    public static void runEagerly(boolean eagerly) { runEagerly = eagerly; }

    public static boolean runsEagerly() { return runEagerly; }

    /** Calls the function: traces it first if this signature is new, then runs its graph. */
    @SuppressWarnings("unchecked")
    public R call(Object... args) {
        Object[] canonical = canonicalize(args);
        if (runEagerly) return body.apply(eagerArgs(canonical));
        ConcreteFunction f = concreteFor(canonical);
        return (R) f.call(tensorArgs(canonical));
    }

    /** TF's {@code get_concrete_function(*args)}: the trace for these arguments (traced now if new), without running it. */
    public ConcreteFunction getConcreteFunction(Object... args) { return concreteFor(canonicalize(args)); }

    /** TF's {@code experimental_get_tracing_count()}: how many times the function was traced. */
    public synchronized int tracingCount() { return tracingCount; }

    /** Tensors (and Java arrays, as NumPy arrays are) become tensors; Java scalars become constant tensors; other objects stay. */
    private Object[] canonicalize(Object[] args) {
        List<TensorSpec> sig = options.inputSignature;
        if (sig != null && sig.size() != args.length) throw incompatible(args);
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (sig != null) {
                Tensor t = a instanceof TensorLike tl && !(a instanceof Variable) ? tl.value() : null;
                if (t == null) {
                    try {
                        t = Convert.toTensor(a, sig.get(i).dtype());
                    } catch (RuntimeException e) {
                        throw incompatible(args);
                    }
                }
                if (!sig.get(i).isCompatibleWith(t.dtype(), t.shape())) throw incompatible(args);
                out[i] = t;
            } else if (a instanceof Variable) {
                out[i] = a;
            } else if (a instanceof TensorLike t) {
                out[i] = t.value();
            } else if (a != null && a.getClass().isArray() && !(a instanceof Object[] o && !isNumericArray(o))) {
                out[i] = Convert.toTensor(a);
            } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
                out[i] = new Baked(Convert.toTensor(a), a);
            } else {
                out[i] = a;
            }
        }
        return out;
    }

    private static boolean isNumericArray(Object[] o) { return o.length > 0 && o[0] != null && o[0].getClass().isArray(); }

    /** A Java scalar argument: baked into the graph as a constant; its value is part of the signature. */
    private record Baked(Tensor tensor, Object value) {}

    /** An object argument, in the signature by identity. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object o) { return o instanceof Identity i && i.object == object; }

        @Override
        public int hashCode() { return System.identityHashCode(object); }
    }

    private ValueError incompatible(Object[] args) {
        StringBuilder sb = new StringBuilder("Python inputs incompatible with input_signature:\n  inputs: (\n");
        for (int i = 0; i < args.length; i++) {
            sb.append("    ").append(args[i] instanceof Tensor t ? t.toString() : TensorFormat.repr(args[i]))
                    .append(i + 1 < args.length ? ",\n" : ")\n");
        }
        sb.append("  input_signature: (\n");
        for (int i = 0; i < options.inputSignature.size(); i++) {
            sb.append("    ").append(options.inputSignature.get(i)).append(i + 1 < options.inputSignature.size() ? ",\n" : ").");
        }
        return new ValueError(sb.toString());
    }

    private List<Object> key(Object[] canonical) {
        List<Object> key = new ArrayList<>(canonical.length);
        for (Object a : canonical) {
            if (options.inputSignature != null && !perShape) key.add(Boolean.TRUE);
            else if (a instanceof Tensor t) key.add(new TensorSpec(t.dtype(), t.shape()));
            else if (a instanceof Baked b) key.add(b.value());
            else key.add(new Identity(a));
        }
        return key;
    }

    private static Object[] eagerArgs(Object[] canonical) {
        Object[] out = canonical.clone();
        for (int i = 0; i < out.length; i++) if (out[i] instanceof Baked b) out[i] = b.tensor();
        return out;
    }

    private static Tensor[] tensorArgs(Object[] canonical) {
        List<Tensor> out = new ArrayList<>();
        for (Object a : canonical) if (a instanceof Tensor t) out.add(t);
        return out.toArray(new Tensor[0]);
    }

    private synchronized ConcreteFunction concreteFor(Object[] canonical) {
        List<Object> key = key(canonical);
        ConcreteFunction f = traces.get(key);
        if (f == null) {
            f = trace(canonical);
            traces.put(key(canonical), f); // the key changes if this trace fell back to concrete shapes
        }
        return f;
    }

    private ConcreteFunction trace(Object[] canonical) {
        boolean first = tracingCount == 0;
        if (options.inputSignature == null || perShape || !hasUnknownDims(options.inputSignature)) return trace(canonical, perShape, first);
        try {
            return trace(canonical, false, first);
        } catch (RuntimeException partialShapesFailed) {
            perShape = true;
            return trace(canonical, true, first);
        }
    }

    private static boolean hasUnknownDims(List<TensorSpec> specs) {
        for (TensorSpec s : specs) if (!s.shape().isFullyDefined()) return true;
        return false;
    }

    private ConcreteFunction trace(Object[] canonical, boolean concreteShapes, boolean first) {
        Graph g = new Graph();
        if (!first) g.forbidVariableCreation();
        tracingCount++;
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> outputs = new ArrayList<>();
        Object template;
        try (Recorder.Stack.Suspension outerTapes = Recorder.Stack.suspend(); Tracer.Scope scope = g.asDefault()) {
            Object[] args = eagerArgs(canonical);
            for (int i = 0; i < canonical.length; i++) {
                Object a = canonical[i];
                if (a instanceof Tensor t) {
                    TensorSpec spec = options.inputSignature != null && !concreteShapes ? options.inputSignature.get(i)
                            : new TensorSpec(t.dtype(), t.shape(), options.inputSignature != null ? options.inputSignature.get(i).name() : null);
                    Tensor p = g.placeholder(spec.dtype(), spec.shape(), argName(i, spec));
                    inputs.add(p);
                    args[i] = p;
                }
            }
            List<Tensor> flat = new ArrayList<>();
            template = Nest.flatten(body.apply(args), flat);
            for (Tensor t : flat) outputs.add(g.local(t));
        }
        return new ConcreteFunction(options.name, new Program(g, inputs, outputs), template, options.optimizer);
    }

    private String argName(int i, TensorSpec spec) {
        if (i < options.argNames.size()) return options.argNames.get(i);
        if (spec.name() != null) return spec.name();
        return "args_" + i;
    }

    @Override
    public String toString() { return "<tf.function " + options.name + ">"; }
}
