package org.jflow.math;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Strides;
import org.jflow.errors.InvalidArgumentError;

/**
 * Which axes a reduction removes, the output shape, and how the input is laid out for the
 * kernels: when the reduced axes (ignoring size-1 axes) form one run, the input is used in place as
 * {@code [outer, reduced, inner]}; otherwise it is permuted to {@code [kept..., reduced...]} first.
 */
final class ReducePlan {
    final AxisLayout layout;
    /** The permutation that brings reduced axes last, or null when the input is used in place. */
    final int[] permutation;

    private ReducePlan(AxisLayout layout, int[] permutation) {
        this.layout = layout;
        this.permutation = permutation;
    }

    /**
     * Which of {@code rank} axes {@code axes} names (null: all of them), throwing TF's error for an
     * axis out of {@code [-rank, rank)}.
     */
    static boolean[] reducedAxes(int rank, int[] axes, String opName) {
        boolean[] r = new boolean[rank];
        if (axes == null) {
            java.util.Arrays.fill(r, true);
            return r;
        }
        for (int a : axes) {
            if (a < -rank || a >= rank) {
                throw new InvalidArgumentError("Invalid reduction dimension (" + a + " for input with " + rank
                        + " dimension(s)").withOp(opName);
            }
            int axis = a < 0 ? a + rank : a;
            if (r[axis]) {
                throw new InvalidArgumentError("Invalid reduction arguments: Axes contains duplicate dimension: " + axis).withOp(opName);
            }
            r[axis] = true;
        }
        return r;
    }

    /** The output shape: reduced axes removed, or kept as 1 with {@code keepDims}; unknown dims stay unknown. */
    static Shape outputShape(Shape in, boolean[] reduced, boolean keepDims) {
        int[] d = in.dimsView();
        int kept = 0;
        for (int i = 0; i < d.length; i++) if (!reduced[i] || keepDims) kept++;
        int[] out = new int[kept];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (!reduced[i]) out[k++] = d[i];
            else if (keepDims) out[k++] = 1;
        }
        return Shape.ofOwned(out);
    }

    static ReducePlan of(Shape shape, boolean[] reduced) {
        int[] d = shape.dimsView();
        int first = -1, last = -1;
        for (int i = 0; i < d.length; i++) {
            if (reduced[i] && d[i] != 1) {
                if (first < 0) first = i;
                last = i;
            }
        }
        boolean oneRun = true;
        for (int i = first + 1; first >= 0 && i < last; i++) if (!reduced[i] && d[i] != 1) oneRun = false;
        if (oneRun) {
            int outer = 1, n = 1, inner = 1;
            for (int i = 0; i < d.length; i++) {
                if (first < 0 || i < first) outer *= d[i];
                else if (i <= last) n *= reduced[i] ? d[i] : 1;
                else inner *= d[i];
            }
            return new ReducePlan(new AxisLayout(outer, n, inner), null);
        }
        int[] perm = new int[d.length];
        int k = 0, outer = 1, n = 1;
        for (int i = 0; i < d.length; i++) if (!reduced[i]) { perm[k++] = i; outer *= d[i]; }
        for (int i = 0; i < d.length; i++) if (reduced[i]) { perm[k++] = i; n *= d[i]; }
        return new ReducePlan(new AxisLayout(outer, n, 1), perm);
    }

    /** The input's buffer in this plan's layout (a permuted copy when needed). */
    Object arrange(Tensor x) {
        return permutation == null ? x.data() : permute(x.data(), x.shape().dimsView(), permutation);
    }

    /** A row-major copy of {@code src} with its axes reordered by {@code perm}. */
    static Object permute(Object src, int[] dims, int[] perm) {
        return Strides.gather(src, Strides.permutedMap(dims, perm));
    }
}
