package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.tensorflow.EagerSession;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.op.OpScope;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow's side of a case: JFlow tensors become TF eager constants, one TF op runs, its
 * outputs come back as JFlow tensors. TF-Java has no tensor classes for int8, int16 and the
 * complex dtypes, so those travel through TF's own ops: {@code Cast} from and to int32, and
 * {@code Complex}, {@code Real}, {@code Imag} from and to float parts (all exact).
 */
final class TfRunner implements AutoCloseable {
    private final EagerSession session = EagerSession.create();
    private final Scope scope = new OpScope(session);
    private final Ops ops = Ops.create(session);

    /**
     * Runs TF's op {@code name}: each input is an {@link Output} or, for a list argument, an
     * {@code Output[]}; attribute values are Long, long[], Boolean, Float, String, DataType or a
     * TF shape. Throws TF's exception where TF rejects the call.
     */
    Tensor[] run(String name, List<Object> inputs, Map<String, Object> attrs) {
        Operation op = build(name, inputs, attrs);
        Tensor[] out = new Tensor[op.numOutputs()];
        for (int i = 0; i < out.length; i++) out[i] = read(op.output(i));
        return out;
    }

    /** Runs TF's op {@code name} and leaves its outputs in TF (for timing the op alone). */
    Operation execute(String name, List<Object> inputs, Map<String, Object> attrs) { return build(name, inputs, attrs); }

    private Operation build(String name, List<Object> inputs, Map<String, Object> attrs) {
        OperationBuilder b = session.opBuilder(name, name, scope);
        for (Object in : inputs) {
            if (in instanceof Output<?>[] list) b.addInputList(list);
            else b.addInput((Output<?>) in);
        }
        attrs.forEach((key, v) -> setAttr(b, key, v));
        return b.build();
    }

    /** Sets one attribute, given in a form {@link #run} takes. */
    static void setAttr(OperationBuilder b, String key, Object v) {
        switch (v) {
            case Long l -> b.setAttr(key, l);
            case long[] l -> b.setAttr(key, l);
            case Boolean z -> b.setAttr(key, z);
            case Float f -> b.setAttr(key, f);
            case String s -> b.setAttr(key, s);
            case DataType t -> b.setAttr(key, t);
            case org.tensorflow.ndarray.Shape s -> b.setAttr(key, s);
            default -> throw new IllegalArgumentException("No TF attribute form for " + key + "=" + v);
        }
    }

    private Output<?> single(String name, Map<String, Object> attrs, Output<?>... inputs) {
        return build(name, List.of((Object[]) inputs), attrs).output(0);
    }

    /** A TF constant holding {@code t}'s elements. */
    Output<?> constant(Tensor t) {
        org.tensorflow.ndarray.Shape shape = tfShape(t.shape());
        Object data = t.data();
        int n = t.size();
        return switch (t.dtype()) {
            case FLOAT32 -> raw(TFloat32.class, shape, n * 4, bb -> bb.asFloatBuffer().put((float[]) data));
            case FLOAT64 -> raw(TFloat64.class, shape, n * 8, bb -> bb.asDoubleBuffer().put((double[]) data));
            case FLOAT16 -> raw(TFloat16.class, shape, n * 2, bb -> bb.asShortBuffer().put((short[]) data));
            case BFLOAT16 -> raw(TBfloat16.class, shape, n * 2, bb -> bb.asShortBuffer().put((short[]) data));
            case INT32 -> raw(TInt32.class, shape, n * 4, bb -> bb.asIntBuffer().put((int[]) data));
            case INT64 -> raw(TInt64.class, shape, n * 8, bb -> bb.asLongBuffer().put((long[]) data));
            case UINT8 -> raw(TUint8.class, shape, n, bb -> bb.put((byte[]) data));
            case BOOL -> raw(TBool.class, shape, n, bb -> {
                for (boolean z : (boolean[]) data) bb.put((byte) (z ? 1 : 0));
            });
            case INT8, INT16 -> single("Cast", Map.of("DstT", dataType(t.dtype())),
                    constant(Tensor.wrap(DType.INT32, t.shape(), Buffers.convert(data, t.dtype(), DType.INT32))));
            case COMPLEX64, COMPLEX128 -> {
                DType real = t.dtype().realDType();
                Output<?> re = constant(Tensor.wrap(real, t.shape(), Buffers.part(data, t.dtype(), false)));
                Output<?> im = constant(Tensor.wrap(real, t.shape(), Buffers.part(data, t.dtype(), true)));
                yield single("Complex", Map.of("Tout", dataType(t.dtype())), re, im);
            }
            case STRING -> {
                try (TString s = TString.tensorOfBytes(shape, DataBuffers.ofObjects((byte[][]) data))) {
                    yield ops.constantOf(s).asOutput();
                }
            }
        };
    }

    /** {@code words} (int64) as TF's uint64, bit for bit (TF's Cast wraps modulo 2^64). */
    Output<?> asUint64(Output<?> words) { return single("Cast", Map.of("DstT", DataType.DT_UINT64), words); }

    private interface Filler { void fill(ByteBuffer bb); }

    private <T extends TType> Output<?> raw(Class<T> type, org.tensorflow.ndarray.Shape shape, int bytes, Filler filler) {
        ByteBuffer bb = ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
        filler.fill(bb);
        return ops.constant(type, shape, DataBuffers.of(bb.array(), true, false)).asOutput();
    }

    /**
     * TF's output as a JFlow tensor; a uint64 one (StatelessRandomGetKeyCounter's key and counter) as the int64 of the
     * same bits, as JFlow holds TF's uint64 words.
     */
    Tensor read(Output<?> o) {
        if (o.dataType() == DataType.DT_UINT64) return read(single("Bitcast", Map.of("type", DataType.DT_INT64), o));
        DType dtype = jflowType(o.dataType());
        Shape shape = jflowShape(o.shape());
        return switch (dtype) {
            case INT8, INT16 -> {
                Tensor wide = read(single("Cast", Map.of("DstT", DataType.DT_INT32), o));
                yield Tensor.wrap(dtype, shape, Buffers.convert(wide.data(), DType.INT32, dtype));
            }
            case COMPLEX64, COMPLEX128 -> {
                Map<String, Object> tout = Map.of("Tout", dataType(dtype.realDType()));
                Tensor re = read(single("Real", tout, o)), im = read(single("Imag", tout, o));
                yield Tensor.wrap(dtype, shape, Buffers.join(re.data(), im.data(), dtype));
            }
            case STRING -> {
                NdArray<byte[]> bytes = ((TString) o.asTensor()).asBytes();
                byte[][] r = new byte[shape.size()][];
                int k = 0;
                for (NdArray<byte[]> s : bytes.scalars()) r[k++] = s.getObject();
                yield Tensor.wrap(dtype, shape, r);
            }
            default -> {
                var data = o.asTensor().asRawTensor().data();
                byte[] b = new byte[(int) data.size()];
                data.read(b);
                yield Tensor.wrap(dtype, shape, decode(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()), dtype, shape.size()));
            }
        };
    }

    private static Object decode(ByteBuffer bb, DType dtype, int n) {
        Object r = Buffers.allocate(dtype, n);
        switch (r) {
            case float[] f -> bb.asFloatBuffer().get(f);
            case double[] d -> bb.asDoubleBuffer().get(d);
            case short[] s -> bb.asShortBuffer().get(s);
            case int[] i -> bb.asIntBuffer().get(i);
            case long[] l -> bb.asLongBuffer().get(l);
            case byte[] b -> bb.get(b);
            case boolean[] z -> {
                for (int k = 0; k < n; k++) z[k] = bb.get() != 0;
            }
            default -> throw new IllegalStateException("No decoding for " + dtype);
        }
        return r;
    }

    static DataType dataType(DType t) {
        return switch (t) {
            case FLOAT16 -> DataType.DT_HALF;
            case BFLOAT16 -> DataType.DT_BFLOAT16;
            case FLOAT32 -> DataType.DT_FLOAT;
            case FLOAT64 -> DataType.DT_DOUBLE;
            case INT8 -> DataType.DT_INT8;
            case INT16 -> DataType.DT_INT16;
            case INT32 -> DataType.DT_INT32;
            case INT64 -> DataType.DT_INT64;
            case UINT8 -> DataType.DT_UINT8;
            case BOOL -> DataType.DT_BOOL;
            case STRING -> DataType.DT_STRING;
            case COMPLEX64 -> DataType.DT_COMPLEX64;
            case COMPLEX128 -> DataType.DT_COMPLEX128;
        };
    }

    static DType jflowType(DataType t) {
        for (DType d : DType.values()) if (dataType(d) == t) return d;
        throw new IllegalArgumentException("JFlow has no dtype for TF's " + t);
    }

    static org.tensorflow.ndarray.Shape tfShape(Shape s) {
        long[] d = new long[s.rank()];
        for (int i = 0; i < d.length; i++) d[i] = s.get(i);
        return org.tensorflow.ndarray.Shape.of(d);
    }

    private static Shape jflowShape(org.tensorflow.ndarray.Shape s) {
        long[] d = s.asArray();
        if (d == null) return Shape.scalar();
        int[] dims = new int[d.length];
        for (int i = 0; i < d.length; i++) dims[i] = Math.toIntExact(d[i]);
        return Shape.of(dims);
    }

    @Override
    public void close() { session.close(); }
}
