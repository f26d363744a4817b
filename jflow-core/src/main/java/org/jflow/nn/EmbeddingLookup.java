package org.jflow.nn;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.SparseGradient;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;

/**
 * {@code tf.nn.embedding_lookup(params, ids)}: the rows {@code params[ids]}, a gather on axis 0
 * with output shape {@code ids.shape + params.shape[1:]}; any params dtype, int32/int64 ids.
 */
public final class EmbeddingLookup extends Op {
    /** TF's gather gradient: the upstream rows as IndexedSlices of params (dense where a caller needs it); ids get none. */
    public static final EmbeddingLookup EMBEDDING_LOOKUP = new EmbeddingLookup().withGradient(
            (SparseGradient) (g, dy) -> new TensorLike[] {Grads.gatherSlices(dy[0], g.y(), g.x().shape()), null})
            // TF's embedding_lookup of one partition: gather(params, ids)
            .withDecomposition((in, attrs) -> new Tensor[] {RawArray.gatherV2(in[0], in[1], 0, 0)});

    private EmbeddingLookup() { super("EmbeddingLookup", Signature.of("params, ids -> output")); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        Tensor params = in[0], ids = in[1];
        if (in[0].dtype().isComplex()) { // its kernel moves single slots, not complex pairs
            throw new org.jflow.errors.UnimplementedError("JFlow has no " + in[0].dtype().tfName() + " kernel for " + name() + " yet");
        }
        if (ids.dtype() != DType.INT32 && ids.dtype() != DType.INT64) throw Reals.notAllowed("Tindices", ids.dtype(), "int32, int64", name());
        if (!params.shape().hasRank() || !ids.shape().hasRank()) {
            return new TensorSpec[] {new TensorSpec(params.dtype(), Shape.unknownRank())};
        }
        if (params.rank() < 1) {
            throw new InvalidArgumentError("params must be at least 1 dimensional");
        }
        // Only shapes here: the ids' values are checked by the kernel, so a traced lookup works on ids fed at run time.
        int[] p = params.shape().dimsView(), d = ids.shape().dimsView();
        int[] outDims = new int[d.length + p.length - 1];
        System.arraycopy(d, 0, outDims, 0, d.length);
        System.arraycopy(p, 1, outDims, d.length, p.length - 1);
        return new TensorSpec[] {new TensorSpec(params.dtype(), Shape.ofOwned(outDims))};
    }

    /** As TF's gather kernel: an id outside {@code [0, rows)} is an InvalidArgumentError when the op runs. */
    private void checkIds(Tensor ids, int rows) {
        for (int i = 0, n = ids.size(); i < n; i++) {
            long v = ids.getLong(i);
            if (v < 0 || v >= rows) {
                throw new InvalidArgumentError("indices[" + multiIndex(ids.shape(), i) + "] = " + v + " is not in [0, " + rows + ")");
            }
        }
    }

    /** TF's {@code indices[1,2]} form of a flat index. */
    private static String multiIndex(Shape shape, int flat) {
        int[] d = shape.dimsView();
        StringBuilder sb = new StringBuilder();
        for (int i = d.length - 1; i >= 0; i--) {
            sb.insert(0, (i == 0 ? "" : ",") + flat % d[i]);
            flat /= d[i];
        }
        return sb.toString();
    }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor params = in[0], ids = in[1];
        checkIds(ids, params.shape().get(0));
        int row = params.shape().get(0) == 0 ? 0 : params.size() / params.shape().get(0);
        int n = ids.size();
        Object y = Buffers.allocate(params.dtype(), n * row);
        for (int i = 0; i < n; i++) System.arraycopy(params.data(), (int) ids.getLong(i) * row, y, i * row, row);
        return new Tensor[] {Tensor.wrap(params.dtype(), out[0].shape(), y)};
    }
}
