package org.jflow.array;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;
import org.jflow.raw.RawArray;

import java.util.Arrays;

/**
 * TF's {@code tf.boolean_mask(tensor, mask, axis)} as array_ops composes it: the mask's dims are
 * flattened into one, and the rows where it is true are gathered ({@code Where}, {@code GatherV2}).
 * Shared by {@code tf.booleanMask} and the indexing operator {@code t.mask(m)} ({@code t[m]}).
 */
public final class BooleanMask {
    private BooleanMask() {}

    /** The elements of {@code t} where the bool {@code mask} (over dims {@code axis .. axis + mask.rank}) is true. */
    public static Tensor apply(Tensor t, Tensor mask, int axis) {
        int k = mask.rank(), r = t.rank();
        if (k == 0) throw new ValueError("mask cannot be scalar.");
        if (axis < 0) axis += r;
        int[] d = t.shape().dimsView();
        boolean fits = axis >= 0 && axis + k <= r;
        if (!fits || !Arrays.equals(Arrays.copyOfRange(d, axis, axis + k), mask.shape().dimsView())) {
            Shape part = fits ? Shape.of(Arrays.copyOfRange(d, axis, axis + k)) : t.shape();
            throw new ValueError("Shapes " + part + " and " + mask.shape() + " are incompatible");
        }
        int[] flat = new int[r - k + 1];
        System.arraycopy(d, 0, flat, 0, axis);
        flat[axis] = -1;
        System.arraycopy(d, axis + k, flat, axis + 1, r - axis - k);
        Tensor indices = RawArray.squeeze(RawArray.where(RawArray.reshape(mask, new int[] {-1})), new int[] {1});
        return RawArray.gatherV2(RawArray.reshape(t, flat), indices, axis, 0);
    }
}
