package org.jflow.cli.demo;

import org.jflow.Module;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.format.TensorFormat;
import org.jflow.graph.PolymorphicFunction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * The AutoGraph chapter: how a {@code tf.function} traces (Java statements run once per trace,
 * {@code tf.print} on every call) and retraces (001a G-A7 to G-A10); why to use TF's random ops
 * (G-A1, G-A2), variables from outside (G-A3) and not inside (G-A4), and no Java lists (G-A5,
 * G-A6); then {@code tf.Module} keeping a function's variables together (G-MO1 to G-MO8).
 */
final class AutographDemo implements Demo {
    @Override
    public String name() { return "autograph"; }

    @Override
    public String summary() { return "tf.function tracing and retracing, AutoGraph's coding rules, tf.Module"; }

    @Override
    public void run(Transcript t) {
        CapturedOutput out = new CapturedOutput();
        t.section("Tracing and retracing");
        tracing(t, out);
        t.section("Rule 1: TF's functions, not Java's");
        randomness(t, out);
        t.section("Rule 2: no tf.Variable created inside");
        variables(t, out);
        t.section("Rule 3: no Java lists changed inside");
        lists(t);
        t.section("tf.Module");
        modules(t, out);
    }

    private static void tracing(Transcript t, CapturedOutput out) {
        PrintStream s = out.stream;
        var myadd = tf.function((Tensor a, Tensor b) -> {
            // AutoGraph's `for i in tf.range(3): tf.print(i)`: one While node whose body prints
            tf.forRange(3, i -> tf.print(o -> o.outputStream(s), i));
            Tensor c = a.add(b);
            s.println("tracing");
            return c;
        });
        t.note("\"tracing\" is a Java println: it runs while the graph is traced, before the graph prints 0 1 2");
        out.step(t, "myadd.call(tf.constant(\"hello\"), tf.constant(\"world\"))", () -> myadd.call(tf.constant("hello"), tf.constant("world")));
        t.note("same dtypes and shapes: the graph is reused");
        out.step(t, "myadd.call(tf.constant(\"good\"), tf.constant(\"morning\"))", () -> myadd.call(tf.constant("good"), tf.constant("morning")));
        t.note("a new dtype traces a new graph");
        out.step(t, "myadd.call(tf.constant(1), tf.constant(2))", () -> myadd.call(tf.constant(1), tf.constant(2)));
        t.note("Java values are part of the signature: every new value retraces");
        out.step(t, "myadd.call(\"hello\", \"world\")", () -> myadd.call("hello", "world"));
        out.step(t, "myadd.call(\"good\", \"morning\")", () -> myadd.call("good", "morning"));
        t.show("myadd.tracingCount()", myadd::tracingCount);
    }

    private static void randomness(Transcript t, CapturedOutput out) {
        PrintStream s = out.stream;
        Random javaRandom = new Random(2020);
        var npRandom = tf.function(() -> {
            double[][] a = new double[3][3];
            for (double[] row : a) for (int j = 0; j < 3; j++) row[j] = javaRandom.nextGaussian();
            tf.print(o -> o.outputStream(s), tf.constant(a));
        });
        t.note("a Java random draw happens once, while tracing: the graph holds it as a constant");
        out.step(t, "npRandom.call()", npRandom::call);
        out.step(t, "npRandom.call()", npRandom::call);
        var tfRandom = tf.function(() -> tf.print(o -> o.outputStream(s), tf.random.normal(new int[] {3, 3})));
        t.note("tf.random.normal is an op of the graph: it draws again on every call");
        out.step(t, "tfRandom.call()", tfRandom::call);
        out.step(t, "tfRandom.call()", tfRandom::call);
    }

    private static void variables(Transcript t, CapturedOutput out) {
        PrintStream s = out.stream;
        Variable x = tf.Variable(1.0, o -> o.dtype(tf.float32));
        var outerVar = tf.function(() -> {
            x.assignAdd(1.0);
            tf.print(o -> o.outputStream(s), x);
            return x;
        });
        out.step(t, "outerVar.call()", outerVar::call);
        out.step(t, "outerVar.call()", outerVar::call);
        var innerVar = tf.function((Tensor step) -> {
            Variable inner = tf.Variable(1.0, o -> o.dtype(tf.float32));
            inner.assignAdd(step);
            tf.print(o -> o.outputStream(s), inner);
            return inner;
        });
        t.note("as TF, a first call that creates variables traces twice, the second time with creation forbidden:"
                + " a tf.Variable made on every trace fails on the first call");
        t.showError("innerVar.call(tf.constant(1.0f))", () -> innerVar.call(tf.constant(1.0f)));
    }

    private static void lists(Transcript t) {
        List<Tensor> eagerList = new ArrayList<>();
        for (float v : new float[] {5.0f, 6.0f}) eagerList.add(tf.constant(v));
        t.note("appending eagerly keeps the values");
        t.show("tensorList", () -> TensorFormat.reprList(eagerList));
        List<Tensor> tensorList = new ArrayList<>();
        var appendTensor = tf.function((Tensor x) -> {
            tensorList.add(x);
            return x;
        }, f -> f.argNames("x"));
        appendTensor.call(tf.constant(5.0f));
        appendTensor.call(tf.constant(6.0f));
        t.note("inside a tf.function the list gets the graph's symbolic input, once: the second call does not trace");
        t.show("tensorList", () -> TensorFormat.reprList(tensorList));
    }

    /** The chapter's DemoModule: the variable is made in the module's name scope, the function adds to it. */
    static final class DemoModule extends Module {
        final Variable x;
        final PolymorphicFunction<Variable> addprint;

        DemoModule(Tensor initValue, PrintStream s) {
            try (var scope = nameScope()) {
                x = tf.Variable(initValue, o -> o.dtype(tf.float32).trainable(true));
            }
            addprint = tf.function((Tensor a) -> {
                try (var scope = nameScope()) {
                    x.assignAdd(a);
                    tf.print(o -> o.outputStream(s), x);
                    return x;
                }
            }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32)));
        }
    }

    private static void modules(Transcript t, CapturedOutput out) {
        PrintStream s = out.stream;
        Variable x = tf.Variable(1.0, o -> o.dtype(tf.float32));
        var addPrint = tf.function((Tensor a) -> {
            x.assignAdd(a);
            tf.print(o -> o.outputStream(s), x);
            return x;
        }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32)));
        out.step(t, "addPrint.call(tf.constant(3.0f))", () -> addPrint.call(tf.constant(3.0f)));
        t.showError("addPrint.call(tf.constant(3))", () -> addPrint.call(tf.constant(3)));

        t.note("the same, with the variable kept in a module");
        DemoModule[] demo = new DemoModule[1];
        out.step(t, "demo = new DemoModule(tf.constant(1.0f)); demo.addprint.call(tf.constant(5.0f))", () -> {
            demo[0] = new DemoModule(tf.constant(1.0f), s);
            demo[0].addprint.call(tf.constant(5.0f));
        });
        t.show("demo.variables()", demo[0]::variables);
        t.show("demo.trainableVariables()", demo[0]::trainableVariables);
        t.show("demo.submodules()", demo[0]::submodules);

        t.note("or a plain module with attributes attached");
        Module mymodule = tf.Module();
        Variable mx = mymodule.track("x", tf.Variable(0.0));
        mymodule.track("addprint", tf.function((Tensor a) -> {
            mx.assignAdd(a);
            tf.print(o -> o.outputStream(s), mx);
            return mx;
        }, f -> f.inputSignature(tf.TensorSpec(new int[0], tf.float32))));
        Object[] value = new Object[1];
        out.step(t, "mymodule.<PolymorphicFunction<Variable>>get(\"addprint\").call(tf.constant(1.0f)).numpy()",
                () -> value[0] = mymodule.<PolymorphicFunction<Variable>>get("addprint").call(tf.constant(1.0f)).value().numpy());
        t.print(TensorFormat.repr(value[0]));
        t.show("mymodule.variables()", mymodule::variables);
    }
}
