package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.strings.Fingerprints;

import java.util.List;

/**
 * The op crossed feature columns need that the core lacks. TF crosses with {@code SparseCrossHashed} on sparse
 * inputs; the feature columns here hold ids densely ({@code [batch, k]}, -1 for none), so
 * {@code DenseCrossHashed} crosses dense {@code [batch, k_i]} int64 or string inputs: row r's output holds the
 * hash of every combination of one value per input, combinations in row-major order over the inputs (which
 * combinations are missing is the caller's mask, made of raw ops). The hash is TF's {@code HashCrosser}.
 */
public final class FeatureColumnOps {
    private FeatureColumnOps() {}

    private static final long K_MUL = 0xc6a4a7935bd1e995L;

    private static long shiftMix(long v) { return v ^ (v >>> 47); }

    /** TF's {@code FingerprintCat64} (tensorflow/core/platform/fingerprint.h). */
    static long fingerprintCat64(long fp1, long fp2) {
        long result = fp1 ^ K_MUL;
        result ^= shiftMix(fp2 * K_MUL) * K_MUL;
        result *= K_MUL;
        result = shiftMix(result) * K_MUL;
        return shiftMix(result);
    }

    public static final Op DENSE_CROSS_HASHED = new Op("DenseCrossHashed", Signature.of("inputs: list(T) -> output",
            "num_buckets: int", "hash_key: int")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            if (inputs.length == 0) throw new InvalidArgumentError("DenseCrossHashed needs at least one input");
            int batch = Shape.UNKNOWN, width = 1;
            for (Tensor t : inputs) {
                Shape s = t.shape();
                if (t.dtype() != DType.INT64 && t.dtype() != DType.STRING) {
                    throw new InvalidArgumentError("DenseCrossHashed inputs must be int64 or string, got "
                            + t.dtype().tfName());
                }
                if (s.hasRank() && s.rank() != 2) {
                    throw new InvalidArgumentError("DenseCrossHashed inputs must be [batch, k], got " + s);
                }
                int b = s.hasRank() ? s.get(0) : Shape.UNKNOWN, k = s.hasRank() ? s.get(1) : Shape.UNKNOWN;
                if (b != Shape.UNKNOWN && batch != Shape.UNKNOWN && b != batch) {
                    throw new InvalidArgumentError("DenseCrossHashed inputs disagree on the batch: " + batch + " vs. "
                            + b);
                }
                if (b != Shape.UNKNOWN) batch = b;
                width = width == Shape.UNKNOWN || k == Shape.UNKNOWN ? Shape.UNKNOWN : width * k;
            }
            return new TensorSpec[] {new TensorSpec(DType.INT64, Shape.of(batch, width))};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            long buckets = attrs.getLong("num_buckets"), key = attrs.getLong("hash_key");
            int batch = inputs[0].shape().get(0), n = inputs.length, width = 1;
            long[][] features = new long[n][];
            int[] ks = new int[n];
            for (int i = 0; i < n; i++) {
                ks[i] = inputs[i].shape().get(1);
                width *= ks[i];
                // TF's HashCrosser: an int64 feature enters as itself, a string as its Fingerprint64.
                features[i] = inputs[i].dtype() == DType.STRING ? fingerprints((byte[][]) inputs[i].data())
                        : inputs[i].toLongArray();
            }
            long[] out = new long[batch * width];
            int[] pick = new int[n];
            for (int r = 0; r < batch; r++) {
                java.util.Arrays.fill(pick, 0);
                for (int c = 0; c < width; c++) {
                    long h = key;
                    for (int i = 0; i < n; i++) h = fingerprintCat64(h, features[i][r * ks[i] + pick[i]]);
                    out[r * width + c] = Long.remainderUnsigned(h, buckets);
                    for (int i = n - 1; i >= 0 && ++pick[i] == ks[i]; i--) pick[i] = 0;
                }
            }
            return new Tensor[] {Tensor.wrap(DType.INT64, Shape.of(batch, width), out)};
        }
    }.notDifferentiable();

    private static long[] fingerprints(byte[][] strings) {
        long[] f = new long[strings.length];
        for (int i = 0; i < f.length; i++) f[i] = Fingerprints.fingerprint64(strings[i]);
        return f;
    }

    /** The raw method of {@link #DENSE_CROSS_HASHED}: ids in {@code [0, numBuckets)}, {@code [batch, prod k_i]}. */
    public static Tensor denseCrossHashed(List<Tensor> inputs, long numBuckets, long hashKey) {
        return Dispatcher.execute1(DENSE_CROSS_HASHED, Attrs.of("num_buckets", numBuckets, "hash_key", hashKey),
                inputs.toArray(new Tensor[0]));
    }
}
