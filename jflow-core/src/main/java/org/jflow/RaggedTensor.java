package org.jflow;

import org.jflow.errors.ValueError;
import org.jflow.format.TensorFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.RaggedTensor} with one ragged dimension, as {@code tf.strings.split} of a vector returns
 * it: the rows' elements concatenated in one 1-D {@code values} tensor and {@code rowSplits} (int64,
 * one more than the number of rows) marking where each row starts, as TF's
 * {@code RaggedTensor.from_row_splits}. It prints as TF does: {@code <tf.RaggedTensor [[b'a', b'b'], [b'c']]>}.
 */
public record RaggedTensor(Tensor values, Tensor rowSplits) implements RaggedOrDense {
    public RaggedTensor {
        if (values.rank() != 1) throw new ValueError("values must have rank 1, got shape " + values.shape());
        if (rowSplits.dtype() != DType.INT64 || rowSplits.rank() != 1 || rowSplits.size() < 1) {
            throw new ValueError("row_splits must be a non-empty 1-D int64 tensor, got " + rowSplits.repr());
        }
    }

    /** {@code tf.RaggedTensor.from_row_splits(values, row_splits)}. */
    public static RaggedTensor fromRowSplits(Tensor values, long[] rowSplits) {
        return new RaggedTensor(values, Tensor.wrap(DType.INT64, Shape.of(rowSplits.length), rowSplits.clone()));
    }

    public int nrows() { return rowSplits.size() - 1; }

    public DType dtype() { return values.dtype(); }

    /** The static shape, the ragged dimension unknown: {@code (3, None)}. */
    public Shape shape() { return Shape.of(nrows(), Shape.UNKNOWN); }

    /** Row {@code i} as a 1-D tensor (Python's {@code ragged[i]}). */
    public Tensor row(int i) {
        long[] splits = rowSplits.toLongArray();
        return values.slice(Index.range((int) splits[i], (int) splits[i + 1]));
    }

    /** Python's {@code ragged.to_list()}, strings decoded as UTF-8 and numbers boxed. */
    public List<List<Object>> toList() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < nrows(); i++) {
            Tensor r = row(i);
            List<Object> row = new ArrayList<>(r.size());
            String[] strings = dtype() == DType.STRING ? r.toStringArray() : null;
            for (int k = 0; k < r.size(); k++) row.add(strings != null ? strings[k] : r.element(k));
            rows.add(row);
        }
        return rows;
    }

    /** As TF prints an eager ragged tensor: {@code <tf.RaggedTensor [[b'hello', b'world'], [], [b'a']]>}. */
    @Override
    public String toString() { return TensorFormat.ragged(this); }
}
