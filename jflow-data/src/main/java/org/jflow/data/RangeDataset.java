package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.Raw;

import java.util.Iterator;

/** {@code Dataset.range}: int64 scalars from start (inclusive) to stop (exclusive) by step. */
final class RangeDataset extends Dataset<Tensor> {
    private final long start, stop, step;

    RangeDataset(long start, long stop, long step) {
        if (step == 0) throw new InvalidArgumentError("step must be a non-zero integer.");
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Iterator<Tensor> iterator() {
        return new ElementIterator<>() {
            private long next = start;
            private boolean overflowed;

            @Override
            protected Tensor advance() {
                if (overflowed || (step > 0 ? next >= stop : next <= stop)) return null;
                Tensor out = Raw.scalar(DType.INT64, next);
                long after = next + step;
                overflowed = (step > 0) != (after > next); // past Long.MAX_VALUE: the range has ended
                next = after;
                return out;
            }
        };
    }

    @Override
    public Object elementSpec() { return new TensorSpec(DType.INT64, Shape.scalar()); }

    /** TF's size of the range: ceil((stop - start) / step) when positive, else 0 (exact for any longs). */
    @Override
    public long cardinality() {
        if (step > 0 ? stop <= start : stop >= start) return 0;
        java.math.BigInteger span = java.math.BigInteger.valueOf(stop).subtract(java.math.BigInteger.valueOf(start)).abs();
        java.math.BigInteger s = java.math.BigInteger.valueOf(step).abs();
        return span.add(s).subtract(java.math.BigInteger.ONE).divide(s).longValue();
    }
}
