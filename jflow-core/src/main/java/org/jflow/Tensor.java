package org.jflow;

import org.jflow.array.IndexOperators;
import org.jflow.engine.Buffers;
import org.jflow.engine.Halfs;
import org.jflow.engine.Operation;
import org.jflow.engine.TensorPrinter;
import org.jflow.device.Buffer;
import org.jflow.errors.AttributeError;
import org.jflow.errors.OperatorNotAllowedInGraphError;
import org.jflow.errors.SymbolicTensorError;
import org.jflow.math.MathOperators;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/**
 * An immutable n-dimensional value: dtype, shape, device and a row-major buffer. Ops never change
 * a tensor's buffer after it is built; {@link Variable} is the mutable holder.
 *
 * <p>Inside a graph (a {@code tf.function} trace or a TF1 graph) tensors are symbolic: an output of
 * an {@link Operation} (a graph's node), with a shape that may be partial and no buffer, except where the value is known
 * while tracing (constants and what is computed from them only).
 */
public final class Tensor implements TensorLike, MathOperators, IndexOperators, RaggedOrDense {
    static final String CPU0 = "/job:localhost/replica:0/task:0/device:CPU:0";

    private final DType dtype;
    private final Shape shape;
    /** A Java array of {@code dtype.storage()}'s type on the host, or a {@link Buffer} on another device. */
    private final Object data;
    private final Operation node;
    private final int outputIndex;
    /** A device tensor's host copy, made on first read ({@link #data()}) and kept: the tensor never changes. */
    private volatile Object hostCopy;

    private Tensor(DType dtype, Shape shape, Object data, Operation node, int outputIndex) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
        this.node = node;
        this.outputIndex = outputIndex;
    }

    /**
     * Wraps a buffer a kernel produced. The buffer's Java type must be {@code dtype.storage()}'s
     * and its length the shape's size (twice that for complex dtypes, whose parts interleave); the
     * tensor owns it from now on.
     */
    public static Tensor wrap(DType dtype, Shape shape, Object data) {
        int n = Buffers.length(data);
        if (n != shape.size() * dtype.slots()) {
            throw new IllegalArgumentException("Buffer of " + n + " elements does not fit shape " + shape);
        }
        return new Tensor(dtype, shape, data, null, 0);
    }

    /**
     * Wraps a buffer a device kernel produced, or a copy onto a device; the tensor owns it from now on.
     * The buffer is freed by the executor after its last reader in a graph, or once no tensor refers to it.
     */
    public static Tensor onDevice(Shape shape, Buffer buffer) {
        if (buffer.size() != shape.size()) {
            throw new IllegalArgumentException("Buffer of " + buffer.size() + " elements does not fit shape " + shape);
        }
        return new Tensor(buffer.dtype(), shape, buffer, null, 0);
    }

    /**
     * Output {@code index} of a graph node. {@code knownValue}, when not null, is the eager tensor
     * the output is known to equal while tracing (a constant, or computed from constants only).
     */
    public static Tensor symbolic(Operation node, int index, DType dtype, Shape shape, Tensor knownValue) {
        if (knownValue != null) return new Tensor(knownValue.dtype, knownValue.shape, knownValue.data, node, index);
        return new Tensor(dtype, shape, null, node, index);
    }

    /** Whether this tensor is a graph node's output rather than an eager value. */
    public boolean isSymbolic() { return node != null; }

    /** The graph operation this tensor is an output of (TF's {@code tensor.op}); null for eager tensors. */
    public Operation op() { return node; }

    /** Which output of {@link #op()} this is (TF's {@code tensor.value_index}). */
    public int outputIndex() { return outputIndex; }

    /** Whether the value is known: always for eager tensors; in a graph, for constants and what is folded from them. */
    public boolean hasValue() { return data != null; }

    /** The known value as an eager tensor (this tensor itself when eager); throws where none is known. */
    public Tensor knownValue() { return node == null ? this : new Tensor(dtype, shape, data(), null, 0); }

    /** TF's {@code tensor.name}, {@code add:0}: graph tensors only, as in TF. */
    public String name() {
        if (node == null) throw new AttributeError("Tensor.name is undefined when eager execution is enabled.");
        return node.name() + ":" + outputIndex;
    }

    @Override
    public Tensor value() { return this; }

    @Override
    public DType dtype() { return dtype; }

    @Override
    public Shape shape() { return shape; }

    public int rank() { return shape.rank(); }

    /** Number of elements. */
    public int size() { return shape.size(); }

    /** TF's device string, where the value lives: {@code /job:localhost/replica:0/task:0/device:CPU:0}. */
    public String device() { return data instanceof Buffer b ? b.device().name() : CPU0; }

    /** The device buffer, or null for a host tensor (whose elements are a Java array). */
    public Buffer buffer() { return data instanceof Buffer b ? b : null; }

    /** What holds the elements (a host array or a device {@link Buffer}), without copying: for identity checks. */
    public Object storage() { return data; }

    /**
     * The elements as a Java array, for CPU kernels: never modify it. A device tensor's elements are
     * copied to the host once (TF's {@code numpy()} copies too) and the copy kept.
     */
    public Object data() {
        if (data == null) throw new SymbolicTensorError(this);
        if (data instanceof Buffer b) return hostCopy(b);
        return data;
    }

    private Object hostCopy(Buffer b) {
        Object copy = hostCopy;
        if (copy == null) hostCopy = copy = b.device().copyOut(b);
        return copy;
    }

    // ---- reading values back (numpy()-style) ----

    /** The elements as float32 values, converted from any numeric dtype (from a complex one: the real parts, as tf.cast). */
    public float[] toFloatArray() {
        if (dtype == DType.FLOAT32) return ((float[]) data()).clone();
        return (float[]) Buffers.convert(data(), dtype, DType.FLOAT32);
    }

    public double[] toDoubleArray() { return (double[]) Buffers.convert(data(), dtype, DType.FLOAT64); }

    public int[] toIntArray() { return (int[]) Buffers.convert(data(), dtype, DType.INT32); }

    public long[] toLongArray() { return (long[]) Buffers.convert(data(), dtype, DType.INT64); }

    public boolean[] toBooleanArray() { return (boolean[]) Buffers.convert(data(), dtype, DType.BOOL); }

    /** String elements decoded as UTF-8. */
    public String[] toStringArray() {
        byte[][] b = stringBytes();
        String[] s = new String[b.length];
        for (int i = 0; i < b.length; i++) s[i] = new String(b[i], StandardCharsets.UTF_8);
        return s;
    }

    /** String elements as raw bytes (TF strings are byte strings). */
    public byte[][] toBytesArray() { return stringBytes().clone(); }

    private byte[][] stringBytes() {
        if (dtype != DType.STRING) throw new org.jflow.errors.TypeError("Tensor of dtype " + dtype.tfName() + " holds no strings");
        return (byte[][]) data();
    }

    /** Element {@code i} (row-major) as a double. */
    public double getDouble(int flatIndex) { return Buffers.getDouble(data(), dtype, flatIndex); }

    /** Element {@code i} (row-major) as a long. */
    public long getLong(int flatIndex) { return Buffers.getLong(data(), dtype, flatIndex); }

    /** The single element of a one-element tensor as a boxed Java value (numpy's {@code item()}). */
    public Object item() {
        if (size() != 1) {
            throw new org.jflow.errors.ValueError("can only convert an array of size 1 to a Java scalar, got shape " + shape);
        }
        return element(0);
    }

    /** Element {@code i} boxed: Float, Double, Integer, Long, Short, Byte, Boolean, String or {@link Complex}. */
    public Object element(int flatIndex) {
        return switch (dtype) {
            case FLOAT16, BFLOAT16 -> Halfs.toFloat(((short[]) data())[flatIndex], dtype);
            case FLOAT32 -> ((float[]) data())[flatIndex];
            case FLOAT64 -> ((double[]) data())[flatIndex];
            case INT8 -> ((byte[]) data())[flatIndex];
            case UINT8 -> ((byte[]) data())[flatIndex] & 0xFF;
            case INT16 -> ((short[]) data())[flatIndex];
            case INT32 -> ((int[]) data())[flatIndex];
            case INT64 -> ((long[]) data())[flatIndex];
            case BOOL -> ((boolean[]) data())[flatIndex];
            case STRING -> new String(((byte[][]) data())[flatIndex], StandardCharsets.UTF_8);
            case COMPLEX64, COMPLEX128 -> new Complex(Buffers.getDouble(data(), dtype, flatIndex), Buffers.getImag(data(), dtype, flatIndex));
        };
    }

    public float floatValue() { return (float) getDouble(checkScalar()); }

    public double doubleValue() { return getDouble(checkScalar()); }

    public int intValue() { return (int) getLong(checkScalar()); }

    public long longValue() { return getLong(checkScalar()); }

    /** A one-element tensor as a Java boolean; a symbolic one cannot be (Java's {@code if} cannot be traced). */
    public boolean booleanValue() {
        if (data == null) throw new OperatorNotAllowedInGraphError(this);
        return getDouble(checkScalar()) != 0;
    }

    public String stringValue() { return toStringArray()[checkScalar()]; }

    private int checkScalar() {
        if (size() != 1) throw new org.jflow.errors.ValueError("Expected a tensor with one element, got shape " + shape);
        return 0;
    }

    /**
     * The value as nested Java arrays, as {@code numpy()} returns an ndarray: a float32 (2, 3)
     * tensor gives a {@code float[2][3]}; a scalar gives its boxed element.
     */
    public Object numpy() {
        if (rank() == 0) return element(0);
        Class<?> leaf = switch (dtype) {
            case FLOAT16, BFLOAT16, FLOAT32 -> float.class;
            case FLOAT64 -> double.class;
            case INT8 -> byte.class;
            case INT16 -> short.class;
            case INT32, UINT8 -> int.class;
            case INT64 -> long.class;
            case BOOL -> boolean.class;
            case STRING -> String.class;
            case COMPLEX64, COMPLEX128 -> Complex.class;
        };
        Object arr = Array.newInstance(leaf, shape.dimsView());
        fill(arr, 0, 0);
        return arr;
    }

    private int fill(Object arr, int depth, int flat) {
        int n = Array.getLength(arr);
        if (depth == rank() - 1) {
            for (int i = 0; i < n; i++) Array.set(arr, i, element(flat++));
            return flat;
        }
        for (int i = 0; i < n; i++) flat = fill(Array.get(arr, i), depth + 1, flat);
        return flat;
    }

    /**
     * NumPy's {@code str(x.numpy())}: {@code "[[1. 2.]\n [3. 4.]]"}, summarized with {@code ...} past
     * 1000 elements. A Java array from {@link #numpy()} prints as {@code [[F@1b6d3586}; print this instead.
     */
    public String numpyString() { return TensorPrinter.installed().numpyString(this); }

    /** {@link #numpy()} cast to the expected array type, e.g. {@code toArray(float[][].class)}. */
    public <T> T toArray(Class<T> type) {
        Object v = numpy();
        if (!type.isInstance(v)) {
            throw new org.jflow.errors.TypeError("A " + dtype.tfName() + " tensor of shape " + shape
                    + " reads back as " + v.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** As Python's {@code print(t)}: {@code tf.Tensor([1 2 4], shape=(3,), dtype=int32)}. */
    @Override
    public String toString() {
        return node == null ? TensorPrinter.installed().str(this)
                : "Tensor(\"" + name() + "\", shape=" + shape + ", dtype=" + dtype.tfName() + ")";
    }

    /** As a notebook shows it: {@code <tf.Tensor: shape=(2,), dtype=int32, numpy=array([1, 2], dtype=int32)>}. */
    public String repr() {
        return node == null ? TensorPrinter.installed().repr(this)
                : "<tf.Tensor '" + name() + "' shape=" + shape + " dtype=" + dtype.tfName() + ">";
    }
}
