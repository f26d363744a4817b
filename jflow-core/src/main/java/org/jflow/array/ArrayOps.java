package org.jflow.array;

import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Op;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

import static org.jflow.autodiff.Grads.unary;

/** The array op family: every op of this package, declared once (TF names) with its gradient. */
public final class ArrayOps {
    private ArrayOps() {}

    public static final Op FILL = new CreationOps.Fill().withGradient(unary((g, dy) -> RawMath.sum(dy, (int[]) null, false)));
    public static final Op ZEROS_LIKE = new CreationOps.FilledLike("ZerosLike", 0).notDifferentiable();
    public static final Op ONES_LIKE = new CreationOps.FilledLike("OnesLike", 1).notDifferentiable();
    public static final Op RANGE = new CreationOps.Range().notDifferentiable();
    public static final Op LIN_SPACE = new CreationOps.LinSpace();
    public static final Op ONE_HOT = new CreationOps.OneHot().notDifferentiable();

    public static final Op RESHAPE = new ShapeOps.Reshape().withGradient(unary(ArrayGradients::reshapeBack));
    public static final Op EXPAND_DIMS = new ShapeOps.ExpandDims().withGradient(unary(ArrayGradients::reshapeBack));
    public static final Op SQUEEZE = new ShapeOps.Squeeze().withGradient(unary(ArrayGradients::reshapeBack));
    public static final Op IDENTITY = new ShapeOps.Identity().withGradient(unary((g, dy) -> dy));
    public static final Op SHAPE = ShapeOps.ShapeFact.shape().notDifferentiable();
    public static final Op SIZE = ShapeOps.ShapeFact.size().notDifferentiable();
    public static final Op RANK = ShapeOps.ShapeFact.rank().notDifferentiable();
    public static final Op BROADCAST_ARGS = new ShapeOps.BroadcastArgs().notDifferentiable();
    public static final Op BROADCAST_GRADIENT_ARGS = new ShapeOps.BroadcastGradientArgs().notDifferentiable();

    public static final Op CONCAT_V2 = new CopyOps.ConcatV2().withGradient(ArrayGradients::concat);
    public static final Op PACK = new CopyOps.Pack()
            .withGradient((g, dy) -> RawArray.unpack(dy[0], g.inputs().length, g.attrs().getInt("axis")));
    public static final Op UNPACK = CopyOps.AxisSplit.unpack().withGradient((g, dy) -> ArrayGradients.join(g, dy, true));
    public static final Op SPLIT = CopyOps.AxisSplit.split().withGradient((g, dy) -> ArrayGradients.join(g, dy, false));
    public static final Op SPLIT_V = CopyOps.AxisSplit.splitV().withGradient((g, dy) -> ArrayGradients.join(g, dy, false));
    public static final Op TILE = new CopyOps.Tile().withGradient(unary(ArrayGradients::tile));
    public static final Op BROADCAST_TO = new CopyOps.BroadcastTo()
            .withGradient(unary((g, dy) -> Grads.sumToShape(dy, g.x())));
    public static final Op REVERSE_V2 = new CopyOps.ReverseV2()
            .withGradient(unary((g, dy) -> RawArray.reverseV2(dy, g.attrs().getInts("axis"))));
    public static final Op SLICE = new CopyOps.Slice().withGradient(unary(ArrayGradients::slice));
    public static final Op TRANSPOSE = new CopyOps.Transpose().withGradient(unary(ArrayGradients::transpose));
    public static final Op PAD = CopyOps.Pad.pad().withGradient(ArrayGradients::pad);
    public static final Op PAD_V2 = CopyOps.Pad.padV2().withGradient(ArrayGradients::pad);
    public static final Op MIRROR_PAD = CopyOps.Pad.mirrorPad().withGradient(ArrayGradients::mirrorPad);

    public static final Op STRIDED_SLICE = new StridedSliceOps.StridedSlice().withGradient(unary(ArrayGradients::stridedSlice));
    public static final Op TENSOR_STRIDED_SLICE_UPDATE = new StridedSliceOps.TensorStridedSliceUpdate()
            .withGradient(ArrayGradients::stridedSliceUpdate);

    public static final Op GATHER_V2 = new GatherScatterOps.GatherV2().withGradient((org.jflow.engine.SparseGradient) ArrayGradients::gather);
    public static final Op GATHER_ND = new GatherScatterOps.GatherNd().withGradient(ArrayGradients::gatherNd);
    public static final Op SCATTER_ND = GatherScatterOps.Scatter.scatterNd().withGradient(ArrayGradients::scatterNd);
    public static final Op TENSOR_SCATTER_UPDATE = GatherScatterOps.Scatter.update()
            .withGradient((g, dy) -> ArrayGradients.tensorScatter(g, dy, true));
    public static final Op TENSOR_SCATTER_ADD = GatherScatterOps.Scatter.add()
            .withGradient((g, dy) -> ArrayGradients.tensorScatter(g, dy, false));
    public static final Op WHERE = new GatherScatterOps.Where().notDifferentiable();
    public static final Op SELECT_V2 = new GatherScatterOps.SelectV2().withGradient(ArrayGradients::select);
}
