package org.jflow.autodiff;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Gradient;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every registered op's gradient against central finite differences in float64, on random inputs
 * of a few shapes (broadcasting included), and second-order gradients (a tape around a tape) for
 * the smooth ones. An op with a gradient but no case here fails; ops with no gradient yet (and not
 * declared not differentiable) are listed in the output for the next slice.
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 2e-5;
    /**
     * Ops TF (and so JFlow) has no float64 kernel for: checked in float32, with a step and a
     * tolerance that float32's rounding allows.
     */
    private static final Set<String> FLOAT32_ONLY = Set.of("AvgPool3D", "AvgPool3DGrad", "LRN");
    private static final double EPS_FLOAT32 = 1e-3;
    private static final double TOLERANCE_FLOAT32 = 2e-3;

    /**
     * A differentiable input: a shape, the interval its random values come from and a value added
     * to the diagonal of square matrices (to keep them well conditioned); or a fixed tensor.
     */
    private record In(int[] shape, double lo, double hi, double boost, Tensor fixed) {
        In(int[] shape, double lo, double hi, Tensor fixed) { this(shape, lo, hi, 0, fixed); }
    }

    private record Case(Attrs attrs, List<In> inputs, boolean secondOrder) {}

    private static In any(int... shape) { return new In(shape, -1.5, 1.5, null); }

    private static In pos(int... shape) { return new In(shape, 0.5, 2.0, null); }

    private static In range(double lo, double hi, int... shape) { return new In(shape, lo, hi, null); }

    private static In invertible(int... shape) { return new In(shape, -1, 1, 3, null); }

    private static In fixed(Tensor t) { return new In(null, 0, 0, t); }

    private static final Map<String, List<Case>> CASES = new HashMap<>();

    private static void add(String op, Attrs attrs, boolean secondOrder, In... inputs) {
        CASES.computeIfAbsent(op, k -> new ArrayList<>()).add(new Case(attrs, List.of(inputs), secondOrder));
    }

    private static void add(String op, In... inputs) { add(op, Attrs.EMPTY, false, inputs); }

    private static void add(String op, Attrs attrs, In... inputs) { add(op, attrs, false, inputs); }

    /** Unary ops: a matrix and a scalar, first and (when smooth) second order. */
    private static void unary(String op, double lo, double hi, boolean smooth) {
        add(op, Attrs.EMPTY, smooth, range(lo, hi, 2, 3));
        add(op, Attrs.EMPTY, smooth, range(lo, hi));
    }

    /** Binary broadcasting ops: equal shapes, a row against a matrix, an outer broadcast, a scalar. */
    private static void binary(String op, double xlo, double xhi, double ylo, double yhi) {
        int[][][] shapes = {{{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{2, 1}, {1, 3}}, {{}, {2}}};
        for (int[][] s : shapes) add(op, Attrs.EMPTY, true, range(xlo, xhi, s[0]), range(ylo, yhi, s[1]));
    }

    static {
        for (String op : List.of("AddV2", "Sub", "Mul", "Maximum", "Minimum", "SquaredDifference", "Atan2", "MulNoNan")) binary(op, -1.5, 1.5, -1.5, 1.5);
        for (String op : List.of("RealDiv", "Div", "DivNoNan", "Xdivy")) binary(op, -1.5, 1.5, 0.5, 2);
        binary("Pow", 0.5, 2, -2, 2);
        binary("FloorMod", 0.1, 0.9, 1.5, 2);

        for (String op : List.of("Neg", "Square", "Exp", "Expm1", "Sin", "Cos", "Atan", "Sinh", "Cosh", "Tanh", "Asinh",
                "Sigmoid", "Softplus", "Erf", "Erfc")) unary(op, -1.5, 1.5, true);
        for (String op : List.of("Sqrt", "Rsqrt", "Log", "Reciprocal")) unary(op, 0.5, 2, true);
        for (String op : List.of("Asin", "Acos", "Atanh")) unary(op, -0.8, 0.8, true);
        unary("Log1p", -0.5, 2, true);
        unary("Tan", -1, 1, true);
        unary("Acosh", 1.2, 3, true);
        unary("Lgamma", 0.5, 3, true);
        unary("Digamma", 0.5, 3, true);
        for (String op : List.of("Polygamma", "Igamma", "Igammac")) {
            add(op, Attrs.EMPTY, true, fixed(tf.constant(new double[][] {{1, 2, 3}, {1, 2, 3}})), range(0.5, 2, 2, 3));
        }
        add("Zeta", Attrs.EMPTY, true, fixed(tf.constant(new double[] {2, 3, 4})), range(0.5, 2, 2, 3));
        unary("Abs", -1.5, 1.5, false);
        unary("Sign", -1.5, 1.5, false);

        add("AddN", any(2, 2), any(2, 2), any(2, 2));
        add("Cast", Attrs.of("DstT", DType.FLOAT64), any(2, 3));
        add("ClipByNorm", range(1, 2, 2, 3), range(0.3, 0.5));
        add("ClipByNorm", any(2, 3), range(10, 20));
        add("ClipByNorm", Attrs.of("axes", new int[] {1}), range(1, 2, 2, 3), range(0.3, 0.5));

        for (String op : List.of("Sum", "Mean", "Max", "Min", "Prod", "ReduceLogSumExp", "EuclideanNorm", "ReduceVariance", "ReduceStd")) {
            boolean smooth = !op.equals("Max") && !op.equals("Min");
            add(op, Attrs.of("keep_dims", false), smooth, any(2, 3, 4));
            add(op, Attrs.of("axis", new int[] {1}, "keep_dims", false), smooth, any(2, 3, 4));
            add(op, Attrs.of("axis", new int[] {0, -1}, "keep_dims", true), smooth, any(2, 3, 4));
        }
        for (String op : List.of("Cumsum", "Cumprod")) {
            for (boolean exclusive : new boolean[] {false, true}) {
                for (boolean reverse : new boolean[] {false, true}) {
                    add(op, Attrs.of("axis", 1, "exclusive", exclusive, "reverse", reverse), true, range(0.5, 2, 2, 3));
                }
            }
        }

        for (String op : List.of("MatMul", "BatchMatMulV3")) {
            String ta = op.equals("MatMul") ? "transpose_a" : "adj_x", tb = op.equals("MatMul") ? "transpose_b" : "adj_y";
            for (boolean a : new boolean[] {false, true}) {
                for (boolean b : new boolean[] {false, true}) {
                    Attrs attrs = Attrs.of(ta, a, tb, b);
                    int[] as = a ? new int[] {3, 2} : new int[] {2, 3}, bs = b ? new int[] {4, 3} : new int[] {3, 4};
                    if (op.equals("MatMul")) add(op, attrs, true, any(as), any(bs));
                    else {
                        add(op, attrs, true, any(2, as[0], as[1]), any(2, bs[0], bs[1]));
                        add(op, attrs, false, any(as), any(3, bs[0], bs[1]));
                        add(op, attrs, false, any(3, 1, as[0], as[1]), any(2, bs[0], bs[1]));
                    }
                }
            }
        }

        add("Reshape", Attrs.of("shape", new int[] {3, -1}), true, any(2, 3));
        add("ExpandDims", Attrs.of("axis", 1), any(2, 3));
        add("Squeeze", Attrs.of("squeeze_dims", new int[] {1}), any(2, 1, 3));
        add("Identity", Attrs.EMPTY, true, any(2, 3));
        add("Transpose", Attrs.of("perm", new int[] {2, 0, 1}), true, any(2, 3, 4));
        add("ConcatV2", Attrs.of("axis", 1), any(2, 3), any(2, 2));
        add("ConcatV2", Attrs.of("axis", -2), any(1, 3), any(2, 3), any(1, 3));
        add("Pack", Attrs.of("axis", 1), any(2, 3), any(2, 3));
        add("Unpack", Attrs.of("num", 3, "axis", 0), any(3, 2));
        add("Split", Attrs.of("num_split", 2, "axis", 0), any(4, 2));
        add("SplitV", Attrs.of("size_splits", new int[] {2, -1}, "axis", 1), any(2, 5));
        add("Tile", Attrs.of("multiples", new int[] {2, 1, 3}), any(2, 3, 1));
        add("Slice", Attrs.of("begin", new int[] {1, 0}, "size", new int[] {2, -1}), any(3, 4));
        add("StridedSlice", Attrs.of("begin", new int[] {0, 1}, "end", new int[] {4, 5}, "strides", new int[] {2, 2}), any(4, 5));
        add("StridedSlice", Attrs.of("begin", new int[] {1, 3}, "end", new int[] {2, 0}, "strides", new int[] {1, -1},
                "shrink_axis_mask", 1), any(4, 5));
        add("TensorStridedSliceUpdate", Attrs.of("begin", new int[] {0, 1}, "end", new int[] {4, 5}, "strides", new int[] {2, 2}),
                any(4, 5), any(2, 2));
        add("TensorStridedSliceUpdate", Attrs.of("begin", new int[] {0, 1}, "end", new int[] {4, 5}, "strides", new int[] {2, 2}),
                any(4, 5), any(2));
        add("Pad", Attrs.of("paddings", new int[] {1, 0, 2, 1}), any(2, 3));
        add("PadV2", Attrs.of("paddings", new int[] {0, 2, 1, 1}), any(2, 3), fixed(tf.constant(7.0, DType.FLOAT64)));
        add("BroadcastTo", Attrs.of("shape", new int[] {2, 3, 4}), any(3, 1));
        add("GatherV2", Attrs.of("axis", 0, "batch_dims", 0), any(5, 3), fixed(tf.constant(new int[][] {{0, 2}, {2, 4}})));
        add("GatherV2", Attrs.of("axis", 1, "batch_dims", 0), any(2, 3, 2), fixed(tf.constant(new int[] {2, 0, 2})));
        // batch dims: each batch gathers (repeatedly) from its own slices, on the axis after them and on a later one
        add("GatherV2", Attrs.of("axis", 1, "batch_dims", 1), any(2, 3, 2), fixed(tf.constant(new int[][] {{2, 0, 2}, {1, 1, 0}})));
        add("GatherV2", Attrs.of("axis", 2, "batch_dims", -1), any(2, 2, 3), fixed(tf.constant(new long[][] {{0, 2}, {1, 1}})));
        add("SelectV2", fixed(tf.constant(new boolean[][] {{true, false, true}, {false, false, true}})), any(2, 3), any(3));
        add("ReverseV2", Attrs.of("axis", new int[] {1}), any(2, 3));
        add("Fill", Attrs.of("dims", new int[] {2, 3}), any());

        for (boolean adjoint : new boolean[] {false, true}) {
            add("MatrixInverse", Attrs.of("adjoint", adjoint), true, invertible(2, 3, 3));
            add("MatrixSolve", Attrs.of("adjoint", adjoint), true, invertible(2, 3, 3), any(2, 3, 2));
        }
        add("MatrixDeterminant", Attrs.EMPTY, true, invertible(2, 3, 3));
        add("LogMatrixDeterminant", Attrs.EMPTY, true, invertible(3, 3));
        add("MatrixBandPart", Attrs.of("num_lower", 1L, "num_upper", 0L), any(2, 3, 4));
        add("MatrixBandPart", Attrs.of("num_lower", -1L, "num_upper", 1L), any(3, 3));
        add("MatrixDiagV3", any(2, 3));
        add("MatrixDiagV3", Attrs.of("num_rows", 3, "num_cols", 4), any(3));
        add("MatrixDiagPartV3", any(2, 3, 4));
        add("Cross", Attrs.EMPTY, true, any(2, 3), any(2, 3));
        add("Einsum", Attrs.of("equation", "ij,jk->ik"), true, any(2, 3), any(3, 4));
        add("Einsum", Attrs.of("equation", "bij,bjk->bik"), any(2, 2, 3), any(2, 3, 4));
        add("Einsum", Attrs.of("equation", "...ij,...jk->...ik"), any(3, 2, 3), any(3, 4));
        add("Einsum", Attrs.of("equation", "...ij,...jk->...ik"), any(1, 2, 3), any(2, 3, 4));
        add("Einsum", Attrs.of("equation", "ij->ji"), any(2, 3));
        add("Einsum", Attrs.of("equation", "ij->i"), any(2, 3));
        add("Einsum", Attrs.of("equation", "ij,j->i"), any(2, 3), any(3));
        add("Einsum", Attrs.of("equation", "bi,bj->bij"), any(2, 3), any(2, 4));
        add("Einsum", Attrs.of("equation", "ij,kl->"), any(2, 3), any(2, 2));
        add("Einsum", Attrs.of("equation", "ij,ij"), any(2, 3), any(2, 3));
        // repeated labels within an operand: a diagonal, a trace, a batched diagonal with another operand
        add("Einsum", Attrs.of("equation", "ii->i"), any(3, 3));
        add("Einsum", Attrs.of("equation", "ii"), any(3, 3));
        add("Einsum", Attrs.of("equation", "bii,bj->bij"), true, any(2, 3, 3), any(2, 2));
        add("TopKV2", Attrs.of("k", 2, "sorted", true), any(2, 4));
        add("TopKV2", Attrs.of("k", 3, "sorted", true), any(5));
        add("Sort", Attrs.of("axis", -1, "direction", "ASCENDING"), any(2, 4));
        add("Sort", Attrs.of("axis", 0, "direction", "DESCENDING"), any(3, 2, 2));
        add("Norm", Attrs.of("ord", "euclidean", "keep_dims", false), true, any(2, 3));
        add("Norm", Attrs.of("ord", 1.0, "axis", new int[] {1}, "keep_dims", true), any(2, 3));
        add("Norm", Attrs.of("ord", 3.0, "axis", new int[] {0}, "keep_dims", false), true, any(2, 3));
        add("Norm", Attrs.of("ord", Double.POSITIVE_INFINITY, "axis", new int[] {-1}, "keep_dims", false), any(2, 3));
        add("Norm", Attrs.of("ord", "fro", "axis", new int[] {1, 2}, "keep_dims", false), true, any(2, 3, 2));
        add("Norm", Attrs.of("ord", 1.0, "axis", new int[] {0, 1}, "keep_dims", true), any(3, 3));
        add("Norm", Attrs.of("ord", Double.POSITIVE_INFINITY, "axis", new int[] {0, 1}, "keep_dims", false), any(3, 3));
        add("L2Normalize", Attrs.of("epsilon", 1e-12), true, any(2, 3));
        add("L2Normalize", Attrs.of("axis", new int[] {1}, "epsilon", 1e-12), true, any(2, 3));
        add("MirrorPad", Attrs.of("paddings", new int[] {1, 2, 0, 2}, "mode", "REFLECT"), any(3, 3));
        add("MirrorPad", Attrs.of("paddings", new int[] {2, 1, 1, 0}, "mode", "SYMMETRIC"), any(3, 2));
        Tensor nd = tf.constant(new int[][] {{0, 1}, {2, 0}, {0, 1}});
        add("GatherNd", any(3, 2, 2), fixed(nd));
        add("ScatterNd", Attrs.of("shape", new int[] {3, 2, 2}), fixed(nd), any(3, 2));
        add("TensorScatterUpdate", any(3, 2, 2), fixed(tf.constant(new int[][] {{0, 1}, {2, 0}})), any(2, 2));
        add("TensorScatterAdd", any(3, 2, 2), fixed(nd), any(3, 2));
        Tensor sortedIds = tf.constant(new int[] {0, 0, 1, 3, 3});
        for (String op : List.of("SegmentSum", "SegmentMean", "SegmentMax", "SegmentMin", "SegmentProd")) add(op, any(5, 2), fixed(sortedIds));
        Tensor ids = tf.constant(new int[][] {{0, 2, -1}, {1, 0, 2}});
        for (String op : List.of("UnsortedSegmentSum", "UnsortedSegmentMax", "UnsortedSegmentMin", "UnsortedSegmentProd")) {
            add(op, Attrs.of("num_segments", 3), any(2, 3, 2), fixed(ids)); // no empty segment: its min is +inf
        }
        nnCases();
        convolutionCases();
        poolingCases();
    }


    /** org.jflow.nn: activations, softmax and losses, normalization, dropout, lookup, layout. */
    private static void nnCases() {
        for (String op : List.of("Relu", "LeakyRelu", "Softsign")) unary(op, -1.5, 1.5, false);
        unary("Relu6", -1.5, 7.5, false);
        add("LeakyRelu", Attrs.of("alpha", 0.3), any(2, 3));
        for (String op : List.of("Elu", "Selu", "Gelu", "Swish")) unary(op, -1.5, 1.5, true);
        // TF's gradient kernels: (gradients, features or activations) on either side of the kink, (y, dy) smooth
        for (String op : List.of("ReluGrad", "Relu6Grad", "EluGrad", "SeluGrad")) {
            add(op, any(2, 3), range(0.1, 1.4, 2, 3));
            add(op, any(2, 3), range(-1.4, -0.1, 2, 3));
        }
        add("LeakyReluGrad", Attrs.of("alpha", 0.3), any(2, 3), range(-1.4, -0.1, 2, 3));
        add("LeakyReluGrad", Attrs.of("alpha", 0.3), any(2, 3), range(0.1, 1.4, 2, 3));
        for (String op : List.of("SoftplusGrad", "SigmoidGrad", "TanhGrad", "RsqrtGrad", "ReciprocalGrad")) {
            add(op, Attrs.EMPTY, true, any(2, 3), any(2, 3));
        }
        add("SqrtGrad", Attrs.EMPTY, true, range(0.5, 2, 2, 3), any(2, 3));
        add("Gelu", Attrs.of("approximate", true), true, any(2, 3));
        add("Swish", Attrs.of("beta", 0.7), true, any(2, 3));
        for (String op : List.of("Softmax", "LogSoftmax")) {
            add(op, Attrs.EMPTY, true, any(2, 3));
            add(op, Attrs.of("axis", 0), true, any(3, 2, 2));
            add(op, Attrs.of("axis", -2), any(2, 3, 2));
        }
        // TF's gradient (the backprop output) assumes each label row sums to 1: uniform rows, and fixed distributions. Labels are
        // fixed here, as TF's labels gradient leaves out the backprop output's path: softmaxCrossEntropyLabelsGradientAsTF checks it
        add("SoftmaxCrossEntropyWithLogits", Attrs.EMPTY, true, any(2, 4), fixed(tf.cast(tf.fill(new int[] {2, 4}, 0.25), DType.FLOAT64)));
        add("SoftmaxCrossEntropyWithLogits", Attrs.of("axis", 0), any(2, 2), fixed(tf.cast(tf.fill(new int[] {2, 2}, 0.5), DType.FLOAT64)));
        add("SoftmaxCrossEntropyWithLogits", any(2, 4), fixed(tf.cast(tf.fill(new int[] {1, 4}, 0.25), DType.FLOAT64)));
        add("SoftmaxCrossEntropyWithLogits", Attrs.of("axis", -2), any(2, 3, 2),
                fixed(tf.constant(new double[][][] {{{0.2, 1}, {0.5, 0}, {0.3, 0}}, {{0, 0.1}, {0, 0.6}, {1, 0.3}}})));
        add("SparseSoftmaxCrossEntropyWithLogits", Attrs.EMPTY, true, any(3, 4), fixed(tf.constant(new int[] {1, 0, 3})));
        add("SparseSoftmaxCrossEntropyWithLogits", any(2, 2, 3), fixed(tf.constant(new long[][] {{2, 0}, {1, 1}})));
        add("SigmoidCrossEntropyWithLogits", Attrs.EMPTY, true, any(2, 3), range(0, 1, 2, 3));
        add("WeightedCrossEntropyWithLogits", Attrs.of("pos_weight", 2.5), true, any(2, 3), range(0, 1, 2, 3));
        add("WeightedCrossEntropyWithLogits", Attrs.of("pos_weight", 0.5), any(4), range(0, 1, 4));
        add("BiasAdd", any(2, 3), any(3));
        add("BiasAdd", any(2, 2, 2, 3), any(3));
        add("L2Loss", Attrs.EMPTY, true, any(2, 3));
        add("Moments", Attrs.of("axes", new int[] {0}, "keep_dims", false), true, any(3, 2));
        add("Moments", Attrs.of("axes", new int[] {0, 2}, "keep_dims", true), true, any(2, 3, 2));
        add("BatchNormalization", Attrs.of("variance_epsilon", 1e-3), true, any(2, 3), any(3), pos(3), any(3), any(3));
        add("BatchNormalization", Attrs.of("variance_epsilon", 0.1), any(2, 2, 3), any(1, 1, 3), pos(1, 1, 3), any(), any(3));
        add("ComputeAverageLoss", any(4));
        add("ComputeAverageLoss", Attrs.of("global_batch_size", 8), any(4, 2));
        add("Dropout", Attrs.of("rate", 0.4), any(2, 3), fixed(tf.constant(new double[][] {{0.1, 0.5, 0.9}, {0.4, 0.39, 0.7}})));
        add("Dropout", Attrs.of("rate", 0.5), any(2, 3), fixed(tf.constant(new double[] {0.2, 0.8, 0.6})));
        add("EmbeddingLookup", any(4, 2), fixed(tf.constant(new int[][] {{0, 3}, {3, 1}, {0, 0}})));
        add("EmbeddingLookup", any(3), fixed(tf.constant(new long[] {2, 2, 0})));
        add("DepthToSpace", Attrs.of("block_size", 2), any(1, 2, 1, 8));
        add("SpaceToDepth", Attrs.of("block_size", 2), any(2, 4, 2, 3));
        add("LRN", Attrs.of("depth_radius", 1, "bias", 1.0, "alpha", 0.5, "beta", 0.75), true, any(1, 2, 2, 4));
        add("LRN", any(2, 1, 1, 3));
    }


    private static Attrs window(String padding, int[] strides, String sizesKey, int... sizes) {
        Attrs attrs = Attrs.of("strides", strides, "padding", padding);
        return sizesKey == null ? attrs : attrs.with(sizesKey, sizes);
    }

    /**
     * Each convolution (1-3D, depthwise) with its input and filter backprops, SAME and VALID,
     * strided and dilated; the backprops' shapes are those of the forward case they adjoin.
     */
    private static void convolutionCases() {
        record Conv(String forward, String input, String filter, int[] x, int[] f, int[] strides, int[] dilations, String padding) {}
        List<Conv> convs = List.of(
                new Conv("Conv1D", "Conv1DBackpropInput", "Conv1DBackpropFilter", new int[] {2, 6, 2}, new int[] {3, 2, 2},
                        new int[] {1, 2, 1}, null, "SAME"),
                new Conv("Conv1D", "Conv1DBackpropInput", "Conv1DBackpropFilter", new int[] {1, 7, 1}, new int[] {2, 1, 3},
                        new int[] {1, 1, 1}, new int[] {1, 2, 1}, "VALID"),
                new Conv("Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter", new int[] {1, 5, 5, 2}, new int[] {3, 3, 2, 3},
                        new int[] {1, 2, 2, 1}, null, "SAME"),
                new Conv("Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter", new int[] {2, 4, 5, 1}, new int[] {2, 3, 1, 2},
                        new int[] {1, 1, 2, 1}, null, "VALID"),
                new Conv("Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter", new int[] {1, 5, 4, 1}, new int[] {2, 2, 1, 1},
                        new int[] {1, 1, 1, 1}, new int[] {1, 2, 1, 1}, "SAME"),
                new Conv("Conv3D", "Conv3DBackpropInputV2", "Conv3DBackpropFilterV2", new int[] {1, 3, 4, 3, 2}, new int[] {2, 2, 2, 2, 2},
                        new int[] {1, 1, 2, 1, 1}, null, "SAME"),
                new Conv("Conv3D", "Conv3DBackpropInputV2", "Conv3DBackpropFilterV2", new int[] {1, 3, 3, 4, 1}, new int[] {2, 1, 2, 1, 2},
                        new int[] {1, 1, 1, 2, 1}, null, "VALID"),
                new Conv("DepthwiseConv2dNative", "DepthwiseConv2dNativeBackpropInput", "DepthwiseConv2dNativeBackpropFilter",
                        new int[] {1, 5, 5, 2}, new int[] {3, 3, 2, 2}, new int[] {1, 2, 2, 1}, null, "SAME"),
                new Conv("DepthwiseConv2dNative", "DepthwiseConv2dNativeBackpropInput", "DepthwiseConv2dNativeBackpropFilter",
                        new int[] {2, 4, 5, 3}, new int[] {2, 2, 3, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1, 2, 1}, "VALID"));
        boolean first = true;
        for (Conv c : convs) {
            Attrs attrs = window(c.padding(), c.strides(), null);
            if (c.dilations() != null) attrs = attrs.with("dilations", c.dilations());
            int[] y = Dispatcher.execute1(OpRegistry.get(c.forward()), attrs, tf.zeros(Shape.of(c.x()), DType.FLOAT64),
                    tf.zeros(Shape.of(c.f()), DType.FLOAT64)).shape().dims();
            add(c.forward(), attrs, first, any(c.x()), any(c.f()));
            add(c.input(), attrs.with("input_sizes", c.x()), first, any(c.f()), any(y));
            add(c.filter(), attrs.with("filter_sizes", c.f()), first, any(c.x()), any(y));
            first = c.forward().equals("Conv2D") && c.padding().equals("VALID") || c.forward().startsWith("Depthwise") && c.dilations() == null;
        }
    }

    /** Max and average pooling 1-3D with their gradient ops (and max's gradient of the gradient), SAME and VALID, overlapping windows. */
    private static void poolingCases() {
        record Pool(String suffix, int[] x, int[] ksize, int[] strides, String padding) {}
        List<Pool> pools = List.of(
                new Pool("1D", new int[] {2, 7, 2}, new int[] {1, 3, 1}, new int[] {1, 2, 1}, "SAME"),
                new Pool("1D", new int[] {1, 6, 3}, new int[] {1, 2, 1}, new int[] {1, 2, 1}, "VALID"),
                new Pool("", new int[] {1, 5, 5, 2}, new int[] {1, 3, 3, 1}, new int[] {1, 2, 2, 1}, "SAME"),
                new Pool("", new int[] {2, 4, 5, 1}, new int[] {1, 2, 3, 1}, new int[] {1, 1, 2, 1}, "VALID"),
                new Pool("3D", new int[] {1, 3, 4, 3, 2}, new int[] {1, 2, 2, 2, 1}, new int[] {1, 1, 2, 2, 1}, "SAME"),
                new Pool("3D", new int[] {1, 4, 3, 3, 1}, new int[] {1, 2, 1, 2, 1}, new int[] {1, 2, 1, 1, 1}, "VALID"));
        for (Pool p : pools) {
            Attrs attrs = window(p.padding(), p.strides(), "ksize", p.ksize());
            int[] y = Dispatcher.execute1(OpRegistry.get("MaxPool" + p.suffix()), attrs, tf.zeros(Shape.of(p.x()), DType.FLOAT64)).shape().dims();
            add("MaxPool" + p.suffix(), attrs, any(p.x()));
            add("AvgPool" + p.suffix(), attrs, true, any(p.x()));
            add("MaxPool" + p.suffix() + "Grad", attrs, any(p.x()), any(y), any(y));
            add("MaxPool" + p.suffix() + "GradGrad", attrs, any(p.x()), any(y), any(p.x()));
            add("AvgPool" + p.suffix() + "Grad", attrs.with("orig_input_shape", p.x()), true, any(y));
        }
    }

    /* Decompositions and spectral norms (h-lingrad). Qr's factors are smooth functions of A under the
     * Householder sign convention, so they are checked directly; Svd's u and v (sign-ambiguous) only in
     * svdGradientOnSignFreeFunctions. */
    static {
        add("Qr", Attrs.EMPTY, true, invertible(3, 3));
        add("Qr", Attrs.EMPTY, true, invertible(2, 4, 3));
        add("Qr", invertible(2, 4));
        add("Qr", Attrs.of("full_matrices", true), invertible(2, 3));
        add("Svd", Attrs.of("compute_uv", false), true, invertible(3, 3));
        add("Svd", Attrs.of("compute_uv", false), invertible(2, 4, 3));
        add("Svd", Attrs.of("compute_uv", false), invertible(2, 4));
        add("Norm", Attrs.of("ord", 2.0, "axis", new int[] {0, 1}, "keep_dims", false), true, invertible(3, 2));
        add("Norm", Attrs.of("ord", 2.0, "axis", new int[] {2, 0}, "keep_dims", true), any(3, 2, 4));
    }

    /**
     * Ops whose gradient a dedicated test checks: Cholesky and SelfAdjointEigV2 below (their inputs need a structure random
     * values lack), Svd below (its u and v only up to sign), Eig below (its v only up to phase), CustomGradient in
     * GradientTapeTest (its gradient is the caller's), RandomGamma in random.GammaGradientTest (its samples move with alpha only in the implicit, CDF-preserving sense), the complex
     * ops in {@link #complexGradients} (complex values in and out, through real parts), the control-flow ops in
     * graph.ControlFlowTest (their inputs are traced branch functions).
     */
    private static final List<String> CHECKED_ELSEWHERE = List.of("Cholesky", "SelfAdjointEigV2", "CustomGradient", "Svd", "Eig", "RandomGamma",
            "Complex", "Real", "Imag", "Conj", "ComplexAbs", "Angle",
            "If", "StatelessIf", "While", "StatelessWhile", "WhileGrad");

    /**
     * Ops TF registers neither a gradient nor NotDifferentiable for: its tapes raise LookupError, and
     * so do JFlow's (checked in gradientLookupErrorsAsInTF); not counted as missing.
     */
    private static final List<String> NO_GRADIENT_IN_TF = List.of("RandomShuffle", "RandomPoissonV2", "TruncateMod");

    @Test
    void gradientLookupErrorsAsInTF() {
        Tensor x = tf.constant(new double[] {1, 2, 3});
        try (var tape = new GradientTape(o -> o.persistent(true))) {
            tape.watch(x);
            Tensor shuffled = tf.random.shuffle(x);
            Tensor counts = tf.random.poisson(new int[] {4}, x, DType.FLOAT64, 3L);
            Tensor remainders = tf.truncatemod(x, 2.0);
            String[] names = {"RandomShuffle", "RandomPoissonV2", "TruncateMod"};
            Tensor[] targets = {shuffled, counts, remainders};
            for (int i = 0; i < names.length; i++) {
                Tensor y = targets[i];
                var e = org.junit.jupiter.api.Assertions.assertThrows(org.jflow.errors.LookupError.class, () -> tape.gradient(y, x));
                assertEquals("gradient registry has no entry for: " + names[i], e.getMessage());
            }
        }
    }


    /**
     * SoftmaxCrossEntropyWithLogits w.r.t. labels, as TF's gradient: the loss's derivative (finite differences of the loss
     * alone, broadcast labels summed back), and nothing through the backprop output {@code softmax - labels}, whose path TF
     * leaves out.
     */
    @Test
    void softmaxCrossEntropyLabelsGradientAsTF() {
        Random random = new Random(3);
        Op op = OpRegistry.get("SoftmaxCrossEntropyWithLogits");
        Tensor logits = randomTensor(any(2, 4), random);
        for (int[] labelsShape : new int[][] {{2, 4}, {1, 4}}) {
            Tensor labels = randomTensor(range(0, 1, labelsShape), random), w = randomTensor(any(2), random);
            Tensor fromLoss, fromBackprop;
            try (var tape = new GradientTape(o -> o.persistent(true))) {
                tape.watch(labels);
                Tensor[] out = Dispatcher.execute(op, Attrs.EMPTY, logits, labels);
                fromLoss = tape.gradient(out[0], labels, o -> o.outputGradients(w));
                fromBackprop = tape.gradient(out[1], labels);
            }
            double[] numeric = numericGradient(new Tensor[] {logits, labels}, 1,
                    x -> tf.reduceSum(tf.multiply(Dispatcher.execute(op, Attrs.EMPTY, x)[0], w)).doubleValue());
            assertClose("SoftmaxCrossEntropyWithLogits d/dlabels " + Arrays.toString(labelsShape), numeric, fromLoss);
            assertEquals(Shape.of(labelsShape), fromLoss.shape());
            assertClose("SoftmaxCrossEntropyWithLogits backprop d/dlabels", new double[labels.size()], fromBackprop);
        }
    }

    /**
     * Cholesky reads only the lower triangle of a symmetric matrix, and TF's gradient is the
     * symmetric one: checked through {@code chol((A + A^T) / 2 + 3 I)}, whose finite differences
     * see the symmetrization too.
     */
    @Test
    void choleskyGradientOnSymmetricInputs() {
        Random random = new Random(7);
        Tensor a = randomTensor(new In(new int[] {2, 3, 3}, -1, 1, 0, null), random);
        Tensor w = randomTensor(new In(new int[] {2, 3, 3}, -1, 1, 0, null), random);
        java.util.function.Function<Tensor, Tensor> f = m -> tf.linalg.cholesky(
                tf.add(tf.multiply(tf.add(m, tf.transpose(m, 0, 2, 1)), 0.5), tf.multiply(tf.eye(3, 3, DType.FLOAT64), 3.0)));
        Tensor grad;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            grad = tape.gradient(f.apply(a), a, o -> o.outputGradients(w));
        }
        double[] numeric = numericGradient(new Tensor[] {a}, 0, x -> {
            double[] l = f.apply(x[0]).toDoubleArray(), ww = w.toDoubleArray();
            double s = 0;
            for (int k = 0; k < l.length; k++) s += l[k] * ww[k];
            return s;
        });
        assertClose("Cholesky", numeric, grad);
    }

    /**
     * Svd with u and v through sign-free functions (s, u^2, v^2; distinct singular values), as TF's
     * tests do: square, tall, wide, and full u/v where |m - n| = 1; s alone is in the case table.
     */
    @Test
    void svdGradientOnSignFreeFunctions() {
        Random random = new Random(13);
        int[][] shapes = {{3, 3}, {2, 4, 3}, {2, 4}, {3, 2}, {2, 3}};
        boolean[] full = {false, false, false, true, true};
        for (int c = 0; c < shapes.length; c++) {
            Tensor a = randomTensor(new In(shapes[c], -1, 1, 2, null), random);
            Attrs attrs = Attrs.of("compute_uv", true, "full_matrices", full[c]);
            Tensor[] out = Dispatcher.execute(OpRegistry.get("Svd"), attrs, a);
            Tensor[] w = new Tensor[3];
            for (int j = 0; j < 3; j++) w[j] = randomTensor(new In(out[j].shape().dimsView(), -1, 1, null), random);
            java.util.function.Function<Tensor, Tensor> f = x -> {
                Tensor[] suv = Dispatcher.execute(OpRegistry.get("Svd"), attrs, x);
                return tf.addN(tf.reduceSum(tf.multiply(suv[0], w[0])), tf.reduceSum(tf.multiply(tf.square(suv[1]), w[1])),
                        tf.reduceSum(tf.multiply(tf.square(suv[2]), w[2])));
            };
            Tensor grad;
            try (var tape = new GradientTape()) {
                tape.watch(a);
                grad = tape.gradient(f.apply(a), a);
            }
            assertClose("Svd " + Arrays.toString(shapes[c]) + " full " + full[c],
                    numericGradient(new Tensor[] {a}, 0, x -> f.apply(x[0]).doubleValue()), grad);
        }
    }

    /**
     * Eig through phase-free functions, as TF's tests do (eigenvectors are unit columns only up to a complex phase):
     * weighted eigenvalues and weighted |v|^2. Real matrices with Gershgorin-separated real eigenvalues take weights per
     * eigenvalue; random real matrices (complex-conjugate pairs, whose order may swap) and complex matrices take
     * functions symmetric in the eigenpairs (|e|^2, Re e, and |v|^2 weighted by row); eigvals (compute_v false) too.
     */
    @Test
    void eigGradientOnPhaseFreeFunctions() {
        Random random = new Random(17);
        Tensor separated = tf.add(randomTensor(new In(new int[] {2, 3, 3}, -0.6, 0.6, 0, null), random),
                tf.linalg.diag(tf.constant(new double[] {-4, 0.5, 5})));
        Tensor we = randomTensor(any(2, 3), random), wv = randomTensor(any(2, 3, 3), random);
        checkEig("Eig real eigenvalues", new Tensor[] {separated}, in -> in[0], (e, v) -> tf.add(
                tf.reduceSum(tf.multiply(tf.math.real(e), we)), tf.reduceSum(tf.multiply(squaredModulus(v), wv))));
        Tensor rowWeights = randomTensor(any(2, 3, 1), random);
        java.util.function.BinaryOperator<Tensor> symmetric = (e, v) -> tf.addN(tf.reduceSum(squaredModulus(e)),
                tf.reduceSum(tf.math.real(e)), tf.reduceSum(tf.multiply(squaredModulus(v), rowWeights)));
        Tensor general = randomTensor(any(2, 3, 3), random);
        checkEig("Eig real input", new Tensor[] {general}, in -> in[0], symmetric);
        checkEig("Eig complex input", new Tensor[] {general, randomTensor(any(2, 3, 3), random)},
                in -> tf.complex(in[0], in[1]), symmetric);
        for (Tensor a : new Tensor[] {separated, general}) {
            java.util.function.ToDoubleFunction<Tensor[]> f = in -> tf.reduceSum(squaredModulus(tf.linalg.eigvals(in[0]))).doubleValue();
            Tensor grad;
            try (var tape = new GradientTape()) {
                tape.watch(a);
                grad = tape.gradient(tf.reduceSum(squaredModulus(tf.linalg.eigvals(a))), a);
            }
            assertClose("Eig values only", numericGradient(new Tensor[] {a}, 0, f), grad);
        }
    }

    private static Tensor squaredModulus(Tensor z) { return tf.math.real(tf.multiply(z, tf.math.conj(z))); }

    private static void checkEig(String what, Tensor[] x, java.util.function.Function<Tensor[], Tensor> matrix,
                                 java.util.function.BinaryOperator<Tensor> loss) {
        java.util.function.Function<Tensor[], Tensor> f = in -> {
            var ev = tf.linalg.eig(matrix.apply(in));
            return loss.apply(ev.e(), ev.v());
        };
        List<Tensor> grads;
        try (var tape = new GradientTape()) {
            tape.watch(List.of(x));
            grads = tape.gradient(f.apply(x), List.of(x));
        }
        for (int i = 0; i < x.length; i++) {
            assertClose(what + " input " + i, numericGradient(x, i, in -> f.apply(in).doubleValue()), grads.get(i));
        }
    }

    /** Products with zeros, where dividing the product by x would fail: the gradient is the product of the others. */
    @Test
    void productGradientsWithZeros() {
        Tensor x = tf.constant(new float[] {2, 0, 3, 0, 5, 4, 0, 0, 7});
        Tensor ids = tf.constant(new int[] {0, 0, 0, 1, 1, 2, 3, 3, 3});
        try (var tape = new GradientTape(o -> o.persistent(true))) {
            tape.watch(x);
            Tensor segments = tf.unsortedSegmentProd(x, ids, 4);
            Tensor sorted = tf.segmentProd(x, ids);
            Tensor rows = tf.reduceProd(tf.reshape(x, 3, 3), 1);
            float[] expected = {0, 6, 0, 5, 0, 1, 0, 0, 0};
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, tape.gradient(segments, x).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, tape.gradient(sorted, x).toFloatArray());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 6, 0, 20, 0, 0, 0, 0, 0}, tape.gradient(rows, x).toFloatArray());
        }
    }

    /**
     * The complex ops through real functions of real inputs: {@code z = complex(x, y)}, then the op,
     * then a weighted sum of the result's real and imaginary parts (conj, Mul and Exp included, as
     * TF's complex gradients conjugate).
     */
    @Test
    void complexGradients() {
        Random random = new Random(5);
        Tensor x = randomTensor(any(2, 3), random), y = randomTensor(pos(2, 3), random);
        Tensor wr = randomTensor(any(2, 3), random), wi = randomTensor(any(2, 3), random);
        Tensor c = tf.complex(randomTensor(any(2, 3), random), randomTensor(any(2, 3), random));
        Map<String, java.util.function.Function<Tensor, Tensor>> ops = Map.of(
                "Real", z -> tf.math.real(z), "Imag", z -> tf.math.imag(z), "Conj", z -> tf.math.conj(z),
                "ComplexAbs", z -> tf.abs(z), "Angle", z -> tf.math.angle(z),
                "Mul", z -> tf.multiply(z, c), "Exp", z -> tf.exp(z), "RealDiv", z -> tf.divide(c, z));
        for (var op : ops.entrySet()) {
            java.util.function.Function<Tensor[], Tensor> f = in -> {
                Tensor out = op.getValue().apply(tf.complex(in[0], in[1]));
                return tf.add(tf.reduceSum(tf.multiply(tf.math.real(out), wr)), tf.reduceSum(tf.multiply(tf.math.imag(out), wi)));
            };
            List<Tensor> grads;
            try (var tape = new GradientTape()) {
                tape.watch(List.of(x, y));
                grads = tape.gradient(f.apply(new Tensor[] {x, y}), List.of(x, y));
            }
            for (int i = 0; i < 2; i++) {
                assertClose(op.getKey() + " input " + i, numericGradient(new Tensor[] {x, y}, i, in -> f.apply(in).doubleValue()), grads.get(i));
            }
        }
    }

    /**
     * Eigenvalues and (sign-free) squared eigenvectors of {@code (A + A^T) / 2}: the kernel reads a
     * symmetric matrix and TF's gradient assumes one.
     */
    @Test
    void symmetricEigenGradientOnSymmetricInputs() {
        Random random = new Random(11);
        Tensor a = randomTensor(new In(new int[] {2, 3, 3}, -1, 1, 0, null), random);
        Tensor we = randomTensor(new In(new int[] {2, 3}, -1, 1, 0, null), random);
        Tensor wv = randomTensor(new In(new int[] {2, 3, 3}, -1, 1, 0, null), random);
        java.util.function.Function<Tensor, Tensor> f = m -> {
            Tensor[] ev = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", true),
                    tf.multiply(tf.add(m, tf.transpose(m, 0, 2, 1)), 0.5));
            return tf.add(tf.reduceSum(tf.multiply(ev[0], we)), tf.reduceSum(tf.multiply(tf.square(ev[1]), wv)));
        };
        Tensor grad;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            grad = tape.gradient(f.apply(a), a);
        }
        assertClose("SelfAdjointEigV2", numericGradient(new Tensor[] {a}, 0, x -> f.apply(x[0]).doubleValue()), grad);
        Tensor valuesOnly;
        try (var tape = new GradientTape()) {
            tape.watch(a);
            Tensor e = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", false),
                    tf.multiply(tf.add(a, tf.transpose(a, 0, 2, 1)), 0.5))[0];
            valuesOnly = tape.gradient(tf.reduceSum(tf.multiply(e, we)), a);
        }
        assertClose("SelfAdjointEigV2 values only", numericGradient(new Tensor[] {a}, 0, x -> {
            Tensor e = Dispatcher.execute(OpRegistry.get("SelfAdjointEigV2"), Attrs.of("compute_v", false),
                    tf.multiply(tf.add(x[0], tf.transpose(x[0], 0, 2, 1)), 0.5))[0];
            return tf.reduceSum(tf.multiply(e, we)).doubleValue();
        }), valuesOnly);
    }

    @Test
    void everyGradientMatchesFiniteDifferences() {
        Random random = new Random(42);
        List<String> missing = new ArrayList<>(), uncovered = new ArrayList<>();
        int checked = 0, notDifferentiable = 0;
        StringBuilder failures = new StringBuilder();
        for (Op op : OpRegistry.all()) {
            Gradient g = op.gradient();
            if (g == null) {
                if (!NO_GRADIENT_IN_TF.contains(op.name())) missing.add(op.name());
                continue;
            }
            if (g == Gradient.NONE) { notDifferentiable++; continue; }
            if (CHECKED_ELSEWHERE.contains(op.name())) continue;
            List<Case> cases = CASES.get(op.name());
            if (cases == null) { uncovered.add(op.name()); continue; }
            for (Case c : cases) {
                try {
                    checkCase(op, c, random);
                    checked++;
                } catch (AssertionError | RuntimeException e) {
                    failures.append(op.name()).append(' ').append(c.attrs()).append(": ").append(e.getMessage()).append('\n');
                }
            }
        }
        System.out.println("Gradient check: " + checked + " cases passed; " + notDifferentiable + " ops not differentiable");
        assertTrue(uncovered.isEmpty(), "ops with a gradient but no finite-difference case: " + uncovered);
        assertTrue(missing.isEmpty(), "every op declares a gradient or notDifferentiable(); these have neither: " + missing);
        assertEquals("", failures.toString());
    }

    private static void checkCase(Op op, Case c, Random random) {
        boolean float32 = FLOAT32_ONLY.contains(op.name());
        DType dtype = float32 ? DType.FLOAT32 : DType.FLOAT64;
        double eps = float32 ? EPS_FLOAT32 : EPS, tolerance = float32 ? TOLERANCE_FLOAT32 : TOLERANCE;
        Tensor[] x = new Tensor[c.inputs().size()];
        for (int i = 0; i < x.length; i++) {
            In in = c.inputs().get(i);
            x[i] = in.fixed() != null ? in.fixed() : tf.cast(randomTensor(in, random), dtype);
        }
        Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
        Tensor[] w = new Tensor[out.length];
        for (int j = 0; j < out.length; j++) w[j] = tf.cast(randomTensor(new In(out[j].shape().dimsView(), -1, 1, null), random), out[j].dtype());
        Tensor[] analytic = gradients(op, c, x, w);
        for (int i = 0; i < x.length; i++) {
            if (c.inputs().get(i).fixed() != null) continue;
            double[] numeric = numericGradient(x, i, v -> loss(op, c, v, w), eps);
            assertClose(op.name() + " d/dinput" + i, numeric, analytic[i], tolerance);
        }
        if (c.secondOrder()) checkSecondOrder(op, c, x, w, random, eps, tolerance);
    }

    /** The tape's gradient of sum_j sum(w_j * out_j) w.r.t. each differentiable input. */
    private static Tensor[] gradients(Op op, Case c, Tensor[] x, Tensor[] w) {
        try (var tape = new GradientTape()) {
            List<Tensor> sources = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (c.inputs().get(i).fixed() == null) sources.add(x[i]);
            tape.watch(sources);
            Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
            List<Tensor> g = tape.gradient(Arrays.asList(out), sources, o -> o.outputGradients(Arrays.asList(w)));
            Tensor[] result = new Tensor[x.length];
            for (int i = 0, k = 0; i < x.length; i++) if (c.inputs().get(i).fixed() == null) result[i] = g.get(k++);
            return result;
        }
    }

    private static double loss(Op op, Case c, Tensor[] x, Tensor[] w) {
        Tensor[] out = Dispatcher.execute(op, c.attrs(), x);
        double sum = 0;
        for (int j = 0; j < out.length; j++) {
            double[] o = out[j].toDoubleArray(), ww = w[j].toDoubleArray();
            for (int k = 0; k < o.length; k++) sum += o[k] * ww[k];
        }
        return sum;
    }

    /**
     * Second order: for each differentiable input, the gradient of sum(v * grad) w.r.t. it (a tape
     * around the tape), against finite differences of that same sum.
     */
    private static void checkSecondOrder(Op op, Case c, Tensor[] x, Tensor[] w, Random random, double eps, double tolerance) {
        for (int input = 0; input < x.length; input++) {
            if (c.inputs().get(input).fixed() != null) continue;
            int i = input;
            Tensor v = tf.cast(randomTensor(new In(x[i].shape().dimsView(), -1, 1, null), random), x[i].dtype());
            Tensor second;
            try (var outer = new GradientTape()) {
                outer.watch(x[i]);
                Tensor first = gradients(op, c, x, w)[i];
                second = outer.gradient(first, x[i], o -> o.outputGradients(v));
            }
            double[] numeric = numericGradient(x, i, p -> {
                double[] g = gradients(op, c, p, w)[i].toDoubleArray(), vv = v.toDoubleArray();
                double s = 0;
                for (int k = 0; k < g.length; k++) s += g[k] * vv[k];
                return s;
            }, eps);
            assertClose(op.name() + " second order d/dinput" + i, numeric, second, tolerance);
        }
    }

    private static double[] numericGradient(Tensor[] x, int input, java.util.function.ToDoubleFunction<Tensor[]> f) {
        return numericGradient(x, input, f, EPS);
    }

    /** Central differences with step {@code eps}, the input perturbed in its own dtype. */
    private static double[] numericGradient(Tensor[] x, int input, java.util.function.ToDoubleFunction<Tensor[]> f, double eps) {
        double[] base = x[input].toDoubleArray(), grad = new double[base.length];
        for (int k = 0; k < base.length; k++) {
            double[] plus = base.clone(), minus = base.clone();
            plus[k] += eps;
            minus[k] -= eps;
            Tensor[] xPlus = replaced(x, input, plus), xMinus = replaced(x, input, minus);
            // the step actually taken, once rounded to the input's dtype
            double step = xPlus[input].toDoubleArray()[k] - xMinus[input].toDoubleArray()[k];
            grad[k] = (f.applyAsDouble(xPlus) - f.applyAsDouble(xMinus)) / step;
        }
        return grad;
    }

    private static Tensor[] replaced(Tensor[] x, int input, double[] values) {
        Tensor[] copy = x.clone();
        copy[input] = tf.cast(Tensor.wrap(DType.FLOAT64, x[input].shape(), values), x[input].dtype());
        return copy;
    }

    private static void assertClose(String what, double[] expected, Tensor actual) { assertClose(what, expected, actual, TOLERANCE); }

    private static void assertClose(String what, double[] expected, Tensor actual, double tolerance) {
        if (actual == null) {
            for (double e : expected) if (Math.abs(e) > tolerance) fail(what + ": no gradient, finite differences " + Arrays.toString(expected));
            return;
        }
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, what + ": gradient size");
        for (int k = 0; k < a.length; k++) {
            if (!(Math.abs(a[k] - expected[k]) <= tolerance * Math.max(1, Math.abs(expected[k])))) {
                fail(what + ": tape " + Arrays.toString(a) + " vs finite differences " + Arrays.toString(expected));
            }
        }
    }

    private static Tensor randomTensor(In in, Random random) {
        Shape shape = Shape.of(in.shape());
        double[] v = new double[shape.size()];
        for (int k = 0; k < v.length; k++) v[k] = in.lo() + (in.hi() - in.lo()) * random.nextDouble();
        int n = shape.rank() < 2 ? 0 : shape.get(-1);
        if (in.boost() != 0) for (int k = 0; k < v.length; k++) if ((k / n) % n == k % n) v[k] += in.boost();
        return Tensor.wrap(DType.FLOAT64, shape, v);
    }
}
