package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.config.DeviceScope;
import org.jflow.engine.Convert;
import org.jflow.engine.Nest;
import org.jflow.engine.Recorder;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.errors.RecursionError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.format.TensorFormat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What {@code tf.function(fn)} returns: a callable that traces {@code fn} into a graph once per
 * input signature and then runs the graph (TF's {@code PolymorphicFunction}).
 *
 * <p>The signature of a call is its arguments' structure (see {@link FunctionArgs}): lists, maps,
 * records and tuples are flattened, each tensor leaf (or Java array) counts by dtype and shape and
 * becomes a graph input, each Java number, string or boolean by value (baked in as a constant, as
 * Python values are in TF), any other object (a variable, a model) by identity. A call runs the
 * most specific trace whose signature accepts it (unknown dims accept any size). With an input
 * signature there is one trace, with the signature's partial shapes; with {@code reduceRetracing}
 * a new shape retraces once with the dims that differ generalized to unknown, as TF's
 * {@code reduce_retracing=True} does. Shape rules and gradients work on unknown dims, so a trace
 * never falls back to concrete shapes.
 *
 * <p>Java code in {@code fn} runs only while tracing: {@code System.out.println} prints at the
 * first call of each signature, {@code tf.print} on every call. Variables may be created on the
 * first trace only, and only once: as TF, a first trace that creates variables is traced again with
 * creation forbidden, so an unguarded {@code tf.Variable(...)} fails on the first call. At most
 * {@link #MAX_TRACES} traces are kept (the least recently used goes), and TF's warning is logged
 * when 5 of the last 10 calls traced.
 */
public final class PolymorphicFunction<R> {
    /** The traced Java function: gets the arguments (tensor ones as placeholders), returns a structure of tensors. */
    @FunctionalInterface
    public interface Body<R> {
        R apply(Object[] args);
    }

    /**
     * The traces kept per function: enough for every batch shape of a dataset, bounded so that
     * varying shapes cannot exhaust memory.
     */
    public static final int MAX_TRACES = 128;

    private static final Logger LOG = Logger.getLogger("tensorflow");
    private static volatile boolean runEagerly;

    private final Body<R> body;
    private final int arity;
    private final FunctionOptions options;
    private final Map<Object, ConcreteFunction> traces = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, ConcreteFunction> eldest) { return size() > MAX_TRACES; }
    };
    private final RetracingDetector retracing;
    private int tracingCount;
    private boolean variablesCreated;
    private final ThreadLocal<Integer> tracingDepth = ThreadLocal.withInitial(() -> 0);

    /** A function of any number of arguments, each a tensor, structure or Java value. */
    public PolymorphicFunction(Body<R> body, FunctionOptions options) { this(body, -1, body, options); }

    /**
     * A function of exactly {@code arity} arguments (TF's binding check: more or fewer is a
     * TypeError); {@code javaFunction} is the user's lambda, which counts calls for the retracing warning.
     */
    public PolymorphicFunction(Body<R> body, int arity, Object javaFunction, FunctionOptions options) {
        this.body = body;
        this.arity = arity;
        this.options = options;
        this.retracing = RetracingDetector.of(javaFunction.getClass());
    }

    /** {@code tf.config.run_functions_eagerly}: all functions call their Java body directly from now on. */
    public static void runEagerly(boolean eagerly) { runEagerly = eagerly; }

    public static boolean runsEagerly() { return runEagerly; }

    /** Calls the function: traces it first if this signature is new, then runs its graph. */
    @SuppressWarnings("unchecked")
    public R call(Object... args) {
        Object[] canonical = canonicalize(args);
        if (runEagerly) return body.apply(eagerArgs(canonical));
        int before = tracingCount();
        ConcreteFunction f = concreteFor(canonical);
        if (Tracer.Stack.current() == null) retracing.called(tracingCount() != before, this);
        return (R) f.call(tensorArgs(canonical));
    }

    /**
     * TF's {@code get_concrete_function(*args)}: the trace for these arguments (traced now if new),
     * without running it; a {@code tf.TensorSpec} stands for any tensor it accepts.
     */
    public ConcreteFunction getConcreteFunction(Object... args) { return concreteFor(canonicalize(args)); }

    /** TF's {@code experimental_get_tracing_count()}: how many times the function was traced. */
    public synchronized int tracingCount() { return tracingCount; }

    /** The traces kept now (at most {@link #MAX_TRACES}). */
    public synchronized int cachedTraces() { return traces.size(); }

    /** Arguments in canonical form ({@link FunctionArgs}); with an input signature, each checked against its spec. */
    private Object[] canonicalize(Object[] args) {
        checkArity(args);
        List<TensorSpec> sig = options.inputSignature;
        if (sig != null && sig.size() != args.length) throw incompatible(args);
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof TensorSpec spec) {
                out[i] = new SpecArg(spec);
            } else if (sig != null) {
                Tensor t = a instanceof TensorLike tl && !(a instanceof Variable) ? tl.value() : null;
                if (t == null) {
                    try {
                        t = Convert.toTensor(a instanceof Variable v ? v.value() : a, sig.get(i).dtype());
                    } catch (RuntimeException e) {
                        throw incompatible(args);
                    }
                }
                if (!sig.get(i).isCompatibleWith(t.dtype(), t.shape())) throw incompatible(args);
                out[i] = t;
            } else {
                out[i] = FunctionArgs.canonical(a);
            }
        }
        return out;
    }

    /** A {@code tf.TensorSpec} given to {@link #getConcreteFunction}: traces a placeholder of its partial shape. */
    private record SpecArg(TensorSpec spec) {}

    /** TF's {@code Binding inputs to tf.function failed} TypeError for too many or too few positional arguments. */
    private void checkArity(Object[] args) {
        int expected = options.inputSignature != null ? options.inputSignature.size() : arity;
        if (expected < 0 || args.length == expected) return;
        String problem = args.length > expected ? "too many positional arguments"
                : "missing a required argument: '" + argName(args.length, null) + "'";
        StringBuilder received = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) received.append(i > 0 ? ", " : "").append(TensorFormat.repr(args[i]));
        received.append(args.length == 1 ? ",)" : ")");
        StringBuilder params = new StringBuilder("(");
        for (int i = 0; i < expected; i++) params.append(i > 0 ? ", " : "").append(argName(i, null));
        throw new TypeError("Binding inputs to tf.function failed due to `" + problem + "`. Received args: " + received
                + " and kwargs: {} for signature: " + params + ").");
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

    /** The call's signature: the input signature where there is one, else each argument's {@link FunctionArgs#key}. */
    private List<Object> key(Object[] canonical) {
        if (options.inputSignature != null) return new ArrayList<>(options.inputSignature);
        List<Object> key = new ArrayList<>(canonical.length);
        for (Object a : canonical) key.add(a instanceof SpecArg s ? s.spec() : FunctionArgs.key(a));
        return key;
    }

    private static Object[] eagerArgs(Object[] canonical) {
        Object[] out = new Object[canonical.length];
        for (int i = 0; i < out.length; i++) out[i] = FunctionArgs.rebuild(canonical[i], Collections.emptyIterator());
        return out;
    }

    private static Tensor[] tensorArgs(Object[] canonical) {
        List<Tensor> out = new ArrayList<>();
        for (Object a : canonical) FunctionArgs.leaves(a, Tensor.class, out);
        return out.toArray(new Tensor[0]);
    }

    private synchronized ConcreteFunction concreteFor(Object[] canonical) {
        List<Object> key = key(canonical);
        ConcreteFunction f = traces.get(key);
        if (f != null) return f;
        Object best = null;
        for (Object k : traces.keySet()) {
            boolean moreSpecific = best == null || FunctionArgs.knownDims(k) > FunctionArgs.knownDims(best);
            if (moreSpecific && FunctionArgs.accepts(k, key)) best = k;
        }
        if (best != null) return traces.get(best);
        Object traceKey = options.reduceRetracing ? generalized(key) : key;
        f = traceOnce(canonical, traceKey);
        traces.put(traceKey, f);
        return f;
    }

    /**
     * TF's {@code try_generalizing_function_type}: the call's signature generalized against every
     * kept one it shares a structure with.
     */
    private Object generalized(Object key) {
        Object g = key;
        for (Object k : traces.keySet()) {
            Object common = FunctionArgs.generalize(g, k);
            if (common != null) g = common;
        }
        return g;
    }

    /**
     * Traces for {@code key}. A first trace that created variables is traced again with creation
     * forbidden (TF lifts the variables, then traces the function that uses them), so code that
     * creates a variable on every trace fails now rather than on some later retrace.
     */
    private ConcreteFunction traceOnce(Object[] canonical, Object key) {
        int depth = tracingDepth.get();
        if (depth >= MAX_TRACE_NESTING) throw new RecursionError(RECURSION);
        tracingDepth.set(depth + 1);
        try {
            if (variablesCreated || tracingCount > 0) {
                return trace(canonical, key, VariableRule.FORBIDDEN_LATER).function;
            }
            Trace first = trace(canonical, key, VariableRule.ALLOWED);
            if (first.graph.createdVariables().isEmpty()) return first.function;
            variablesCreated = true;
            return trace(canonical, key, VariableRule.SINGLETON).function;
        } catch (StackOverflowError e) {
            throw new RecursionError(RECURSION);
        } finally {
            tracingDepth.set(depth);
        }
    }

    /** Python's default recursion limit, counted in nested traces of one function (a function that calls itself). */
    private static final int MAX_TRACE_NESTING = 100;

    private static final String RECURSION = "maximum recursion depth exceeded while calling a Python object";

    private enum VariableRule { ALLOWED, SINGLETON, FORBIDDEN_LATER }

    private record Trace(Graph graph, ConcreteFunction function) {}

    private Trace trace(Object[] canonical, Object key, VariableRule rule) {
        Graph g = new Graph();
        if (rule == VariableRule.SINGLETON) g.forbidVariableCreation(SINGLETON_VARIABLES);
        if (rule == VariableRule.FORBIDDEN_LATER) g.forbidVariableCreation(null);
        tracingCount++;
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> outputs = new ArrayList<>();
        Object template;
        List<?> keys = (List<?>) key;
        // TF 2.21 (function_context.make_function_context): an eager call's device scope is neither in the
        // cache key nor seen by the body, whose nodes run where each call's scope places them.
        DeviceScope eagerCallSite = Tracer.Stack.current() == null ? DeviceScope.enter(null) : null;
        try (eagerCallSite; Recorder.Stack.Suspension outerTapes = Recorder.Stack.suspend();
             Tracer.Scope scope = g.asDefault()) {
            Object[] args = new Object[canonical.length];
            for (int i = 0; i < canonical.length; i++) {
                List<TensorSpec> specs = new ArrayList<>();
                FunctionArgs.leaves(keys.get(i), TensorSpec.class, specs);
                List<Tensor> placeholders = new ArrayList<>(specs.size());
                for (TensorSpec spec : specs) {
                    placeholders.add(g.placeholder(spec.dtype(), spec.shape(), argName(i, spec)));
                }
                inputs.addAll(placeholders);
                args[i] = canonical[i] instanceof SpecArg ? placeholders.getFirst()
                        : FunctionArgs.rebuild(canonical[i], placeholders.iterator());
            }
            List<Tensor> flat = new ArrayList<>();
            template = Nest.flatten(body.apply(args), flat);
            for (Tensor t : flat) outputs.add(g.local(t));
        }
        Program program = new Program(g, inputs, outputs);
        return new Trace(g, new ConcreteFunction(options.name, program, template, options.optimizer));
    }

    /** TF's error for a {@code tf.Variable(...)} that runs on every trace. */
    static final String SINGLETON_VARIABLES = "tf.function only supports singleton tf.Variables created on the first"
            + " call. Make sure the tf.Variable is only created once or created outside tf.function. See"
            + " https://www.tensorflow.org/guide/function#creating_tfvariables for more information.";

    private String argName(int i, TensorSpec spec) {
        if (i < options.argNames.size()) return options.argNames.get(i);
        if (spec != null && spec.name() != null) return spec.name();
        List<TensorSpec> sig = options.inputSignature;
        if (sig != null && i < sig.size() && sig.get(i).name() != null) return sig.get(i).name();
        return "args_" + i;
    }

    /** The rest of TF's retracing warning, after "N out of the last M calls to FUNCTION". */
    private static final String RETRACING_ADVICE = " triggered tf.function retracing. Tracing is expensive"
            + " and the excessive number of tracings could be due to (1) creating @tf.function repeatedly in a"
            + " loop, (2) passing tensors with different shapes, (3) passing Python objects instead of tensors."
            + " For (1), please define your @tf.function outside of the loop. For (2), @tf.function has"
            + " reduce_retracing=True option that can avoid unnecessary retracing. For (3), please refer to"
            + " https://www.tensorflow.org/guide/function#controlling_retracing and"
            + " https://www.tensorflow.org/api_docs/python/tf/function for  more details.";

    /** TF's {@code _FrequentTracingDetector}: warns (twice at most) when 5 of the last 10 calls of a lambda traced. */
    static final class RetracingDetector {
        private static final Map<Class<?>, RetracingDetector> BY_FUNCTION = new java.util.WeakHashMap<>();
        private final ArrayDeque<Integer> callsPerTracing = new ArrayDeque<>();
        private int callCount, warnings;

        /**
         * One detector per lambda: its class is shared by every evaluation of the same lambda
         * expression, as Python's {@code __code__} is by every function object of one {@code def}.
         */
        static synchronized RetracingDetector of(Class<?> function) {
            return BY_FUNCTION.computeIfAbsent(function, f -> new RetracingDetector());
        }

        synchronized void called(boolean traced, PolymorphicFunction<?> f) {
            callCount++;
            if (!traced) {
                if (callsPerTracing.isEmpty()) callsPerTracing.add(0);
                callsPerTracing.addLast(callsPerTracing.removeLast() + 1);
                return;
            }
            callsPerTracing.addLast(1);
            while (!callsPerTracing.isEmpty() && callCount - callsPerTracing.getFirst() > 10) {
                callCount -= callsPerTracing.removeFirst();
            }
            if (warnings >= 2 || callsPerTracing.size() < 5) return;
            warnings++;
            LOG.warning(callsPerTracing.size() + " out of the last " + callCount + " calls to " + f.pythonName()
                    + RETRACING_ADVICE);
        }
    }

    /** How TF's messages name the Python function: {@code <function NAME>}. */
    String pythonName() { return "<function " + options.name + ">"; }

    @Override
    public String toString() { return "<tf.function " + options.name + ">"; }
}
