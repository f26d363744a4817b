package org.jflow.io.train;

import com.google.protobuf.ByteString;
import org.jflow.io.proto.BytesList;
import org.jflow.io.proto.FloatList;
import org.jflow.io.proto.Int64List;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.train.Feature}: one list of values, bytes, float32 or int64. {@code Feature.int64List(1, 2)} is Python's
 * {@code tf.train.Feature(int64_list=tf.train.Int64List(value=[1, 2]))}.
 */
public record Feature(org.jflow.io.proto.Feature proto) {
    /** {@code Feature(int64_list=Int64List(value=values))}. */
    public static Feature int64List(long... values) {
        Int64List.Builder list = Int64List.newBuilder();
        for (long v : values) list.addValue(v);
        return new Feature(org.jflow.io.proto.Feature.newBuilder().setInt64List(list).build());
    }

    /** {@code Feature(float_list=FloatList(value=values))}. */
    public static Feature floatList(float... values) {
        FloatList.Builder list = FloatList.newBuilder();
        for (float v : values) list.addValue(v);
        return new Feature(org.jflow.io.proto.Feature.newBuilder().setFloatList(list).build());
    }

    /** {@code Feature(bytes_list=BytesList(value=values))}. */
    public static Feature bytesList(byte[]... values) {
        BytesList.Builder list = BytesList.newBuilder();
        for (byte[] v : values) list.addValue(ByteString.copyFrom(v));
        return new Feature(org.jflow.io.proto.Feature.newBuilder().setBytesList(list).build());
    }

    /** {@code Feature(bytes_list=BytesList(value=[s.encode() for s in values]))}: strings as UTF-8. */
    public static Feature bytesList(List<String> values) {
        BytesList.Builder list = BytesList.newBuilder();
        for (String v : values) list.addValue(ByteString.copyFromUtf8(v));
        return new Feature(org.jflow.io.proto.Feature.newBuilder().setBytesList(list).build());
    }

    /** Which list is set, as Python's {@code WhichOneof("kind")}: "bytes_list", "float_list", "int64_list" or null. */
    public String kind() {
        return switch (proto.getKindCase()) {
            case BYTES_LIST -> "bytes_list";
            case FLOAT_LIST -> "float_list";
            case INT64_LIST -> "int64_list";
            case KIND_NOT_SET -> null;
        };
    }

    /** The values of the int64 list (empty for another kind). */
    public long[] int64Values() {
        return proto.getInt64List().getValueList().stream().mapToLong(Long::longValue).toArray();
    }

    /** The values of the float list (empty for another kind). */
    public float[] floatValues() {
        List<Float> v = proto.getFloatList().getValueList();
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }

    /** The values of the bytes list (empty for another kind). */
    public List<byte[]> bytesValues() {
        List<byte[]> out = new ArrayList<>();
        for (ByteString b : proto.getBytesList().getValueList()) out.add(b.toByteArray());
        return out;
    }

    /** {@code SerializeToString()}. */
    public byte[] serializeToString() { return Protos.deterministic(proto); }

    /** The text format, as Python's {@code print(feature)}. */
    @Override
    public String toString() { return com.google.protobuf.TextFormat.printer().printToString(proto); }
}
