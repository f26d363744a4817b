package org.jflow.array;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Broadcast;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.TypeError;
import org.jflow.errors.ValueError;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * TF's top-level array functions: creation, shapes, slicing, gather and scatter, masks. Tensor
 * arguments are anything {@code tf.convertToTensor} accepts; shapes are {@code int...}, a
 * {@link Shape}, an int tensor or a list.
 */
public interface ArrayFunctions {

    // ---- creation ----

    /** {@code tf.zeros(shape)}: float32. */
    default Tensor zeros(int... shape) { return zeros((Object) shape, DType.FLOAT32); }

    default Tensor zeros(Object shape) { return zeros(shape, DType.FLOAT32); }

    default Tensor zeros(Object shape, DType dtype) { return fill(shape, ArraySupport.scalar(0, dtype)); }

    /** {@code tf.ones(shape)}: float32. */
    default Tensor ones(int... shape) { return ones((Object) shape, DType.FLOAT32); }

    default Tensor ones(Object shape) { return ones(shape, DType.FLOAT32); }

    default Tensor ones(Object shape, DType dtype) { return fill(shape, ArraySupport.scalar(1, dtype)); }

    default Tensor zerosLike(Object x) { return Dispatcher.execute1(ArrayOps.ZEROS_LIKE, Attrs.EMPTY, Convert.toTensor(x)); }

    default Tensor zerosLike(Object x, DType dtype) {
        return Dispatcher.execute1(ArrayOps.ZEROS_LIKE, Attrs.of("dtype", dtype), Convert.toTensor(x));
    }

    default Tensor onesLike(Object x) { return Dispatcher.execute1(ArrayOps.ONES_LIKE, Attrs.EMPTY, Convert.toTensor(x)); }

    default Tensor onesLike(Object x, DType dtype) {
        return Dispatcher.execute1(ArrayOps.ONES_LIKE, Attrs.of("dtype", dtype), Convert.toTensor(x));
    }

    /** {@code tf.fill(dims, value)}: the value's dtype (int gives int32, a double literal float32). */
    default Tensor fill(Object dims, Object value) {
        Tensor v = Convert.toTensor(value);
        return Dispatcher.execute1(ArrayOps.FILL, Attrs.of("dims", Allocation.fillDims(ArraySupport.longs(dims), v.dtype(), "Fill")), v);
    }

    /** {@code tf.eye(num_rows)}: float32 identity. */
    default Tensor eye(int numRows) { return eye(numRows, numRows, DType.FLOAT32); }

    default Tensor eye(int numRows, int numColumns) { return eye(numRows, numColumns, DType.FLOAT32); }

    /**
     * {@code tf.eye(num_rows, num_columns, dtype=dtype)}. A negative size fails where TF's eye fails:
     * filling its diagonal of {@code min(num_rows, num_columns)} ones.
     */
    default Tensor eye(int numRows, int numColumns, DType dtype) {
        int diagonal = Math.min(numRows, numColumns);
        if (diagonal < 0) throw new org.jflow.errors.InvalidArgumentError("Dimension " + diagonal + " must be >= 0").withOp("Fill");
        return oneHot(range(numRows), numColumns, o -> o.onValue(ArraySupport.scalar(1, dtype)).offValue(ArraySupport.scalar(0, dtype)));
    }

    /** {@code tf.eye(num_rows, batch_shape=batchShape)}: a batch of identity matrices, shape {@code batchShape + [n, n]}. */
    default Tensor eye(int numRows, int[] batchShape) { return eye(numRows, numRows, batchShape, DType.FLOAT32); }

    /** {@code tf.eye(num_rows, num_columns, batch_shape, dtype)}: the matrix repeated over {@code batchShape}. */
    default Tensor eye(int numRows, int numColumns, int[] batchShape, DType dtype) {
        Tensor matrix = eye(numRows, numColumns, dtype);
        int[] shape = java.util.Arrays.copyOf(batchShape, batchShape.length + 2);
        shape[batchShape.length] = numRows;
        shape[batchShape.length + 1] = numColumns;
        return broadcastTo(matrix, shape);
    }

    /** {@code tf.range(limit)}: int32. */
    default Tensor range(int limit) { return range(0, limit, 1); }

    default Tensor range(int start, int limit) { return range(start, limit, 1); }

    default Tensor range(int start, int limit, int delta) { return range(start, limit, delta, DType.INT32); }

    /** {@code tf.range(limit)} with a float limit: float32. */
    default Tensor range(double limit) { return range(0.0, limit, 1.0); }

    default Tensor range(double start, double limit) { return range(start, limit, 1.0); }

    default Tensor range(double start, double limit, double delta) { return range(start, limit, delta, DType.FLOAT32); }

    /** {@code tf.range(start, limit, delta, dtype)}. */
    default Tensor range(Number start, Number limit, Number delta, DType dtype) {
        return Dispatcher.execute1(ArrayOps.RANGE, Attrs.of("start", start, "limit", limit, "delta", delta, "Tidx", dtype));
    }

    /** {@code tf.linspace(start, stop, num)}: float32; the last element is exactly {@code stop}. */
    default Tensor linspace(double start, double stop, int num) {
        return linspace(Convert.toTensor((float) start), Convert.toTensor((float) stop), num);
    }

    /** {@code tf.linspace} on float scalar tensors (the dtype is theirs). */
    default Tensor linspace(Object start, Object stop, int num) {
        Tensor[] p = Convert.pair(start, stop);
        return Dispatcher.execute1(ArrayOps.LIN_SPACE, Attrs.of("num", num), p[0], p[1]);
    }

    /** {@code tf.meshgrid(x, y)} with Cartesian ("xy") indexing. */
    default List<Tensor> meshgrid(Object x, Object y) { return meshgrid(List.of(x, y), "xy"); }

    /** {@code tf.meshgrid(x, y, indexing="xy"|"ij")}. */
    default List<Tensor> meshgrid(Object x, Object y, String indexing) { return meshgrid(List.of(x, y), indexing); }

    /**
     * {@code tf.meshgrid(*args, indexing=...)}: N 1-D inputs (flattened) give N tensors of shape
     * {@code [len(x1), len(x2), ...]}; "xy" swaps the first two dims.
     */
    default List<Tensor> meshgrid(List<?> inputs, String indexing) {
        if (!indexing.equals("xy") && !indexing.equals("ij")) {
            throw new ValueError("Argument `indexing` parameter must be either 'xy' or 'ij', got '" + indexing + "'");
        }
        int n = inputs.size();
        Tensor[] flat = new Tensor[n];
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) {
            flat[i] = reshape(inputs.get(i), -1);
            dims[i] = flat[i].size();
        }
        boolean xy = indexing.equals("xy") && n > 1;
        if (xy) {
            int t = dims[0];
            dims[0] = dims[1];
            dims[1] = t;
        }
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            int[] along = new int[n];
            Arrays.fill(along, 1);
            along[xy && i < 2 ? 1 - i : i] = flat[i].size();
            out[i] = broadcastTo(reshape(flat[i], along), dims);
        }
        return List.of(out);
    }

    default Tensor identity(Object x) { return Dispatcher.execute1(ArrayOps.IDENTITY, Attrs.EMPTY, Convert.toTensor(x)); }

    // ---- shapes ----

    /** {@code tf.reshape(x, shape)}; one dim may be -1. */
    default Tensor reshape(Object x, int... shape) {
        return Dispatcher.execute1(ArrayOps.RESHAPE, Attrs.of("shape", shape.clone()), Convert.toTensor(x));
    }

    default Tensor reshape(Object x, Object shape) {
        Tensor t = Convert.toTensor(x);
        return reshape(t, ArraySupport.reshapeDims(t, shape));
    }

    default Tensor expandDims(Object x, int axis) {
        return Dispatcher.execute1(ArrayOps.EXPAND_DIMS, Attrs.of("axis", axis), Convert.toTensor(x));
    }

    /** {@code tf.squeeze(x)}: drops every size-1 dim, or only {@code axis} when given. */
    default Tensor squeeze(Object x, int... axis) {
        return Dispatcher.execute1(ArrayOps.SQUEEZE, Attrs.of("squeeze_dims", axis.clone()), Convert.toTensor(x));
    }

    /** {@code tf.concat}: one value is returned as its identity, as Python's array_ops.concat does (N >= 2). */
    default Tensor concat(List<?> values, int axis) {
        Tensor[] in = ArraySupport.tensors(values);
        if (in.length == 1) return Dispatcher.execute1(ArrayOps.IDENTITY, Attrs.EMPTY, in[0]);
        return Dispatcher.execute1(ArrayOps.CONCAT_V2, Attrs.of("axis", axis), in);
    }

    default Tensor concat(Object[] values, int axis) { return concat(Arrays.asList(values), axis); }

    /** {@code tf.stack(values)} along a new first axis. */
    default Tensor stack(List<?> values) { return stack(values, 0); }

    /**
     * {@code tf.stack(values, axis)}. An empty list is what TF's Python layer makes of it: at axis 0 the
     * list converts as a constant (an empty float32 vector), at another axis reading {@code values[0]}
     * raises {@code IndexError}.
     */
    default Tensor stack(List<?> values, int axis) {
        if (values.isEmpty()) {
            if (axis == 0) return Convert.toTensor(values);
            throw new org.jflow.errors.IndexError("list index out of range");
        }
        return Dispatcher.execute1(ArrayOps.PACK, Attrs.of("axis", axis), ArraySupport.tensors(values));
    }

    default Tensor stack(Object[] values) { return stack(Arrays.asList(values), 0); }

    default Tensor stack(Object[] values, int axis) { return stack(Arrays.asList(values), axis); }

    default List<Tensor> unstack(Object x) { return unstack(x, 0); }

    default List<Tensor> unstack(Object x, int axis) {
        Tensor t = Convert.toTensor(x);
        int r = t.rank();
        if (r == 0) throw new ValueError("Input shape must have rank at least 1, got " + t.shape());
        if (axis < -r || axis >= r) {
            throw new ValueError("Argument `axis` = " + axis + " not in range [" + -r + ", " + r + ")");
        }
        // num: the declared default, the dim along axis
        return List.of(Dispatcher.execute(ArrayOps.UNPACK, Attrs.of("axis", axis), t));
    }

    /** {@code tf.split(value, num_splits)} along axis 0. */
    default List<Tensor> split(Object value, int numSplits) { return split(value, numSplits, 0); }

    default List<Tensor> split(Object value, int numSplits, int axis) {
        return List.of(Dispatcher.execute(ArrayOps.SPLIT, Attrs.of("num_split", numSplits, "axis", axis), Convert.toTensor(value)));
    }

    /** {@code tf.split(value, [sizes])}: one size may be -1. */
    default List<Tensor> split(Object value, int[] sizes) { return split(value, sizes, 0); }

    default List<Tensor> split(Object value, int[] sizes, int axis) {
        return List.of(Dispatcher.execute(ArrayOps.SPLIT_V, Attrs.of("size_splits", sizes.clone(), "axis", axis), Convert.toTensor(value)));
    }

    default Tensor tile(Object x, int... multiples) {
        return Dispatcher.execute1(ArrayOps.TILE, Attrs.of("multiples", multiples.clone()), Convert.toTensor(x));
    }

    /** {@code tf.pad(x, paddings)} with zeros; paddings is {@code [[before, after], ...]} per dim. */
    default Tensor pad(Object x, int[][] paddings) { return pad(x, paddings, "CONSTANT"); }

    /** {@code tf.pad(x, paddings, mode)}: "CONSTANT", "REFLECT" or "SYMMETRIC" (any case). */
    default Tensor pad(Object x, int[][] paddings, String mode) {
        Tensor t = Convert.toTensor(x);
        int[] flat = ArraySupport.flatPaddings(paddings);
        return switch (mode.toUpperCase()) {
            case "CONSTANT" -> Dispatcher.execute1(ArrayOps.PAD, Attrs.of("paddings", flat), t);
            case "REFLECT", "SYMMETRIC" -> Dispatcher.execute1(ArrayOps.MIRROR_PAD, Attrs.of("paddings", flat, "mode", mode.toUpperCase()), t);
            default -> throw new ValueError("Value of argument `mode` expected to be one of \"CONSTANT\", \"REFLECT\", or \"SYMMETRIC\". Received `mode` = " + mode);
        };
    }

    /** {@code tf.pad(x, paddings, "CONSTANT", constant_values)}. */
    default Tensor pad(Object x, int[][] paddings, String mode, Object constantValues) {
        if (!mode.equalsIgnoreCase("CONSTANT")) return pad(x, paddings, mode);
        Tensor t = Convert.toTensor(x);
        return Dispatcher.execute1(ArrayOps.PAD_V2, Attrs.of("paddings", ArraySupport.flatPaddings(paddings)), t,
                Convert.toTensorLike(constantValues, t.dtype()));
    }

    default Tensor broadcastTo(Object x, int... shape) {
        return Dispatcher.execute1(ArrayOps.BROADCAST_TO, Attrs.of("shape", shape.clone()), Convert.toTensor(x));
    }

    default Tensor broadcastTo(Object x, Object shape) {
        Tensor t = Convert.toTensor(x);
        return broadcastTo(t, ArraySupport.shape(shape, t.dtype(), "BroadcastTo"));
    }

    /** {@code tf.broadcast_static_shape(a, b)}. */
    default Shape broadcastStaticShape(Shape a, Shape b) {
        try {
            return Broadcast.shape(a, b, "BroadcastArgs");
        } catch (org.jflow.errors.InvalidArgumentError e) {
            throw new ValueError("Incompatible shapes for broadcasting. Two shapes are compatible if for each dimension pair they are either equal or one of them is 1. Received: " + a + " and " + b + ".");
        }
    }

    /** {@code tf.broadcast_dynamic_shape(shape_x, shape_y)}: int32 shape vectors in, the broadcast shape out. */
    default Tensor broadcastDynamicShape(Object shapeX, Object shapeY) {
        Tensor[] p = Convert.pair(shapeX, shapeY);
        return Dispatcher.execute1(ArrayOps.BROADCAST_ARGS, Attrs.EMPTY, p[0], p[1]);
    }

    /** {@code tf.shape(x)}: int32. */
    default Tensor shape(Object x) { return shape(x, DType.INT32); }

    default Tensor shape(Object x, DType outType) {
        return Dispatcher.execute1(ArrayOps.SHAPE, Attrs.of("out_type", outType), Convert.toTensor(x));
    }

    default Tensor rank(Object x) { return Dispatcher.execute1(ArrayOps.RANK, Attrs.EMPTY, Convert.toTensor(x)); }

    default Tensor size(Object x) { return size(x, DType.INT32); }

    default Tensor size(Object x, DType outType) {
        return Dispatcher.execute1(ArrayOps.SIZE, Attrs.of("out_type", outType), Convert.toTensor(x));
    }

    /** {@code tf.reverse(x, axis)}. */
    default Tensor reverse(Object x, int... axis) {
        return Dispatcher.execute1(ArrayOps.REVERSE_V2, Attrs.of("axis", axis.clone()), Convert.toTensor(x));
    }

    /** {@code tf.slice(x, begin, size)}; a size of -1 takes the rest of that dim. */
    default Tensor slice(Object x, int[] begin, int[] size) {
        return Dispatcher.execute1(ArrayOps.SLICE, Attrs.of("begin", begin.clone(), "size", size.clone()), Convert.toTensor(x));
    }

    default Tensor stridedSlice(Object x, int[] begin, int[] end) {
        int[] ones = new int[begin.length];
        Arrays.fill(ones, 1);
        return stridedSlice(x, begin, end, ones);
    }

    default Tensor stridedSlice(Object x, int[] begin, int[] end, int[] strides) { return stridedSlice(x, begin, end, strides, o -> o); }

    /** {@code tf.strided_slice(x, begin, end, strides, begin_mask=..., ...)}. */
    default Tensor stridedSlice(Object x, int[] begin, int[] end, int[] strides, UnaryOperator<StridedSliceOptions> options) {
        StridedSliceOptions o = options.apply(new StridedSliceOptions());
        Attrs attrs = Attrs.of("begin", begin.clone(), "end", end.clone(), "strides", strides.clone(),
                "begin_mask", o.beginMask, "end_mask", o.endMask, "ellipsis_mask", o.ellipsisMask,
                "new_axis_mask", o.newAxisMask, "shrink_axis_mask", o.shrinkAxisMask);
        return Dispatcher.execute1(ArrayOps.STRIDED_SLICE, attrs, Convert.toTensor(x));
    }

    /** {@code tf.transpose(x)}: reverses the dims. */
    default Tensor transpose(Object x) {
        Tensor t = Convert.toTensor(x);
        int r = t.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        return transpose(t, perm);
    }

    default Tensor transpose(Object x, int... perm) {
        return Dispatcher.execute1(ArrayOps.TRANSPOSE, Attrs.of("perm", perm.clone()), Convert.toTensor(x));
    }

    // ---- gather, scatter, masks ----

    default Tensor gather(Object params, Object indices) { return gather(params, indices, 0, 0); }

    default Tensor gather(Object params, Object indices, int axis) { return gather(params, indices, axis, 0); }

    default Tensor gather(Object params, Object indices, int axis, int batchDims) {
        return Dispatcher.execute1(ArrayOps.GATHER_V2, Attrs.of("axis", axis, "batch_dims", batchDims),
                Convert.toTensor(params), Convert.toTensor(indices));
    }

    default Tensor gatherNd(Object params, Object indices) {
        return Dispatcher.execute1(ArrayOps.GATHER_ND, Attrs.EMPTY, Convert.toTensor(params), Convert.toTensor(indices));
    }

    /** {@code tf.scatter_nd(indices, updates, shape)}: into zeros; duplicate indices add. */
    default Tensor scatterNd(Object indices, Object updates, Object shape) {
        Tensor u = Convert.toTensor(updates);
        int[] dims = ArraySupport.shape(shape, u.dtype(), "ScatterNd");
        return Dispatcher.execute1(ArrayOps.SCATTER_ND, Attrs.of("shape", dims), Convert.toTensor(indices), u);
    }

    default Tensor tensorScatterNdUpdate(Object tensor, Object indices, Object updates) {
        Tensor t = Convert.toTensor(tensor);
        return Dispatcher.execute1(ArrayOps.TENSOR_SCATTER_UPDATE, Attrs.EMPTY, t, Convert.toTensor(indices),
                Convert.toTensorLike(updates, t.dtype()));
    }

    default Tensor tensorScatterNdAdd(Object tensor, Object indices, Object updates) {
        Tensor t = Convert.toTensor(tensor);
        return Dispatcher.execute1(ArrayOps.TENSOR_SCATTER_ADD, Attrs.EMPTY, t, Convert.toTensor(indices),
                Convert.toTensorLike(updates, t.dtype()));
    }

    /** {@code tf.boolean_mask(tensor, mask)}: the mask covers the leading dims. */
    default Tensor booleanMask(Object tensor, Object mask) { return booleanMask(tensor, mask, 0); }

    /** {@code tf.boolean_mask(tensor, mask, axis)}: the mask covers dims {@code axis .. axis + mask.rank}. */
    default Tensor booleanMask(Object tensor, Object mask, int axis) {
        return BooleanMask.apply(Convert.toTensor(tensor), Convert.toTensor(mask, DType.BOOL), axis);
    }

    /** {@code tf.where(condition)}: int64 coordinates of the true (non-zero) elements, shape [n, rank]. */
    default Tensor where(Object condition) {
        return Dispatcher.execute1(ArrayOps.WHERE, Attrs.EMPTY, Convert.toTensor(condition));
    }

    /** {@code tf.where(condition, x, y)}: element-wise choice, all three broadcast. */
    default Tensor where(Object condition, Object x, Object y) {
        Tensor[] p = Convert.pair(x, y);
        return Dispatcher.execute1(ArrayOps.SELECT_V2, Attrs.EMPTY, Convert.toTensor(condition), p[0], p[1]);
    }

    /** {@code tf.one_hot(indices, depth)}: float32 1/0 along a new last axis. */
    default Tensor oneHot(Object indices, int depth) { return oneHot(indices, depth, o -> o); }

    default Tensor oneHot(Object indices, int depth, Object onValue, Object offValue) {
        return oneHot(indices, depth, o -> o.onValue(onValue).offValue(offValue));
    }

    /** {@code tf.one_hot(indices, depth, on_value=, off_value=, axis=, dtype=)}. */
    default Tensor oneHot(Object indices, int depth, UnaryOperator<OneHotOptions> options) {
        OneHotOptions o = options.apply(new OneHotOptions());
        DType dtype = o.dtype != null ? o.dtype
                : o.onValue != null ? Convert.toTensor(o.onValue).dtype()
                : o.offValue != null ? Convert.toTensor(o.offValue).dtype() : DType.FLOAT32;
        Tensor on = o.onValue == null ? ArraySupport.scalar(1, dtype) : Convert.toTensorLike(o.onValue, dtype);
        Tensor off = o.offValue == null ? ArraySupport.scalar(0, dtype) : Convert.toTensorLike(o.offValue, dtype);
        if (on.dtype() != dtype || off.dtype() != dtype) {
            throw new TypeError("dtype " + dtype.tfName() + " of on_value and off_value does not match: "
                    + on.dtype().tfName() + " / " + off.dtype().tfName());
        }
        return Dispatcher.execute1(ArrayOps.ONE_HOT, Attrs.of("depth", depth, "axis", o.axis), Convert.toTensor(indices), on, off);
    }

    /** {@code tf.sequence_mask(lengths)}: bool, maxlen = the largest length. */
    default Tensor sequenceMask(Object lengths) {
        return ArraySupport.sequenceMask(Convert.toTensor(lengths), null, DType.BOOL);
    }

    default Tensor sequenceMask(Object lengths, int maxlen) { return ArraySupport.sequenceMask(Convert.toTensor(lengths), maxlen, DType.BOOL); }

    default Tensor sequenceMask(Object lengths, int maxlen, DType dtype) {
        return ArraySupport.sequenceMask(Convert.toTensor(lengths), maxlen, dtype);
    }
}
