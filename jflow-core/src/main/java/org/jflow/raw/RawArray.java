package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.List;

/**
 * TF's {@code gen_array_ops}: shapes, creation, slicing, gather and scatter, concat and split,
 * padding, transposition, band and diagonal parts, one typed method per op. Where TF takes a
 * shape, axes or sizes as a tensor input and JFlow's op as an attribute, the method takes the
 * attribute ({@code int[]}); {@code Reshape} and {@code BroadcastTo} also take a shape tensor (an
 * overload), which is how a gradient passes a shape known only at run time.
 */
public final class RawArray {
    private static final Op BROADCAST_ARGS = Raw.op("BroadcastArgs");
    private static final Op BROADCAST_GRADIENT_ARGS = Raw.op("BroadcastGradientArgs");
    private static final Op BROADCAST_TO = Raw.op("BroadcastTo");
    private static final Op CONCAT_V2 = Raw.op("ConcatV2");
    private static final Op DEPTH_TO_SPACE = Raw.op("DepthToSpace");
    private static final Op EXPAND_DIMS = Raw.op("ExpandDims");
    private static final Op FILL = Raw.op("Fill");
    private static final Op GATHER_ND = Raw.op("GatherNd");
    private static final Op GATHER_V2 = Raw.op("GatherV2");
    private static final Op IDENTITY = Raw.op("Identity");
    private static final Op LIN_SPACE = Raw.op("LinSpace");
    private static final Op MATRIX_BAND_PART = Raw.op("MatrixBandPart");
    private static final Op MATRIX_DIAG_PART_V3 = Raw.op("MatrixDiagPartV3");
    private static final Op MATRIX_DIAG_V3 = Raw.op("MatrixDiagV3");
    private static final Op MIRROR_PAD = Raw.op("MirrorPad");
    private static final Op ONE_HOT = Raw.op("OneHot");
    private static final Op ONES_LIKE = Raw.op("OnesLike");
    private static final Op PACK = Raw.op("Pack");
    private static final Op PAD = Raw.op("Pad");
    private static final Op PAD_V2 = Raw.op("PadV2");
    private static final Op RANGE = Raw.op("Range");
    private static final Op RANK = Raw.op("Rank");
    private static final Op RESHAPE = Raw.op("Reshape");
    private static final Op REVERSE_V2 = Raw.op("ReverseV2");
    private static final Op SCATTER_ND = Raw.op("ScatterNd");
    private static final Op SELECT_V2 = Raw.op("SelectV2");
    private static final Op SHAPE = Raw.op("Shape");
    private static final Op SIZE = Raw.op("Size");
    private static final Op SLICE = Raw.op("Slice");
    private static final Op SPACE_TO_DEPTH = Raw.op("SpaceToDepth");
    private static final Op SPLIT = Raw.op("Split");
    private static final Op SPLIT_V = Raw.op("SplitV");
    private static final Op SQUEEZE = Raw.op("Squeeze");
    private static final Op STOP_GRADIENT = Raw.op("StopGradient");
    private static final Op STRIDED_SLICE = Raw.op("StridedSlice");
    private static final Op TENSOR_SCATTER_ADD = Raw.op("TensorScatterAdd");
    private static final Op TENSOR_SCATTER_UPDATE = Raw.op("TensorScatterUpdate");
    private static final Op TENSOR_STRIDED_SLICE_UPDATE = Raw.op("TensorStridedSliceUpdate");
    private static final Op TILE = Raw.op("Tile");
    private static final Op TRANSPOSE = Raw.op("Transpose");
    private static final Op UNIQUE = Raw.op("Unique");
    private static final Op UNIQUE_WITH_COUNTS = Raw.op("UniqueWithCounts");
    private static final Op UNPACK = Raw.op("Unpack");
    private static final Op WHERE = Raw.op("Where");
    private static final Op ZEROS_LIKE = Raw.op("ZerosLike");

    private RawArray() {}

    // ---- shapes ----

    /** {@code Shape} as an {@code outType} (int32 or int64) vector. */
    public static Tensor shape(Tensor input, DType outType) {
        return Raw.one(SHAPE, Attrs.of("out_type", outType), input);
    }

    public static Tensor size(Tensor input, DType outType) {
        return Raw.one(SIZE, Attrs.of("out_type", outType), input);
    }

    public static Tensor rank(Tensor input) { return Raw.one(RANK, Attrs.EMPTY, input); }

    /** {@code Reshape} to a static shape (one dim may be -1). */
    public static Tensor reshape(Tensor tensor, int[] shape) {
        return Raw.one(RESHAPE, Attrs.of("shape", shape.clone()), tensor);
    }

    /** {@code Reshape} to a shape given as an int32/int64 vector tensor (TF's form: known only at run time). */
    public static Tensor reshape(Tensor tensor, Tensor shape) { return Raw.one(RESHAPE, Attrs.EMPTY, tensor, shape); }

    public static Tensor broadcastTo(Tensor input, int[] shape) {
        return Raw.one(BROADCAST_TO, Attrs.of("shape", shape.clone()), input);
    }

    /** {@code BroadcastTo} a shape given as an int vector tensor (TF's form). */
    public static Tensor broadcastTo(Tensor input, Tensor shape) {
        return Raw.one(BROADCAST_TO, Attrs.EMPTY, input, shape);
    }

    /** {@code BroadcastArgs}: the broadcast shape of two shape vectors. */
    public static Tensor broadcastArgs(Tensor s0, Tensor s1) { return Raw.one(BROADCAST_ARGS, Attrs.EMPTY, s0, s1); }

    /**
     * {@code BroadcastGradientArgs}: the axes to sum the gradients of two broadcast operands over,
     * {@code {r0, r1}}, from their shapes (int32 or int64 vectors of one dtype).
     */
    public static Tensor[] broadcastGradientArgs(Tensor s0, Tensor s1) {
        return Raw.all(BROADCAST_GRADIENT_ARGS, Attrs.EMPTY, s0, s1);
    }

    public static Tensor expandDims(Tensor input, int axis) {
        return Raw.one(EXPAND_DIMS, Attrs.of("axis", axis), input);
    }

    /** {@code Squeeze}: {@code squeezeDims} empty removes every size-1 axis. */
    public static Tensor squeeze(Tensor input, int[] squeezeDims) {
        return Raw.one(SQUEEZE, Attrs.of("squeeze_dims", squeezeDims.clone()), input);
    }

    public static Tensor identity(Tensor input) { return Raw.one(IDENTITY, Attrs.EMPTY, input); }

    public static Tensor stopGradient(Tensor input) { return Raw.one(STOP_GRADIENT, Attrs.EMPTY, input); }

    // ---- creation ----

    public static Tensor fill(int[] dims, Tensor value) { return Raw.one(FILL, Attrs.of("dims", dims.clone()), value); }

    public static Tensor zerosLike(Tensor x) { return Raw.one(ZEROS_LIKE, Attrs.EMPTY, x); }

    /** {@code ZerosLike} in another dtype (JFlow's attribute {@code dtype}; TF's Python casts first). */
    public static Tensor zerosLike(Tensor x, DType dtype) { return Raw.one(ZEROS_LIKE, Attrs.of("dtype", dtype), x); }

    public static Tensor onesLike(Tensor x) { return Raw.one(ONES_LIKE, Attrs.EMPTY, x); }

    /** {@code OnesLike} in another dtype (JFlow's attribute {@code dtype}). */
    public static Tensor onesLike(Tensor x, DType dtype) { return Raw.one(ONES_LIKE, Attrs.of("dtype", dtype), x); }

    /** {@code Range} of dtype {@code tidx}; start, limit and delta are that dtype's scalars (TF's inputs). */
    public static Tensor range(Number start, Number limit, Number delta, DType tidx) {
        return Raw.one(RANGE, Attrs.of("start", start, "limit", limit, "delta", delta, "Tidx", tidx));
    }

    public static Tensor linSpace(Tensor start, Tensor stop, int num) {
        return Raw.one(LIN_SPACE, Attrs.of("num", num), start, stop);
    }

    public static Tensor oneHot(Tensor indices, Tensor onValue, Tensor offValue, int depth, int axis) {
        return Raw.one(ONE_HOT, Attrs.of("depth", depth, "axis", axis), indices, onValue, offValue);
    }

    // ---- slicing ----

    public static Tensor slice(Tensor input, int[] begin, int[] size) {
        return Raw.one(SLICE, Attrs.of("begin", begin.clone(), "size", size.clone()), input);
    }

    private static Attrs stridedSlice(int[] begin, int[] end, int[] strides, int beginMask, int endMask,
                                      int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        return Attrs.of("begin", begin.clone(), "end", end.clone(), "strides", strides.clone(), "begin_mask", beginMask,
                "end_mask", endMask, "ellipsis_mask", ellipsisMask, "new_axis_mask", newAxisMask,
                "shrink_axis_mask", shrinkAxisMask);
    }

    public static Tensor stridedSlice(Tensor input, int[] begin, int[] end, int[] strides, int beginMask, int endMask,
                                      int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        return Raw.one(STRIDED_SLICE, stridedSlice(begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask,
                shrinkAxisMask), input);
    }

    /** {@code TensorStridedSliceUpdate}: {@code input} with the slice replaced by {@code value}. */
    public static Tensor tensorStridedSliceUpdate(Tensor input, Tensor value, int[] begin, int[] end, int[] strides,
                                                  int beginMask, int endMask, int ellipsisMask, int newAxisMask,
                                                  int shrinkAxisMask) {
        return Raw.one(TENSOR_STRIDED_SLICE_UPDATE, stridedSlice(begin, end, strides, beginMask, endMask, ellipsisMask,
                newAxisMask, shrinkAxisMask), input, value);
    }

    // ---- gather, scatter, select ----

    public static Tensor gatherV2(Tensor params, Tensor indices, int axis, int batchDims) {
        return Raw.one(GATHER_V2, Attrs.of("axis", axis, "batch_dims", batchDims), params, indices);
    }

    public static Tensor gatherNd(Tensor params, Tensor indices) {
        return Raw.one(GATHER_ND, Attrs.EMPTY, params, indices);
    }

    public static Tensor scatterNd(Tensor indices, Tensor updates, int[] shape) {
        return Raw.one(SCATTER_ND, Attrs.of("shape", shape.clone()), indices, updates);
    }

    public static Tensor tensorScatterUpdate(Tensor tensor, Tensor indices, Tensor updates) {
        return Raw.one(TENSOR_SCATTER_UPDATE, Attrs.EMPTY, tensor, indices, updates);
    }

    public static Tensor tensorScatterAdd(Tensor tensor, Tensor indices, Tensor updates) {
        return Raw.one(TENSOR_SCATTER_ADD, Attrs.EMPTY, tensor, indices, updates);
    }

    /** {@code SelectV2}: {@code t} where {@code condition}, else {@code e}, all three broadcast. */
    public static Tensor selectV2(Tensor condition, Tensor t, Tensor e) {
        return Raw.one(SELECT_V2, Attrs.EMPTY, condition, t, e);
    }

    /** {@code Where}: the int64 coordinates of the true (non-zero) elements. */
    public static Tensor where(Tensor condition) { return Raw.one(WHERE, Attrs.EMPTY, condition); }

    /** {@code Unique}: {@code [y, idx]}. */
    public static Tensor[] unique(Tensor x, DType outIdx) { return Raw.all(UNIQUE, Attrs.of("out_idx", outIdx), x); }

    /** {@code UniqueWithCounts}: {@code [y, idx, count]}. */
    public static Tensor[] uniqueWithCounts(Tensor x, DType outIdx) {
        return Raw.all(UNIQUE_WITH_COUNTS, Attrs.of("out_idx", outIdx), x);
    }

    // ---- joining, splitting, copying ----

    public static Tensor concatV2(List<Tensor> values, int axis) {
        return Raw.one(CONCAT_V2, Attrs.of("axis", axis), Raw.list(values));
    }

    public static Tensor pack(List<Tensor> values, int axis) {
        return Raw.one(PACK, Attrs.of("axis", axis), Raw.list(values));
    }

    /** {@code Unpack} into {@code num} tensors along {@code axis}. */
    public static Tensor[] unpack(Tensor value, int num, int axis) {
        return Raw.all(UNPACK, Attrs.of("num", num, "axis", axis), value);
    }

    public static Tensor[] split(Tensor value, int axis, int numSplit) {
        return Raw.all(SPLIT, Attrs.of("num_split", numSplit, "axis", axis), value);
    }

    /** {@code SplitV}: one size may be -1 (the rest). */
    public static Tensor[] splitV(Tensor value, int[] sizeSplits, int axis) {
        return Raw.all(SPLIT_V, Attrs.of("size_splits", sizeSplits.clone(), "axis", axis), value);
    }

    public static Tensor tile(Tensor input, int[] multiples) {
        return Raw.one(TILE, Attrs.of("multiples", multiples.clone()), input);
    }

    public static Tensor transpose(Tensor x, int[] perm) {
        return Raw.one(TRANSPOSE, Attrs.of("perm", perm.clone()), x);
    }

    public static Tensor reverseV2(Tensor tensor, int[] axis) {
        return Raw.one(REVERSE_V2, Attrs.of("axis", axis.clone()), tensor);
    }

    /** {@code Pad} with zeros; {@code paddings} flat, before and after per axis. */
    public static Tensor pad(Tensor input, int[] paddings) {
        return Raw.one(PAD, Attrs.of("paddings", paddings.clone()), input);
    }

    /** {@code PadV2} with the scalar {@code constantValues}. */
    public static Tensor padV2(Tensor input, Tensor constantValues, int[] paddings) {
        return Raw.one(PAD_V2, Attrs.of("paddings", paddings.clone()), input, constantValues);
    }

    /** {@code MirrorPad}: {@code mode} REFLECT or SYMMETRIC. */
    public static Tensor mirrorPad(Tensor input, int[] paddings, String mode) {
        return Raw.one(MIRROR_PAD, Attrs.of("paddings", paddings.clone(), "mode", mode), input);
    }

    /** {@code DepthToSpace}; {@code dataFormat} null for TF's default NHWC. */
    public static Tensor depthToSpace(Tensor input, int blockSize, String dataFormat) {
        return Raw.one(DEPTH_TO_SPACE, Raw.attrs("block_size", blockSize, "data_format", dataFormat), input);
    }

    public static Tensor spaceToDepth(Tensor input, int blockSize, String dataFormat) {
        return Raw.one(SPACE_TO_DEPTH, Raw.attrs("block_size", blockSize, "data_format", dataFormat), input);
    }

    // ---- band and diagonal parts ----

    /** {@code MatrixBandPart}: a negative count keeps the whole lower or upper triangle. */
    public static Tensor matrixBandPart(Tensor input, long numLower, long numUpper) {
        return Raw.one(MATRIX_BAND_PART, Attrs.of("num_lower", numLower, "num_upper", numUpper), input);
    }

    /** {@code MatrixDiagV3} of the main diagonal; -1 rows or columns for a square result. */
    public static Tensor matrixDiagV3(Tensor diagonal, int numRows, int numCols) {
        return Raw.one(MATRIX_DIAG_V3, Attrs.of("num_rows", numRows, "num_cols", numCols), diagonal);
    }

    public static Tensor matrixDiagPartV3(Tensor input) { return Raw.one(MATRIX_DIAG_PART_V3, Attrs.EMPTY, input); }
}
