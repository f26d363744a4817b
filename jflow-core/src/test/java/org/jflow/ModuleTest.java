package org.jflow;

import org.jflow.errors.AttributeError;
import org.jflow.errors.ValueError;
import org.jflow.graph.Graph;
import org.jflow.graph.PolymorphicFunction;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.Module as the 30-day notes' AutoGraph chapter uses it (001a G-MO3 to G-MO8) and TF's traversal rules. */
class ModuleTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** The chapter's DemoModule: a variable made in the module's name scope, and a function that adds to it. */
    static final class DemoModule extends Module {
        final Variable x;
        final PolymorphicFunction<Variable> addprint;

        DemoModule(Tensor initValue, PrintStream out) {
            try (var scope = nameScope()) {
                x = tf.Variable(initValue, o -> o.dtype(tf.float32).trainable(true));
            }
            addprint = tf.function((Tensor a) -> {
                try (var scope = nameScope()) {
                    x.assignAdd(a);
                    tf.print(o -> o.outputStream(out), x);
                    return x;
                }
            }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32)));
        }
    }

    private String printed() { return printed.toString(StandardCharsets.UTF_8); }

    @Test
    void demoModuleNamesItsVariableAndListsItAsATuple() {
        // G-MO3: 1 + 5 printed by the traced function; G-MO4: the tuples, as print(demo.variables) shows them.
        DemoModule demo = new DemoModule(tf.constant(1.0f), out);
        assertEquals("demo_module", demo.name());
        demo.addprint.call(tf.constant(5.0f));
        assertEquals("6\n", printed());
        String expected = "(<tf.Variable 'demo_module/Variable:0' shape=() dtype=float32, numpy=6.0>,)";
        assertEquals(expected, demo.variables().toString());
        assertEquals(expected, demo.trainableVariables().toString());
        // G-MO5: no submodules
        assertEquals("()", demo.submodules().toString());
        // nodes created under the module's scope inside the function are named in it, as TensorBoard groups them
        List<String> names = demo.addprint.getConcreteFunction(tf.constant(0.0f)).graph().operations().stream()
                .map(n -> n.name()).toList();
        assertTrue(names.contains("demo_module/PrintV2"), names.toString());
    }

    @Test
    void plainModuleTracksAttachedAttributes() {
        // G-MO7 / G-MO8: mymodule.x = tf.Variable(0.0); mymodule.addprint = addprint.
        Module mymodule = tf.Module();
        Variable x = mymodule.track("x", tf.Variable(0.0));
        PolymorphicFunction<Variable> addprint = tf.function((Tensor a) -> {
            x.assignAdd(a);
            tf.print(o -> o.outputStream(out), x);
            return x;
        }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32)));
        mymodule.track("addprint", addprint);
        PolymorphicFunction<Variable> attached = mymodule.get("addprint");
        assertEquals(1.0f, attached.call(tf.constant(1.0f)).value().numpy());
        assertEquals("1\n", printed());
        // the tutorial shows numpy=0.0 because its cells ran out of order; after the call the value is 1.0
        assertEquals("(<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=1.0>,)", mymodule.variables().toString());
        assertEquals("module", mymodule.name());
        assertThrows(AttributeError.class, () -> mymodule.get("y"));
    }

    static final class Dense extends Module {
        final Variable w;
        final Variable b;

        Dense(String name) {
            super(name);
            try (var scope = nameScope()) {
                w = tf.Variable(tf.ones(2, 2), "w");
                b = tf.Variable(tf.zeros(2), o -> o.name("b").trainable(false));
            }
        }
    }

    static final class MLPBlock extends Module {
        final List<Dense> layers;
        final Dense first;
        final Map<String, Variable> extras = new LinkedHashMap<>();
        final Variable scale;

        MLPBlock() {
            try (var scope = nameScope()) {
                layers = List.of(new Dense("first"), new Dense("second"));
                scale = tf.Variable(1.0, "scale");
                extras.put("z", tf.Variable(2.0, "z"));
                extras.put("a", tf.Variable(3.0, "a"));
            }
            first = layers.getFirst();
        }
    }

    @Test
    void traversalFollowsTfsOrderAndVisitsEachObjectOnce() {
        // TF sorts a module's attributes by name (extras, first, layers, scale), yields its own leaves
        // before recursing into submodules, sorts dict keys, and skips what it has seen.
        MLPBlock block = new MLPBlock();
        assertEquals("mlp_block", block.name());
        assertEquals(List.of("mlp_block/a:0", "mlp_block/z:0", "mlp_block/scale:0", "mlp_block/first/b:0", "mlp_block/first/w:0",
                "mlp_block/second/b:0", "mlp_block/second/w:0"), block.variables().stream().map(Variable::name).toList());
        assertEquals(List.of("mlp_block/a:0", "mlp_block/z:0", "mlp_block/scale:0", "mlp_block/first/w:0", "mlp_block/second/w:0"),
                block.trainableVariables().stream().map(Variable::name).toList());
        assertEquals(List.of("first", "second"), block.submodules().stream().map(Module::name).toList());
        assertSame(block.first, block.submodules().getFirst());
    }

    @Test
    void namesAreSnakeCaseIdentifiers() {
        assertEquals("demo_module", Module.snakeCase("DemoModule"));
        assertEquals("mlp_block", Module.snakeCase("MLPBlock"));
        assertEquals("module", new Module() {}.name());
        ValueError e = assertThrows(ValueError.class, () -> new Module("my module"));
        assertEquals("'my module' is not a valid module name. Module names must be valid Python 3 identifiers.", e.getMessage());
    }

    @Test
    void modulesInATf1GraphGetUniqueScopes() {
        Graph g = tf.compat.v1.Graph();
        try (var scope = g.asDefault()) {
            Dense one = new Dense("dense");
            Dense two = new Dense("dense");
            assertEquals("dense/w:0", one.w.name());
            assertEquals("dense_1/w:0", two.w.name());
        }
        // eagerly, as in TF2, a module's scope is its name as given
        assertEquals("dense/w:0", new Dense("dense").w.name());
        assertEquals("dense/w:0", new Dense("dense").w.name());
    }
}
