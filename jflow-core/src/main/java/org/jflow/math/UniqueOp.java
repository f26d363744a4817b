package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * TF's {@code Unique}: the distinct elements of a vector in order of first occurrence, and the
 * index into them of every element (attribute {@code out_idx}: int32 when absent, or int64);
 * {@code UniqueWithCounts} adds how often each distinct element occurs.
 */
public final class UniqueOp extends Op {
    public static final UniqueOp UNIQUE = new UniqueOp("Unique", false);
    public static final UniqueOp UNIQUE_WITH_COUNTS = new UniqueOp("UniqueWithCounts", true);

    private final boolean counts;

    private UniqueOp(String name, boolean counts) {
        super(name, counts ? Signature.of("x:T -> y:T, idx:out_idx, count:out_idx", "out_idx: {int32, int64} = int32")
                : Signature.of("x:T -> y:T, idx:out_idx", "out_idx: {int32, int64} = int32"));
        notDifferentiable(); // bool, integer or string results, as TF
        this.counts = counts;
    }

    public static Attrs attrs(DType outIdx) { return Attrs.of("out_idx", outIdx); }

    private static DType outIdx(Attrs attrs) {
        Object t = attrs.get("out_idx");
        return t == null ? DType.INT32 : (DType) t;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Shape s = in[0].shape();
        if (s.hasRank() && s.rank() != 1) throw new InvalidArgumentError("unique expects a 1D vector.");
        if (in[0].dtype().isComplex()) {
            throw new UnimplementedError("JFlow has no " + in[0].dtype().tfName() + " kernel for " + name() + " yet");
        }
        DType idx = outIdx(attrs);
        if (idx != DType.INT32 && idx != DType.INT64) {
            throw new InvalidArgumentError("Value for attr 'out_idx' of " + idx.kernelName() + " is not in the list of allowed values");
        }
        TensorSpec y = new TensorSpec(in[0].dtype(), Shape.of(Shape.UNKNOWN)), index = new TensorSpec(idx, s);
        return counts ? new TensorSpec[] {y, index, new TensorSpec(idx, Shape.of(Shape.UNKNOWN))} : new TensorSpec[] {y, index};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor x = in[0];
        int n = x.size();
        Map<Object, Integer> seen = new HashMap<>();
        int[] idx = new int[n], firstAt = new int[n];
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            Object key = key(x, k);
            Integer at = key == null ? null : seen.get(key);
            if (at == null) {
                at = distinct;
                firstAt[distinct++] = k;
                if (key != null) seen.put(key, at);
            }
            idx[k] = at;
        }
        Object y = Strides.gather(x.data(), java.util.Arrays.copyOf(firstAt, distinct));
        DType idxType = out[1].dtype();
        Tensor yt = Tensor.wrap(x.dtype(), Shape.of(distinct), y), it = Tensor.wrap(idxType, x.shape(), Buffers.convert(idx, DType.INT32, idxType));
        if (!counts) return new Tensor[] {yt, it};
        int[] count = new int[distinct];
        for (int i : idx) count[i]++;
        return new Tensor[] {yt, it, Tensor.wrap(idxType, Shape.of(distinct), Buffers.convert(count, DType.INT32, idxType))};
    }

    /** A hash key equal for elements C++'s {@code ==} calls equal (0.0 and -0.0 alike); null for NaN, which equals nothing. */
    private static Object key(Tensor x, int k) {
        DType t = x.dtype();
        if (t == DType.STRING) return ByteBuffer.wrap(((byte[][]) x.data())[k]);
        if (t.isFloating()) {
            double v = x.getDouble(k);
            return Double.isNaN(v) ? null : v == 0 ? 0.0 : v;
        }
        return x.getLong(k);
    }
}
