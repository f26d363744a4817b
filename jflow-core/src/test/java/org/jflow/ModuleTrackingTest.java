package org.jflow;

import org.jflow.errors.RuntimeError;
import org.jflow.graph.NameScope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Explicit tracking, the hook Keras layers use: creation order, no field walk. */
class ModuleTrackingTest {
    /** A Dense-like layer: kernel then bias, named under the layer's scope, as Keras' add_weight does. */
    static final class Dense extends Module {
        final Variable bias;   // fields in name order would list bias first
        final Variable kernel;
        final Variable untracked = tf.Variable(0.0); // held in a field, never tracked: must not be listed

        Dense(String name, int in, int out) {
            super(name, true);
            try (NameScope scope = nameScope()) {
                kernel = trackVariable(tf.Variable(tf.ones(in, out), "kernel"));
                bias = trackVariable(tf.Variable(tf.zeros(out), "bias"));
            }
        }
    }

    /** A model-like module: two layers tracked in the order they were made. */
    static final class Stack extends Module {
        final Dense second;
        final Dense first;

        Stack() {
            super("stack", true);
            first = trackSubmodule(new Dense("b_first", 2, 3));
            second = trackSubmodule(new Dense("a_second", 3, 1));
        }
    }

    private static List<String> paths(Tuple<Variable> vars) { return vars.stream().map(Variable::path).toList(); }

    @Test
    void denseListsKernelThenBias() {
        Dense d = new Dense("dense", 2, 3);
        assertEquals(List.of("dense/kernel", "dense/bias"), paths(d.variables()));
        assertEquals(List.of("kernel", "bias"), d.trainableVariables().stream().map(Variable::shortName).toList());
    }

    @Test
    void submodulesAndTheirVariablesInCreationOrder() {
        Stack s = new Stack();
        assertEquals(List.of("b_first", "a_second"), s.submodules().stream().map(Module::name).toList());
        assertEquals(List.of("b_first/kernel", "b_first/bias", "a_second/kernel", "a_second/bias"),
                paths(s.variables()));
        s.first.kernel.setTrainable(false);
        assertEquals(List.of("b_first/bias", "a_second/kernel", "a_second/bias"), paths(s.trainableVariables()));
    }

    @Test
    void reflectionStaysTheDefault() {
        Module plain = new Module("plain") {
            final Variable b = tf.Variable(1.0, "b");
            final Variable a = tf.Variable(1.0, "a");
        };
        assertEquals(List.of("a:0", "b:0"), plain.variables().stream().map(Variable::name).toList());
        var e = assertThrows(RuntimeError.class, () -> new Module("m") {
            { trackVariable(tf.Variable(1.0)); }
        });
        assertEquals("trackVariable and trackSubmodule need explicit tracking: construct the module with "
                + "super(name, true); a plain tf.Module finds its state in its fields.", e.getMessage());
    }
}
