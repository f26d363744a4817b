package org.jflow.io;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.UnimplementedError;
import org.jflow.graph.ConcreteFunction;
import org.jflow.graph.Executor;
import org.jflow.graph.Graph;
import org.jflow.graph.Node;
import org.jflow.graph.Program;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GraphDefImporterTest {
    /** Runs {@code graph} from the placeholders named {@code feeds} to output 0 of {@code fetch}. */
    private static Tensor run(Graph graph, List<String> feeds, String fetch, Tensor... values) {
        List<Tensor> feedTensors = feeds.stream().map(f -> graph.operation(f).output(0)).toList();
        return new Executor(graph, feedTensors, List.of(graph.operation(fetch).output(0)), true).run(values)[0];
    }

    private static List<String> summary(Graph g) {
        return g.operations().stream().map(n -> n.name() + "=" + n.type() + n.attrs()).toList();
    }

    @Test
    void tracedFunctionRoundTripsToTheSameNodesAndResults() throws Exception {
        var f = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), 1f));
        Tensor a = tf.constant(new float[] {1, 2});
        Tensor b = tf.constant(new float[] {3, 4});
        ConcreteFunction cf = f.getConcreteFunction(a, b);
        GraphDef def = GraphDef.parseFrom(GraphDefs.toGraphDef(cf.program()).toByteArray());

        Graph imported = GraphDefImporter.toGraph(def);
        assertEquals(cf.graph().operations().stream().map(Node::name).toList(), imported.operations().stream().map(Node::name).toList());
        assertEquals(cf.graph().toString(), imported.toString());
        Tensor expected = (Tensor) cf.call(a, b);
        Tensor actual = run(imported, List.of("args_0", "args_1"), "AddV2", a, b);
        assertArrayEquals(new float[] {4, 9}, expected.toFloatArray());
        assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
    }

    @Test
    void attributesMultipleOutputsAndStringsComeBack() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(-1, 4), "x");
        try (var scope = g.asDefault()) {
            List<Tensor> parts = tf.split(x, 2, 1);
            Tensor m = tf.matmul(parts.get(1), parts.get(0), o -> o.transposeB(true));
            tf.reduceSum(m, new int[] {0}, true);
            tf.strings.join(List.of(tf.constant(new String[] {"a", "b"}), tf.constant("c")), "-");
        }
        Graph imported = GraphDefImporter.toGraph(GraphDefs.toGraphDef(g));
        assertEquals(g.toString(), imported.toString());
        assertEquals(summary(g).size(), summary(imported).size());

        Tensor feed = tf.constant(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        assertArrayEquals(run(g, List.of("x"), "Sum", feed).toFloatArray(), run(imported, List.of("x"), "Sum", feed).toFloatArray());
        assertArrayEquals(new float[] {34, 122}, run(imported, List.of("x"), "Sum", feed).toFloatArray());
        assertArrayEquals(new String[] {"a-c", "b-c"}, run(imported, List.of(), "StringJoin").toStringArray());
    }

    @Test
    void opsWithAttributesTfTakesAsInputsRoundTripToEqualResults() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(2, 4), "x");
        try (var scope = g.asDefault()) {
            tf.split(x, new int[] {1, 3}, 1);
            tf.reduceSum(x);
            tf.reduceMax(x, new int[] {1}, true);
            tf.transpose(tf.concat(List.of(x, x), 0));
            tf.tile(tf.expandDims(x, 0), new int[] {1, 1, 2});
            tf.gather(x, tf.constant(new int[] {1}), 1);
            tf.argmax(x, 1);
            tf.fill(new int[] {2}, 3f);
            tf.slice(x, new int[] {0, 1}, new int[] {1, 2});
            tf.pad(x, new int[][] {{1, 1}, {0, 0}});
            tf.oneHot(tf.constant(new int[] {1}), 3);
        }
        Graph imported = GraphDefImporter.toGraph(GraphDef.newBuilder(GraphDefs.toGraphDef(g)).build());
        assertEquals(g.toString(), imported.toString());
        Tensor feed = tf.constant(new float[][] {{0, 1, 2, 3}, {4, 5, 6, 7}});
        for (Node n : g.operations()) {
            if (n.numOutputs() == 0 || n.type().equals("Placeholder")) continue;
            Tensor expected = new Executor(g, List.of(x), List.of(n.output(0)), true).run(feed)[0];
            Tensor actual = run(imported, List.of("x"), n.name(), feed);
            assertEquals(expected.shape(), actual.shape(), n.name());
            assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), n.name());
        }
        assertArrayEquals(new float[] {28}, run(imported, List.of("x"), "Sum", feed).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0}, run(imported, List.of("x"), "Pad", feed).toFloatArray());
    }

    @Test
    void anAttributeInputMustBeAConstant() {
        GraphDef def = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder")
                        .putAttr("dtype", AttrCodec.of(tf.float32)).putAttr("shape", AttrCodec.of(Shape.of(2))))
                .addNode(NodeDef.newBuilder().setName("axes").setOp("Placeholder")
                        .putAttr("dtype", AttrCodec.of(tf.int32)).putAttr("shape", AttrCodec.of(Shape.of(1))))
                .addNode(NodeDef.newBuilder().setName("Mean").setOp("Mean").addInput("x").addInput("axes"))
                .build();
        UnimplementedError e = assertThrows(UnimplementedError.class, () -> GraphDefImporter.toGraph(def));
        assertEquals("JFlow's Mean takes 'axis' as an attribute: input 'axes' of node 'Mean' must be a Const", e.getMessage());
    }

    @Test
    void sumTakesItsAxesAsATensorToo() {
        // JFlow's Sum also takes TF's reduction_indices as an input (a gradient's, from BroadcastGradientArgs)
        GraphDef def = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder")
                        .putAttr("dtype", AttrCodec.of(tf.float32)).putAttr("shape", AttrCodec.of(Shape.of(2, 3))))
                .addNode(NodeDef.newBuilder().setName("axes").setOp("Placeholder")
                        .putAttr("dtype", AttrCodec.of(tf.int32)).putAttr("shape", AttrCodec.of(Shape.of(1))))
                .addNode(NodeDef.newBuilder().setName("Sum").setOp("Sum").addInput("x").addInput("axes"))
                .build();
        Graph g = GraphDefImporter.toGraph(def);
        var sum = g.operations().stream().filter(n -> n.type().equals("Sum")).findFirst().orElseThrow();
        assertEquals(2, sum.numInputs());
        assertEquals(Shape.unknownRank(), sum.output(0).shape());
    }

    @Test
    void unknownOpsAreNamed() {
        GraphDef def = GraphDef.newBuilder().addNode(NodeDef.newBuilder().setName("h").setOp("HashTableV2")).build();
        NotFoundError e = assertThrows(NotFoundError.class, () -> GraphDefImporter.toGraph(def));
        assertEquals("Op type not registered 'HashTableV2' in JFlow (node 'h')", e.getMessage());
    }

    @Test
    void programOutputsCanBeRunAfterImport() {
        Program p = tf.function((Tensor v) -> tf.nn.relu(tf.negative(v))).getConcreteFunction(tf.constant(new float[] {1, -2})).program();
        Graph imported = GraphDefImporter.toGraph(GraphDefs.toGraphDef(p));
        String out = p.outputs().get(0).op().name();
        assertArrayEquals(new float[] {0, 2}, run(imported, List.of("args_0"), out, tf.constant(new float[] {1, -2})).toFloatArray());
    }
}
