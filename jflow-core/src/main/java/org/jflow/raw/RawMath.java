package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * TF's {@code gen_math_ops}: element-wise arithmetic and functions, comparisons, logical ops,
 * reductions, casts, complex parts, segment reductions, scans and the MatMul family, one typed
 * method per op. No Python semantics: inputs are tensors of the op's dtypes (no literal
 * conversion, no implicit casts or broadcasting beyond the op's own), attributes are typed values.
 * Also the math ops JFlow has that TF's registry lacks ({@code ReduceLogSumExp}, {@code ClipByNorm}, ...).
 * {@code Sum} and {@code UnsortedSegmentSum} also take their axes and segment count as tensors (an
 * overload), which is how a gradient passes them where they are known only when the graph runs.
 */
public final class RawMath {
    private static final Op ABS = Raw.op("Abs");
    private static final Op ACOS = Raw.op("Acos");
    private static final Op ACOSH = Raw.op("Acosh");
    private static final Op ASIN = Raw.op("Asin");
    private static final Op ASINH = Raw.op("Asinh");
    private static final Op ATAN = Raw.op("Atan");
    private static final Op ATANH = Raw.op("Atanh");
    private static final Op CEIL = Raw.op("Ceil");
    private static final Op COS = Raw.op("Cos");
    private static final Op COSH = Raw.op("Cosh");
    private static final Op DIGAMMA = Raw.op("Digamma");
    private static final Op ERF = Raw.op("Erf");
    private static final Op ERFC = Raw.op("Erfc");
    private static final Op EXP = Raw.op("Exp");
    private static final Op EXPM1 = Raw.op("Expm1");
    private static final Op FLOOR = Raw.op("Floor");
    private static final Op LGAMMA = Raw.op("Lgamma");
    private static final Op LOG = Raw.op("Log");
    private static final Op LOG1P = Raw.op("Log1p");
    private static final Op NEG = Raw.op("Neg");
    private static final Op RECIPROCAL = Raw.op("Reciprocal");
    private static final Op RINT = Raw.op("Rint");
    private static final Op ROUND = Raw.op("Round");
    private static final Op RSQRT = Raw.op("Rsqrt");
    private static final Op SIGMOID = Raw.op("Sigmoid");
    private static final Op SIGMOID_GRAD = Raw.op("SigmoidGrad");
    private static final Op TANH_GRAD = Raw.op("TanhGrad");
    private static final Op RSQRT_GRAD = Raw.op("RsqrtGrad");
    private static final Op SQRT_GRAD = Raw.op("SqrtGrad");
    private static final Op RECIPROCAL_GRAD = Raw.op("ReciprocalGrad");
    private static final Op SIGN = Raw.op("Sign");
    private static final Op SIN = Raw.op("Sin");
    private static final Op SINH = Raw.op("Sinh");
    private static final Op SQRT = Raw.op("Sqrt");
    private static final Op SQUARE = Raw.op("Square");
    private static final Op TAN = Raw.op("Tan");
    private static final Op TANH = Raw.op("Tanh");
    private static final Op IS_FINITE = Raw.op("IsFinite");
    private static final Op IS_INF = Raw.op("IsInf");
    private static final Op IS_NAN = Raw.op("IsNan");
    private static final Op LOGICAL_NOT = Raw.op("LogicalNot");
    private static final Op ANGLE = Raw.op("Angle");
    private static final Op COMPLEX_ABS = Raw.op("ComplexAbs");
    private static final Op CONJ = Raw.op("Conj");
    private static final Op IMAG = Raw.op("Imag");
    private static final Op REAL = Raw.op("Real");
    private static final Op ADD_V2 = Raw.op("AddV2");
    private static final Op ATAN2 = Raw.op("Atan2");
    private static final Op DIV = Raw.op("Div");
    private static final Op DIV_NO_NAN = Raw.op("DivNoNan");
    private static final Op FLOOR_DIV = Raw.op("FloorDiv");
    private static final Op FLOOR_MOD = Raw.op("FloorMod");
    private static final Op IGAMMA = Raw.op("Igamma");
    private static final Op IGAMMAC = Raw.op("Igammac");
    private static final Op IGAMMA_GRAD_A = Raw.op("IgammaGradA");
    private static final Op MAXIMUM = Raw.op("Maximum");
    private static final Op MINIMUM = Raw.op("Minimum");
    private static final Op MUL = Raw.op("Mul");
    private static final Op MUL_NO_NAN = Raw.op("MulNoNan");
    private static final Op POLYGAMMA = Raw.op("Polygamma");
    private static final Op POW = Raw.op("Pow");
    private static final Op REAL_DIV = Raw.op("RealDiv");
    private static final Op SQUARED_DIFFERENCE = Raw.op("SquaredDifference");
    private static final Op SUB = Raw.op("Sub");
    private static final Op TRUNCATE_DIV = Raw.op("TruncateDiv");
    private static final Op TRUNCATE_MOD = Raw.op("TruncateMod");
    private static final Op XDIVY = Raw.op("Xdivy");
    private static final Op ZETA = Raw.op("Zeta");
    private static final Op ADD = Raw.op("Add");
    private static final Op LOGICAL_AND = Raw.op("LogicalAnd");
    private static final Op LOGICAL_OR = Raw.op("LogicalOr");
    private static final Op GREATER = Raw.op("Greater");
    private static final Op GREATER_EQUAL = Raw.op("GreaterEqual");
    private static final Op LESS = Raw.op("Less");
    private static final Op LESS_EQUAL = Raw.op("LessEqual");
    private static final Op COMPLEX = Raw.op("Complex");
    private static final Op CROSS = Raw.op("Cross");    private static final Op ADD_N = Raw.op("AddN");
    private static final Op EQUAL = Raw.op("Equal");
    private static final Op NOT_EQUAL = Raw.op("NotEqual");
    private static final Op ALL = Raw.op("All");
    private static final Op ANY = Raw.op("Any");
    private static final Op MAX = Raw.op("Max");
    private static final Op MEAN = Raw.op("Mean");
    private static final Op MIN = Raw.op("Min");
    private static final Op PROD = Raw.op("Prod");
    private static final Op SUM = Raw.op("Sum");
    private static final Op EUCLIDEAN_NORM = Raw.op("EuclideanNorm");
    private static final Op REDUCE_LOG_SUM_EXP = Raw.op("ReduceLogSumExp");
    private static final Op REDUCE_VARIANCE = Raw.op("ReduceVariance");
    private static final Op REDUCE_STD = Raw.op("ReduceStd");
    private static final Op COUNT_NONZERO = Raw.op("CountNonzero");
    private static final Op ARG_MAX = Raw.op("ArgMax");
    private static final Op ARG_MIN = Raw.op("ArgMin");
    private static final Op CAST = Raw.op("Cast");
    private static final Op CLIP_BY_NORM = Raw.op("ClipByNorm");
    private static final Op BINCOUNT = Raw.op("Bincount");
    private static final Op CONFUSION_MATRIX = Raw.op("ConfusionMatrix");
    private static final Op CUMSUM = Raw.op("Cumsum");
    private static final Op CUMPROD = Raw.op("Cumprod");
    private static final Op SEGMENT_SUM = Raw.op("SegmentSum");
    private static final Op SEGMENT_MEAN = Raw.op("SegmentMean");
    private static final Op SEGMENT_PROD = Raw.op("SegmentProd");
    private static final Op SEGMENT_MAX = Raw.op("SegmentMax");
    private static final Op SEGMENT_MIN = Raw.op("SegmentMin");
    private static final Op UNSORTED_SEGMENT_SUM = Raw.op("UnsortedSegmentSum");
    private static final Op UNSORTED_SEGMENT_PROD = Raw.op("UnsortedSegmentProd");
    private static final Op UNSORTED_SEGMENT_MAX = Raw.op("UnsortedSegmentMax");
    private static final Op UNSORTED_SEGMENT_MIN = Raw.op("UnsortedSegmentMin");
    private static final Op SORT = Raw.op("Sort");
    private static final Op ARG_SORT = Raw.op("ArgSort");
    private static final Op MAT_MUL = Raw.op("MatMul");
    private static final Op BATCH_MAT_MUL_V2 = Raw.op("BatchMatMulV2");
    private static final Op BATCH_MAT_MUL_V3 = Raw.op("BatchMatMulV3");

    private RawMath() {}

    // ---- element-wise, one input ----

    public static Tensor abs(Tensor x) { return Raw.one(ABS, Attrs.EMPTY, x); }

    public static Tensor acos(Tensor x) { return Raw.one(ACOS, Attrs.EMPTY, x); }

    public static Tensor acosh(Tensor x) { return Raw.one(ACOSH, Attrs.EMPTY, x); }

    public static Tensor asin(Tensor x) { return Raw.one(ASIN, Attrs.EMPTY, x); }

    public static Tensor asinh(Tensor x) { return Raw.one(ASINH, Attrs.EMPTY, x); }

    public static Tensor atan(Tensor x) { return Raw.one(ATAN, Attrs.EMPTY, x); }

    public static Tensor atanh(Tensor x) { return Raw.one(ATANH, Attrs.EMPTY, x); }

    public static Tensor ceil(Tensor x) { return Raw.one(CEIL, Attrs.EMPTY, x); }

    public static Tensor cos(Tensor x) { return Raw.one(COS, Attrs.EMPTY, x); }

    public static Tensor cosh(Tensor x) { return Raw.one(COSH, Attrs.EMPTY, x); }

    public static Tensor digamma(Tensor x) { return Raw.one(DIGAMMA, Attrs.EMPTY, x); }

    public static Tensor erf(Tensor x) { return Raw.one(ERF, Attrs.EMPTY, x); }

    public static Tensor erfc(Tensor x) { return Raw.one(ERFC, Attrs.EMPTY, x); }

    public static Tensor exp(Tensor x) { return Raw.one(EXP, Attrs.EMPTY, x); }

    public static Tensor expm1(Tensor x) { return Raw.one(EXPM1, Attrs.EMPTY, x); }

    public static Tensor floor(Tensor x) { return Raw.one(FLOOR, Attrs.EMPTY, x); }

    public static Tensor lgamma(Tensor x) { return Raw.one(LGAMMA, Attrs.EMPTY, x); }

    public static Tensor log(Tensor x) { return Raw.one(LOG, Attrs.EMPTY, x); }

    public static Tensor log1p(Tensor x) { return Raw.one(LOG1P, Attrs.EMPTY, x); }

    public static Tensor neg(Tensor x) { return Raw.one(NEG, Attrs.EMPTY, x); }

    public static Tensor reciprocal(Tensor x) { return Raw.one(RECIPROCAL, Attrs.EMPTY, x); }

    public static Tensor rint(Tensor x) { return Raw.one(RINT, Attrs.EMPTY, x); }

    public static Tensor round(Tensor x) { return Raw.one(ROUND, Attrs.EMPTY, x); }

    public static Tensor rsqrt(Tensor x) { return Raw.one(RSQRT, Attrs.EMPTY, x); }

    public static Tensor sigmoid(Tensor x) { return Raw.one(SIGMOID, Attrs.EMPTY, x); }

    // TF's cwise gradient kernels: (the op's output y, the upstream gradient dy) -> dx

    public static Tensor sigmoidGrad(Tensor y, Tensor dy) { return Raw.one(SIGMOID_GRAD, Attrs.EMPTY, y, dy); }

    public static Tensor tanhGrad(Tensor y, Tensor dy) { return Raw.one(TANH_GRAD, Attrs.EMPTY, y, dy); }

    public static Tensor rsqrtGrad(Tensor y, Tensor dy) { return Raw.one(RSQRT_GRAD, Attrs.EMPTY, y, dy); }

    public static Tensor sqrtGrad(Tensor y, Tensor dy) { return Raw.one(SQRT_GRAD, Attrs.EMPTY, y, dy); }

    public static Tensor reciprocalGrad(Tensor y, Tensor dy) { return Raw.one(RECIPROCAL_GRAD, Attrs.EMPTY, y, dy); }

    public static Tensor sign(Tensor x) { return Raw.one(SIGN, Attrs.EMPTY, x); }

    public static Tensor sin(Tensor x) { return Raw.one(SIN, Attrs.EMPTY, x); }

    public static Tensor sinh(Tensor x) { return Raw.one(SINH, Attrs.EMPTY, x); }

    public static Tensor sqrt(Tensor x) { return Raw.one(SQRT, Attrs.EMPTY, x); }

    public static Tensor square(Tensor x) { return Raw.one(SQUARE, Attrs.EMPTY, x); }

    public static Tensor tan(Tensor x) { return Raw.one(TAN, Attrs.EMPTY, x); }

    public static Tensor tanh(Tensor x) { return Raw.one(TANH, Attrs.EMPTY, x); }

    public static Tensor isFinite(Tensor x) { return Raw.one(IS_FINITE, Attrs.EMPTY, x); }

    public static Tensor isInf(Tensor x) { return Raw.one(IS_INF, Attrs.EMPTY, x); }

    public static Tensor isNan(Tensor x) { return Raw.one(IS_NAN, Attrs.EMPTY, x); }

    public static Tensor logicalNot(Tensor x) { return Raw.one(LOGICAL_NOT, Attrs.EMPTY, x); }

    public static Tensor angle(Tensor x) { return Raw.one(ANGLE, Attrs.EMPTY, x); }

    public static Tensor complexAbs(Tensor x) { return Raw.one(COMPLEX_ABS, Attrs.EMPTY, x); }

    public static Tensor conj(Tensor x) { return Raw.one(CONJ, Attrs.EMPTY, x); }

    public static Tensor imag(Tensor x) { return Raw.one(IMAG, Attrs.EMPTY, x); }

    public static Tensor real(Tensor x) { return Raw.one(REAL, Attrs.EMPTY, x); }

    public static Tensor addV2(Tensor x, Tensor y) { return Raw.one(ADD_V2, Attrs.EMPTY, x, y); }

    public static Tensor atan2(Tensor y, Tensor x) { return Raw.one(ATAN2, Attrs.EMPTY, y, x); }

    public static Tensor div(Tensor x, Tensor y) { return Raw.one(DIV, Attrs.EMPTY, x, y); }

    public static Tensor divNoNan(Tensor x, Tensor y) { return Raw.one(DIV_NO_NAN, Attrs.EMPTY, x, y); }

    public static Tensor floorDiv(Tensor x, Tensor y) { return Raw.one(FLOOR_DIV, Attrs.EMPTY, x, y); }

    public static Tensor floorMod(Tensor x, Tensor y) { return Raw.one(FLOOR_MOD, Attrs.EMPTY, x, y); }

    public static Tensor igamma(Tensor a, Tensor x) { return Raw.one(IGAMMA, Attrs.EMPTY, a, x); }

    public static Tensor igammac(Tensor a, Tensor x) { return Raw.one(IGAMMAC, Attrs.EMPTY, a, x); }

    public static Tensor igammaGradA(Tensor a, Tensor x) { return Raw.one(IGAMMA_GRAD_A, Attrs.EMPTY, a, x); }

    public static Tensor maximum(Tensor x, Tensor y) { return Raw.one(MAXIMUM, Attrs.EMPTY, x, y); }

    public static Tensor minimum(Tensor x, Tensor y) { return Raw.one(MINIMUM, Attrs.EMPTY, x, y); }

    public static Tensor mul(Tensor x, Tensor y) { return Raw.one(MUL, Attrs.EMPTY, x, y); }

    public static Tensor mulNoNan(Tensor x, Tensor y) { return Raw.one(MUL_NO_NAN, Attrs.EMPTY, x, y); }

    public static Tensor polygamma(Tensor a, Tensor x) { return Raw.one(POLYGAMMA, Attrs.EMPTY, a, x); }

    public static Tensor pow(Tensor x, Tensor y) { return Raw.one(POW, Attrs.EMPTY, x, y); }

    public static Tensor realDiv(Tensor x, Tensor y) { return Raw.one(REAL_DIV, Attrs.EMPTY, x, y); }

    public static Tensor squaredDifference(Tensor x, Tensor y) {
        return Raw.one(SQUARED_DIFFERENCE, Attrs.EMPTY, x, y);
    }

    public static Tensor sub(Tensor x, Tensor y) { return Raw.one(SUB, Attrs.EMPTY, x, y); }

    public static Tensor truncateDiv(Tensor x, Tensor y) { return Raw.one(TRUNCATE_DIV, Attrs.EMPTY, x, y); }

    public static Tensor truncateMod(Tensor x, Tensor y) { return Raw.one(TRUNCATE_MOD, Attrs.EMPTY, x, y); }

    public static Tensor xdivy(Tensor x, Tensor y) { return Raw.one(XDIVY, Attrs.EMPTY, x, y); }

    public static Tensor zeta(Tensor x, Tensor q) { return Raw.one(ZETA, Attrs.EMPTY, x, q); }

    public static Tensor add(Tensor x, Tensor y) { return Raw.one(ADD, Attrs.EMPTY, x, y); }

    public static Tensor logicalAnd(Tensor x, Tensor y) { return Raw.one(LOGICAL_AND, Attrs.EMPTY, x, y); }

    public static Tensor logicalOr(Tensor x, Tensor y) { return Raw.one(LOGICAL_OR, Attrs.EMPTY, x, y); }

    public static Tensor greater(Tensor x, Tensor y) { return Raw.one(GREATER, Attrs.EMPTY, x, y); }

    public static Tensor greaterEqual(Tensor x, Tensor y) { return Raw.one(GREATER_EQUAL, Attrs.EMPTY, x, y); }

    public static Tensor less(Tensor x, Tensor y) { return Raw.one(LESS, Attrs.EMPTY, x, y); }

    public static Tensor lessEqual(Tensor x, Tensor y) { return Raw.one(LESS_EQUAL, Attrs.EMPTY, x, y); }

    public static Tensor complex(Tensor real, Tensor imag) { return Raw.one(COMPLEX, Attrs.EMPTY, real, imag); }

    public static Tensor cross(Tensor a, Tensor b) { return Raw.one(CROSS, Attrs.EMPTY, a, b); }

    // ---- n-ary and comparisons ----

    /** {@code AddN}: the sum of same-shaped tensors of one dtype. */
    public static Tensor addN(List<Tensor> inputs) { return Raw.one(ADD_N, Attrs.EMPTY, Raw.list(inputs)); }

    /** {@code Equal} with {@code incompatible_shape_error} (TF's default true: unbroadcastable shapes fail). */
    public static Tensor equal(Tensor x, Tensor y, boolean incompatibleShapeError) {
        return Raw.one(EQUAL, Attrs.of("incompatible_shape_error", incompatibleShapeError), x, y);
    }

    public static Tensor equal(Tensor x, Tensor y) { return Raw.one(EQUAL, Attrs.EMPTY, x, y); }

    /** {@code NotEqual} with {@code incompatible_shape_error} (TF's default true). */
    public static Tensor notEqual(Tensor x, Tensor y, boolean incompatibleShapeError) {
        return Raw.one(NOT_EQUAL, Attrs.of("incompatible_shape_error", incompatibleShapeError), x, y);
    }

    public static Tensor notEqual(Tensor x, Tensor y) { return Raw.one(NOT_EQUAL, Attrs.EMPTY, x, y); }

    // ---- reductions: axis null reduces every axis ----

    private static Tensor reduce(Op op, Tensor input, int[] axis, boolean keepDims) {
        return Raw.one(op, Raw.attrs("axis", axis == null ? null : axis.clone(), "keep_dims", keepDims), input);
    }

    public static Tensor all(Tensor input, int[] axis, boolean keepDims) { return reduce(ALL, input, axis, keepDims); }
    public static Tensor any(Tensor input, int[] axis, boolean keepDims) { return reduce(ANY, input, axis, keepDims); }
    public static Tensor max(Tensor input, int[] axis, boolean keepDims) { return reduce(MAX, input, axis, keepDims); }
    public static Tensor mean(Tensor input, int[] axis, boolean keepDims) {
        return reduce(MEAN, input, axis, keepDims);
    }
    public static Tensor min(Tensor input, int[] axis, boolean keepDims) { return reduce(MIN, input, axis, keepDims); }
    public static Tensor prod(Tensor input, int[] axis, boolean keepDims) {
        return reduce(PROD, input, axis, keepDims);
    }
    public static Tensor sum(Tensor input, int[] axis, boolean keepDims) { return reduce(SUM, input, axis, keepDims); }
    /** {@code Sum} over axes given as an int32/int64 tensor (TF's form: known only when the graph runs). */
    public static Tensor sum(Tensor input, Tensor reductionIndices, boolean keepDims) {
        return Raw.one(SUM, Attrs.of("keep_dims", keepDims), input, reductionIndices);
    }
    public static Tensor euclideanNorm(Tensor input, int[] axis, boolean keepDims) {
        return reduce(EUCLIDEAN_NORM, input, axis, keepDims);
    }
    public static Tensor reduceLogSumExp(Tensor input, int[] axis, boolean keepDims) {
        return reduce(REDUCE_LOG_SUM_EXP, input, axis, keepDims);
    }
    public static Tensor reduceVariance(Tensor input, int[] axis, boolean keepDims) {
        return reduce(REDUCE_VARIANCE, input, axis, keepDims);
    }
    public static Tensor reduceStd(Tensor input, int[] axis, boolean keepDims) {
        return reduce(REDUCE_STD, input, axis, keepDims);
    }

    /** {@code CountNonzero} (TF's {@code count_nonzero} as one op), counted in {@code dtype}. */
    public static Tensor countNonzero(Tensor input, int[] axis, boolean keepDims, DType dtype) {
        return Raw.one(COUNT_NONZERO, Raw.attrs("axis", axis == null ? null : axis.clone(), "keep_dims", keepDims,
                "dtype", dtype), input);
    }

    public static Tensor argMax(Tensor input, int axis, DType outputType) {
        return Raw.one(ARG_MAX, Attrs.of("axis", axis, "output_type", outputType), input);
    }

    public static Tensor argMin(Tensor input, int axis, DType outputType) {
        return Raw.one(ARG_MIN, Attrs.of("axis", axis, "output_type", outputType), input);
    }

    // ---- casts, clipping, counting ----

    /** {@code Cast} to {@code dstT}. */
    public static Tensor cast(Tensor x, DType dstT) { return Raw.one(CAST, Attrs.of("DstT", dstT), x); }

    /** {@code ClipByNorm}: {@code clipNorm} a scalar of {@code t}'s dtype; {@code axes} null for all axes. */
    public static Tensor clipByNorm(Tensor t, Tensor clipNorm, int[] axes) {
        return Raw.one(CLIP_BY_NORM, Raw.attrs("axes", axes == null ? null : axes.clone()), t, clipNorm);
    }

    /** {@code Bincount}; {@code weights} may be null (then counts of {@code dtype}). */
    public static Tensor bincount(Tensor arr, Tensor weights, int minlength, int maxlength, DType dtype) {
        return Raw.one(BINCOUNT, Raw.attrs("minlength", minlength, "maxlength", maxlength, "dtype", dtype),
                Raw.present(arr, weights));
    }

    /** {@code ConfusionMatrix} ({@code tf.math.confusion_matrix}); {@code weights} may be null. */
    public static Tensor confusionMatrix(Tensor labels, Tensor predictions, Tensor weights, int numClasses,
                                         DType dtype) {
        return Raw.one(CONFUSION_MATRIX, Raw.attrs("num_classes", numClasses, "dtype", dtype),
                Raw.present(labels, predictions, weights));
    }

    // ---- scans and segments ----

    public static Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return Raw.one(CUMSUM, Attrs.of("axis", axis, "exclusive", exclusive, "reverse", reverse), x);
    }

    public static Tensor cumprod(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return Raw.one(CUMPROD, Attrs.of("axis", axis, "exclusive", exclusive, "reverse", reverse), x);
    }

    public static Tensor segmentSum(Tensor data, Tensor segmentIds) {
        return Raw.one(SEGMENT_SUM, Attrs.EMPTY, data, segmentIds);
    }
    public static Tensor segmentMean(Tensor data, Tensor segmentIds) {
        return Raw.one(SEGMENT_MEAN, Attrs.EMPTY, data, segmentIds);
    }
    public static Tensor segmentProd(Tensor data, Tensor segmentIds) {
        return Raw.one(SEGMENT_PROD, Attrs.EMPTY, data, segmentIds);
    }
    public static Tensor segmentMax(Tensor data, Tensor segmentIds) {
        return Raw.one(SEGMENT_MAX, Attrs.EMPTY, data, segmentIds);
    }
    public static Tensor segmentMin(Tensor data, Tensor segmentIds) {
        return Raw.one(SEGMENT_MIN, Attrs.EMPTY, data, segmentIds);
    }
    public static Tensor unsortedSegmentSum(Tensor data, Tensor segmentIds, int numSegments) {
        return Raw.one(UNSORTED_SEGMENT_SUM, Attrs.of("num_segments", numSegments), data, segmentIds);
    }
    /** {@code UnsortedSegmentSum} with {@code num_segments} as an int32/int64 scalar tensor (TF's form: known only when the graph runs). */
    public static Tensor unsortedSegmentSum(Tensor data, Tensor segmentIds, Tensor numSegments) {
        return Raw.one(UNSORTED_SEGMENT_SUM, Attrs.EMPTY, data, segmentIds, numSegments);
    }
    public static Tensor unsortedSegmentProd(Tensor data, Tensor segmentIds, int numSegments) {
        return Raw.one(UNSORTED_SEGMENT_PROD, Attrs.of("num_segments", numSegments), data, segmentIds);
    }
    public static Tensor unsortedSegmentMax(Tensor data, Tensor segmentIds, int numSegments) {
        return Raw.one(UNSORTED_SEGMENT_MAX, Attrs.of("num_segments", numSegments), data, segmentIds);
    }
    public static Tensor unsortedSegmentMin(Tensor data, Tensor segmentIds, int numSegments) {
        return Raw.one(UNSORTED_SEGMENT_MIN, Attrs.of("num_segments", numSegments), data, segmentIds);
    }

    // ---- sorting ----

    /** {@code Sort} ({@code tf.sort} as one op): {@code direction} is ASCENDING or DESCENDING. */
    public static Tensor sort(Tensor values, int axis, String direction) {
        return Raw.one(SORT, Attrs.of("axis", axis, "direction", direction), values);
    }

    /** {@code ArgSort} ({@code tf.argsort} as one op). */
    public static Tensor argSort(Tensor values, int axis, String direction) {
        return Raw.one(ARG_SORT, Attrs.of("axis", axis, "direction", direction), values);
    }

    // ---- matrix products ----

    public static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return Raw.one(MAT_MUL, Attrs.of("transpose_a", transposeA, "transpose_b", transposeB), a, b);
    }

    /** {@code BatchMatMulV2}: batch dims broadcast; {@code adjX}/{@code adjY} take the adjoint of the last two axes. */
    public static Tensor batchMatMulV2(Tensor x, Tensor y, boolean adjX, boolean adjY) {
        return Raw.one(BATCH_MAT_MUL_V2, Attrs.of("adj_x", adjX, "adj_y", adjY), x, y);
    }

    /** {@code BatchMatMulV3}: {@code adjX}/{@code adjY} take the adjoint (conjugate transpose) of the last two axes. */
    public static Tensor batchMatMulV3(Tensor x, Tensor y, boolean adjX, boolean adjY) {
        return Raw.one(BATCH_MAT_MUL_V3, Attrs.of("adj_x", adjX, "adj_y", adjY), x, y);
    }
}
