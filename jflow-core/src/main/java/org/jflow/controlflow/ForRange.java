package org.jflow.controlflow;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.engine.Tracer;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.graph.Graph;
import org.jflow.raw.Raw;
import org.jflow.raw.RawMath;

import java.util.function.BiFunction;

/**
 * The Java stand-in for AutoGraph's {@code for i in tf.range(start, limit, delta):}: the body gets
 * {@code i} as an int32 scalar tensor and may carry a state from one iteration to the next.
 * Eagerly a Java loop; while tracing, one {@code While} node (built by {@link WhileLoop}), so the
 * body's side effects happen on every iteration of every call.
 */
public final class ForRange {
    private ForRange() {}

    @SuppressWarnings("unchecked")
    public static <S> S run(Object start, Object limit, Object delta, S state, BiFunction<Tensor, S, S> body) {
        Tensor s = Convert.toTensor(start, DType.INT32), l = Convert.toTensor(limit, DType.INT32), d = Convert.toTensor(delta, DType.INT32);
        if (d.hasValue() && d.knownValue().intValue() == 0) throw new InvalidArgumentError("Requires delta != 0: 0");
        if (!(Tracer.Stack.current() instanceof Graph)) {
            int step = d.intValue(), end = l.intValue();
            S current = state;
            for (int i = s.intValue(); step > 0 ? i < end : i > end; i += step) {
                current = body.apply(Raw.scalar(DType.INT32, i), current);
            }
            return current;
        }
        Object[] result = WhileLoop.run(
                v -> more((Tensor) v[0], l, d),
                v -> new Object[] {RawMath.addV2((Tensor) v[0], d), body.apply((Tensor) v[0], (S) v[1])},
                new Object[] {s, state}, new WhileOptions());
        return (S) result[1];
    }

    /** {@code i} has not passed {@code limit} in the direction of {@code delta} (known while tracing in the usual case). */
    private static Tensor more(Tensor i, Tensor limit, Tensor delta) {
        if (delta.hasValue()) {
            return delta.knownValue().intValue() > 0 ? RawMath.less(i, limit) : RawMath.greater(i, limit);
        }
        Tensor zero = Raw.scalar(DType.INT32, 0);
        return RawMath.logicalOr(RawMath.logicalAnd(RawMath.greater(delta, zero), RawMath.less(i, limit)),
                RawMath.logicalAnd(RawMath.less(delta, zero), RawMath.greater(i, limit)));
    }
}
