package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.opinfo.Variants.*;

/** Cases of the NN ops (convolutions, pooling, their gradients, cross entropies, LRN), and of Cross, Einsum and Unique (see {@link Variants}). */
public final class NnCases {
    private NnCases() {}

    public static List<Cases.Case> conv2d(SplittableRandom rnd) {
        return of(v("[1,5,5,2] * [3,3,2,4] VALID", window(null, s(1, 1, 1, 1), "VALID"), s(1, 5, 5, 2), s(3, 3, 2, 4)),
                v("[2,6,5,3] * [2,2,3,2] SAME stride 2", window(null, s(1, 2, 2, 1), "SAME"), s(2, 6, 5, 3), s(2, 2, 3, 2)),
                v("[1,4,4,1] * [3,3,1,1] dilation 2", a("strides", s(1, 1, 1, 1), "padding", "SAME", "dilations", s(1, 2, 2, 1)), s(1, 4, 4, 1), s(3, 3, 1, 1)),
                v("channels differ (error)", window(null, s(1, 1, 1, 1), "VALID"), s(1, 5, 5, 2), s(3, 3, 3, 4))).cases(rnd);
    }

    public static List<Cases.Case> pool(SplittableRandom rnd) {
        return of(v("[1,4,4,2] 2x2 VALID", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2)),
                v("[2,5,5,1] 3x3 SAME stride 2", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(2, 5, 5, 1)),
                v("[1,3,4,1] 2x3 stride 1 VALID", window(s(1, 2, 3, 1), s(1, 1, 1, 1), "VALID"), s(1, 3, 4, 1)),
                v("window larger than input VALID (error)", window(s(1, 5, 5, 1), s(1, 1, 1, 1), "VALID"), s(1, 3, 3, 1))).cases(rnd);
    }

    public static List<Cases.Case> softmaxCrossEntropy(SplittableRandom rnd) {
        return of(v("[2,3] logits and labels", Attrs.EMPTY, s(2, 3), s(2, 3)),
                v("[2,3] with [3] labels broadcast", Attrs.EMPTY, s(2, 3), s(1, 3)),
                v("[2,3] with [2,4] (error)", Attrs.EMPTY, s(2, 3), s(2, 4))).cases(rnd);
    }

    public static List<Cases.Case> sparseSoftmaxCrossEntropy(SplittableRandom rnd) {
        return of(indexed("[3,4] labels [0,3,1]", Attrs.EMPTY, s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] label 4 (error)", Attrs.EMPTY, s(3, 4), int32(Shape.of(3), 0, 4, 1))).cases(rnd);
    }

    public static List<Cases.Case> cross(SplittableRandom rnd) {
        return of(v("[2,3] x [2,3]", Attrs.EMPTY, s(2, 3), s(2, 3)), v("[3] x [3]", Attrs.EMPTY, s(3), s(3)),
                v("[2] x [2] (error)", Attrs.EMPTY, s(2), s(2))).cases(rnd);
    }

    public static List<Cases.Case> einsum(SplittableRandom rnd) {
        return of(v("ij,jk->ik", a("equation", "ij,jk->ik"), s(2, 3), s(3, 4)),
                v("bij,bjk->bik", a("equation", "bij,bjk->bik"), s(2, 2, 3), s(2, 3, 2)),
                v("ii->i", a("equation", "ii->i"), s(3, 3)),
                v("ij->", a("equation", "ij->"), s(2, 3)),
                v("ij,ij->ij", a("equation", "ij,ij->ij"), s(2, 3), s(2, 3)),
                v("ij,jk->ik mismatch (error)", a("equation", "ij,jk->ik"), s(2, 3), s(4, 4))).cases(rnd);
    }

    public static List<Cases.Case> unique(SplittableRandom rnd) {
        return of(new Variant("[8] small values", a("out_idx", DType.INT32), (t, r) -> new Tensor[] {t == DType.STRING
                        ? Values.strings(Shape.of(4), "b", "a", "b", "c") : Values.ints(t, Shape.of(8), 3, 1, 3, 0, 1, 1, 2, 0)}),
                new Variant("[0]", a("out_idx", DType.INT64), (t, r) -> new Tensor[] {Values.random(t, Shape.of(0), r)}),
                new Variant("[2,2] (error)", a("out_idx", DType.INT32), (t, r) -> new Tensor[] {Values.random(t, Shape.of(2, 2), r)}))
                .cases(rnd);
    }

    public static List<Cases.Case> conv2dBackpropInput(SplittableRandom rnd) {
        return of(v("[1,5,5,2] from [3,3,2,4] VALID", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 4), s(1, 3, 3, 4)),
                v("[2,6,5,3] from [2,2,3,2] SAME stride 2", a("input_sizes", s(2, 6, 5, 3), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 2, 3, 2), s(2, 3, 3, 2)),
                v("out_backprop shape wrong (error)", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 4), s(1, 4, 4, 4)))
                .cases(rnd);
    }

    public static List<Cases.Case> conv2dBackpropFilter(SplittableRandom rnd) {
        return of(v("[3,3,2,4] on [1,5,5,2] VALID", a("filter_sizes", s(3, 3, 2, 4), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 3, 3, 4)),
                v("[2,2,3,2] on [2,6,5,3] SAME stride 2", a("filter_sizes", s(2, 2, 3, 2), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 3, 3, 2)),
                v("out_backprop shape wrong (error)", a("filter_sizes", s(3, 3, 2, 4), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 4, 4, 4)))
                .cases(rnd);
    }

    public static List<Cases.Case> maxPoolGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,2] 2x2 VALID", "MaxPool", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 2, 2, 2)),
                pooled("[1,5,5,1] 3x3 SAME stride 2", "MaxPool", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(1, 5, 5, 1), s(1, 3, 3, 1)),
                v("grad shape wrong (error)", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 2, 2, 2), s(1, 3, 3, 2)))
                .cases(rnd);
    }

    public static List<Cases.Case> avgPoolGrad(SplittableRandom rnd) {
        return of(v("[1,4,4,2] 2x2 VALID", a("orig_input_shape", s(1, 4, 4, 2), "ksize", s(1, 2, 2, 1), "strides", s(1, 2, 2, 1), "padding", "VALID"), s(1, 2, 2, 2)),
                v("[1,5,5,1] 3x3 SAME stride 2", a("orig_input_shape", s(1, 5, 5, 1), "ksize", s(1, 3, 3, 1), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(1, 3, 3, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> conv3d(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] * [2,2,2,2,3] VALID", a("strides", s(1, 1, 1, 1, 1), "padding", "VALID"), s(1, 4, 4, 4, 2), s(2, 2, 2, 2, 3)),
                v("[1,5,4,3,1] * [3,3,3,1,2] SAME stride 2", a("strides", s(1, 2, 2, 2, 1), "padding", "SAME"), s(1, 5, 4, 3, 1), s(3, 3, 3, 1, 2)))
                .cases(rnd);
    }

    public static List<Cases.Case> pool3d(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] 2x2x2 VALID", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 2)),
                v("[1,5,3,4,1] 3x2x2 SAME stride 2", window(s(1, 3, 2, 2, 1), s(1, 2, 2, 2, 1), "SAME"), s(1, 5, 3, 4, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> depthwiseConv(SplittableRandom rnd) {
        return of(v("[1,5,5,2] * [3,3,2,2] VALID", a("strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(3, 3, 2, 2)),
                v("[2,6,5,3] * [2,2,3,1] SAME stride 2", a("strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 2, 3, 1)),
                v("channels differ (error)", a("strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(3, 3, 3, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> lrn(SplittableRandom rnd) {
        return of(v("[1,2,2,6] radius 2", a("depth_radius", 2, "bias", 1.0, "alpha", 0.5, "beta", 0.75), s(1, 2, 2, 6)),
                v("[2,1,1,3] radius 5", a("depth_radius", 5, "bias", 2.0, "alpha", 1.0, "beta", 0.5), s(2, 1, 1, 3)),
                v("rank 3 (error)", a("depth_radius", 2, "bias", 1.0, "alpha", 0.5, "beta", 0.75), s(2, 2, 6))).cases(rnd);
    }

    public static List<Cases.Case> depthwiseBackpropInput(SplittableRandom rnd) {
        return of(v("[1,5,5,2] from [3,3,2,2] VALID", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 2), s(1, 3, 3, 4)),
                v("[2,6,5,3] from [2,2,3,1] SAME stride 2", a("input_sizes", s(2, 6, 5, 3), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 2, 3, 1), s(2, 3, 3, 3)))
                .cases(rnd);
    }

    public static List<Cases.Case> depthwiseBackpropFilter(SplittableRandom rnd) {
        return of(v("[3,3,2,2] on [1,5,5,2] VALID", a("filter_sizes", s(3, 3, 2, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 3, 3, 4)),
                v("[2,2,3,1] on [2,6,5,3] SAME stride 2", a("filter_sizes", s(2, 2, 3, 1), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 3, 3, 3)))
                .cases(rnd);
    }

    public static List<Cases.Case> conv3dBackpropInput(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] from [2,2,2,2,3] VALID", a("input_sizes", s(1, 4, 4, 4, 2), "strides", s(1, 1, 1, 1, 1), "padding", "VALID"),
                s(2, 2, 2, 2, 3), s(1, 3, 3, 3, 3))).cases(rnd);
    }

    public static List<Cases.Case> conv3dBackpropFilter(SplittableRandom rnd) {
        return of(v("[2,2,2,2,3] on [1,4,4,4,2] VALID", a("filter_sizes", s(2, 2, 2, 2, 3), "strides", s(1, 1, 1, 1, 1), "padding", "VALID"),
                s(1, 4, 4, 4, 2), s(1, 3, 3, 3, 3))).cases(rnd);
    }

    /**
     * A max-pool gradient's inputs: the input, its true max pool (TF's kernels route by comparing
     * the input with it; computed by JFlow's forward op, which has its own row), and a gradient.
     */
    private static Variant pooled(String label, String forward, Attrs attrs, int[] input, int[] grad) {
        return new Variant(label, attrs, (t, r) -> {
            Tensor x = Values.random(t, Shape.of(input), r);
            if (!t.isNumeric()) return new Tensor[] {x, x, Values.random(t, Shape.of(grad), r)}; // refused by both sides anyway
            // pooled in float64, exact for every numeric dtype here, so integer inputs get their true max pool too
            Tensor wide = Values.reshaped(Tensor.wrap(DType.FLOAT64, x.shape(), org.jflow.engine.Buffers.convert(x.data(), t, DType.FLOAT64)), x.shape());
            // by the kernel: TF's MaxPool3D allows no float64, which the dispatcher holds a call to
            org.jflow.engine.Op op = org.jflow.engine.OpRegistry.get(forward);
            Attrs full = op.signature().check(forward, attrs);
            Tensor y = op.compute(new Tensor[] {wide}, full, op.infer(new Tensor[] {wide}, full))[0];
            y = Tensor.wrap(t, y.shape(), org.jflow.engine.Buffers.convert(y.data(), DType.FLOAT64, t));
            return new Tensor[] {x, y, Values.random(t, Shape.of(grad), r)};
        });
    }

    public static List<Cases.Case> maxPoolGradGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,2] 2x2 VALID", "MaxPool", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 4, 4, 2)),
                pooled("[1,5,5,1] 3x3 SAME stride 2", "MaxPool", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(1, 5, 5, 1), s(1, 5, 5, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> maxPool3dGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,4,1] 2x2x2 VALID", "MaxPool3D", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 1), s(1, 2, 2, 2, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> maxPool3dGradGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,4,1] 2x2x2 VALID", "MaxPool3D", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 1), s(1, 4, 4, 4, 1)))
                .cases(rnd);
    }

    public static List<Cases.Case> avgPool3dGrad(SplittableRandom rnd) {
        return of(v("[1,4,4,4,1] 2x2x2 VALID", a("orig_input_shape", s(1, 4, 4, 4, 1), "ksize", s(1, 2, 2, 2, 1), "strides", s(1, 2, 2, 2, 1),
                "padding", "VALID"), s(1, 2, 2, 2, 1))).cases(rnd);
    }
}
