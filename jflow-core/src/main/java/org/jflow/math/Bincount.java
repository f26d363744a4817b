package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * {@code tf.math.bincount}: how often each value {@code 0..size-1} occurs in an int32/int64
 * tensor, or the sum of the matching {@code weights} (the optional second input, whose dtype the
 * result takes). {@code size} is {@code max(arr) + 1} (0 for an empty input), raised to attribute
 * {@code minlength} and capped at {@code maxlength}; larger values are dropped. Unweighted counts
 * have attribute {@code dtype} (int32 when absent).
 */
public final class Bincount extends Op {
    public static final Bincount BINCOUNT = new Bincount();

    private Bincount() {
        super("Bincount", Signature.of("arr, weights? -> output", "minlength: int = -1", "maxlength: int = -1",
                "dtype: type = int32"));
        notDifferentiable(); // integer or bool results, as TF
    }

    /** {@code minlength}/{@code maxlength} below 0 mean "not given". */
    public static Attrs attrs(int minlength, int maxlength, DType dtype) {
        return Attrs.of("minlength", minlength, "maxlength", maxlength, "dtype", dtype);
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype();
        if (t != DType.INT32 && t != DType.INT64) {
            throw new InvalidArgumentError("Value for attr 'Tidx' of " + t.kernelName() + " is not in the list of allowed values");
        }
        DType outType = in.length > 1 ? in[1].dtype() : (DType) attrs.get("dtype");
        if (outType == null) outType = DType.INT32;
        // TF's CPU kernel list: int32, int64, float, double
        if (outType != DType.INT32 && outType != DType.INT64 && outType != DType.FLOAT32 && outType != DType.FLOAT64) {
            throw new InvalidArgumentError("Value for attr 'T' of " + outType.kernelName()
                    + " is not in the list of allowed values: int32, int64, float, double");
        }
        if (in.length > 1 && !in[1].shape().equals(in[0].shape())) {
            throw new InvalidArgumentError("Incompatible shapes: " + in[0].shape().toErrorString() + " vs. "
                    + in[1].shape().toErrorString());
        }
        return new TensorSpec[] {new TensorSpec(outType, Shape.of(Shape.UNKNOWN))};
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor arr = in[0];
        int n = arr.size();
        long max = -1;
        for (int k = 0; k < n; k++) {
            long v = arr.getLong(k);
            if (v < 0) throw new InvalidArgumentError("Input arr must be non-negative!");
            max = Math.max(max, v);
        }
        long size = max + 1;
        int minlength = attrs.getInt("minlength"), maxlength = attrs.getInt("maxlength");
        if (minlength >= 0) size = Math.max(size, minlength);
        if (maxlength >= 0) size = Math.min(size, maxlength);
        if (size > Integer.MAX_VALUE - 8) throw new InvalidArgumentError("bincount output size " + size + " is too large");
        DType outType = out[0].dtype();
        int bins = (int) size;
        Object counts;
        if (in.length == 1) {
            long[] c = new long[bins];
            for (int k = 0; k < n; k++) {
                long v = arr.getLong(k);
                if (v < bins) c[(int) v]++;
            }
            counts = Buffers.convert(c, DType.INT64, outType);
        } else if (outType.isFloating()) {
            double[] c = new double[bins];
            Tensor w = in[1];
            for (int k = 0; k < n; k++) {
                long v = arr.getLong(k);
                if (v < bins) c[(int) v] = outType == DType.FLOAT64 ? c[(int) v] + w.getDouble(k) : (float) (c[(int) v] + w.getDouble(k));
            }
            counts = Buffers.convert(c, DType.FLOAT64, outType);
        } else {
            long[] c = new long[bins];
            Tensor w = in[1];
            for (int k = 0; k < n; k++) {
                long v = arr.getLong(k);
                if (v < bins) c[(int) v] += w.getLong(k);
            }
            counts = Buffers.convert(c, DType.INT64, outType);
        }
        return new Tensor[] {Tensor.wrap(outType, Shape.of(bins), counts)};
    }
}
