package org.jflow;

import org.jflow.engine.Buffers;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.format.TensorFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.RaggedTensor}: rows of varying length, as {@code tf.strings.split} returns them. Its {@code values}
 * (the rows' elements concatenated along the first axis) are a {@link Tensor}, or themselves a RaggedTensor for
 * a tensor with several ragged dimensions ({@code ragged_rank} above 1, as {@code tf.strings.split} of a rank-2
 * input gives); {@code rowSplits} (int64, one more than the number of rows) marks where each row starts, as TF's
 * {@code RaggedTensor.from_row_splits}. A partition built from a uniform row length (TF's
 * {@code from_uniform_row_length}, the outer dimensions of a split matrix) keeps that length, so the static
 * shape knows it: {@code (2, 2, None)}. It prints as TF does: {@code <tf.RaggedTensor [[b'a', b'b'], [b'c']]>}.
 */
public final class RaggedTensor implements RaggedOrDense {
    private final RaggedOrDense values;
    private final Tensor rowSplits;
    /** The rows' common length where the partition was built from one, else -1. */
    private final long uniformRowLength;

    /**
     * A ragged tensor of {@code values} cut by int64 {@code rowSplits} as a kernel gave them (TF's
     * {@code RaggedTensor(values, row_partition)} of op outputs): only their types and ranks are checked; user splits
     * go through {@link #fromRowSplits}, which validates them as TF does.
     */
    public RaggedTensor(RaggedOrDense values, Tensor rowSplits) {
        this(values, rowSplits, -1);
        if (values.shape().hasRank() && values.shape().rank() < 1) {
            throw new ValueError("values must have rank 1 or more, got shape " + values.shape());
        }
        if (rowSplits.dtype() != DType.INT64 || rowSplits.rank() != 1 || rowSplits.size() < 1) {
            throw new ValueError("row_splits must be a non-empty 1-D int64 tensor, got " + rowSplits.repr());
        }
    }

    private RaggedTensor(RaggedOrDense values, Tensor rowSplits, long uniformRowLength) {
        this.values = values;
        this.rowSplits = rowSplits;
        this.uniformRowLength = uniformRowLength;
    }

    /**
     * {@code tf.RaggedTensor.from_row_splits(values, row_splits)} with TF's validation: the splits start at 0, never
     * decrease and end at the number of values' rows, else TF's {@code InvalidArgumentError} texts.
     */
    public static RaggedTensor fromRowSplits(RaggedOrDense values, long[] rowSplits) {
        if (rowSplits.length == 0) throw new ValueError("row_splits tensor may not be empty.");
        if (values.shape().rank() < 1) throw new ValueError("values must have rank 1 or more, got shape " + values.shape());
        String invalid = "Arguments to from_row_splits do not form a valid RaggedTensor:";
        if (rowSplits[0] != 0) {
            throw new InvalidArgumentError(invalid + "zero\nCondition x == y did not hold.\nFirst 1 elements of x:\n["
                    + rowSplits[0] + "]\nFirst 1 elements of y:\n[0]");
        }
        for (int i = 1; i < rowSplits.length; i++) {
            if (rowSplits[i] < rowSplits[i - 1]) throw new InvalidArgumentError(invalid + "monotonic.  \n" + notNonNegative(rowSplits));
        }
        long nvals = nrowsOf(values), last = rowSplits[rowSplits.length - 1];
        if (last != nvals) {
            throw new InvalidArgumentError("Arguments to _from_row_partition do not form a valid RaggedTensor\nCondition x == y"
                    + " did not hold.\nFirst 1 elements of x:\n[" + last + "]\nFirst 1 elements of y:\n[" + nvals + "]");
        }
        return new RaggedTensor(values, Tensor.wrap(DType.INT64, Shape.of(rowSplits.length), rowSplits.clone()), -1);
    }

    /** TF's {@code assert_non_negative} text for the splits' differences: the shape and the first 3 of them. */
    private static String notNonNegative(long[] splits) {
        int n = splits.length - 1;
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(n, 3); i++) shown.add("'" + (splits[i + 1] - splits[i]) + "'");
        if (n > 3) shown.add("'...'");
        return "Condition x >= 0 did not hold element-wise:\nx (shape=(" + n + ",) dtype=int64) = \n[" + String.join(", ", shown) + "]";
    }

    /**
     * {@code tf.RaggedTensor.from_nested_row_splits(flat_values, nested_row_splits)}: one ragged dimension per
     * splits array, outermost first.
     */
    public static RaggedTensor fromNestedRowSplits(Tensor flatValues, long[]... nestedRowSplits) {
        if (nestedRowSplits.length == 0) throw new ValueError("nested_row_splits must be non-empty; got []");
        RaggedOrDense result = flatValues;
        for (int k = nestedRowSplits.length - 1; k >= 0; k--) result = fromRowSplits(result, nestedRowSplits[k]);
        return (RaggedTensor) result;
    }

    /** {@code fromNestedRowSplits} with the splits as int64 tensors ({@code rt.nestedRowSplits()} round-trips). */
    public static RaggedTensor fromNestedRowSplits(Tensor flatValues, List<Tensor> nestedRowSplits) {
        return fromNestedRowSplits(flatValues, nestedRowSplits.stream().map(Tensor::toLongArray).toArray(long[][]::new));
    }

    /**
     * {@code tf.RaggedTensor.from_uniform_row_length(values, uniform_row_length, nrows)}: {@code nrows} rows of
     * {@code length} values each; the static shape keeps the length.
     */
    public static RaggedTensor fromUniformRowLength(RaggedOrDense values, long length, long nrows) {
        if (length < 0 || nrows < 0 || length * nrows != nrowsOf(values)) {
            throw new InvalidArgumentError("Arguments to _from_row_partition do not form a valid RaggedTensor\nCondition x == y"
                    + " did not hold.\nFirst 1 elements of x:\n[" + length * nrows + "]\nFirst 1 elements of y:\n[" + nrowsOf(values) + "]");
        }
        long[] splits = new long[(int) nrows + 1];
        for (int i = 0; i <= nrows; i++) splits[i] = i * length;
        return new RaggedTensor(values, Tensor.wrap(DType.INT64, Shape.of(splits.length), splits), length);
    }

    private static long nrowsOf(RaggedOrDense values) {
        return values instanceof RaggedTensor r ? r.nrows() : values.shape().get(0);
    }

    /** {@code rt.with_values(values)}: the same row partition over other values (as many rows as the current ones). */
    public RaggedTensor withValues(RaggedOrDense newValues) {
        if (nrowsOf(newValues) != nrowsOf(values)) {
            throw new ValueError("values must have " + nrowsOf(values) + " rows, got " + nrowsOf(newValues));
        }
        return new RaggedTensor(newValues, rowSplits, uniformRowLength);
    }

    /** The rows' elements: a Tensor, or a RaggedTensor where more dimensions are ragged. */
    public RaggedOrDense values() { return values; }

    /** Where each row starts in {@link #values}, and where the last ends (int64, {@code nrows + 1} long). */
    public Tensor rowSplits() { return rowSplits; }

    /** The innermost values, below every ragged dimension ({@code rt.flat_values}). */
    public Tensor flatValues() { return values instanceof RaggedTensor r ? r.flatValues() : (Tensor) values; }

    /** The row splits of every ragged dimension, outermost first ({@code rt.nested_row_splits}). */
    public List<Tensor> nestedRowSplits() {
        List<Tensor> all = new ArrayList<>();
        for (RaggedOrDense r = this; r instanceof RaggedTensor rt; r = rt.values) all.add(rt.rowSplits);
        return all;
    }

    /** The number of ragged dimensions ({@code rt.ragged_rank}). */
    public int raggedRank() { return values instanceof RaggedTensor r ? 1 + r.raggedRank() : 1; }

    public int nrows() { return rowSplits.size() - 1; }

    @Override
    public DType dtype() { return values.dtype(); }

    /**
     * The static shape: the number of rows, each ragged dimension unknown unless its rows have a uniform length,
     * then the flat values' inner dimensions: {@code (2, None, None)}, {@code (2, 2, None)}.
     */
    @Override
    public Shape shape() {
        int[] inner = values.shape().dims();
        int[] d = new int[inner.length + 1];
        d[0] = nrows();
        System.arraycopy(inner, 1, d, 2, inner.length - 1);
        d[1] = uniformRowLength >= 0 ? (int) uniformRowLength : Shape.UNKNOWN;
        return Shape.of(d);
    }

    private long[] splits() { return rowSplits.toLongArray(); }

    /** Row {@code i} (Python's {@code ragged[i]}) of a tensor with one ragged dimension, a Tensor. */
    public Tensor row(int i) {
        if (values instanceof RaggedTensor) {
            throw new ValueError("row(" + i + ") of a RaggedTensor of ragged_rank " + raggedRank() + " is ragged: use raggedRow");
        }
        long[] s = splits();
        return (Tensor) rows(values, (int) s[i], (int) s[i + 1]);
    }

    /** Row {@code i} (Python's {@code ragged[i]}) of a tensor with several ragged dimensions, a RaggedTensor. */
    public RaggedTensor raggedRow(int i) {
        if (!(values instanceof RaggedTensor)) throw new ValueError("raggedRow(" + i + ") of a RaggedTensor of ragged_rank 1 is a Tensor: use row");
        long[] s = splits();
        return (RaggedTensor) rows(values, (int) s[i], (int) s[i + 1]);
    }

    /** Rows {@code [from, to)} of {@code v}, a ragged one's splits rebased to start at 0. */
    private static RaggedOrDense rows(RaggedOrDense v, int from, int to) {
        if (v instanceof Tensor t) return t.slice(Index.range(from, to));
        RaggedTensor r = (RaggedTensor) v;
        long[] s = r.splits(), rebased = new long[to - from + 1];
        for (int k = 0; k < rebased.length; k++) rebased[k] = s[from + k] - s[from];
        return new RaggedTensor(rows(r.values, (int) s[from], (int) s[to]),
                Tensor.wrap(DType.INT64, Shape.of(rebased.length), rebased), r.uniformRowLength);
    }

    /**
     * Python's {@code ragged.to_list()}: nested lists down to the flat values' elements, strings decoded as UTF-8
     * and numbers boxed. The caller's type picks the nesting ({@code List<List<Object>>} for one ragged dimension).
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> toList() {
        Tensor flat = flatValues();
        int inner = flat.rank() == 0 ? 1 : flat.size() / Math.max(1, flat.shape().get(0));
        List<long[]> levels = nestedRowSplits().stream().map(Tensor::toLongArray).toList();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < nrows(); i++) rows.add(listOf(flat, inner, levels, 0, i));
        return (List<T>) rows;
    }

    private static Object listOf(Tensor flat, int inner, List<long[]> levels, int level, int row) {
        long[] s = levels.get(level);
        List<Object> out = new ArrayList<>();
        for (long k = s[row]; k < s[row + 1]; k++) {
            out.add(level + 1 < levels.size() ? listOf(flat, inner, levels, level + 1, (int) k)
                    : elementList(flat, flat.shape().dims(), 1, (int) k * inner));
        }
        return out;
    }

    /** Flat value {@code offset}'s element, or its nested list where the flat values have inner dimensions. */
    private static Object elementList(Tensor flat, int[] dims, int axis, int offset) {
        if (axis == dims.length) return flat.element(offset);
        int stride = 1;
        for (int k = axis + 1; k < dims.length; k++) stride *= dims[k];
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < dims[axis]; i++) out.add(elementList(flat, dims, axis + 1, offset + i * stride));
        return out;
    }

    /**
     * {@code rt.to_tensor()}: a dense tensor of the bounding shape (each ragged dimension its longest row, or its
     * uniform length), missing elements 0, false or the empty string.
     */
    public Tensor toTensor() {
        List<long[]> levels = nestedRowSplits().stream().map(Tensor::toLongArray).toList();
        Tensor flat = flatValues();
        int[] flatDims = flat.shape().dims();
        int[] dims = new int[levels.size() + flatDims.length];
        dims[0] = nrows();
        List<RaggedTensor> partitions = new ArrayList<>();
        for (RaggedOrDense r = this; r instanceof RaggedTensor rt; r = rt.values) partitions.add(rt);
        for (int j = 0; j < levels.size(); j++) {
            long[] s = levels.get(j);
            long longest = partitions.get(j).uniformRowLength;
            for (int i = 0; i + 1 < s.length; i++) longest = Math.max(longest, s[i + 1] - s[i]);
            dims[j + 1] = (int) Math.max(0, longest);
        }
        System.arraycopy(flatDims, 1, dims, levels.size() + 1, flatDims.length - 1);
        Shape shape = Shape.of(dims);
        Object out = Buffers.allocate(flat.dtype(), shape.size());
        int slots = flat.dtype().isComplex() ? 2 : 1;
        int[] strides = new int[dims.length + 1];
        strides[dims.length] = slots;
        for (int k = dims.length - 1; k >= 0; k--) strides[k] = strides[k + 1] * dims[k];
        for (int i = 0; i < nrows(); i++) fill(flat.data(), out, levels, 0, i, i * strides[1], strides);
        return Tensor.wrap(flat.dtype(), shape, out);
    }

    /** Copies row {@code row} of ragged level {@code level} to {@code out} from slot {@code at}. */
    private static void fill(Object flat, Object out, List<long[]> levels, int level, int row, int at, int[] strides) {
        long[] s = levels.get(level);
        int step = strides[level + 2];
        if (level + 1 == levels.size()) {
            System.arraycopy(flat, (int) s[row] * step, out, at, (int) (s[row + 1] - s[row]) * step);
            return;
        }
        for (long k = s[row]; k < s[row + 1]; k++) fill(flat, out, levels, level + 1, (int) k, at + (int) (k - s[row]) * step, strides);
    }

    /** As TF prints an eager ragged tensor: {@code <tf.RaggedTensor [[b'hello', b'world'], [], [b'a']]>}. */
    @Override
    public String toString() { return TensorFormat.ragged(this); }
}
