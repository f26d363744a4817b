package org.jflow.engine;

import org.jflow.Tensor;

import java.util.ArrayList;

/**
 * Something that turns op calls into graph nodes instead of running them: a {@code tf.function}
 * trace or a TF1 graph being built. {@link Dispatcher} hands every call to the innermost active
 * tracer on this thread; with none active anywhere that costs one volatile read.
 */
public interface Tracer {
    /** Adds a node for {@code op} (its inputs already checked by the shape rule) and returns its symbolic outputs. */
    Tensor[] add(Op op, Attrs attrs, Tensor[] inputs, TensorSpec[] outputs);

    /**
     * A variable is being created while this tracer is active, from {@code initialValue} (possibly a
     * tensor of this graph). Throws where the tracer forbids it (TF's rule for non-first traces).
     * Returns the eager value the variable holds from now on, or null when it must stay
     * uninitialized until an initializer node runs (TF1 graphs).
     */
    Tensor variableCreated(VariableHandle variable, Tensor initialValue);

    /** The tracers active on this thread, innermost last. */
    final class Stack {
        private static final ThreadLocal<ArrayList<Tracer>> ACTIVE = ThreadLocal.withInitial(ArrayList::new);
        private static volatile int anywhere;

        private Stack() {}

        /** The innermost tracer on this thread, or null when ops run eagerly. */
        public static Tracer current() {
            if (anywhere == 0) return null;
            ArrayList<Tracer> active = ACTIVE.get();
            return active.isEmpty() ? null : active.getLast();
        }

        /** Makes {@code t} the current tracer until the returned scope closes. */
        public static Scope push(Tracer t) {
            ArrayList<Tracer> active = ACTIVE.get();
            synchronized (Stack.class) {
                active.add(t);
                anywhere++;
            }
            return () -> {
                synchronized (Stack.class) {
                    if (active.remove(t)) anywhere--;
                }
            };
        }

        /** Runs eagerly until the returned scope closes, as TF's {@code tf.init_scope} does. */
        public static Scope eager() {
            ArrayList<Tracer> saved = ACTIVE.get();
            ArrayList<Tracer> none = new ArrayList<>();
            ACTIVE.set(none);
            return () -> ACTIVE.set(saved);
        }
    }

    /** The lifetime of a pushed tracer or an eager section. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
