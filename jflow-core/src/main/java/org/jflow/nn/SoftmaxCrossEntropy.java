package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Parallel;
import org.jflow.engine.Strides;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;
import org.jflow.raw.RawNn;

/**
 * {@code SoftmaxCrossEntropyWithLogits} (inputs: logits, labels as probabilities; attribute
 * {@code axis}) and {@code SparseSoftmaxCrossEntropyWithLogits} (inputs: logits, int class
 * labels over the last axis). Both output the loss (the logits' shape without the class axis)
 * and, as TF's ops do, the backprop {@code softmax(logits) - labels}. Dense logits and labels broadcast
 * against each other, as in TF. Computed with the
 * log-sum-exp of max-shifted logits, so large logits stay finite.
 */
public final class SoftmaxCrossEntropy extends Op {
    public static final SoftmaxCrossEntropy DENSE = new SoftmaxCrossEntropy("SoftmaxCrossEntropyWithLogits", false)
            .withGradient(SoftmaxCrossEntropy::gradient);
    public static final SoftmaxCrossEntropy SPARSE = new SoftmaxCrossEntropy("SparseSoftmaxCrossEntropyWithLogits", true)
            .withGradient(SoftmaxCrossEntropy::gradient);

    /**
     * TF's form: the loss's upstream times the backprop output, plus, for the backprop output's own
     * upstream {@code gg}, softmax's gradient {@code (gg - sum(gg * p)) * p}; dense labels get
     * {@code -log_softmax(logits)} times the loss's upstream only: TF's gradient (C++ and Python) leaves
     * out the backprop output's {@code -labels} term, and JFlow follows it. Like TF's, the logits'
     * gradient is exact when each label row sums to 1 (the backprop output assumes it).
     */
    private static Tensor[] gradient(GradientContext g, Tensor[] dy) {
        int axis = g.op() == SPARSE ? -1 : g.attrs().getInt("axis");
        Tensor logits = g.x(), dLoss = RawArray.expandDims(dy[0], axis), gg = dy[1];
        Tensor p = RawNn.softmax(logits, axis);
        Tensor dLogits = RawMath.addV2(RawMath.mul(dLoss, g.outputs()[1]),
                RawMath.mul(RawMath.sub(gg, RawMath.sum(RawMath.mul(gg, p), new int[] {axis}, true)), p));
        Tensor dLabels = g.op() == SPARSE || !g.needs(1) ? null
                : Grads.sumToShape(RawMath.mul(dLoss, RawMath.neg(RawNn.logSoftmax(logits, axis))), g.y());
        return new Tensor[] {Grads.sumToShape(dLogits, logits), dLabels};
    }

    private final boolean sparse;

    private SoftmaxCrossEntropy(String name, boolean sparse) {
        super(name, sparse ? Signature.of("features, labels -> loss, backprop")
                : Signature.of("features, labels -> loss, backprop", "axis: int = -1"));
        this.sparse = sparse;
    }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Tensor logits = in[0], labels = in[1];
        Reals.requireFloating(logits.dtype(), name());
        Shape s = logits.shape();
        int axis;
        if (sparse) {
            checkSparse(logits, labels);
            axis = s.rank() - 1;
        } else {
            Reals.requireSameDType(in, 1, name());
            s = broadcastShape(logits.shape(), labels.shape());
            if (s.rank() < 1) throw new InvalidArgumentError("logits must have >= 1 dimension, got []");
            axis = Reals.axis(attrs.getInt("axis"), s.rank(), name());
        }
        int[] d = s.dimsView(), lossDims = new int[d.length - 1];
        for (int i = 0, j = 0; i < d.length; i++) if (i != axis) lossDims[j++] = d[i];
        return new TensorSpec[] {new TensorSpec(logits.dtype(), Shape.ofOwned(lossDims)), new TensorSpec(logits.dtype(), s)};
    }

    /** As TF's kernel, logits and labels broadcast against each other (a row of labels shared by every example, say). */
    private Shape broadcastShape(Shape logits, Shape labels) {
        try {
            return Broadcast.shape(logits, labels, name());
        } catch (InvalidArgumentError e) {
            throw new InvalidArgumentError("logits and labels must be broadcastable: logits_size=" + logits.toErrorString()
                    + " labels_size=" + labels.toErrorString());
        }
    }

    private void checkSparse(Tensor logits, Tensor labels) {
        DType t = labels.dtype();
        if (t != DType.INT32 && t != DType.INT64) throw Reals.notAllowed("Tlabels", t, "int32, int64", name());
        Shape s = logits.shape(), l = labels.shape();
        if (l.rank() != s.rank() - 1) {
            throw new ValueError("Rank mismatch: Rank of labels (received " + l.rank() + ") should equal rank of logits minus 1 (received "
                    + s.rank() + ").");
        }
        for (int i = 0; i < l.rank(); i++) {
            if (l.get(i) != s.get(i) && l.get(i) != Shape.UNKNOWN && s.get(i) != Shape.UNKNOWN) {
                throw new ValueError("Shape mismatch: The shape of labels (received " + l + ") should equal the shape of logits except for "
                        + "the last dimension (received " + s + ").");
            }
        }
    }

    /** TF's kernel checks the label values (at run time, inside a function too): each must index a class. */
    private void checkLabels(Tensor logits, Tensor labels) {
        Shape s = logits.shape();
        int classes = s.get(-1), n = labels.size();
        if (classes == 0 && s.size() == 0 && n > 0) {
            throw new InvalidArgumentError("Must have at least one class, but got logits shape " + s.toErrorString());
        }
        for (int i = 0; i < n; i++) {
            long v = labels.getLong(i);
            if (v < 0 || v >= classes) {
                StringBuilder all = new StringBuilder();
                for (int j = 0; j < n; j++) all.append(j == 0 ? "" : " ").append(labels.getLong(j));
                throw new InvalidArgumentError("Received a label value of " + v + " which is outside the valid range of [0, " + classes
                        + ").  Label values: " + all);
            }
        }
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor logits = in[0];
        if (sparse) checkLabels(logits, in[1]);
        Shape shape = out[1].shape();
        int[] dims = shape.dimsView();
        int axis = sparse ? dims.length - 1 : Reals.axis(attrs.getInt("axis"), dims.length, name());
        double[] x = broadcast(logits, shape);
        double[] labels = sparse ? null : broadcast(in[1], shape);
        long[] classes = sparse ? in[1].toLongArray() : null;
        int n = dims[axis], inner = Strides.product(dims, axis + 1, dims.length), rows = out[0].shape().size();
        double[] loss = new double[rows], backprop = new double[x.length];
        Parallel.forRange(rows, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, n)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int start = (r / inner) * n * inner + r % inner;
                double max = Softmax.rowMax(x, start, inner, n);
                double logSum = Math.log(Softmax.expSum(x, start, inner, n, max));
                double sum = 0;
                for (int k = 0, i = start; k < n; k++, i += inner) {
                    double label = sparse ? (classes[r] == k ? 1 : 0) : labels[i];
                    double logP = x[i] - max - logSum;
                    if (label != 0) sum -= label * logP;
                    backprop[i] = Math.exp(logP) - label;
                }
                loss[r] = sum;
            }
        });
        DType dtype = logits.dtype();
        return new Tensor[] {Reals.fromDoubles(dtype, out[0].shape(), loss), Reals.fromDoubles(dtype, out[1].shape(), backprop)};
    }

    private static double[] broadcast(Tensor t, Shape shape) {
        double[] v = Reals.doubles(t);
        if (t.shape().equals(shape)) return v;
        int[] from = Broadcast.indexMap(t.shape(), shape);
        double[] result = new double[from.length];
        for (int i = 0; i < from.length; i++) result[i] = v[from[i]];
        return result;
    }
}
