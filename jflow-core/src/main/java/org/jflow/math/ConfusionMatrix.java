package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.raw.RawArray;
import org.jflow.raw.Raw;
import org.jflow.raw.RawMath;


/**
 * {@code tf.math.confusion_matrix}: counts (or the sum of the optional third input, weights) of
 * each (label, prediction) pair, rows being labels and columns predictions. Attribute
 * {@code num_classes} (below 0: {@code max(labels, predictions) + 1}) and {@code dtype} (int32
 * when absent). Labels and predictions of any numeric dtype are truncated to integers, and a
 * trailing dimension of 1 on one of them is ignored, as TF does. TF checks its inputs with
 * assertions; the messages are theirs.
 */
public final class ConfusionMatrix extends Op {
    public static final ConfusionMatrix CONFUSION_MATRIX = new ConfusionMatrix();

    /** TF's confusion_matrix is a ScatterNd into an n x n tensor: its errors name that op. */
    private static final String SCATTER = "ScatterNd";

    private ConfusionMatrix() {
        super("ConfusionMatrix", Signature.of("labels, predictions, weights? -> output", "num_classes: int = -1",
                "dtype: type"));
        notDifferentiable(); // integer or bool results, as TF
        withDecomposition(ConfusionMatrix::inTfOps);
    }

    /**
     * TF's confusion_matrix: {@code ScatterNd} of the weights (or ones) at the (label, prediction)
     * pairs into {@code [n, n]}. Only with {@code num_classes} given: TF's default, {@code max + 1}, is a
     * shape read from the values, which a graph of TF's ops cannot hold as a constant.
     */
    private static Tensor[] inTfOps(Tensor[] in, Attrs attrs) {
        int n = attrs.getInt("num_classes");
        if (n < 0) {
            throw new org.jflow.errors.UnimplementedError("ConfusionMatrix without num_classes has no decomposition into TF's "
                    + "ops: its shape depends on the labels' values");
        }
        DType t = attrs.get("dtype") == null ? DType.INT32 : (DType) attrs.get("dtype");
        // int32 pairs (TF: int64), as the exported shape input of ScatterNd is int32
        int[] flat = {-1};
        Tensor labels = RawArray.reshape(Raw.castTo(in[0], DType.INT32), flat);
        Tensor predictions = RawArray.reshape(Raw.castTo(in[1], DType.INT32), flat);
        Tensor values = in.length > 2 ? Raw.castTo(RawArray.reshape(in[2], flat), t)
                : RawArray.onesLike(Raw.castTo(predictions, t));
        Tensor pairs = RawArray.pack(java.util.List.of(labels, predictions), 1);
        return new Tensor[] {RawArray.scatterNd(pairs, values, new int[] {n, n})};
    }


    public static Attrs attrs(int numClasses, DType dtype) { return Attrs.of("num_classes", numClasses, "dtype", dtype); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        for (int i = 0; i < 2; i++) {
            if (!in[i].dtype().isNumeric()) {
                throw new InvalidArgumentError("Value for attr 'SrcT' of " + in[i].dtype().kernelName() + " is not in the list of allowed values").withOp("Cast");
            }
        }
        Shape l = squeezable(in[0].shape(), in[1].shape()), p = squeezable(in[1].shape(), in[0].shape());
        if (l.hasRank() && p.hasRank() && (l.rank() != 1 || !p.isCompatibleWith(l))) {
            throw new ValueError("Shapes " + p + " and " + l + " are incompatible");
        }
        if (in.length > 2 && !in[2].shape().isCompatibleWith(l)) {
            throw new ValueError("Shapes " + in[2].shape() + " and " + l + " are incompatible");
        }
        DType t = (DType) attrs.get("dtype");
        if (t == null) t = DType.INT32;
        int n = attrs.getInt("num_classes");
        if (n >= 0) Allocation.require(new long[] {n, n}, t, SCATTER);
        return new TensorSpec[] {new TensorSpec(t, n >= 0 ? Shape.of(n, n) : Shape.of(Shape.UNKNOWN, Shape.UNKNOWN))};
    }

    /** TF's remove_squeezable_dimensions: a trailing 1 goes when {@code s} has one more dimension than {@code other}. */
    private static Shape squeezable(Shape s, Shape other) {
        if (!s.hasRank() || !other.hasRank() || s.rank() != other.rank() + 1 || s.get(-1) != 1) return s;
        return Shape.of(java.util.Arrays.copyOf(s.dims(), s.rank() - 1));
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor labels = in[0], predictions = in[1];
        int m = labels.size();
        int n = attrs.getInt("num_classes");
        check(labels, "labels", n);
        check(predictions, "predictions", n);
        if (n < 0) {
            long max = -1;
            for (int k = 0; k < m; k++) max = Math.max(max, Math.max(labels.getLong(k), predictions.getLong(k)));
            Allocation.require(new long[] {max + 1, max + 1}, out[0].dtype(), SCATTER);
            n = (int) (max + 1);
        }
        DType t = out[0].dtype();
        Object cells = Buffers.allocate(t, n * n);
        for (int k = 0; k < m; k++) {
            int at = (int) labels.getLong(k) * n + (int) predictions.getLong(k);
            if (t.isFloating()) Buffers.setDouble(cells, t, at, Buffers.getDouble(cells, t, at) + (in.length > 2 ? in[2].getDouble(k) : 1));
            else Buffers.setLong(cells, t, at, Buffers.getLong(cells, t, at) + (in.length > 2 ? weightAsLong(in[2], k) : 1));
        }
        return new Tensor[] {Tensor.wrap(t, Shape.of(n, n), cells)};
    }

    /** Weights are cast to the result's dtype first, as TF does (floats truncate). */
    private static long weightAsLong(Tensor w, int k) { return w.dtype().isFloating() ? (long) w.getDouble(k) : w.getLong(k); }

    private static void check(Tensor v, String what, int numClasses) {
        for (int k = 0; k < v.size(); k++) {
            long x = v.getLong(k);
            // TF's Python assertions (check_ops), which name no op
            if (x < 0) throw new InvalidArgumentError("`" + what + "` contains negative values").withOp("");
            if (numClasses >= 0 && x >= numClasses) throw new InvalidArgumentError("`" + what + "` out of bound").withOp("");
        }
    }
}
