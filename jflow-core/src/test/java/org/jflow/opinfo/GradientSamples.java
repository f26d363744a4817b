package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.OpRegistry;

import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.opinfo.GradientSample.*;

/**
 * The sample table's gradient samples ({@link OpInfo#gradientSamples}): per differentiable op,
 * calls on inputs drawn from its smooth domain (broadcasting, attribute variants, fixed indices
 * and labels), the smooth ones also to second order. Written into {@link OpInfos}' rows.
 */
final class GradientSamples {
    private GradientSamples() {}

    private static void add(String op, Attrs attrs, boolean secondOrder, In... inputs) {
        OpInfos.op(op).addGradientSample(new GradientSample(attrs, List.of(inputs), secondOrder));
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

    static void register() {
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

        for (String op : List.of("MatMul", "BatchMatMulV2", "BatchMatMulV3")) {
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
        decompositionCases();
        // the ops the tutorials differentiate twice: their gradients of gradients are compared with TF's on every case.
        // Not Add: JFlow's is the legacy string-capable op, declared not differentiable (tf.add records AddV2)
        for (String op : List.of("Pow", "Mul", "AddV2", "Sub", "Square", "Exp", "Log", "Sin", "Tanh", "Sigmoid", "MatMul")) {
            OpInfos.op(op).secondOrder(true);
        }
        // TF has no float64 kernel for these, and MaxPool3D's T allows no float64 (nor does JFlow): checked in float32
        for (String op : List.of("AvgPool3D", "AvgPool3DGrad", "LRN", "MaxPool3D", "MaxPool3DGrad", "MaxPool3DGradGrad")) {
            OpInfos.op(op).gradientDType(DType.FLOAT32);
        }
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
            int[] y = Dispatcher.execute1(OpRegistry.get("MaxPool" + p.suffix()), attrs, tf.zeros(Shape.of(p.x()), DType.FLOAT32)).shape().dims();
            add("MaxPool" + p.suffix(), attrs, any(p.x()));
            add("AvgPool" + p.suffix(), attrs, true, any(p.x()));
            add("MaxPool" + p.suffix() + "Grad", attrs, any(p.x()), any(y), any(y));
            add("MaxPool" + p.suffix() + "GradGrad", attrs, any(p.x()), any(y), any(p.x()));
            add("AvgPool" + p.suffix() + "Grad", attrs.with("orig_input_shape", p.x()), true, any(y));
        }
    }

    /*
     * Decompositions and spectral norms. Qr's factors are smooth functions of A under the
     * Householder sign convention, so they are checked directly; Svd's u and v (sign-ambiguous)
     * only by GradientCheckTest.svdGradientOnSignFreeFunctions.
     */
    private static void decompositionCases() {
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
}
