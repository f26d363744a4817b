package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;

import java.util.List;

/**
 * What every raw-op class shares: looking an op up by TF name once, building attributes, and the
 * constants that gradients and composites need with an explicit dtype (TF's gradients build theirs
 * with {@code constant(value, dtype=...)}, never by inferring a dtype from a Python literal).
 */
public final class Raw {
    private Raw() {}

    /** The registered op named {@code name}; failing loudly keeps a raw method from naming an op that is gone. */
    public static Op op(String name) {
        Op op = OpRegistry.get(name);
        if (op == null) throw new IllegalStateException("No op named " + name + " is registered");
        return op;
    }

    /** Attributes from key/value pairs, leaving out those whose value is null (an optional attribute left unset). */
    static Attrs attrs(Object... keysAndValues) {
        int present = 0;
        for (int i = 1; i < keysAndValues.length; i += 2) if (keysAndValues[i] != null) present++;
        if (present * 2 == keysAndValues.length) return Attrs.of(keysAndValues);
        Object[] kv = new Object[present * 2];
        for (int i = 0, k = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) continue;
            kv[k++] = keysAndValues[i];
            kv[k++] = keysAndValues[i + 1];
        }
        return Attrs.of(kv);
    }

    static Tensor one(Op op, Attrs attrs, Tensor... inputs) { return Dispatcher.execute1(op, attrs, inputs); }

    static Tensor[] all(Op op, Attrs attrs, Tensor... inputs) { return Dispatcher.execute(op, attrs, inputs); }

    static Tensor[] list(List<Tensor> inputs) { return inputs.toArray(new Tensor[0]); }

    /** Inputs with the optional ones that are null left out (an op with an optional trailing input). */
    static Tensor[] present(Tensor... inputs) {
        int n = inputs.length;
        while (n > 0 && inputs[n - 1] == null) n--;
        return n == inputs.length ? inputs : java.util.Arrays.copyOf(inputs, n);
    }

    /** A scalar of {@code dtype} holding {@code value} rounded to that dtype (the real part for complex dtypes). */
    public static Tensor scalar(DType dtype, double value) {
        Object buf = Buffers.allocate(dtype, 1);
        Buffers.setDouble(buf, dtype, 0, value);
        return Tensor.wrap(dtype, Shape.scalar(), buf);
    }

    /** A scalar of {@code dtype} holding the integer {@code value} exactly (int64 values beyond 2^53 included). */
    public static Tensor scalar(DType dtype, long value) {
        Object buf = Buffers.allocate(dtype, 1);
        Buffers.setLong(buf, dtype, 0, value);
        return Tensor.wrap(dtype, Shape.scalar(), buf);
    }

    /** A scalar string tensor holding {@code bytes} as they are (file contents, a record, an encoded image). */
    public static Tensor scalarString(byte[] bytes) { return Tensor.wrap(DType.STRING, Shape.scalar(), new byte[][] {bytes}); }

    /** {@code Cast} to {@code dtype}, or {@code x} itself where it has that dtype, as TF's {@code math_ops.cast}. */
    public static Tensor castTo(Tensor x, DType dtype) { return x.dtype() == dtype ? x : RawMath.cast(x, dtype); }

    /** A scalar of {@code like}'s dtype: TF's {@code constant(value, dtype=like.dtype)}. */
    public static Tensor scalarLike(Tensor like, double value) { return scalar(like.dtype(), value); }

    /** An int32 vector: a shape, a permutation or axes as a tensor. */
    public static Tensor ints(int... values) {
        return Tensor.wrap(DType.INT32, Shape.of(values.length), values.clone());
    }

    /** An int64 vector. */
    public static Tensor longs(long... values) {
        return Tensor.wrap(DType.INT64, Shape.of(values.length), values.clone());
    }
}
