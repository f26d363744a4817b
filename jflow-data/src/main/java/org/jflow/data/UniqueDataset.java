package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** {@code unique()}: each distinct scalar once, at its first occurrence; int32, int64 and string scalars only. */
final class UniqueDataset extends UnaryDataset<Tensor, Tensor> {
    UniqueDataset(Dataset<Tensor> input) {
        super(input);
        Object spec = input.elementSpec();
        if (!(spec instanceof TensorSpec s) || !(s.dtype() == DType.INT32 || s.dtype() == DType.INT64 || s.dtype() == DType.STRING)) {
            throw new org.jflow.errors.TypeError("`tf.data.Dataset.unique` does not support type " + describe(spec)
                    + " -- only `tf.int32`, `tf.int64`, and `tf.string` are supported.");
        }
    }

    private static String describe(Object spec) {
        return spec instanceof TensorSpec s ? "<dtype: '" + s.dtype().tfName() + "'>" : org.jflow.format.TensorFormat.repr(spec);
    }

    @Override
    public Iterator<Tensor> iterator() {
        Iterator<Tensor> in = input.iterator();
        Set<Object> seen = new HashSet<>();
        return new ElementIterator<>() {
            @Override
            protected Tensor advance() {
                while (in.hasNext()) {
                    Tensor t = in.next();
                    if (t.shape().rank() != 0) {
                        throw new org.jflow.errors.InvalidArgumentError("Unique expects a scalar element, got shape "
                                + t.shape().toErrorString());
                    }
                    Object key = t.dtype() == DType.STRING ? ByteBuffer.wrap(((byte[][]) t.data())[0]) : t.numpy();
                    if (seen.add(key)) return t;
                }
                return null;
            }
        };
    }
}
