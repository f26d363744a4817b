package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one table of how JFlow's ops map onto TF's, op by op: which of TF's inputs JFlow takes as
 * attributes (and how such an attribute becomes a tensor), TF attributes that JFlow leaves
 * implicit, the cases each op runs, and the float tolerance its results get. JFlow's other
 * attributes pass to TF under their own names, which are TF's (none needed a rename so far: a
 * JFlow attribute TF's op lacks fails its cases as a harness error).
 *
 * <p>An op without a row is not covered by this slice; a row without {@code inputs} maps JFlow's
 * inputs one to one onto TF's input arguments (a list argument takes the run of inputs it needs).
 */
final class OpTable {
    private OpTable() {}

    /** Where one of TF's inputs comes from in a JFlow call. */
    sealed interface Source permits Next, Rest, FromAttr, OptionalNext, Uint64 {}

    /** The next JFlow input. */
    record Next() implements Source {}

    /** The JFlow inputs up to those the later sources take, as one list argument. */
    record Rest() implements Source {}

    /** A JFlow attribute made into a tensor; {@code tensor} sees the whole call (absent attributes too). */
    record FromAttr(String attr, Function<Cases.Case, Tensor> tensor) implements Source {}

    /** The next JFlow input if the call has one left, else {@code absent}'s tensor (an optional input TF always takes). */
    record OptionalNext(Function<Cases.Case, Tensor> absent) implements Source {}

    /** The next JFlow input, an int64 holding TF's uint64 words, cast to uint64 on TF's side (bit for bit). */
    record Uint64() implements Source {}

    /** A JFlow input bound for one of TF's uint64 inputs (JFlow has no uint64 dtype). */
    record Uint64Input(Tensor words) {}

    static final Source IN = new Next();
    static final Source UINT64 = new Uint64();
    static final Source LIST = new Rest();

    /**
     * One op's row. {@code inputs} null: one to one. {@code implicit}: TF attributes JFlow
     * derives, computed from the call.
     * {@code ulps}, {@code complexUlps}: how far a real float result, or each part of a complex one,
     * may be from TF's, in units in the last place of the output dtype; {@code inputScaled}: ulps
     * of the largest input magnitude rather than of the result (see {@link ResultCheck}).
     */
    record Row(String op, List<Source> inputs, Map<String, Function<Cases.Case, Object>> implicit,
               Cases.Generator cases, int ulps, int complexUlps, boolean inputScaled, List<String> folded, Check check) {
        Row inputs(Source... sources) { return new Row(op, List.of(sources), implicit, cases, ulps, complexUlps, inputScaled, folded, check); }

        Row implicit(String tfAttr, Function<Cases.Case, Object> value) {
            Map<String, Function<Cases.Case, Object>> m = new TreeMap<>(implicit);
            m.put(tfAttr, value);
            return new Row(op, inputs, m, cases, ulps, complexUlps, inputScaled, folded, check);
        }

        /** Tolerance for real results, and for complex ones where larger than theirs. */
        Row ulps(int n) { return new Row(op, inputs, implicit, cases, n, Math.max(n, complexUlps), inputScaled, folded, check); }

        /** Tolerance in ulps of the largest input magnitude, for results that sum their inputs. */
        Row inputScaledUlps(int n) { return new Row(op, inputs, implicit, cases, n, Math.max(n, complexUlps), true, folded, check); }

        /** JFlow attributes that TF's Python layer folds into the inputs the row's sources compute (TF's op has no such attribute). */
        Row folded(String... attrs) { return new Row(op, inputs, implicit, cases, ulps, complexUlps, inputScaled, List.of(attrs), check); }

        /** Compares by {@code c} instead of element by element: results that are unique only up to signs, order or chance. */
        Row checkedBy(Check c) { return new Row(op, inputs, implicit, cases, ulps, complexUlps, inputScaled, folded, c); }
    }

    /** A comparison of JFlow's outputs with TF's for one call: null when they agree, else what differs. */
    @FunctionalInterface
    interface Check {
        String difference(Tensor[] jflow, Tensor[] tf, Cases.Case c);
    }

    /**
     * Complex results: JFlow computes each part in float64 and rounds once, TF's std::complex
     * formulas round every step (in float for complex64), so parts may differ by a few ulps.
     */
    private static final int COMPLEX_ULPS = 4;

    private static Row row(String op, Cases.Generator cases) { return new Row(op, null, Map.of(), cases, 0, COMPLEX_ULPS, false, List.of(), null); }

    // ---- attribute-to-tensor conversions ----

    /** An {@code int[]} attribute as an int32 vector. */
    static Source intVector(String attr) {
        return new FromAttr(attr, c -> vector(c.attrs().getInts(attr)));
    }

    /** An {@code int} attribute as an int32 scalar. */
    static Source intScalar(String attr) {
        return new FromAttr(attr, c -> Values.ints(DType.INT32, Shape.scalar(), c.attrs().getInt(attr)));
    }

    /** Flat paddings {@code [before0, after0, before1, ...]} as TF's {@code [rank, 2]} int32 matrix. */
    static Source paddings(String attr) {
        return new FromAttr(attr, c -> {
            int[] p = c.attrs().getInts(attr);
            return Values.reshaped(vector(p), Shape.of(p.length / 2, 2));
        });
    }

    /** An {@code int} attribute as an int32 scalar, {@code absent} where the call leaves it out. */
    static Source intScalar(String attr, int absent) {
        return new FromAttr(attr, c -> Values.ints(DType.INT32, Shape.scalar(), c.attrs().getInt(attr, absent)));
    }

    /** A fixed int32 scalar for TF's input {@code name}, which JFlow's op does not have. */
    static Source constantInt(String name, int value) {
        return new FromAttr(name, c -> Values.ints(DType.INT32, Shape.scalar(), value));
    }

    /** A {@code Shape} attribute as an int32 vector. */
    static Source shapeVector(String attr) {
        return new FromAttr(attr, c -> vector(c.attrs().getShape(attr).dimsView()));
    }

    /** A number attribute as a scalar of the dtype in attribute {@code dtypeAttr}. */
    static Source scalarOfType(String attr, String dtypeAttr) {
        return new FromAttr(attr, c -> Values.floats(c.attrs().getDType(dtypeAttr), Shape.scalar(), c.attrs().getDouble(attr)));
    }

    /** A {@code long} attribute as an int64 scalar. */
    static Source longScalar(String attr) {
        return new FromAttr(attr, c -> Values.ints(DType.INT64, Shape.scalar(), c.attrs().getLong(attr)));
    }

    /** A reduction's {@code axis}: absent means every axis of input 0, as TF's Python layer passes {@code range(rank)}. */
    static Source axesOrAll(String attr) { return axesOrAll(attr, false); }

    /**
     * As {@link #axesOrAll(String)}, but all axes in reverse, {@code range(rank - 1, -1, -1)}: what
     * Python's {@code reduce_join} passes, since TF's kernel joins in the order of the axes given.
     */
    static Source axesOrAllReversed(String attr) { return axesOrAll(attr, true); }

    private static Source axesOrAll(String attr, boolean reversed) {
        return new FromAttr(attr, c -> {
            int[] axes = (int[]) c.attrs().get(attr);
            if (axes == null) {
                axes = new int[c.inputs()[0].rank()];
                for (int i = 0; i < axes.length; i++) axes[i] = reversed ? axes.length - 1 - i : i;
            }
            return vector(axes);
        });
    }

    private static Tensor vector(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return Values.ints(DType.INT32, Shape.of(v.length), l);
    }

    // ---- the table ----

    /** Element-wise functions whose float results JFlow rounds from a float64 formula; TF's Eigen kernels may differ by a few ulps. */
    private static final int TRANSCENDENTAL_ULPS = 4;
    /**
     * Reductions: TF's Eigen reduces in a vectorized tree order, JFlow in its own, so sums and
     * products round differently (sums by up to about n ulps of the largest term).
     */
    private static final int REDUCTION_ULPS = 24;

    static final Map<String, Row> ROWS = new TreeMap<>();

    private static final String RUNS_A_BRANCH =
            "runs a traced branch function (a func attribute);"
            + " tf.cond programs are compared in GraphModeConformanceTest";
    private static final String RUNS_A_LOOP =
            "runs traced cond/body functions (func attributes);"
            + " tf.whileLoop programs are compared in GraphModeConformanceTest";
    private static final String UPDATES_A_VARIABLE =
            "updates a resource variable (a TF resource handle, not a tensor value);"
            + " VariableUpdatesTest has TF 2.21's results";

    /** Ops with a TF counterpart but nothing to compare by value op by op: graph and runtime plumbing, control flow over traced functions. */
    static final Map<String, String> NOT_COMPARED = Map.ofEntries(
            Map.entry("Const", "a graph's constant node"),
            Map.entry("Placeholder", "a graph's input node"),
            Map.entry("NoOp", "no outputs"),
            Map.entry("ReadVariableOp", "reads a resource variable (a TF resource handle, not a tensor value)"),
            Map.entry("AssignVariableOp", "writes a resource variable (a TF resource handle, not a tensor value)"),
            Map.entry("PrintV2", "its effect is printing"),
            Map.entry("If", RUNS_A_BRANCH),
            Map.entry("StatelessIf", RUNS_A_BRANCH),
            Map.entry("While", RUNS_A_LOOP),
            Map.entry("StatelessWhile", RUNS_A_LOOP),
            Map.entry("AssignAddVariableOp", UPDATES_A_VARIABLE),
            Map.entry("AssignSubVariableOp", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterNdUpdate", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterNdAdd", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterNdSub", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterUpdate", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterAdd", UPDATES_A_VARIABLE),
            Map.entry("ResourceScatterSub", UPDATES_A_VARIABLE));

    static {
        for (String op : List.of("Abs", "Neg", "Sign", "Square", "Floor", "Ceil", "Round", "Rint", "Sqrt",
                "IsNan", "IsInf", "IsFinite", "LogicalNot")) {
            add(row(op, Cases::unary));
        }
        // TF computes these from a fast reciprocal (square root) estimate and a Newton step
        add(row("Reciprocal", Cases::unary).ulps(2));
        add(row("Rsqrt", Cases::unary).ulps(2));
        for (String op : List.of("Exp", "Expm1", "Log", "Log1p", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh",
                "Asinh", "Acosh", "Atanh", "Sigmoid", "Softplus", "Erf")) {
            add(row(op, Cases::unary).ulps(TRANSCENDENTAL_ULPS));
        }
        add(row("Erfc", Cases::unary).ulps(2 * TRANSCENDENTAL_ULPS)); // Eigen's erfc approximation, against JFlow's series
        for (String op : List.of("AddV2", "Sub", "Mul", "RealDiv", "Div", "FloorDiv", "FloorMod", "TruncateDiv", "TruncateMod",
                "Maximum", "Minimum", "SquaredDifference", "DivNoNan", "MulNoNan", "Xdivy",
                "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr")) {
            add(row(op, Cases::binary));
        }
        add(row("Pow", Cases::binary).ulps(TRANSCENDENTAL_ULPS));
        add(row("Atan2", Cases::binary).ulps(TRANSCENDENTAL_ULPS));
        add(row("Cast", Cases::cast));
        for (String op : List.of("Sum", "Mean")) {
            add(row(op, Cases::reduction).inputs(IN, axesOrAll("axis")).inputScaledUlps(REDUCTION_ULPS));
        }
        for (String op : List.of("Prod", "EuclideanNorm")) { // no cancellation: relative to the result
            add(row(op, Cases::reduction).inputs(IN, axesOrAll("axis")).ulps(REDUCTION_ULPS));
        }
        for (String op : List.of("Max", "Min", "Any", "All")) {
            add(row(op, Cases::reduction).inputs(IN, axesOrAll("axis")));
        }

        add(row("Reshape", ShapeCases::reshape).inputs(IN, intVector("shape")));
        add(row("ExpandDims", ShapeCases::expandDims).inputs(IN, intScalar("axis")));
        add(row("Squeeze", ShapeCases::squeeze));
        add(row("Transpose", ShapeCases::transpose).inputs(IN, intVector("perm")));
        add(row("ConcatV2", ShapeCases::concat).inputs(LIST, intScalar("axis")));
        add(row("Pack", ShapeCases::pack));
        add(row("Unpack", ShapeCases::unpack));
        add(row("Tile", ShapeCases::tile).inputs(IN, intVector("multiples")));
        add(row("ReverseV2", ShapeCases::reverse).inputs(IN, intVector("axis")));
        add(row("Slice", ShapeCases::slice).inputs(IN, intVector("begin"), intVector("size")));
        add(row("Pad", ShapeCases::pad).inputs(IN, paddings("paddings")));
        add(row("PadV2", ShapeCases::padV2).inputs(IN, paddings("paddings"), IN));
        add(row("MirrorPad", ShapeCases::mirrorPad).inputs(IN, paddings("paddings")));
        add(row("BroadcastTo", ShapeCases::broadcastTo).inputs(IN, intVector("shape")));
        add(row("Fill", ShapeCases::fill).inputs(intVector("dims"), IN));
        add(row("Split", ShapeCases::split).inputs(intScalar("axis"), IN));
        add(row("SplitV", ShapeCases::splitV).inputs(IN, intVector("size_splits"), intScalar("axis"))
                .implicit("num_split", c -> (long) c.attrs().getInts("size_splits").length));
        for (String op : List.of("Identity", "StopGradient", "ZerosLike", "OnesLike", "Shape", "Size", "Rank")) {
            add(row(op, ShapeCases::oneTensor));
        }
        add(row("GatherV2", ShapeCases::gather).inputs(IN, IN, intScalar("axis")));
        add(row("GatherNd", ShapeCases::gatherNd));
        add(row("SelectV2", ShapeCases::selectV2));
        add(row("Where", Cases::unary));
        add(row("OneHot", ShapeCases::oneHot).inputs(IN, intScalar("depth"), IN, IN));
        for (String op : List.of("ArgMax", "ArgMin")) add(row(op, MathCases::argReduction).inputs(IN, intScalar("axis")));
        for (String op : List.of("Cumsum", "Cumprod")) {
            add(row(op, MathCases::scan).inputs(IN, intScalar("axis")).inputScaledUlps(REDUCTION_ULPS));
        }
        add(row("MatMul", MathCases::matMul).inputScaledUlps(REDUCTION_ULPS));
        add(row("BiasAdd", MathCases::biasAdd));
        add(row("AddN", MathCases::addN).inputScaledUlps(REDUCTION_ULPS));
        for (String op : List.of("Relu", "Relu6", "Softsign")) add(row(op, Cases::unary));
        for (String op : List.of("Elu", "Selu")) add(row(op, Cases::unary).ulps(TRANSCENDENTAL_ULPS));
        add(row("LeakyRelu", MathCases::leakyRelu));
        // TF's gradient kernels: exact where they only select or multiply, a few ulps where they divide or exp
        for (String op : List.of("ReluGrad", "Relu6Grad", "EluGrad", "SeluGrad", "TanhGrad", "SigmoidGrad",
                "RsqrtGrad", "ReciprocalGrad")) {
            add(row(op, Cases::gradientPairs));
        }
        for (String op : List.of("SoftplusGrad", "SqrtGrad")) add(row(op, Cases::gradientPairs).ulps(TRANSCENDENTAL_ULPS));
        add(row("LeakyReluGrad", rnd -> Cases.gradientPairs(rnd, org.jflow.engine.Attrs.of("alpha", 0.3))));
        for (String op : List.of("Softmax", "LogSoftmax")) add(row(op, Cases::unary).inputScaledUlps(TRANSCENDENTAL_ULPS));

        add(row("TopKV2", ShapeCases::topK).inputs(IN, intScalar("k")));
        for (String op : List.of("SegmentSum", "SegmentProd", "SegmentMean", "SegmentMax", "SegmentMin")) {
            add(row(op, ShapeCases::segment).inputScaledUlps(REDUCTION_ULPS));
        }
        for (String op : List.of("UnsortedSegmentSum", "UnsortedSegmentProd", "UnsortedSegmentMax", "UnsortedSegmentMin")) {
            add(row(op, ShapeCases::unsortedSegment).inputs(IN, IN, intScalar("num_segments")).inputScaledUlps(REDUCTION_ULPS));
        }
        add(row("ScatterNd", ShapeCases::scatterNd).inputs(IN, IN, intVector("shape")).inputScaledUlps(REDUCTION_ULPS));
        add(row("TensorScatterUpdate", ShapeCases::tensorScatter));
        add(row("TensorScatterAdd", ShapeCases::tensorScatter).inputScaledUlps(REDUCTION_ULPS));
        add(row("BatchMatMulV3", ShapeCases::batchMatMul).inputScaledUlps(REDUCTION_ULPS)
                .implicit("Tout", c -> TfRunner.dataType(c.inputs()[0].dtype())));
        add(row("DepthToSpace", ShapeCases::depthToSpace));
        add(row("SpaceToDepth", ShapeCases::spaceToDepth));
        for (String op : List.of("StringUpper", "StringLower", "StringStrip")) add(row(op, Cases::unary));
        add(row("StringLength", StringCases::stringLength));
        add(row("StringToHashBucketFast", StringCases::stringToHashBucketFast));
        add(row("StringToNumber", StringCases::stringToNumber));
        for (String op : List.of("Real", "Imag")) {
            add(row(op, Cases::unary).implicit("Tout", c -> TfRunner.dataType(c.inputs()[0].dtype().realDType())));
        }
        for (String op : List.of("ComplexAbs", "Angle")) { // hypot and atan2 of the parts
            add(row(op, Cases::unary).ulps(TRANSCENDENTAL_ULPS).implicit("Tout", c -> TfRunner.dataType(c.inputs()[0].dtype().realDType())));
        }
        add(row("Conj", Cases::unary));
        for (String op : List.of("StatelessRandomUniform", "StatelessRandomNormal", "StatelessTruncatedNormal", "StatelessRandomUniformFullInt")) {
            add(row(op, RandomCases::statelessUniform).inputs(shapeVector("shape"), IN).ulps(TRANSCENDENTAL_ULPS));
        }
        add(row("StridedSlice", ShapeCases::stridedSlice).inputs(IN, intVector("begin"), intVector("end"), intVector("strides")));
        add(row("Range", ShapeCases::range).inputs(scalarOfType("start", "Tidx"), scalarOfType("limit", "Tidx"), scalarOfType("delta", "Tidx")));
        add(row("LinSpace", ShapeCases::linSpace).inputs(IN, IN, intScalar("num")).ulps(TRANSCENDENTAL_ULPS));
        add(row("Conv2D", NnCases::conv2d).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("MaxPool", NnCases::pool));
        add(row("AvgPool", NnCases::pool).inputScaledUlps(REDUCTION_ULPS));
        add(row("SoftmaxCrossEntropyWithLogits", NnCases::softmaxCrossEntropy).inputScaledUlps(REDUCTION_ULPS));
        add(row("SparseSoftmaxCrossEntropyWithLogits", NnCases::sparseSoftmaxCrossEntropy).inputScaledUlps(REDUCTION_ULPS));
        add(row("L2Loss", ShapeCases::oneTensor).inputScaledUlps(REDUCTION_ULPS));
        add(row("Cross", NnCases::cross).inputScaledUlps(4));
        add(row("Einsum", NnCases::einsum).inputScaledUlps(REDUCTION_ULPS));
        add(row("Unique", NnCases::unique));
        // LU / Cholesky in another order than Eigen's: results agree to a few hundred ulps on these well-conditioned inputs
        for (String op : List.of("MatrixInverse", "MatrixDeterminant")) add(row(op, MathCases::squareMatrix).ulps(256));
        add(row("Cholesky", MathCases::spdMatrix).ulps(256));
        add(row("AsString", StringCases::asString));
        add(row("StringJoin", StringCases::stringJoin));
        add(row("Substr", StringCases::substr));
        add(row("StaticRegexFullMatch", StringCases::regexFullMatch));
        add(row("StaticRegexReplace", StringCases::regexReplace));
        add(row("StringToHashBucketStrong", StringCases::hashBucketStrong));
        add(row("ReduceJoin", StringCases::reduceJoin).inputs(IN, axesOrAllReversed("axis")));
        add(row("InTopKV2", MathCases::inTopK).inputs(IN, IN, intScalar("k")));
        add(row("BroadcastArgs", MathCases::broadcastArgs));
        add(row("MatrixBandPart", MathCases::bandPart).inputs(IN, longScalar("num_lower"), longScalar("num_upper")));
        add(row("Complex", MathCases::complexOf).implicit("Tout", c -> c.inputs()[0].dtype() == DType.FLOAT64 ? TfRunner.dataType(DType.COMPLEX128)
                : TfRunner.dataType(DType.COMPLEX64)));
        add(row("MatrixSolve", MathCases::matrixSolve).ulps(256));
        add(row("LogMatrixDeterminant", MathCases::squareMatrix).ulps(256));
        add(row("Conv2DBackpropInput", NnCases::conv2dBackpropInput).inputs(intVector("input_sizes"), IN, IN).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("Conv2DBackpropFilter", NnCases::conv2dBackpropFilter).inputs(IN, intVector("filter_sizes"), IN).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("MaxPoolGrad", NnCases::maxPoolGrad).inputScaledUlps(REDUCTION_ULPS));
        add(row("AvgPoolGrad", NnCases::avgPoolGrad).inputs(intVector("orig_input_shape"), IN).inputScaledUlps(REDUCTION_ULPS));
        add(row("Conv3D", NnCases::conv3d).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("MaxPool3D", NnCases::pool3d));
        add(row("AvgPool3D", NnCases::pool3d).inputScaledUlps(REDUCTION_ULPS));
        add(row("DepthwiseConv2dNative", NnCases::depthwiseConv).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("LRN", NnCases::lrn).ulps(TRANSCENDENTAL_ULPS));
        add(row("UniqueWithCounts", NnCases::unique));
        add(row("Add", Cases::binary));
        for (String op : List.of("RandomUniform", "RandomStandardNormal", "TruncatedNormal")) {
            add(row(op, RandomCases::seededFloats).inputs(shapeVector("shape")).ulps(TRANSCENDENTAL_ULPS));
        }
        add(row("RandomUniformInt", RandomCases::seededInts).inputs(shapeVector("shape"), IN, IN));
        add(row("DepthwiseConv2dNativeBackpropInput", NnCases::depthwiseBackpropInput).inputs(intVector("input_sizes"), IN, IN)
                .inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("DepthwiseConv2dNativeBackpropFilter", NnCases::depthwiseBackpropFilter).inputs(IN, intVector("filter_sizes"), IN)
                .inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("Conv3DBackpropInputV2", NnCases::conv3dBackpropInput).inputs(intVector("input_sizes"), IN, IN).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("Conv3DBackpropFilterV2", NnCases::conv3dBackpropFilter).inputs(IN, intVector("filter_sizes"), IN).inputScaledUlps(4 * REDUCTION_ULPS));
        add(row("MaxPoolGradGrad", NnCases::maxPoolGradGrad));
        add(row("MaxPool3DGrad", NnCases::maxPool3dGrad).inputScaledUlps(REDUCTION_ULPS));
        add(row("MaxPool3DGradGrad", NnCases::maxPool3dGradGrad));
        add(row("AvgPool3DGrad", NnCases::avgPool3dGrad).inputs(intVector("orig_input_shape"), IN).inputScaledUlps(REDUCTION_ULPS));
        add(row("TensorStridedSliceUpdate", ShapeCases::stridedSliceUpdate).inputs(IN, intVector("begin"), intVector("end"), intVector("strides"), IN));
        add(row("StatelessRandomUniformInt", RandomCases::statelessUniformInt).inputs(shapeVector("shape"), IN, IN, IN));
        // TF's uint64 key [1] and counter [2]; alg is an input in TF
        for (String op : List.of("StatelessRandomUniformV2", "StatelessRandomNormalV2", "StatelessTruncatedNormalV2", "StatelessRandomUniformFullIntV2")) {
            add(row(op, RandomCases::statelessV2).inputs(shapeVector("shape"), UINT64, UINT64, intScalar("alg")).ulps(TRANSCENDENTAL_ULPS));
        }
        add(row("StatelessRandomUniformIntV2", RandomCases::statelessV2Int).inputs(shapeVector("shape"), UINT64, UINT64, intScalar("alg"), IN, IN));
        add(row("StatelessMultinomial", RandomCases::statelessMultinomial).inputs(IN, intScalar("num_samples"), IN));
        add(row("Multinomial", RandomCases::multinomial).inputs(IN, intScalar("num_samples")).checkedBy(SampleStatistics.MULTINOMIAL));
        add(row("RandomGamma", RandomCases::gamma).inputs(shapeVector("shape"), IN).checkedBy(SampleStatistics.sameDistribution(SampleStatistics.PER_PARAMETER)));
        add(row("RandomPoissonV2", RandomCases::poisson).inputs(shapeVector("shape"), IN).checkedBy(SampleStatistics.sameDistribution(SampleStatistics.PER_PARAMETER)));
        add(row("RandomShuffle", RandomCases::shuffle).checkedBy(SampleStatistics.SHUFFLE));
        add(row("RandomGammaGrad", MathCases::gammaGrad).ulps(256));
        add(row("Qr", MathCases::qr).checkedBy(InvariantChecks.QR));
        add(row("Svd", MathCases::svd).checkedBy(InvariantChecks.SVD));
        add(row("SelfAdjointEigV2", MathCases::selfAdjointEig).checkedBy(InvariantChecks.SELF_ADJOINT_EIG));
        add(row("Eig", MathCases::eig).checkedBy(InvariantChecks.EIG)
                .implicit("Tout", c -> c.inputs()[0].dtype().realDType() == DType.FLOAT64 ? TfRunner.dataType(DType.COMPLEX128)
                        : TfRunner.dataType(DType.COMPLEX64)));
        // TF's V3 ops take the diagonal offset k (JFlow: the main diagonal only), the sizes and the padding as inputs
        add(row("MatrixDiagV3", MathCases::matrixDiag).inputs(IN, constantInt("k", 0), intScalar("num_rows", -1), intScalar("num_cols", -1),
                new FromAttr("padding_value", MathCases::zeroOf)));
        add(row("MatrixDiagPartV3", MathCases::matrixDiagPart).inputs(IN, constantInt("k", 0), new FromAttr("padding_value", MathCases::zeroOf)));
        add(row("Bincount", MathCases::bincount).inputs(IN, new FromAttr("minlength", MathCases::bincountSize), new OptionalNext(MathCases::noWeights))
                .folded("maxlength", "dtype").inputScaledUlps(REDUCTION_ULPS));
        add(row("StringFormat", StringCases::stringFormat));
        add(row("StringSplitV2", StringCases::stringSplit).inputs(IN, new FromAttr("sep", c -> Values.strings(Shape.scalar(), c.attrs().getString("sep")))));
    }

    private static void add(Row r) {
        if (ROWS.put(r.op(), r) != null) throw new IllegalStateException("Two rows for " + r.op());
    }

    /** TF's inputs for a call (each a tensor, or a list of them) under {@code row}; {@code tfListArgs} tells which of TF's arguments are lists. */
    static List<Object> tfInputs(Row row, boolean[] tfListArgs, Cases.Case c) {
        List<Source> sources = row.inputs() != null ? row.inputs() : oneToOne(tfListArgs);
        List<Object> out = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < sources.size(); s++) {
            switch (sources.get(s)) {
                case Next n -> out.add(c.inputs()[next++]);
                case Rest r -> {
                    int later = (int) sources.subList(s + 1, sources.size()).stream().filter(x -> x instanceof Next).count();
                    int end = c.inputs().length - later;
                    out.add(java.util.Arrays.copyOfRange(c.inputs(), next, end));
                    next = end;
                }
                case FromAttr a -> out.add(a.tensor().apply(c));
                case OptionalNext o -> out.add(next < c.inputs().length ? c.inputs()[next++] : o.absent().apply(c));
                case Uint64 u -> out.add(new Uint64Input(c.inputs()[next++]));
            }
        }
        if (next != c.inputs().length) throw new IllegalStateException(row.op() + ": " + (c.inputs().length - next) + " JFlow inputs left unmapped");
        return out;
    }

    private static List<Source> oneToOne(boolean[] tfListArgs) {
        List<Source> s = new ArrayList<>();
        for (boolean list : tfListArgs) s.add(list ? LIST : IN);
        return s;
    }

    /** The JFlow attributes that become TF inputs under {@code row}. */
    static List<String> attrsAsInputs(Row row) {
        List<String> names = new ArrayList<>(row.folded());
        if (row.inputs() != null) for (Source s : row.inputs()) if (s instanceof FromAttr a) names.add(a.attr());
        return names;
    }

    /** The row's implicit TF attributes for a call. */
    static Map<String, Object> implicitAttrs(Row row, Cases.Case c) {
        Map<String, Object> m = new TreeMap<>();
        row.implicit().forEach((k, f) -> m.put(k, f.apply(c)));
        return m;
    }
}
