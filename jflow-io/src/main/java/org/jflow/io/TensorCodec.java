package org.jflow.io;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Buffers;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;
import org.jflow.io.proto.TensorProto;
import org.jflow.io.proto.TensorShapeProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tensors and shapes as TF's {@code TensorProto} and {@code TensorShapeProto}: numbers as
 * {@code tensor_content} (row-major, little-endian, as TF writes them), strings as {@code string_val}.
 */
final class TensorCodec {
    private TensorCodec() {}

    static TensorShapeProto shape(Shape shape) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        if (!shape.hasRank()) return b.setUnknownRank(true).build();
        for (int d : shape.dimsView()) b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return b.build();
    }

    /** A (possibly partial) shape: -1 is an unknown dim, as TF's {@code PartialTensorShape}. */
    static Shape toShape(TensorShapeProto proto) {
        if (proto.getUnknownRank()) return Shape.unknownRank();
        int[] dims = new int[proto.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            long d = proto.getDim(i).getSize();
            if (d < -1) throw new InvalidArgumentError("Shape " + dimList(proto)
                    + " has dimensions with values below -1 (where -1 means unknown)");
            if (d > Integer.MAX_VALUE) throw new UnimplementedError("JFlow's dimensions stop at 2**31 - 1: shape "
                    + dimList(proto));
            dims[i] = (int) d;
        }
        return Shape.of(dims);
    }

    private static String dimList(TensorShapeProto proto) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < proto.getDimCount(); i++) sb.append(i == 0 ? "" : ",").append(proto.getDim(i).getSize());
        return sb.append(']').toString();
    }

    static TensorProto tensor(Tensor t) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(DataTypes.of(t.dtype())).setTensorShape(shape(t.shape()));
        if (t.dtype() == DType.STRING) {
            for (byte[] s : t.toBytesArray()) b.addStringVal(ByteString.copyFrom(s));
            return b.build();
        }
        return b.setTensorContent(ByteString.copyFrom(littleEndian(t.data(), t.dtype()))).build();
    }

    private static byte[] littleEndian(Object data, DType dtype) {
        int n = Buffers.length(data);
        ByteBuffer buf = ByteBuffer.allocate(n * dtype.byteSize() / dtype.slots()).order(ByteOrder.LITTLE_ENDIAN);
        switch (data) {
            case float[] a -> buf.asFloatBuffer().put(a);
            case double[] a -> buf.asDoubleBuffer().put(a);
            case int[] a -> buf.asIntBuffer().put(a);
            case long[] a -> buf.asLongBuffer().put(a);
            case short[] a -> buf.asShortBuffer().put(a);
            case byte[] a -> buf.put(a);
            case boolean[] a -> { for (boolean v : a) buf.put((byte) (v ? 1 : 0)); }
            default -> throw new IllegalArgumentException("No byte layout for a " + dtype.tfName() + " buffer");
        }
        return buf.array();
    }

    /** The tensor a {@code TensorProto} holds, from {@code tensor_content} or the typed value lists. */
    static Tensor toTensor(TensorProto proto) {
        DType dtype = DataTypes.toDType(proto.getDtype());
        Shape shape = checkedShape(proto, dtype);
        int n = shape.size() * dtype.slots();
        Object data = Buffers.allocate(dtype, shape.size());
        if (dtype == DType.STRING) {
            byte[][] s = (byte[][]) data;
            int count = proto.getStringValCount();
            for (int i = 0; i < n && count > 0; i++) s[i] = proto.getStringVal(Math.min(i, count - 1)).toByteArray();
        } else if (!proto.getTensorContent().isEmpty()) {
            readLittleEndian(proto.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN), data);
        } else if (!dtype.isComplex()) { // a complex tensor without content is zeros: checkedShape refused values
            fillFromValues(proto, data, n);
        }
        return Tensor.wrap(dtype, shape, data);
    }

    /**
     * The most elements a tensor may repeat its last listed value to (TF's splat constants), past what the file holds.
     */
    static final int MAX_SPLAT = 1 << 24;

    /**
     * The shape of a tensor proto, checked before anything is allocated: known, non-negative dims whose size
     * fits the heap ({@link Allocation}); {@code tensor_content} of exactly the size's bytes; at most as many
     * listed values as elements; and a short value list repeated to at most {@link #MAX_SPLAT} elements,
     * so a few bytes of GraphDef cannot ask for gigabytes (TF's {@code Cannot parse tensor from proto} otherwise).
     */
    private static Shape checkedShape(TensorProto proto, DType dtype) {
        TensorShapeProto sp = proto.getTensorShape();
        if (sp.getUnknownRank()) throw unparsable(proto);
        long[] dims = new long[sp.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = sp.getDim(i).getSize();
            if (dims[i] < 0) throw unparsable(proto);
        }
        Allocation.require(dims, dtype, "Const");
        long elements = 1;
        for (long d : dims) elements *= d;
        long listed = listedValues(proto, dtype);
        if (!proto.getTensorContent().isEmpty()) {
            if (dtype == DType.STRING || listed > 0 || proto.getTensorContent().size() != elements * dtype.byteSize()) {
                throw unparsable(proto);
            }
        } else if (listed > elements) {
            throw unparsable(proto);
        } else if (listed < elements && elements > MAX_SPLAT) {
            throw Allocation.outOfMemory(dims, dtype, "Const");
        }
        int[] d = new int[dims.length];
        for (int i = 0; i < d.length; i++) { // an empty tensor may still name a dim JFlow cannot hold
            if (dims[i] > Integer.MAX_VALUE) throw new UnimplementedError("JFlow's dimensions stop at 2**31 - 1: shape "
                    + dimList(sp));
            d[i] = (int) dims[i];
        }
        return Shape.of(d);
    }

    private static long listedValues(TensorProto p, DType dtype) {
        return switch (dtype.storage()) {
            case FLOAT -> p.getFloatValCount();
            case DOUBLE -> p.getDoubleValCount();
            case LONG -> p.getInt64ValCount();
            case HALF -> p.getHalfValCount();
            case BOOL -> p.getBoolValCount();
            case STRING -> p.getStringValCount();
            case COMPLEX64, COMPLEX128 -> 0; // JFlow's TensorProto schema has no complex value lists
            default -> p.getIntValCount();
        };
    }

    private static InvalidArgumentError unparsable(TensorProto proto) {
        return new InvalidArgumentError("Cannot parse tensor from proto: " + TextFormat.shortDebugString(proto));
    }

    private static void readLittleEndian(ByteBuffer buf, Object data) {
        switch (data) {
            case float[] a -> buf.asFloatBuffer().get(a);
            case double[] a -> buf.asDoubleBuffer().get(a);
            case int[] a -> buf.asIntBuffer().get(a);
            case long[] a -> buf.asLongBuffer().get(a);
            case short[] a -> buf.asShortBuffer().get(a);
            case byte[] a -> buf.get(a);
            case boolean[] a -> { for (int i = 0; i < a.length; i++) a[i] = buf.get() != 0; }
            default -> throw new IllegalArgumentException("No byte layout for " + data.getClass().getSimpleName());
        }
    }

    /**
     * TF writes small tensors as typed value lists; a list shorter than the tensor repeats its last
     * value (TF's rule, so a splat constant stores one number), and an empty one means zeros.
     */
    private static void fillFromValues(TensorProto p, Object data, int n) {
        int count = switch (data) {
            case float[] a -> p.getFloatValCount();
            case double[] a -> p.getDoubleValCount();
            case long[] a -> p.getInt64ValCount();
            case short[] a -> p.getHalfValCount();
            case boolean[] a -> p.getBoolValCount();
            default -> p.getIntValCount();
        };
        if (count == 0) return;
        for (int i = 0; i < n; i++) {
            switch (data) {
                case float[] a -> a[i] = p.getFloatVal(Math.min(i, p.getFloatValCount() - 1));
                case double[] a -> a[i] = p.getDoubleVal(Math.min(i, p.getDoubleValCount() - 1));
                case int[] a -> a[i] = p.getIntVal(Math.min(i, p.getIntValCount() - 1));
                case long[] a -> a[i] = p.getInt64Val(Math.min(i, p.getInt64ValCount() - 1));
                case short[] a -> a[i] = (short) p.getHalfVal(Math.min(i, p.getHalfValCount() - 1));
                case byte[] a -> a[i] = (byte) p.getIntVal(Math.min(i, p.getIntValCount() - 1));
                case boolean[] a -> a[i] = p.getBoolVal(Math.min(i, p.getBoolValCount() - 1));
                default -> throw new IllegalArgumentException("No value list for " + data.getClass().getSimpleName());
            }
        }
    }
}
