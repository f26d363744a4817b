package org.jflow.io.sparse;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * {@code tf.sparse.SparseTensor(indices, values, dense_shape)}: the non-default entries of a tensor, {@code indices}
 * int64 {@code [n, rank]} in row-major order, {@code values} {@code [n]}, {@code denseShape} int64 {@code [rank]}.
 * It prints as TF prints one: {@code SparseTensor(indices=tf.Tensor(...), values=..., dense_shape=...)}.
 */
public record SparseTensor(Tensor indices, Tensor values, Tensor denseShape) {
    public SparseTensor {
        if (indices.dtype() != DType.INT64 || indices.rank() != 2) {
            throw new ValueError("indices must be an int64 matrix, got " + indices.dtype().tfName() + " of shape "
                    + indices.shape().toRepr());
        }
        if (values.rank() != 1) throw new ValueError("values must be a vector, got shape " + values.shape().toRepr());
        if (denseShape.dtype() != DType.INT64 || denseShape.rank() != 1) {
            throw new ValueError("dense_shape must be an int64 vector, got shape " + denseShape.shape().toRepr());
        }
    }

    public DType dtype() { return values.dtype(); }

    /** {@code tf.sparse.to_dense(sp)}: a dense tensor of {@code dense_shape} with zeros (or "") elsewhere. */
    public Tensor toDense() {
        long[] shape = denseShape.toLongArray();
        int[] dims = new int[shape.length];
        long total = 1;
        for (int i = 0; i < dims.length; i++) {
            if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                throw new InvalidArgumentError("Dimension " + shape[i] + " of dense_shape is out of range");
            }
            dims[i] = (int) shape[i];
            total = Math.multiplyExact(total, shape[i]);
        }
        int n = values.size(), rank = dims.length;
        Object src = values.data();
        Object out = dtype() == DType.STRING ? filledStrings((int) total)
                : Array.newInstance(src.getClass().getComponentType(), (int) total);
        long[] idx = indices.toLongArray();
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int d = 0; d < rank; d++) {
                long i = idx[k * rank + d];
                if (i < 0 || i >= shape[d]) {
                    String index = Arrays.toString(Arrays.copyOfRange(idx, k * rank, k * rank + rank));
                    throw new InvalidArgumentError("indices[" + k + "] = " + index
                            + " is out of bounds: need 0 <= index < " + Arrays.toString(shape));
                }
                flat = flat * shape[d] + i;
            }
            Array.set(out, (int) flat, Array.get(src, k));
        }
        return Tensor.wrap(dtype(), Shape.of(dims), out);
    }

    private static byte[][] filledStrings(int n) {
        byte[][] s = new byte[n][];
        Arrays.fill(s, new byte[0]);
        return s;
    }

    @Override
    public String toString() {
        return "SparseTensor(indices=" + indices + ", values=" + values + ", dense_shape=" + denseShape + ")";
    }
}
