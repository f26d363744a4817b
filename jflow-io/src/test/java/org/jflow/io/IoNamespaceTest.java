package org.jflow.io;

import com.google.protobuf.TextFormat;
import org.jflow.Tensor;
import org.jflow.errors.TypeError;
import org.jflow.graph.Graph;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IoNamespaceTest {
    private final IoNamespace io = new IoNamespace();

    private static Graph addOne() {
        var f = tf.function((Tensor a) -> tf.add(a, 1f));
        return f.getConcreteFunction(tf.constant(new float[] {1, 2})).graph();
    }

    private static List<String> ops(GraphDef def) { return def.getNodeList().stream().map(NodeDef::getOp).toList(); }

    @Test
    void writeGraphWritesTextByDefaultIntoANewFolderAndReturnsThePath(@TempDir Path dir) throws Exception {
        String path = io.writeGraph(addOne(), dir.resolve("logs").toString(), "graph.pbtxt");

        assertEquals(dir.resolve("logs").resolve("graph.pbtxt").toString(), path);
        GraphDef def = TextFormat.parse(Files.readString(Path.of(path)), GraphDef.class);
        assertEquals(List.of("Placeholder", "Const", "AddV2"), ops(def));
    }

    @Test
    void writeGraphAsBinaryTakesAGraphDefToo(@TempDir Path dir) throws Exception {
        GraphDef def = GraphDefs.toGraphDef(addOne());
        String path = io.writeGraph(def, dir.toString(), "graph.pb", false);

        assertEquals(def, GraphDefs.readGraphDef(Path.of(path)));
    }

    @Test
    void writeGraphRefusesWhatIsNeitherAGraphNorAGraphDef(@TempDir Path dir) {
        TypeError e = assertThrows(TypeError.class, () -> io.writeGraph("graph", dir.toString(), "g.pbtxt"));
        assertEquals("write_graph expects a Graph or a GraphDef, got String", e.getMessage());
    }

    /** {@code tf.io}'s TFRecord and Example members, as the tutorial's writer and reader call them. */
    @Test
    void tfrecordWriterAndParsersReadAsInPython(@TempDir Path dir) {
        String path = dir.resolve("a.tfrecords").toString();
        try (var writer = io.TFRecordWriter(path, io.TFRecordOptions("GZIP"))) {
            writer.write(org.jflow.io.train.Example.of(java.util.Map.of("label", org.jflow.io.train.Feature.int64List(7)))
                    .serializeToString());
        }
        byte[] record;
        try (var reader = new org.jflow.io.tfrecord.TFRecordReader(path, "GZIP", 0)) {
            record = reader.next();
        }
        var parsed = io.parseSingleExample(Tensor.wrap(org.jflow.DType.STRING, org.jflow.Shape.scalar(), new byte[][] {record}),
                java.util.Map.of("label", io.FixedLenFeature(new int[] {}, org.jflow.DType.INT64),
                        "extra", io.VarLenFeature(org.jflow.DType.FLOAT32)));
        assertEquals("tf.Tensor(7, shape=(), dtype=int64)", parsed.get("label").toString());
        assertEquals(List.of("extra", "label"), List.copyOf(parsed.keySet()));
    }
}
