package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
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
     * The JFlow value of attribute {@code name}: ints as {@code Integer} ({@code Long} past int32, so an op
     * reading it raises TF's range error rather than a wrapped value) and int lists as {@code int[]}.
     */
    static Object toValue(String name, AttrValue a) {
        return switch (a.getValueCase()) {
            // an op reading it checks int32
            case I -> a.getI() == (int) a.getI() ? (Object) (int) a.getI() : (Object) a.getI();
            case F -> a.getF();
            case B -> a.getB();
            case S -> a.getS().toStringUtf8();
            case TYPE -> DataTypes.toDType(a.getType());
            case SHAPE -> TensorCodec.toShape(a.getShape());
            case TENSOR -> TensorCodec.toTensor(a.getTensor());
            case LIST -> intList(name, a.getList());
            default -> throw new InvalidArgumentError("Attr " + name + " has no value JFlow reads ("
                    + a.getValueCase() + ")");
        };
    }

    private static int[] intList(String name, AttrValue.ListValue list) {
        if (list.getSCount() + list.getFCount() + list.getBCount() + list.getTypeCount() + list.getShapeCount()
                + list.getTensorCount() + list.getFuncCount() > 0) {
            throw new UnimplementedError("JFlow reads int lists only, not attr " + name + " = " + list);
        }
        int[] out = new int[list.getICount()];
        for (int k = 0; k < out.length; k++) {
            long v = list.getI(k);
            if (v != (int) v) throw new InvalidArgumentError("Attr " + name + " has value " + v
                    + " out of range for an int32");
            out[k] = (int) v;
        }
        return out;
    }
}
