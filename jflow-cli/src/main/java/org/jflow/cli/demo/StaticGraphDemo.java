package org.jflow.cli.demo;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.compat.Session;
import org.jflow.format.NumpyFormat;
import org.jflow.graph.Graph;
import org.jflow.graph.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * The graphs chapter (静态计算图): TF1's two steps, define a graph of placeholders then run it in a
 * session, through {@code tf.compat.v1} (001a G-G1); a formula with several feeds and fetches,
 * where a run computes only what its fetches need; variables that wait for their initializer; then
 * the same string join eagerly and as a {@code tf.function} (G-G2, G-G3).
 */
final class StaticGraphDemo implements Demo {
    private static final int[] SCALAR = new int[0];

    @Override
    public String name() { return "static-graph"; }

    @Override
    public String summary() { return "TF1 graphs through tf.compat.v1: placeholders, Session.run with feeds and fetches, initializers"; }

    @Override
    public void run(Transcript t) {
        CapturedOutput out = new CapturedOutput();
        t.section("TF1 static graph (tf.compat.v1)");
        helloWorld(t);
        t.section("y = (a*t1 + b*t2)*t3 - c*t4");
        formula(t);
        t.section("Variables and their initializer");
        variables(t, out);
        t.section("Eager execution and tf.function");
        eagerAndFunction(t, out);
    }

    private static void helloWorld(Transcript t) {
        Graph g = tf.compat.v1.Graph();
        Tensor x, y, z;
        try (var scope = g.asDefault()) {
            x = tf.compat.v1.placeholder(tf.string, SCALAR, "x");
            y = tf.compat.v1.placeholder(tf.string, SCALAR, "y");
            z = tf.strings.join(List.of(x, y), " ");
        }
        t.note("the graph, one node a line");
        t.print(g.toString().stripTrailing());
        t.note("TF's sess.run returns NumPy values; JFlow's returns eager tensors, printed here as NumPy prints them");
        try (Session sess = tf.compat.v1.Session(g)) {
            t.show("sess.run(z, Map.of(x, \"hello\", y, \"world\"))", () -> NumpyFormat.str(sess.run(z, Map.of(x, "hello", y, "world"))));
        }
    }

    private static void formula(Transcript t) {
        Graph g = tf.compat.v1.Graph();
        Tensor a, b, c, t1, t2, t3, t4, sum, y;
        try (var scope = g.asDefault()) {
            a = tf.compat.v1.placeholder(tf.float32, SCALAR, "a");
            b = tf.compat.v1.placeholder(tf.float32, SCALAR, "b");
            c = tf.compat.v1.placeholder(tf.float32, SCALAR, "c");
            t1 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t1");
            t2 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t2");
            t3 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t3");
            t4 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t4");
            sum = tf.add(tf.multiply(a, t1), tf.multiply(b, t2));
            y = tf.subtract(tf.multiply(sum, t3), tf.multiply(c, t4));
        }
        Map<Tensor, Object> feeds = new LinkedHashMap<>();
        feeds.put(a, 1);
        feeds.put(b, 2);
        feeds.put(c, 3);
        feeds.put(t1, new float[] {1, 2});
        feeds.put(t2, new float[] {3, 4});
        feeds.put(t3, new float[] {5, 6});
        feeds.put(t4, new float[] {7, 8});
        t.note("feeds: a=1, b=2, c=3, t1=[1, 2], t2=[3, 4], t3=[5, 6], t4=[7, 8] (Java ints become the placeholders' float32)");
        try (Session sess = tf.compat.v1.Session(g)) {
            t.show("sess.run(List.of(y, sum), feeds)", () -> numpyList(sess.run(List.of(y, sum), feeds)));
            t.note("a run computes only what its fetches need: sum without c, t3 or t4");
            t.show("sess.run(sum, Map.of(a, 1, b, 2, t1, new float[] {1, 2}, t2, new float[] {3, 4}))",
                    () -> NumpyFormat.str(sess.run(sum, Map.of(a, 1, b, 2, t1, new float[] {1, 2}, t2, new float[] {3, 4}))));
            Map<Tensor, Object> noT3 = new LinkedHashMap<>(feeds);
            noT3.remove(t3);
            t.showError("sess.run(y, feedsWithoutT3)", () -> sess.run(y, noT3));
            Map<Tensor, Object> longT1 = new LinkedHashMap<>(feeds);
            longT1.put(t1, new float[] {1, 2, 3});
            t.showError("sess.run(y, feedsWithT1OfThree)", () -> sess.run(y, longT1));
        }
    }

    private static String numpyList(List<Tensor> values) {
        return values.stream().map(NumpyFormat::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void variables(Transcript t, CapturedOutput out) {
        Graph g = tf.compat.v1.Graph();
        Tensor x, y;
        Variable w, b;
        Node init, printY;
        try (var scope = g.asDefault()) {
            x = tf.compat.v1.placeholder(tf.float32, new int[] {-1}, "x");
            w = tf.Variable(2.0, "w");
            b = tf.Variable(1.0, "b");
            y = tf.add(tf.multiply(w, x), b);
            init = tf.compat.v1.globalVariablesInitializer();
            tf.print(o -> o.outputStream(out.stream), "y =", y);
            printY = g.operation("PrintV2");
        }
        Map<Tensor, Object> feeds = Map.of(x, new float[] {1, 2, 3});
        try (Session sess = tf.compat.v1.Session(g)) {
            t.showError("sess.run(y, Map.of(x, new float[] {1, 2, 3}))", () -> sess.run(y, feeds));
            t.note("the initializer is a NoOp node after one AssignVariableOp per variable; a node fetch returns null");
            t.show("init.controlInputs()", init::controlInputs);
            t.show("sess.run(init)", () -> sess.run(init));
            t.show("sess.run(y, Map.of(x, new float[] {1, 2, 3}))", () -> NumpyFormat.str(sess.run(y, feeds)));
            t.note("a tf.print node prints when a run needs it, and only then");
            out.step(t, "sess.run(printY, Map.of(x, new float[] {1, 2, 3}))", () -> sess.run(printY, feeds));
        }
    }

    private static void eagerAndFunction(Transcript t, CapturedOutput out) {
        t.note("eagerly, each op runs as it is called");
        t.print("jflow> tf.print(tf.strings.join(List.of(tf.constant(\"hello\"), tf.constant(\"world\")), \" \"))");
        t.tfPrint(tf.strings.join(List.of(tf.constant("hello"), tf.constant("world")), " "));
        t.note("@tf.function: the graph is traced on the first call and run on every call, same output");
        var strjoin = tf.function((Tensor x, Tensor y) -> {
            Tensor z = tf.strings.join(List.of(x, y), " ");
            tf.print(o -> o.outputStream(out.stream), z);
            return z;
        });
        Tensor[] result = new Tensor[1];
        out.step(t, "result = strjoin.call(tf.constant(\"hello\"), tf.constant(\"world\"))",
                () -> result[0] = strjoin.call(tf.constant("hello"), tf.constant("world")));
        t.show("result", () -> result[0]);
    }
}
