package org.jflow.opinfo;

import org.jflow.engine.Attrs;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample table (PyTorch's {@code op_db}): one {@link OpInfo} row per op, read by every test
 * that runs ops generically, so an op's cases are written once. The conformance suite compares
 * each row's samples with TF 2.18 (jflow-conformance, which adds only how each op maps onto TF's
 * signature), the gradient check compares its gradient samples with finite differences (and
 * jflow-conformance with TF's gradients), the device test runs its samples on another device
 * against the CPU, and {@code OpInfosCoverageTest} holds every registered op to a row or a reason.
 *
 * <p>To add an op: {@code op("Name").samples(generator)} with a tolerance where floats may round
 * differently from TF, and gradient samples in {@link GradientSamples} if it is differentiable.
 */
public final class OpInfos {
    private OpInfos() {}

    /** Element-wise functions whose float results JFlow rounds from a float64 formula; TF's Eigen kernels may differ by a few ulps. */
    private static final int TRANSCENDENTAL_ULPS = 4;
    /**
     * Reductions: TF's Eigen reduces in a vectorized tree order, JFlow in its own, so sums and
     * products round differently (sums by up to about n ulps of the largest term).
     */
    private static final int REDUCTION_ULPS = 24;
    /**
     * The special functions: in float32 TF iterates in float (Eigen's Cephes ports) where JFlow rounds double
     * results; in float64 JFlow's Lanczos lgamma and asymptotic digamma differ from Cephes' by ~100 ulps.
     */
    private static final int SPECIAL_ULPS = 256;

    private static final Map<String, OpInfo> TABLE = new TreeMap<>();

    private static final String RUNS_A_BRANCH =
            "runs a traced branch function (a func attribute);"
            + " tf.cond programs are compared in GraphModeConformanceTest";
    private static final String RUNS_A_LOOP =
            "runs traced cond/body functions (func attributes);"
            + " tf.whileLoop programs are compared in GraphModeConformanceTest";
    private static final String UPDATES_A_VARIABLE =
            "updates a resource variable (a TF resource handle, not a tensor value);"
            + " VariableUpdatesTest has TF 2.21's results";

    /**
     * Ops without samples, with why: graph and runtime plumbing, control flow over traced
     * functions, variable updates; each is tested by the test its reason names or by its own.
     */
    public static final Map<String, String> WITHOUT_SAMPLES = Map.ofEntries(
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
            Map.entry("ResourceScatterSub", UPDATES_A_VARIABLE),
            Map.entry("CustomGradient", "runs the caller's function with the caller's gradient (tf.customGradient);"
                    + " GradientTapeTest checks it"),
            Map.entry("WhileGrad", "the gradient of a While loop over its traced functions; ControlFlowTest checks it"),
            Map.entry("FusedElementwise", "made only by the graph optimizer from a traced element-wise chain (its attribute is"
                    + " the fused expression); ElementwiseFusionTest checks it against the unfused graph"));

    static {
        for (String op : List.of("Abs", "Neg", "Sign", "Square", "Floor", "Ceil", "Round", "Rint", "Sqrt",
                "IsNan", "IsInf", "IsFinite", "LogicalNot")) {
            op(op).samples(Cases::unary);
        }
        // TF computes these from a fast reciprocal (square root) estimate and a Newton step
        op("Reciprocal").samples(Cases::unary).ulps(2);
        op("Rsqrt").samples(Cases::unary).ulps(2);
        for (String op : List.of("Exp", "Expm1", "Log", "Log1p", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh",
                "Asinh", "Acosh", "Atanh", "Sigmoid", "Softplus", "Erf")) {
            op(op).samples(Cases::unary).ulps(TRANSCENDENTAL_ULPS);
        }
        op("Erfc").samples(Cases::unary).ulps(2 * TRANSCENDENTAL_ULPS); // Eigen's erfc approximation, against JFlow's series
        for (String op : List.of("AddV2", "Sub", "Mul", "RealDiv", "Div", "FloorDiv", "FloorMod", "TruncateDiv", "TruncateMod",
                "Maximum", "Minimum", "SquaredDifference", "DivNoNan", "MulNoNan", "Xdivy",
                "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr")) {
            op(op).samples(Cases::binary);
        }
        op("Pow").samples(Cases::binary).ulps(TRANSCENDENTAL_ULPS);
        op("Atan2").samples(Cases::binary).ulps(TRANSCENDENTAL_ULPS);
        op("Cast").samples(Cases::cast);
        for (String op : List.of("Sum", "Mean")) {
            op(op).samples(Cases::reduction).inputScaledUlps(REDUCTION_ULPS);
        }
        for (String op : List.of("Prod", "EuclideanNorm")) { // no cancellation: relative to the result
            op(op).samples(Cases::reduction).ulps(REDUCTION_ULPS);
        }
        for (String op : List.of("Max", "Min", "Any", "All")) {
            op(op).samples(Cases::reduction);
        }

        op("Reshape").samples(ShapeCases::reshape);
        op("ExpandDims").samples(ShapeCases::expandDims);
        op("Squeeze").samples(ShapeCases::squeeze);
        op("Transpose").samples(ShapeCases::transpose);
        op("ConcatV2").samples(ShapeCases::concat);
        op("Pack").samples(ShapeCases::pack);
        op("Unpack").samples(ShapeCases::unpack);
        op("Tile").samples(ShapeCases::tile);
        op("ReverseV2").samples(ShapeCases::reverse);
        op("Slice").samples(ShapeCases::slice);
        op("Pad").samples(ShapeCases::pad);
        op("PadV2").samples(ShapeCases::padV2);
        op("MirrorPad").samples(ShapeCases::mirrorPad);
        op("BroadcastTo").samples(ShapeCases::broadcastTo);
        op("Fill").samples(ShapeCases::fill);
        op("Split").samples(ShapeCases::split);
        op("SplitV").samples(ShapeCases::splitV);
        for (String op : List.of("Identity", "StopGradient", "ZerosLike", "OnesLike", "Shape", "Size", "Rank")) {
            op(op).samples(ShapeCases::oneTensor);
        }
        op("GatherV2").samples(ShapeCases::gather);
        op("GatherNd").samples(ShapeCases::gatherNd);
        op("SelectV2").samples(ShapeCases::selectV2);
        op("Where").samples(Cases::unary);
        op("OneHot").samples(ShapeCases::oneHot);
        for (String op : List.of("ArgMax", "ArgMin")) op(op).samples(MathCases::argReduction);
        for (String op : List.of("Cumsum", "Cumprod")) {
            op(op).samples(MathCases::scan).inputScaledUlps(REDUCTION_ULPS);
        }
        op("MatMul").samples(MathCases::matMul).inputScaledUlps(REDUCTION_ULPS);
        op("BiasAdd").samples(MathCases::biasAdd);
        op("AddN").samples(MathCases::addN).inputScaledUlps(REDUCTION_ULPS);
        for (String op : List.of("Relu", "Relu6", "Softsign")) op(op).samples(Cases::unary);
        for (String op : List.of("Elu", "Selu")) op(op).samples(Cases::unary).ulps(TRANSCENDENTAL_ULPS);
        op("LeakyRelu").samples(MathCases::leakyRelu);
        // TF's gradient kernels: exact where they only select or multiply, a few ulps where they divide or exp
        for (String op : List.of("ReluGrad", "Relu6Grad", "EluGrad", "SeluGrad", "TanhGrad", "SigmoidGrad",
                "RsqrtGrad", "ReciprocalGrad")) {
            op(op).samples(Cases::gradientPairs);
        }
        for (String op : List.of("SoftplusGrad", "SqrtGrad")) op(op).samples(Cases::gradientPairs).ulps(TRANSCENDENTAL_ULPS);
        op("LeakyReluGrad").samples(rnd -> Cases.gradientPairs(rnd, Attrs.of("alpha", 0.3)));
        for (String op : List.of("Softmax", "LogSoftmax")) op(op).samples(Cases::unary).inputScaledUlps(TRANSCENDENTAL_ULPS);

        op("TopKV2").samples(ShapeCases::topK);
        for (String op : List.of("SegmentSum", "SegmentProd", "SegmentMean", "SegmentMax", "SegmentMin")) {
            op(op).samples(ShapeCases::segment).inputScaledUlps(REDUCTION_ULPS);
        }
        for (String op : List.of("UnsortedSegmentSum", "UnsortedSegmentProd", "UnsortedSegmentMax", "UnsortedSegmentMin")) {
            op(op).samples(ShapeCases::unsortedSegment).inputScaledUlps(REDUCTION_ULPS);
        }
        op("ScatterNd").samples(ShapeCases::scatterNd).inputScaledUlps(REDUCTION_ULPS);
        op("TensorScatterUpdate").samples(ShapeCases::tensorScatter);
        op("TensorScatterAdd").samples(ShapeCases::tensorScatter).inputScaledUlps(REDUCTION_ULPS);
        op("BatchMatMulV2").samples(ShapeCases::batchMatMul).inputScaledUlps(REDUCTION_ULPS);
        op("BatchMatMulV3").samples(ShapeCases::batchMatMul).inputScaledUlps(REDUCTION_ULPS);
        op("DepthToSpace").samples(ShapeCases::depthToSpace);
        op("SpaceToDepth").samples(ShapeCases::spaceToDepth);
        for (String op : List.of("StringUpper", "StringLower", "StringStrip")) op(op).samples(Cases::unary);
        op("StringLength").samples(StringCases::stringLength);
        op("StringToHashBucketFast").samples(StringCases::stringToHashBucketFast);
        op("StringToNumber").samples(StringCases::stringToNumber);
        for (String op : List.of("Real", "Imag")) {
            op(op).samples(Cases::unary);
        }
        for (String op : List.of("ComplexAbs", "Angle")) { // hypot and atan2 of the parts
            op(op).samples(Cases::unary).ulps(TRANSCENDENTAL_ULPS);
        }
        op("Conj").samples(Cases::unary);
        for (String op : List.of("StatelessRandomUniform", "StatelessRandomNormal", "StatelessTruncatedNormal", "StatelessRandomUniformFullInt")) {
            op(op).samples(RandomCases::statelessUniform).ulps(TRANSCENDENTAL_ULPS);
        }
        op("StridedSlice").samples(ShapeCases::stridedSlice);
        op("Range").samples(ShapeCases::range);
        op("LinSpace").samples(ShapeCases::linSpace).ulps(TRANSCENDENTAL_ULPS);
        op("Conv2D").samples(NnCases::conv2d).inputScaledUlps(4 * REDUCTION_ULPS);
        op("MaxPool").samples(NnCases::pool);
        op("AvgPool").samples(NnCases::pool).inputScaledUlps(REDUCTION_ULPS);
        op("SoftmaxCrossEntropyWithLogits").samples(NnCases::softmaxCrossEntropy).inputScaledUlps(REDUCTION_ULPS);
        op("SparseSoftmaxCrossEntropyWithLogits").samples(NnCases::sparseSoftmaxCrossEntropy).inputScaledUlps(REDUCTION_ULPS);
        op("L2Loss").samples(ShapeCases::oneTensor).inputScaledUlps(REDUCTION_ULPS);
        op("Cross").samples(NnCases::cross).inputScaledUlps(4);
        op("Einsum").samples(NnCases::einsum).inputScaledUlps(REDUCTION_ULPS);
        op("Unique").samples(NnCases::unique);
        // LU / Cholesky in another order than Eigen's: results agree to a few hundred ulps on these well-conditioned inputs
        for (String op : List.of("MatrixInverse", "MatrixDeterminant")) op(op).samples(MathCases::squareMatrix).ulps(256);
        op("Cholesky").samples(MathCases::spdMatrix).ulps(256);
        op("AsString").samples(StringCases::asString);
        op("StringJoin").samples(StringCases::stringJoin);
        op("Substr").samples(StringCases::substr);
        op("StaticRegexFullMatch").samples(StringCases::regexFullMatch);
        op("StaticRegexReplace").samples(StringCases::regexReplace);
        op("StringToHashBucketStrong").samples(StringCases::hashBucketStrong);
        op("ReduceJoin").samples(StringCases::reduceJoin);
        op("InTopKV2").samples(MathCases::inTopK);
        op("BroadcastArgs").samples(MathCases::broadcastArgs);
        op("BroadcastGradientArgs").samples(MathCases::broadcastGradientArgs);
        op("MatrixBandPart").samples(MathCases::bandPart);
        op("Complex").samples(MathCases::complexOf);
        op("MatrixSolve").samples(MathCases::matrixSolve).ulps(256);
        op("LogMatrixDeterminant").samples(MathCases::squareMatrix).ulps(256);
        op("Conv2DBackpropInput").samples(NnCases::conv2dBackpropInput).inputScaledUlps(4 * REDUCTION_ULPS);
        op("Conv2DBackpropFilter").samples(NnCases::conv2dBackpropFilter).inputScaledUlps(4 * REDUCTION_ULPS);
        op("MaxPoolGrad").samples(NnCases::maxPoolGrad).inputScaledUlps(REDUCTION_ULPS);
        op("AvgPoolGrad").samples(NnCases::avgPoolGrad).inputScaledUlps(REDUCTION_ULPS);
        op("Conv3D").samples(NnCases::conv3d).inputScaledUlps(4 * REDUCTION_ULPS);
        op("MaxPool3D").samples(NnCases::pool3d);
        op("AvgPool3D").samples(NnCases::pool3d).inputScaledUlps(REDUCTION_ULPS);
        op("DepthwiseConv2dNative").samples(NnCases::depthwiseConv).inputScaledUlps(4 * REDUCTION_ULPS);
        op("LRN").samples(NnCases::lrn).ulps(TRANSCENDENTAL_ULPS);
        op("UniqueWithCounts").samples(NnCases::unique);
        op("Add").samples(Cases::binary);
        for (String op : List.of("RandomUniform", "RandomStandardNormal", "TruncatedNormal")) {
            op(op).samples(RandomCases::seededFloats).ulps(TRANSCENDENTAL_ULPS);
        }
        op("RandomUniformInt").samples(RandomCases::seededInts);
        op("DepthwiseConv2dNativeBackpropInput").samples(NnCases::depthwiseBackpropInput).inputScaledUlps(4 * REDUCTION_ULPS);
        op("DepthwiseConv2dNativeBackpropFilter").samples(NnCases::depthwiseBackpropFilter).inputScaledUlps(4 * REDUCTION_ULPS);
        op("Conv3DBackpropInputV2").samples(NnCases::conv3dBackpropInput).inputScaledUlps(4 * REDUCTION_ULPS);
        op("Conv3DBackpropFilterV2").samples(NnCases::conv3dBackpropFilter).inputScaledUlps(4 * REDUCTION_ULPS);
        op("MaxPoolGradGrad").samples(NnCases::maxPoolGradGrad);
        op("MaxPool3DGrad").samples(NnCases::maxPool3dGrad).inputScaledUlps(REDUCTION_ULPS);
        op("MaxPool3DGradGrad").samples(NnCases::maxPool3dGradGrad);
        op("AvgPool3DGrad").samples(NnCases::avgPool3dGrad).inputScaledUlps(REDUCTION_ULPS);
        op("TensorStridedSliceUpdate").samples(ShapeCases::stridedSliceUpdate);
        op("StatelessRandomUniformInt").samples(RandomCases::statelessUniformInt);
        // TF's uint64 key [1] and counter [2]; alg is an input in TF
        for (String op : List.of("StatelessRandomUniformV2", "StatelessRandomNormalV2", "StatelessTruncatedNormalV2", "StatelessRandomUniformFullIntV2")) {
            op(op).samples(RandomCases::statelessV2).ulps(TRANSCENDENTAL_ULPS);
        }
        op("StatelessRandomUniformIntV2").samples(RandomCases::statelessV2Int);
        op("StatelessRandomGetKeyCounter").samples(RandomCases::getKeyCounter);
        op("StatelessMultinomial").samples(RandomCases::statelessMultinomial);
        op("Multinomial").samples(RandomCases::multinomial);
        op("RandomGamma").samples(RandomCases::gamma);
        op("RandomPoissonV2").samples(RandomCases::poisson);
        op("RandomShuffle").samples(RandomCases::shuffle);
        op("RandomGammaGrad").samples(MathCases::gammaGrad).ulps(256);
        // TF evaluates the special functions in the operand's precision (Eigen's Cephes ports), JFlow in double
        for (String op : List.of("Lgamma", "Digamma")) op(op).samples(MathCases::gammaFunction).ulps(SPECIAL_ULPS);
        for (String op : List.of("Igamma", "Igammac", "IgammaGradA")) {
            op(op).samples(MathCases.special(new double[] {0.1, 12}, new double[] {0.05, 20}, false)).ulps(SPECIAL_ULPS);
        }
        op("Zeta").samples(MathCases.special(new double[] {1.1, 8}, new double[] {0.1, 10}, false)).ulps(SPECIAL_ULPS);
        op("Polygamma").samples(MathCases.special(null, new double[] {0.1, 10}, true)).ulps(SPECIAL_ULPS);
        op("Qr").samples(MathCases::qr);
        op("Svd").samples(MathCases::svd);
        op("SelfAdjointEigV2").samples(MathCases::selfAdjointEig);
        op("Eig").samples(MathCases::eig);
        // TF's V3 ops take the diagonal offset k (JFlow: the main diagonal only), the sizes and the padding as inputs
        op("MatrixDiagV3").samples(MathCases::matrixDiag);
        op("MatrixDiagPartV3").samples(MathCases::matrixDiagPart);
        op("Bincount").samples(MathCases::bincount).inputScaledUlps(REDUCTION_ULPS);
        op("StringFormat").samples(StringCases::stringFormat);
        op("StringSplitV2").samples(StringCases::stringSplit);
        for (String op : List.of("UnicodeDecode", "UnicodeDecodeWithOffsets")) op(op).samples(StringCases::unicodeDecode);
        op("UnicodeTranscode").samples(StringCases::unicodeTranscode);
        op("UnicodeScript").samples(StringCases::unicodeScript);
        op("UnicodeEncode").samples(StringCases::unicodeEncode);
        // JFlow's ops that TF's registry lacks (decomposed on export)
        op("ArgSort").samples(MathCases::argSort);
        op("CountNonzero").samples(MathCases::countNonzero);
        op("ConfusionMatrix").samples(MathCases::confusionMatrix);
        GradientSamples.register();
    }

    /** The op's row, created on first use (the table's builders). */
    static OpInfo op(String name) { return TABLE.computeIfAbsent(name, OpInfo::new); }

    /** The op's row, or null if it has none. */
    public static OpInfo get(String op) { return TABLE.get(op); }

    /** Every row, by op name. */
    public static Collection<OpInfo> all() { return Collections.unmodifiableCollection(TABLE.values()); }
}
