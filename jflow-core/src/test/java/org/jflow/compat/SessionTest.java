package org.jflow.compat;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.FailedPreconditionError;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.RuntimeError;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;
import org.jflow.format.NumpyFormat;
import org.jflow.graph.Graph;
import org.jflow.graph.Node;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.compat.v1: the 30-day notes' static graph (001a G-G1), placeholders, sessions, TF1 variables. */
class SessionTest {
    private static final int[] SCALAR = new int[0];

    @Test
    void helloWorldStaticGraph() {
        // G-G1: string placeholders joined; the fetch is b'hello world'.
        Graph g = tf.compat.v1.Graph();
        Tensor x, y, z;
        try (var scope = g.asDefault()) {
            x = tf.compat.v1.placeholder(tf.string, SCALAR, "x");
            y = tf.compat.v1.placeholder(tf.string, SCALAR, "y");
            z = tf.strings.join(List.of(x, y), " ");
        }
        try (Session sess = tf.compat.v1.Session(g)) {
            Tensor result = sess.run(z, Map.of(x, "hello", y, "world"));
            assertEquals("b'hello world'", NumpyFormat.str(result));
            // fetches and nodes may be named as in TF: "StringJoin:0" is the tensor, "StringJoin" the node
            assertEquals("b'hello world'", NumpyFormat.str((Tensor) sess.run("StringJoin:0", Map.of(x, "hello", y, "world"))));
            assertEquals("The name 'StringJoin:1' refers to a Tensor which does not exist. The operation, 'StringJoin', exists"
                    + " but only has 1 outputs.", assertThrows(ValueError.class, () -> sess.run("StringJoin:1")).getMessage());
            assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), result.toBytesArray()[0]);
            assertEquals("x:0", x.name());
        }
    }

    /** y = (a*t1 + b*t2)*t3 - c*t4, with every input a placeholder. */
    private record Formula(Graph g, Tensor a, Tensor b, Tensor c, Tensor t1, Tensor t2, Tensor t3, Tensor t4, Tensor sum, Tensor y) {
        static Formula build() {
            Graph g = tf.compat.v1.Graph();
            try (var scope = g.asDefault()) {
                Tensor a = tf.compat.v1.placeholder(tf.float32, SCALAR, "a");
                Tensor b = tf.compat.v1.placeholder(tf.float32, SCALAR, "b");
                Tensor c = tf.compat.v1.placeholder(tf.float32, SCALAR, "c");
                Tensor t1 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t1");
                Tensor t2 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t2");
                Tensor t3 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t3");
                Tensor t4 = tf.compat.v1.placeholder(tf.float32, new int[] {2}, "t4");
                Tensor sum = tf.add(tf.multiply(a, t1), tf.multiply(b, t2));
                Tensor y = tf.subtract(tf.multiply(sum, t3), tf.multiply(c, t4));
                return new Formula(g, a, b, c, t1, t2, t3, t4, sum, y);
            }
        }
    }

    @Test
    void severalFeedsAndSeveralFetches() {
        Formula f = Formula.build();
        Map<Tensor, Object> feeds = new LinkedHashMap<>();
        feeds.put(f.a(), 1);   // Java ints become the float32 the placeholder wants
        feeds.put(f.b(), 2.0);
        feeds.put(f.c(), tf.constant(3.0f));
        feeds.put(f.t1(), new float[] {1, 2});
        feeds.put(f.t2(), new float[] {3, 4});
        feeds.put(f.t3(), new float[] {5, 6});
        feeds.put(f.t4(), new double[] {7, 8});
        try (Session sess = tf.compat.v1.Session(f.g())) {
            List<Tensor> out = sess.run(List.of(f.y(), f.sum()), feeds);
            // sum = (1+6, 2+8) = (7, 10); y = (35 - 21, 60 - 24)
            assertArrayEquals(new float[] {14, 36}, out.get(0).toFloatArray());
            assertArrayEquals(new float[] {7, 10}, out.get(1).toFloatArray());
            assertEquals(tf.float32, out.get(0).dtype());
            // a run needs only what its fetches need: sum without t3, t4 or c
            Map<Tensor, Object> fewer = Map.of(f.a(), 2, f.b(), 0, f.t1(), new float[] {1, 1}, f.t2(), new float[] {0, 0});
            assertArrayEquals(new float[] {2, 2}, sess.run(f.sum(), fewer).toFloatArray());
            // nested fetches come back in their structure
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("y", f.y());
            nested.put("inputs", new Object[] {f.a(), List.of(f.t1())});
            @SuppressWarnings("unchecked")
            Map<String, Object> got = (Map<String, Object>) sess.run(nested, feeds);
            assertArrayEquals(new float[] {14, 36}, ((Tensor) got.get("y")).toFloatArray());
            Object[] inputs = (Object[]) got.get("inputs");
            assertEquals(1.0f, ((Tensor) inputs[0]).floatValue());
            assertArrayEquals(new float[] {1, 2}, ((List<?>) inputs[1]).get(0) instanceof Tensor t ? t.toFloatArray() : null);
        }
    }

    @Test
    void feedErrorsAreTfs() {
        Formula f = Formula.build();
        try (Session sess = tf.compat.v1.Session(f.g())) {
            Map<Tensor, Object> noT3 = Map.of(f.a(), 1, f.b(), 1, f.c(), 1, f.t1(), new float[] {1, 1},
                    f.t2(), new float[] {1, 1}, f.t4(), new float[] {1, 1});
            InvalidArgumentError unfed = assertThrows(InvalidArgumentError.class, () -> sess.run(f.y(), noT3));
            assertEquals("You must feed a value for placeholder tensor 't3' with dtype float and shape [2]", unfed.getMessage());

            ValueError shape = assertThrows(ValueError.class, () -> sess.run(f.sum(), Map.of(f.a(), 1, f.b(), 1,
                    f.t1(), new float[] {1, 2, 3}, f.t2(), new float[] {1, 1})));
            assertEquals("Cannot feed value of shape (3,) for Tensor 't1:0', which has shape '(2,)'", shape.getMessage());

            Tensor symbolic = f.a();
            TypeError symbolicValue = assertThrows(TypeError.class, () -> sess.run(f.sum(), Map.of(f.a(), symbolic)));
            assertEquals("The value of a feed cannot be a tf.Tensor object.", symbolicValue.getMessage().substring(0, 49));
        }
    }

    @Test
    void fetchesMustBelongToTheSessionsGraph() {
        Formula f = Formula.build();
        Formula other = Formula.build();
        try (Session sess = tf.compat.v1.Session(f.g())) {
            ValueError e = assertThrows(ValueError.class, () -> sess.run(other.sum()));
            assertEquals("Fetch argument <tf.Tensor 'AddV2:0' shape=(2,) dtype=float32> cannot be interpreted as a Tensor."
                    + " (Tensor Tensor(\"AddV2:0\", shape=(2,), dtype=float32) is not an element of this graph.)", e.getMessage());
            TypeError eager = assertThrows(TypeError.class, () -> sess.run(tf.constant(1.0f)));
            assertEquals("Fetch argument <tf.Tensor: shape=(), dtype=float32, numpy=1.0> has invalid type <class 'EagerTensor'>,"
                    + " must be a string or Tensor. (Can not convert a EagerTensor into a Tensor or Operation.)", eager.getMessage());
            TypeError key = assertThrows(TypeError.class, () -> sess.run(f.sum(), Map.of(other.a(), 1)));
            assertEquals("Cannot interpret feed_dict key as Tensor: Tensor Tensor(\"a:0\", shape=(), dtype=float32) is not an element"
                    + " of this graph.", key.getMessage());
        }
        Session closed = tf.compat.v1.Session(f.g());
        closed.close();
        assertEquals("Attempted to use a closed Session.",
                assertThrows(RuntimeError.class, () -> closed.run(f.sum())).getMessage());
    }

    @Test
    void placeholderShapesMayBePartlyOrWhollyUnknown() {
        Graph g = tf.compat.v1.Graph();
        Tensor rows, any, rowSums, doubled;
        try (var scope = g.asDefault()) {
            rows = tf.compat.v1.placeholder(tf.float32, new int[] {-1, 2});
            any = tf.compat.v1.placeholder(tf.int32);
            rowSums = tf.reduceSum(rows, 1);
            doubled = tf.multiply(any, 2);
        }
        assertEquals("(None, 2)", rows.shape().toString());
        assertEquals("Placeholder_1:0", any.name());
        try (Session sess = tf.compat.v1.Session(g)) {
            assertArrayEquals(new float[] {3, 7, 11}, sess.run(rowSums, Map.of(rows, new float[][] {{1, 2}, {3, 4}, {5, 6}})).toFloatArray());
            assertArrayEquals(new int[] {2, 4, 6, 8}, sess.run(doubled, Map.of(any, new int[][] {{1, 2}, {3, 4}})).toIntArray());
            assertEquals(1, sess.run(doubled, Map.of(any, new int[][][] {{{7}}})).shape().get(2));
        }
        RuntimeError eager = assertThrows(RuntimeError.class, () -> tf.compat.v1.placeholder(tf.float32));
        assertEquals("tf.placeholder() is not compatible with eager execution.", eager.getMessage());
    }

    @Test
    void initialValuesComputedInTheGraphRunWithTheInitializer() {
        Graph g = tf.compat.v1.Graph();
        Variable w, scaled;
        Node init;
        try (var scope = g.asDefault()) {
            w = tf.Variable(tf.random.uniform(new int[] {2, 3}, 1.0, 2.0));
            scaled = tf.Variable(tf.multiply(w.initialValue(), 10.0f));
            init = tf.compat.v1.globalVariablesInitializer();
        }
        try (Session sess = tf.compat.v1.Session(g)) {
            sess.run(init);
            float[] first = w.value().toFloatArray(), tenfold = scaled.value().toFloatArray();
            for (int i = 0; i < first.length; i++) {
                assertTrue(first[i] >= 1 && first[i] < 2, "uniform in [1, 2): " + first[i]);
                assertEquals(first[i] * 10, tenfold[i], 1e-5f);
            }
        }
    }

    @Test
    void variablesWaitForTheirInitializer() {
        Graph g = tf.compat.v1.Graph();
        Variable v, w;
        Tensor y;
        Node init, increment;
        try (var scope = g.asDefault()) {
            v = tf.Variable(1.0f);
            w = tf.Variable(2.0f);
            y = tf.add(tf.multiply(v, w), 1.0f);
            init = tf.compat.v1.globalVariablesInitializer();
            v.assignAdd(10.0f);
            increment = g.operations().getLast();
        }
        assertEquals("Variable:0", v.name());
        assertEquals("Variable_1:0", w.name());
        assertEquals("init", init.name());
        assertEquals(List.of("Variable/Assign", "Variable_1/Assign"), init.controlInputs().stream().map(Node::name).toList());
        try (Session sess = tf.compat.v1.Session(g)) {
            FailedPreconditionError e = assertThrows(FailedPreconditionError.class, () -> sess.run(y));
            assertEquals("Error while reading resource variable Variable from Container: localhost. This could mean that the"
                    + " variable was uninitialized.", e.getMessage());
            assertNull(sess.run(init));
            assertEquals(3.0f, sess.run(y).floatValue());
            // without automatic control dependencies, reading y does not run the increment; running it does
            assertEquals(3.0f, sess.run(y).floatValue());
            sess.run(increment);
            assertEquals(23.0f, sess.run(y).floatValue());
            assertEquals(11.0f, ((Tensor) sess.run(v)).floatValue());
            sess.run(init);
            // a variable and a node in one fetch list: the value, and null for the node
            assertEquals("[1.0, null]", ((List<?>) sess.run(List.of(v, init))).stream()
                    .map(r -> r == null ? "null" : String.valueOf(((Tensor) r).floatValue())).toList().toString());
        }
    }

    @Test
    void printNodesPrintWhenRunOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Graph g = tf.compat.v1.Graph();
        Tensor x, squared;
        try (var scope = g.asDefault()) {
            x = tf.compat.v1.placeholder(tf.int32, SCALAR, "x");
            squared = tf.multiply(x, x);
            tf.print(o -> o.outputStream(stream), "x squared:", squared);
        }
        Node print = g.operation("PrintV2");
        try (Session sess = tf.compat.v1.Session()) {
            assertEquals(0, sess.graph().operations().size());
            assertEquals("The Session graph is empty. Add operations to the graph before calling run().",
                    assertThrows(RuntimeError.class, () -> sess.run(squared)).getMessage());
        }
        try (var scope = g.asDefault(); Session sess = tf.compat.v1.Session()) {
            assertEquals(9, sess.run(squared, Map.of(x, 3)).intValue());
            assertEquals("", bytes.toString(StandardCharsets.UTF_8));
            assertNull(sess.run(print, Map.of(x, 4)));
            assertEquals("x squared: 16\n", bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
