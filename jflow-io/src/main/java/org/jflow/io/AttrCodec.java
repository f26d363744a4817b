package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.io.proto.AttrValue;

import java.nio.charset.StandardCharsets;

/**
 * JFlow attribute values as TF's {@code AttrValue}, and back: numbers, booleans, strings, int lists,
 * dtypes, shapes and tensors map one to one; other Java objects have no TF counterpart.
 */
final class AttrCodec {
    private AttrCodec() {}

    /** {@code value} as an {@code AttrValue}, or null when TF has no attribute type for it. */
    static AttrValue of(Object value) {
        AttrValue.Builder b = AttrValue.newBuilder();
        switch (value) {
            case Integer i -> b.setI(i);
            case Long l -> b.setI(l);
            case Float f -> b.setF(f);
            case Double d -> b.setF(d.floatValue());
            case Boolean z -> b.setB(z);
            case String s -> b.setS(ByteString.copyFrom(s, StandardCharsets.UTF_8));
            case DType d -> b.setType(DataTypes.of(d));
            case Shape s -> b.setShape(TensorCodec.shape(s));
            case Tensor t when t.hasValue() -> b.setTensor(TensorCodec.tensor(t));
            case int[] a -> {
                AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
                for (int v : a) list.addI(v);
                b.setList(list);
            }
            case long[] a -> {
                AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
                for (long v : a) list.addI(v);
                b.setList(list);
            }
            default -> { return null; }
        }
        return b.build();
    }

    /**
     * The JFlow value of an {@code AttrValue}: ints as {@code Integer} and int lists as {@code int[]},
     * as JFlow's ops store them.
     */
    static Object toValue(AttrValue a) {
        return switch (a.getValueCase()) {
            case I -> Math.toIntExact(a.getI());
            case F -> a.getF();
            case B -> a.getB();
            case S -> a.getS().toStringUtf8();
            case TYPE -> DataTypes.toDType(a.getType());
            case SHAPE -> TensorCodec.toShape(a.getShape());
            case TENSOR -> TensorCodec.toTensor(a.getTensor());
            case LIST -> intList(a.getList());
            default -> throw new IllegalArgumentException("JFlow reads no " + a.getValueCase() + " attribute");
        };
    }

    private static int[] intList(AttrValue.ListValue list) {
        if (list.getSCount() + list.getFCount() + list.getBCount() + list.getTypeCount() + list.getShapeCount()
                + list.getTensorCount() + list.getFuncCount() > 0) {
            throw new IllegalArgumentException("JFlow reads int lists only, not " + list);
        }
        return list.getIList().stream().mapToInt(Math::toIntExact).toArray();
    }
}
