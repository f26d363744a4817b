package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.Graph;
import org.jflow.graph.Program;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.DataType;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.jflow.io.proto.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphDefsTest {
    private static NodeDef node(GraphDef def, String name) {
        return def.getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Program multiplyAddOne() {
        var f = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), 1f));
        return f.getConcreteFunction(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, 4})).program();
    }

    @Test
    void tracedFunctionParsesBackWithNamesOpsInputsAndAttrs() throws IOException {
        byte[] bytes = GraphDefs.toGraphDef(multiplyAddOne()).toByteArray();
        GraphDef def = GraphDef.parseFrom(bytes);

        assertEquals(List.of("args_0", "args_1", "Mul", "Const", "AddV2"), def.getNodeList().stream().map(NodeDef::getName).toList());
        assertEquals(List.of("Placeholder", "Placeholder", "Mul", "Const", "AddV2"), def.getNodeList().stream().map(NodeDef::getOp).toList());
        assertEquals(List.of("args_0", "args_1"), node(def, "Mul").getInputList());
        assertEquals(List.of("Mul", "Const"), node(def, "AddV2").getInputList());
        assertEquals(DataType.DT_FLOAT, node(def, "AddV2").getAttrOrThrow("T").getType());
        assertEquals(DataType.DT_FLOAT, node(def, "args_0").getAttrOrThrow("dtype").getType());
        assertEquals(2, node(def, "args_0").getAttrOrThrow("shape").getShape().getDim(0).getSize());
        assertFalse(node(def, "args_0").containsAttr("name"));
        assertEquals(1394, def.getVersions().getProducer());

        TensorProto value = node(def, "Const").getAttrOrThrow("value").getTensor();
        assertEquals(DataType.DT_FLOAT, value.getDtype());
        assertEquals(0, value.getTensorShape().getDimCount());
        assertEquals(1f, ByteBuffer.wrap(value.getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        assertEquals(4, value.getTensorContent().size());
    }

    @Test
    void variableBecomesAVarHandleOpFeedingItsReadsAndWrites() {
        Variable v = new Variable(tf.constant(new float[] {1, 2}), o -> o.name("v"));
        var f = tf.function((Tensor x) -> {
            v.assignAdd(x);
            return v.value();
        });
        GraphDef def = GraphDefs.toGraphDef(f.getConcreteFunction(tf.constant(new float[] {3, 4})).program());

        // v.assign_add(x) is TF's one AssignAddVariableOp on the handle, as in TF's graphs
        assertEquals(List.of("args_0", "v", "AssignAddVariableOp", "ReadVariableOp"),
                def.getNodeList().stream().map(NodeDef::getName).toList());
        NodeDef handle = node(def, "v");
        assertEquals("VarHandleOp", handle.getOp());
        assertEquals(DataType.DT_FLOAT, handle.getAttrOrThrow("dtype").getType());
        assertEquals(2, handle.getAttrOrThrow("shape").getShape().getDim(0).getSize());
        assertEquals("v", handle.getAttrOrThrow("shared_name").getS().toStringUtf8());
        assertEquals(List.of("v", "args_0"), node(def, "AssignAddVariableOp").getInputList());
        assertEquals(List.of("v", "^AssignAddVariableOp"), node(def, "ReadVariableOp").getInputList());
        assertEquals(DataType.DT_FLOAT, node(def, "AssignAddVariableOp").getAttrOrThrow("dtype").getType());
        assertFalse(node(def, "ReadVariableOp").containsAttr("variable"));
    }

    @Test
    void stringConstantIsWrittenAsStringValues() {
        Graph g = new Graph();
        g.constant(tf.constant(new String[] {"hello", "wörld"}));
        TensorProto t = GraphDefs.toGraphDef(g).getNode(0).getAttrOrThrow("value").getTensor();
        assertEquals(DataType.DT_STRING, t.getDtype());
        assertEquals(List.of(ByteString.copyFromUtf8("hello"), ByteString.copyFromUtf8("wörld")), t.getStringValList());
        assertTrue(t.getTensorContent().isEmpty());
        assertEquals(2, t.getTensorShape().getDim(0).getSize());
    }

    @Test
    void otherOutputsUnknownDimsAndJavaAttrs() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(-1, 4), "x");
        Tensor y = g.placeholder(tf.int64, Shape.unknownRank(), "y");
        try (var scope = g.asDefault()) {
            List<Tensor> parts = tf.split(x, 2, 1);
            tf.print(tf.reduceSum(tf.matmul(parts.get(1), parts.get(0), o -> o.transposeB(true)), new int[] {0}, true), y);
        }
        GraphDef def = GraphDefs.toGraphDef(g);

        AttrValue xShape = node(def, "x").getAttrOrThrow("shape");
        assertEquals(-1, xShape.getShape().getDim(0).getSize());
        assertTrue(node(def, "y").getAttrOrThrow("shape").getShape().getUnknownRank());
        assertEquals(DataType.DT_INT64, node(def, "y").getAttrOrThrow("dtype").getType());

        NodeDef matmul = node(def, "MatMul");
        assertEquals(List.of("Split:1", "Split"), matmul.getInputList());
        assertFalse(matmul.getAttrOrThrow("transpose_a").getB());
        assertTrue(matmul.getAttrOrThrow("transpose_b").getB());
        NodeDef sum = node(def, "Sum");
        assertTrue(sum.getAttrOrThrow("keep_dims").getB());
        assertEquals(2, node(def, "Split").getAttrOrThrow("_output_shapes").getList().getShapeCount());
        assertEquals(2, node(def, "Split").getAttrOrThrow("num_split").getI());

        NodeDef print = node(def, "PrintV2");
        assertTrue(print.getAttrOrThrow(GraphDefs.UNEXPORTED).getList().getSCount() > 0);
        for (ByteString key : print.getAttrOrThrow(GraphDefs.UNEXPORTED).getList().getSList()) {
            assertFalse(print.containsAttr(key.toStringUtf8()));
        }
    }

    @Test
    void attributesTfTakesAsInputsBecomeConstInputs() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(2, 4), "x");
        try (var scope = g.asDefault()) {
            tf.reduceSum(tf.split(x, 2, 1).get(0), new int[] {0}, true);
            tf.reduceMean(tf.concat(List.of(x, x), 1));
            tf.pad(tf.reshape(x, new int[] {4, 2}), new int[][] {{1, 1}, {0, 0}});
        }
        GraphDef def = GraphDefs.toGraphDef(g);
        assertEquals(List.of("x", "Split/axis", "Split", "Sum/axis", "Sum", "ConcatV2/axis", "ConcatV2", "Mean/axis", "Mean",
                "Reshape/shape", "Reshape", "Pad/paddings", "Pad"), def.getNodeList().stream().map(NodeDef::getName).toList());
        assertEquals(List.of("Split/axis", "x"), node(def, "Split").getInputList());
        assertEquals(List.of("Split", "Sum/axis"), node(def, "Sum").getInputList());
        assertEquals(List.of("x", "x", "ConcatV2/axis"), node(def, "ConcatV2").getInputList());
        assertEquals(2, node(def, "ConcatV2").getAttrOrThrow("N").getI());
        assertEquals(DataType.DT_INT32, node(def, "Sum").getAttrOrThrow("Tidx").getType());
        assertEquals(DataType.DT_INT32, node(def, "Reshape").getAttrOrThrow("Tshape").getType());
        assertFalse(node(def, "Sum").containsAttr("axis"));
        assertFalse(node(def, "Reshape").containsAttr("shape"));

        assertArrayEquals(new int[] {1}, constant(def, "Split/axis").toIntArray());
        assertEquals(0, constant(def, "Split/axis").rank());
        assertArrayEquals(new int[] {0}, constant(def, "Sum/axis").toIntArray());
        assertArrayEquals(new int[] {0, 1}, constant(def, "Mean/axis").toIntArray());
        assertArrayEquals(new int[] {4, 2}, constant(def, "Reshape/shape").toIntArray());
        assertEquals(Shape.of(2, 2), constant(def, "Pad/paddings").shape());
        assertArrayEquals(new int[] {1, 1, 0, 0}, constant(def, "Pad/paddings").toIntArray());
    }

    @Test
    void broadcastGradientOnAnUnknownBatchSumsOverTheAxesBroadcastGradientArgsGives() {
        var f = tf.function((Tensor x, Tensor b) -> {
            try (var tape = tf.GradientTape()) {
                tape.watch(b);
                return tape.gradient(tf.add(x, b), b);
            }
        }, o -> o.inputSignature(tf.TensorSpec(new int[] {-1, 3}, tf.float32), tf.TensorSpec(new int[] {1, 3}, tf.float32)));
        GraphDef def = GraphDefs.toGraphDef(f.getConcreteFunction(tf.zeros(2, 3), tf.zeros(1, 3)).graph());
        NodeDef args = def.getNodeList().stream().filter(n -> n.getOp().equals("BroadcastGradientArgs")).findFirst().orElseThrow();
        NodeDef sum = def.getNodeList().stream().filter(n -> n.getOp().equals("Sum")).findFirst().orElseThrow();
        // TF's form: the reduction's axes are BroadcastGradientArgs' first output, no constant axes beside it
        assertEquals(2, sum.getInputCount());
        assertEquals(args.getName(), sum.getInput(1).split(":")[0]);
        assertFalse(sum.containsAttr("axis"));
    }

    @Test
    void theDeclarationSaysWhichInputsAreAttributesAndWhichTypeAttributesTfNeeds() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(2, 3), "x");
        try (var scope = g.asDefault()) {
            tf.cumsum(x, 1);
            tf.reverse(x, 1);
            tf.scatterNd(tf.constant(new long[][] {{1}}), tf.constant(new float[] {5}), new int[] {4});
            tf.unstack(x, 1);
        }
        GraphDef def = GraphDefs.toGraphDef(g);
        assertEquals(List.of("x", "Cumsum/axis"), node(def, "Cumsum").getInputList());
        assertEquals(DataType.DT_INT32, node(def, "Cumsum").getAttrOrThrow("Tidx").getType());
        assertEquals(1, constant(def, "Cumsum/axis").toIntArray()[0]);
        assertEquals(List.of("x", "ReverseV2/axis"), node(def, "ReverseV2").getInputList());
        assertArrayEquals(new int[] {1}, constant(def, "ReverseV2/axis").toIntArray());
        // TF types ScatterNd's shape with the indices' Tindices: the constant takes their int64
        assertEquals(DataType.DT_INT64, node(def, "ScatterNd").getAttrOrThrow("Tindices").getType());
        assertArrayEquals(new long[] {4}, constant(def, "ScatterNd/shape").toLongArray());
        // Unpack's num, left to its declared default, is the node's output count
        assertEquals(3, node(def, "Unpack").getAttrOrThrow("num").getI());
        assertEquals(DataType.DT_FLOAT, node(def, "Unpack").getAttrOrThrow("T").getType());

        Graph back = GraphDefImporter.toGraph(def);
        var cumsum = back.operations().stream().filter(n -> n.type().equals("Cumsum")).findFirst().orElseThrow();
        assertEquals(1, cumsum.numInputs());
        assertEquals(1, cumsum.attrs().getInt("axis"));
    }

    private static Tensor constant(GraphDef def, String name) {
        return TensorCodec.toTensor(node(def, name).getAttrOrThrow("value").getTensor());
    }

    @Test
    void listOpsGetTheirInputCount() {
        Graph g = new Graph();
        try (var scope = g.asDefault()) {
            tf.addN(List.of(tf.constant(new long[] {5, 6}), tf.constant(new long[] {1, 1}), tf.constant(new long[] {0, 2})));
            tf.strings.join(List.of(tf.constant("a"), tf.constant("b")), "-");
        }
        GraphDef def = GraphDefs.toGraphDef(g);
        assertEquals(3, node(def, "AddN").getAttrOrThrow("N").getI());
        assertEquals(DataType.DT_INT64, node(def, "AddN").getAttrOrThrow("T").getType());
        assertEquals(2, node(def, "StringJoin").getAttrOrThrow("N").getI());
        assertEquals("-", node(def, "StringJoin").getAttrOrThrow("separator").getS().toStringUtf8());
    }

    @Test
    void textFormatOfATinyGraph() {
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(-1), "x");
        try (var scope = g.asDefault()) {
            tf.negative(x);
        }
        assertEquals("""
                node {
                  name: "x"
                  op: "Placeholder"
                  attr {
                    key: "_output_shapes"
                    value {
                      list {
                        shape {
                          dim {
                            size: -1
                          }
                        }
                      }
                    }
                  }
                  attr {
                    key: "dtype"
                    value {
                      type: DT_FLOAT
                    }
                  }
                  attr {
                    key: "shape"
                    value {
                      shape {
                        dim {
                          size: -1
                        }
                      }
                    }
                  }
                }
                node {
                  name: "Neg"
                  op: "Neg"
                  input: "x"
                  attr {
                    key: "T"
                    value {
                      type: DT_FLOAT
                    }
                  }
                  attr {
                    key: "_output_shapes"
                    value {
                      list {
                        shape {
                          dim {
                            size: -1
                          }
                        }
                      }
                    }
                  }
                }
                versions {
                  producer: 1394
                }
                """, GraphDefs.toText(GraphDefs.toGraphDef(g)));
    }

    @Test
    void writesWholeFilesOnly(@TempDir Path dir) throws IOException {
        Program p = multiplyAddOne();
        Path pb = dir.resolve("logs/graph.pb");
        GraphDefs.writeGraphDef(p, pb);
        assertEquals(GraphDefs.toGraphDef(p), GraphDefs.readGraphDef(pb));
        GraphDefs.write(GraphDefs.toGraphDef(p), dir.resolve("logs/graph.pbtxt"), true);
        assertEquals(GraphDefs.toText(GraphDefs.toGraphDef(p)), Files.readString(dir.resolve("logs/graph.pbtxt")));
        try (var files = Files.list(dir.resolve("logs"))) {
            assertEquals(List.of("graph.pb", "graph.pbtxt"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // The file gets the permissions of any file written there, not a temporary file's owner-only ones.
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(pb));
    }
}
