package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ResourceExhaustedError;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.DataType;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.jflow.io.proto.TensorProto;
import org.jflow.io.proto.TensorShapeProto;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GraphDef is checked node by node before anything is allocated; what does not fit is one of TF's errors. */
class GraphDefValidationTest {
    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        for (long d : dims) b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return b.build();
    }

    private static NodeDef constant(String name, TensorProto value) {
        return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype",
                AttrValue.newBuilder().setType(value.getDtype()).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
    }

    private static NodeDef placeholder(String name) {
        return NodeDef.newBuilder().setName(name).setOp("Placeholder").putAttr("dtype",
                AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr("shape", AttrValue.newBuilder().setShape(shape(2, 3)).build()).build();
    }

    @Test
    void aFewBytesDeclaringGigabytesFailBeforeAllocating() {
        TensorProto huge = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(1L <<
                30)).addFloatVal(0).build();
        byte[] bytes = GraphDef.newBuilder().addNode(constant("c", huge)).build().toByteArray();
        assertTrue(bytes.length <= 60, bytes.length + " bytes");
        ResourceExhaustedError e = assertThrows(ResourceExhaustedError.class, () -> GraphDefImporter.toGraph(bytes));
        assertEquals("OOM when allocating tensor with shape[1073741824] and type float on /job:localhost/replica:0/task:0/device:CPU:0"
                + " by allocator cpu [Op:Const]", e.getMessage());
    }

    @Test
    void anInt64AxisPastInt32IsRefusedNotWrappedToZero() {
        TensorProto axis = TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shape()).addInt64Val(1L
                << 40).build();
        GraphDef def = GraphDef.newBuilder().addNode(placeholder("x")).addNode(constant("axis", axis))
                .addNode(NodeDef.newBuilder().setName("sum").setOp("Sum").addInput("x").addInput("axis")
                        .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                        .putAttr("Tidx", AttrValue.newBuilder().setType(DataType.DT_INT64).build())
                        .putAttr("keep_dims", AttrValue.newBuilder().setB(false).build()))
                .build();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> GraphDefImporter.toGraph(def));
        assertEquals("Attr axis has value 1099511627776 out of range for an int32", e.getMessage());
    }

    @Test
    void aFoldedConstWithoutValueIsTfsMissingAttrErrorNotAJavaException() {
        // Sum's axis is a Const JFlow folds into an attribute; the Const lacks its 'value'
        GraphDef def = GraphDef.newBuilder().addNode(placeholder("x"))
                .addNode(NodeDef.newBuilder().setName("axis").setOp("Const").putAttr("dtype", type(DataType.DT_INT32)))
                .addNode(NodeDef.newBuilder().setName("sum").setOp("Sum").addInput("x").addInput("axis")
                        .putAttr("T", type(DataType.DT_FLOAT)).putAttr("Tidx", type(DataType.DT_INT32)))
                .build();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> GraphDefImporter.toGraph(def));
        assertTrue(e.getMessage().startsWith("NodeDef missing attr 'value' from Op<name=Const;"), e.getMessage());
        assertTrue(e.getMessage().endsWith("NodeDef: {{node axis}}"), e.getMessage());
    }

    @Test
    void tensorContentMustHoldExactlyItsShape() {
        TensorProto shortContent = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(3))
                .setTensorContent(ByteString.copyFrom(new byte[8])).build();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> GraphDefImporter.toGraph(GraphDef.newBuilder().addNode(constant("c", shortContent)).build()));
        assertTrue(e.getMessage().startsWith("Cannot parse tensor from proto: dtype: DT_FLOAT"), e.getMessage());
    }

    /** TF's text for a case of {@code golden/graphdef_import_errors.py}. */
    private static String tfError(String key) {
        try (var in = GraphDefValidationTest.class.getResourceAsStream("/golden/graphdef_import_errors.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("\"" + key + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            assertTrue(m.find(), key);
            return m.group(1).replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AttrValue type(DataType t) { return AttrValue.newBuilder().setType(t).build(); }

    private static AttrValue ints(long... values) {
        AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
        for (long v : values) l.addI(v);
        return AttrValue.newBuilder().setList(l).build();
    }

    private static String importError(NodeDef... nodes) {
        GraphDef def = GraphDef.newBuilder().addAllNode(java.util.List.of(nodes)).build();
        return assertThrows(InvalidArgumentError.class, () -> GraphDefImporter.toGraph(def)).getMessage();
    }

    /** TF's OpDef summary lists TF's attributes after the signature; JFlow's lists JFlow's. */
    private static String upToTheAttributes(String message) {
        int sig = message.indexOf("signature=");
        return message.substring(0, message.indexOf("; attr=", sig));
    }

    @Test
    void aNodeWithTooFewInputsIsTfsErrorNotAJavaException() {
        String jflow = importError(placeholder("x"), NodeDef.newBuilder().setName("mm").setOp("MatMul").addInput("x")
                .putAttr("T", type(DataType.DT_FLOAT)).build());
        String tf = tfError("too_few_inputs");
        assertEquals(upToTheAttributes(tf), upToTheAttributes(jflow));
        assertTrue(jflow.endsWith(">; NodeDef: {{node mm}}"), jflow);
    }

    @Test
    void anAttributeOfTheWrongTypeIsTfsErrorNotAClassCastException() {
        String jflow = importError(placeholder("x"), NodeDef.newBuilder().setName("mm").setOp("MatMul").addInput("x")
                .addInput("x").putAttr("T", type(DataType.DT_FLOAT))
                .putAttr("transpose_a", AttrValue.newBuilder().setI(1).build()).build());
        assertEquals(upToTheAttributes(tfError("attr_of_the_wrong_type")), upToTheAttributes(jflow));
    }

    @Test
    void aRequiredAttributeLeftOutIsTfsError() {
        String jflow = importError(placeholder("x"), NodeDef.newBuilder().setName("mp").setOp("MaxPool").addInput("x")
                .putAttr("T", type(DataType.DT_FLOAT)).putAttr("strides", ints(1, 1, 1, 1))
                .putAttr("padding", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("SAME")).build()).build());
        String tf = tfError("required_attr_missing");
        assertEquals(upToTheAttributes(tf), upToTheAttributes(jflow));
        assertTrue(jflow.endsWith(">; NodeDef: {{node mp}}"), jflow);
    }

    /** JFlow declares StringLength as TF does, so the whole text, OpDef summary included, is TF's. */
    @Test
    void aValueOutsideTheAllowedListIsTfsErrorWithTheOpDef() {
        TensorProto s = TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(shape(1))
                .addStringVal(ByteString.copyFromUtf8("a")).build();
        String jflow = importError(constant("s", s), NodeDef.newBuilder().setName("len").setOp("StringLength")
                .addInput("s").putAttr("unit", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("BYTES")).build())
                .build());
        assertEquals(tfError("value_not_allowed"), jflow);
    }

    @Test
    void aListOpWithoutInputsIsTfsErrorNotAnIndexOutOfBounds() {
        String jflow = importError(NodeDef.newBuilder().setName("sum").setOp("AddN")
                .putAttr("T", type(DataType.DT_FLOAT)).build());
        assertTrue(jflow.startsWith("NodeDef expected inputs 'N * T' do not match 0 inputs specified; Op<name=AddN;"),
                jflow);
    }

    /** A Const that JFlow folds into an attribute (Sum's axes) becomes no node, but is held to Const's signature. */
    @Test
    void aConstFoldedIntoAnAttributeWithoutItsValueIsTfsErrorNotAJavaException() {
        String jflow = importError(placeholder("x"), NodeDef.newBuilder().setName("axis").setOp("Const")
                .putAttr("dtype", type(DataType.DT_INT32)).build(), NodeDef.newBuilder().setName("sum").setOp("Sum")
                .addInput("x").addInput("axis").putAttr("T", type(DataType.DT_FLOAT)).build());
        assertTrue(jflow.startsWith("NodeDef missing attr 'value' from Op<name=Const; signature= -> output; "), jflow);
        assertTrue(jflow.endsWith("; NodeDef: {{node axis}}"), jflow);
    }

    @Test
    void aRandomOpWithNeitherShapeAttributeNorShapeInputIsInvalidNotAJavaException() {
        String jflow = importError(NodeDef.newBuilder().setName("r").setOp("RandomStandardNormal")
                .putAttr("dtype", type(DataType.DT_FLOAT)).build());
        assertEquals("RandomStandardNormal has no shape: neither attribute 'shape' nor a shape input", jflow);
    }

    @Test
    void aShapeInputOfUnknownRankGivesAnOutputOfUnknownRank() {
        GraphDef def = GraphDef.newBuilder().addNode(placeholder("x"))
                .addNode(NodeDef.newBuilder().setName("s").setOp("Placeholder").putAttr("dtype", type(DataType.DT_INT32)))
                .addNode(NodeDef.newBuilder().setName("b").setOp("BroadcastTo").addInput("x").addInput("s")
                        .putAttr("T", type(DataType.DT_FLOAT))).build();
        assertFalse(GraphDefImporter.toGraph(def).operations().get(2).output(0).shape().hasRank());
    }

    /** TF's Placeholder declares {@code shape} with a default: unknown rank. */
    @Test
    void aPlaceholderWithoutAShapeHasUnknownRank() {
        GraphDef def = GraphDef.newBuilder().addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder")
                .putAttr("dtype", type(DataType.DT_FLOAT))).build();
        assertFalse(GraphDefImporter.toGraph(def).operations().get(0).output(0).shape().hasRank());
    }

    @Test
    void anEmptyTensorNamingADimensionPastInt32IsUnimplementedNotAJavaException() {
        TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(0, 1L << 31)).build();
        var e = assertThrows(org.jflow.errors.UnimplementedError.class,
                () -> GraphDefImporter.toGraph(GraphDef.newBuilder().addNode(constant("c", t)).build()));
        assertEquals("JFlow's dimensions stop at 2**31 - 1: shape [0,2147483648]", e.getMessage());
    }

    @Test
    void bytesThatAreNoGraphDefAreInvalid() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, ()
                -> GraphDefImporter.toGraph(new byte[] {(byte) 0xFF, 1, 2}));
        assertEquals("Invalid GraphDef", e.getMessage());
    }
}
