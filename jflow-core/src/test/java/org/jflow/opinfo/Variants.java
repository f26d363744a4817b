package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.opinfo.Values.ALL;

/**
 * Variants, the unit of most cases: per op a list of (label, attributes, inputs for a dtype), errors
 * included; {@link #of} runs the first variant in every dtype and the others in float32 and int64.
 * Also the small builders the case files share.
 */
public final class Variants {
    private Variants() {}

    /** Makes a variant's inputs for dtype {@code t}. */
    @FunctionalInterface
    public interface Inputs {
        Tensor[] make(DType t, SplittableRandom rnd);
    }

    public record Variant(String label, Attrs attrs, Inputs inputs) {}

    public static Cases.Generator of(Variant... variants) {
        return rnd -> {
            List<Cases.Case> cases = new ArrayList<>();
            for (DType t : ALL) cases.add(make(variants[0], t, rnd));
            for (int i = 1; i < variants.length; i++) {
                for (DType t : new DType[] {DType.FLOAT32, DType.INT64}) cases.add(make(variants[i], t, rnd));
            }
            return cases;
        };
    }

    private static Cases.Case make(Variant v, DType t, SplittableRandom rnd) {
        return new Cases.Case(t.tfName() + " " + v.label(), v.attrs(), v.inputs().make(t, rnd));
    }

    /** A variant whose inputs are random tensors of the tested dtype with these shapes. */
    public static Variant v(String label, Attrs attrs, int[]... shapes) {
        return new Variant(label, attrs, (t, rnd) -> {
            Tensor[] in = new Tensor[shapes.length];
            for (int i = 0; i < shapes.length; i++) in[i] = Values.random(t, Shape.of(shapes[i]), rnd);
            return in;
        });
    }

    public static int[] s(int... dims) { return dims; }

    public static Attrs a(Object... kv) { return Attrs.of(kv); }

    public static Tensor int32(Shape s, long... v) { return Values.ints(DType.INT32, s, v); }

    public static Variant indexed(String label, Attrs attrs, int[] params, Tensor indices) {
        return new Variant(label, attrs, (t, rnd) -> new Tensor[] {Values.random(t, Shape.of(params), rnd), indices});
    }

    public static Attrs strided(int[] begin, int[] end, int[] strides, int beginMask, int endMask, int ellipsis, int newAxis, int shrink) {
        return a("begin", begin, "end", end, "strides", strides, "begin_mask", beginMask, "end_mask", endMask,
                "ellipsis_mask", ellipsis, "new_axis_mask", newAxis, "shrink_axis_mask", shrink);
    }

    public static Attrs window(int[] ksize, int[] strides, String padding) {
        return ksize == null ? a("strides", strides, "padding", padding) : a("ksize", ksize, "strides", strides, "padding", padding);
    }

    /** Well-conditioned matrices: random plus 6 on the diagonal (symmetric positive definite where the op needs it). */
    public static Variant matrices(String label, boolean spd, int n, int... batch) {
        return new Variant(label, Attrs.EMPTY, (t, r) -> {
            int[] dims = java.util.Arrays.copyOf(batch, batch.length + 2);
            dims[batch.length] = n;
            dims[batch.length + 1] = n;
            Tensor x = Values.random(t, Shape.of(dims), r);
            if (!t.isFloating() && !t.isComplex()) return new Tensor[] {x};
            Object data = x.data(), original = org.jflow.engine.Buffers.copy(data);
            int count = x.size() / (n * n);
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int k = m * n * n + i * n + j;
                        double v = org.jflow.engine.Buffers.getDouble(original, t, k), vt = org.jflow.engine.Buffers.getDouble(original, t, m * n * n + j * n + i);
                        double w = spd ? (v + vt) / 4 : v / 2;
                        org.jflow.engine.Buffers.setDouble(data, t, k, i == j ? w + 6 : w);
                    }
                }
            }
            return new Tensor[] {x};
        });
    }
}
