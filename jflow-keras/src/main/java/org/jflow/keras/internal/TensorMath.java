package org.jflow.keras.internal;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

/**
 * The arithmetic Keras' optimizers and schedules write with {@code keras.ops}, on the raw ops and
 * with every dtype explicit: two tensors must share a dtype (as TF's ops require), and a Java
 * number next to a tensor becomes a scalar of that tensor's dtype (what Keras' {@code ops.multiply(m,
 * 1 - beta_1)} does with a Python float). Nothing here infers a dtype from a literal.
 */
public final class TensorMath {
    private TensorMath() {}

    private static Tensor like(TensorLike t, double value) { return Raw.scalar(t.dtype(), value); }

    public static Tensor add(TensorLike a, TensorLike b) { return RawMath.addV2(a.value(), b.value()); }

    public static Tensor add(TensorLike a, double b) { return RawMath.addV2(a.value(), like(a, b)); }

    public static Tensor add(double a, TensorLike b) { return RawMath.addV2(like(b, a), b.value()); }

    public static Tensor sub(TensorLike a, TensorLike b) { return RawMath.sub(a.value(), b.value()); }

    public static Tensor sub(TensorLike a, double b) { return RawMath.sub(a.value(), like(a, b)); }

    public static Tensor sub(double a, TensorLike b) { return RawMath.sub(like(b, a), b.value()); }

    public static Tensor mul(TensorLike a, TensorLike b) { return RawMath.mul(a.value(), b.value()); }

    public static Tensor mul(TensorLike a, double b) { return RawMath.mul(a.value(), like(a, b)); }

    public static Tensor mul(double a, TensorLike b) { return RawMath.mul(like(b, a), b.value()); }

    /** True division of floats ({@code RealDiv}). */
    public static Tensor div(TensorLike a, TensorLike b) { return RawMath.realDiv(a.value(), b.value()); }

    public static Tensor div(TensorLike a, double b) { return RawMath.realDiv(a.value(), like(a, b)); }

    public static Tensor div(double a, TensorLike b) { return RawMath.realDiv(like(b, a), b.value()); }

    public static Tensor pow(TensorLike a, TensorLike b) { return RawMath.pow(a.value(), b.value()); }

    public static Tensor pow(TensorLike a, double b) { return RawMath.pow(a.value(), like(a, b)); }

    public static Tensor maximum(TensorLike a, TensorLike b) { return RawMath.maximum(a.value(), b.value()); }

    public static Tensor minimum(TensorLike a, TensorLike b) { return RawMath.minimum(a.value(), b.value()); }

    public static Tensor minimum(TensorLike a, double b) { return RawMath.minimum(a.value(), like(a, b)); }

    public static Tensor sqrt(TensorLike x) { return RawMath.sqrt(x.value()); }

    public static Tensor square(TensorLike x) { return RawMath.square(x.value()); }

    public static Tensor abs(TensorLike x) { return RawMath.abs(x.value()); }

    public static Tensor neg(TensorLike x) { return RawMath.neg(x.value()); }

    public static Tensor floor(TensorLike x) { return RawMath.floor(x.value()); }

    public static Tensor ceil(TensorLike x) { return RawMath.ceil(x.value()); }

    public static Tensor cos(TensorLike x) { return RawMath.cos(x.value()); }

    public static Tensor log(TensorLike x) { return RawMath.log(x.value()); }

    public static Tensor equal(TensorLike a, double b) { return RawMath.equal(a.value(), like(a, b)); }

    public static Tensor lessEqual(TensorLike a, TensorLike b) { return RawMath.lessEqual(a.value(), b.value()); }

    public static Tensor greater(TensorLike a, TensorLike b) { return RawMath.greater(a.value(), b.value()); }

    public static Tensor logicalAnd(TensorLike a, TensorLike b) { return RawMath.logicalAnd(a.value(), b.value()); }

    /** {@code tf.where(condition, x, y)}: x and y of one dtype, broadcasting ({@code SelectV2}). */
    public static Tensor where(TensorLike condition, TensorLike x, TensorLike y) {
        return RawArray.selectV2(condition.value(), x.value(), y.value());
    }

    /** {@code tf.clip_by_value(x, lo, hi)} with scalar bounds: {@code maximum(minimum(x, hi), lo)}. */
    public static Tensor clipByValue(TensorLike x, double lo, double hi) {
        return RawMath.maximum(RawMath.minimum(x.value(), like(x, hi)), like(x, lo));
    }

    /** {@code tf.clip_by_norm(x, norm)} over all of {@code x}. */
    public static Tensor clipByNorm(TensorLike x, double norm) { return RawMath.clipByNorm(x.value(), like(x, norm), null); }

    /** {@code tf.reduce_sum(x)} over every axis. */
    public static Tensor sum(TensorLike x) {
        int[] all = new int[x.shape().rank()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return RawMath.sum(x.value(), all, false);
    }

    /** {@code tf.cast}; the tensor itself when it has the dtype already. */
    public static Tensor cast(TensorLike x, DType dtype) {
        return Raw.castTo(x.value(), dtype);
    }

    /** A scalar of {@code dtype}. */
    public static Tensor scalar(DType dtype, double value) { return Raw.scalar(dtype, value); }

    /** A tensor of {@code like}'s shape and dtype filled with {@code value}. */
    public static Tensor full(TensorLike shapeAndDtype, double value) {
        return RawArray.fill(shapeAndDtype.shape().dims(), like(shapeAndDtype, value));
    }
}
