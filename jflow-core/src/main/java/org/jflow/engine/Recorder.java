package org.jflow.engine;

import org.jflow.Tensor;

import java.util.ArrayList;

/**
 * Something that records op calls on this thread (a gradient tape). {@link Dispatcher} asks the
 * active recorders after every kernel; with none active anywhere that costs one volatile read.
 */
public interface Recorder {
    /** Records the call if it involves a watched tensor. */
    void record(Op op, Attrs attrs, Tensor[] inputs, Tensor[] outputs);

    /** A variable was read and gave {@code value}. */
    void variableRead(VariableHandle variable, Tensor value);

    /** The recorders active on this thread, innermost last. */
    final class Stack {
        private static final ThreadLocal<ArrayList<Recorder>> ACTIVE = ThreadLocal.withInitial(ArrayList::new);
        /** How many recorders are active on any thread: the fast "nothing to do" test. */
        private static volatile int anywhere;

        private Stack() {}

        public static boolean any() { return anywhere != 0; }

        /** Whether a recorder is active on this thread. */
        public static boolean activeHere() { return anywhere != 0 && !ACTIVE.get().isEmpty(); }

        public static synchronized void push(Recorder r) {
            ACTIVE.get().add(r);
            anywhere++;
        }

        public static synchronized void remove(Recorder r) {
            if (ACTIVE.get().remove(r)) anywhere--;
        }

        static Tensor[] record(Op op, Attrs attrs, Tensor[] inputs, Tensor[] outputs) {
            ArrayList<Recorder> active = ACTIVE.get();
            if (active.isEmpty()) return outputs;
            Tensor[] outs = unaliased(inputs, outputs);
            for (int i = 0; i < active.size(); i++) active.get(i).record(op, attrs, inputs, outs);
            return outs;
        }

        /**
         * Hides this thread's recorders until the returned scope closes: what runs inside is
         * recorded by no tape (as TF runs a custom gradient's forward function).
         */
        public static Suspension suspend() {
            ArrayList<Recorder> saved = ACTIVE.get();
            ACTIVE.set(new ArrayList<>());
            return () -> ACTIVE.set(saved);
        }

        /** The scope of {@link #suspend()}. */
        @FunctionalInterface
        public interface Suspension extends AutoCloseable {
            @Override
            void close();
        }

        public static void variableRead(VariableHandle variable, Tensor value) {
            ArrayList<Recorder> active = ACTIVE.get();
            for (int i = 0; i < active.size(); i++) active.get(i).variableRead(variable, value);
        }

        /** Tapes tell tensors apart by identity, so an op that hands back an input (Identity) gets a new object. */
        private static Tensor[] unaliased(Tensor[] inputs, Tensor[] outputs) {
            Tensor[] result = outputs;
            for (int j = 0; j < outputs.length; j++) {
                for (Tensor in : inputs) {
                    if (in == outputs[j]) {
                        if (result == outputs) result = outputs.clone();
                        result[j] = Tensor.wrap(in.dtype(), in.shape(), in.data());
                        break;
                    }
                }
            }
            return result;
        }
    }
}
