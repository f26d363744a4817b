package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.io.proto.DataType;
import org.jflow.io.proto.TensorProto;
import org.jflow.io.proto.TensorShapeProto;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorCodecTest {
    private static Tensor roundTrip(Tensor t) throws Exception {
        return TensorCodec.toTensor(TensorProto.parseFrom(TensorCodec.tensor(t).toByteArray()));
    }

    @Test
    void everyDtypeRoundTripsThroughTensorContent() throws Exception {
        Tensor base = tf.constant(new double[][] {{1.5, -2.25}, {3, 0.125}});
        for (DType d : new DType[] {tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int8, tf.int16, tf.uint8, tf.int32, tf.int64, tf.bool}) {
            Tensor t = tf.cast(base, d);
            Tensor back = roundTrip(t);
            assertEquals(d, back.dtype());
            assertEquals(Shape.of(2, 2), back.shape());
            assertArrayEquals(t.toDoubleArray(), back.toDoubleArray(), d.tfName());
        }
        Tensor c = tf.complex(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, -4}));
        assertArrayEquals(new float[] {1, 3, 2, -4}, (float[]) roundTrip(c).data());
        assertEquals(DataType.DT_COMPLEX64, TensorCodec.tensor(c).getDtype());
        assertEquals(16, TensorCodec.tensor(c).getTensorContent().size());
    }

    @Test
    void littleEndianLayout() {
        ByteString content = TensorCodec.tensor(tf.constant(new int[] {1, 256})).getTensorContent();
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 1, 0, 0}, content.toByteArray());
    }

    @Test
    void typedValueListsAsTfWritesThemRepeatTheirLastValue() {
        TensorShapeProto three = TensorCodec.shape(Shape.of(3));
        TensorProto splat = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(three).addFloatVal(2.5f).build();
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f}, TensorCodec.toTensor(splat).toFloatArray());
        TensorProto ints = TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(three).addInt64Val(4).addInt64Val(7).build();
        assertArrayEquals(new long[] {4, 7, 7}, TensorCodec.toTensor(ints).toLongArray());
        TensorProto none = TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(three).build();
        assertArrayEquals(new int[] {0, 0, 0}, TensorCodec.toTensor(none).toIntArray());
        TensorProto strings = TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(three)
                .addStringVal(ByteString.copyFromUtf8("a")).build();
        assertArrayEquals(new String[] {"a", "a", "a"}, TensorCodec.toTensor(strings).toStringArray());
    }

    @Test
    void shapesWithUnknownDimsAndRank() {
        assertEquals(-1, TensorCodec.shape(Shape.of(-1, 3)).getDim(0).getSize());
        assertTrue(TensorCodec.shape(Shape.unknownRank()).getUnknownRank());
        assertEquals(Shape.of(-1, 3), TensorCodec.toShape(TensorCodec.shape(Shape.of(-1, 3))));
        assertEquals(Shape.unknownRank(), TensorCodec.toShape(TensorCodec.shape(Shape.unknownRank())));
        assertEquals(Shape.scalar(), TensorCodec.toShape(TensorShapeProto.getDefaultInstance()));
    }
}
