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
    void tensorContentMustHoldExactlyItsShape() {
        TensorProto shortContent = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(3))
                .setTensorContent(ByteString.copyFrom(new byte[8])).build();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class,
                () -> GraphDefImporter.toGraph(GraphDef.newBuilder().addNode(constant("c", shortContent)).build()));
        assertTrue(e.getMessage().startsWith("Cannot parse tensor from proto: dtype: DT_FLOAT"), e.getMessage());
    }

    @Test
    void aNodeWithTooFewInputsIsInvalidNotAJavaException() {
        GraphDef def = GraphDef.newBuilder().addNode(placeholder("x"))
                .addNode(NodeDef.newBuilder().setName("mm").setOp("MatMul").addInput("x")
                        .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()))
                .build();
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> GraphDefImporter.toGraph(def));
        assertTrue(e.getMessage().startsWith("Node 'mm' does not fit op MatMul's signature: "), e.getMessage());
    }

    @Test
    void bytesThatAreNoGraphDefAreInvalid() {
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, ()
                -> GraphDefImporter.toGraph(new byte[] {(byte) 0xFF, 1, 2}));
        assertEquals("Invalid GraphDef", e.getMessage());
    }
}
