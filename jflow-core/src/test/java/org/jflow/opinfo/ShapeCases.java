package org.jflow.opinfo;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.opinfo.Values.ALL;
import static org.jflow.opinfo.Variants.*;

/** Cases of the shape, indexing, slicing, segment and scatter ops: per op a list of variants (see {@link Variants}). */
public final class ShapeCases {
    private ShapeCases() {}

    public static List<Cases.Case> reshape(SplittableRandom rnd) {
        return of(v("[2,3,4] to [6,4]", a("shape", s(6, 4)), s(2, 3, 4)),
                v("[2,3,4] to [-1,2]", a("shape", s(-1, 2)), s(2, 3, 4)),
                v("scalar to [1,1]", a("shape", s(1, 1)), s()),
                v("[1] to scalar", a("shape", s()), s(1)),
                v("[0,3] to [3,-1]", a("shape", s(3, -1)), s(0, 3)),
                v("[2,3] to [4,2] (error)", a("shape", s(4, 2)), s(2, 3)),
                v("[2,3] to [-1,-1] (error)", a("shape", s(-1, -1)), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> expandDims(SplittableRandom rnd) {
        return of(v("[2,3] axis 0", a("axis", 0), s(2, 3)),
                v("[2,3] axis -1", a("axis", -1), s(2, 3)),
                v("[2,3] axis 2", a("axis", 2), s(2, 3)),
                v("scalar axis 0", a("axis", 0), s()),
                v("[2,3] axis 4 (error)", a("axis", 4), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> squeeze(SplittableRandom rnd) {
        return of(v("[1,3,1] all", a("squeeze_dims", s()), s(1, 3, 1)),
                v("[1,3,1] axis [0]", a("squeeze_dims", s(0)), s(1, 3, 1)),
                v("[1,3,1] axis [-1]", a("squeeze_dims", s(-1)), s(1, 3, 1)),
                v("[1,3,1] axis [1] (error)", a("squeeze_dims", s(1)), s(1, 3, 1))).cases(rnd);
    }

    public static List<Cases.Case> transpose(SplittableRandom rnd) {
        return of(v("[2,3,4] perm [2,0,1]", a("perm", s(2, 0, 1)), s(2, 3, 4)),
                v("[2,3] perm [0,1]", a("perm", s(0, 1)), s(2, 3)),
                v("[0,3] perm [1,0]", a("perm", s(1, 0)), s(0, 3)),
                v("[2,3,4] perm [0,0,1] (error)", a("perm", s(0, 0, 1)), s(2, 3, 4)),
                v("[2,3] perm [1] (error)", a("perm", s(1)), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> concat(SplittableRandom rnd) {
        return of(v("[2,3]+[2,3] axis 0", a("axis", 0), s(2, 3), s(2, 3)),
                v("[2,1]+[2,0]+[2,2] axis 1", a("axis", 1), s(2, 1), s(2, 0), s(2, 2)),
                v("[2,3]+[2,3] axis -1", a("axis", -1), s(2, 3), s(2, 3)),
                v("one input axis 0", a("axis", 0), s(2, 3)),
                v("[2,3]+[3,3] axis 1 (error)", a("axis", 1), s(2, 3), s(3, 3)),
                v("[2,3]+[2,3] axis 2 (error)", a("axis", 2), s(2, 3), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> pack(SplittableRandom rnd) {
        return of(v("3x[2,3] axis 0", a("axis", 0), s(2, 3), s(2, 3), s(2, 3)),
                v("2x[2,3] axis 2", a("axis", 2), s(2, 3), s(2, 3)),
                v("2x[2,3] axis -1", a("axis", -1), s(2, 3), s(2, 3)),
                v("2x scalar axis 0", a("axis", 0), s(), s()),
                v("[2,3]+[3,2] (error)", a("axis", 0), s(2, 3), s(3, 2)),
                v("2x[2,3] axis 3 (error)", a("axis", 3), s(2, 3), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> unpack(SplittableRandom rnd) {
        return of(v("[3,2] axis 0", a("num", 3, "axis", 0), s(3, 2)),
                v("[2,3] axis 1", a("num", 3, "axis", 1), s(2, 3)),
                v("[2,3] axis -1", a("num", 3, "axis", -1), s(2, 3)),
                v("[2,3] num 2 axis 1 (error)", a("num", 2, "axis", 1), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> tile(SplittableRandom rnd) {
        return of(v("[2,3] by [2,1]", a("multiples", s(2, 1)), s(2, 3)),
                v("[2,3] by [1,0]", a("multiples", s(1, 0)), s(2, 3)),
                v("[2] by [3]", a("multiples", s(3)), s(2)),
                v("[2,3] by [2] (error)", a("multiples", s(2)), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> reverse(SplittableRandom rnd) {
        return of(v("[2,3,4] axis [0]", a("axis", s(0)), s(2, 3, 4)),
                v("[2,3,4] axis [-1,1]", a("axis", s(-1, 1)), s(2, 3, 4)),
                v("[2,3] axis []", a("axis", s()), s(2, 3)),
                v("[2,3] axis [2] (error)", a("axis", s(2)), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> slice(SplittableRandom rnd) {
        return of(v("[3,4] begin [1,0] size [2,-1]", a("begin", s(1, 0), "size", s(2, -1)), s(3, 4)),
                v("[3,4] begin [0,1] size [0,2]", a("begin", s(0, 1), "size", s(0, 2)), s(3, 4)),
                v("[3,4] begin [2,0] size [2,1] (error)", a("begin", s(2, 0), "size", s(2, 1)), s(3, 4))).cases(rnd);
    }

    public static List<Cases.Case> pad(SplittableRandom rnd) {
        return of(v("[2,3] by [[1,0],[2,1]]", a("paddings", s(1, 0, 2, 1)), s(2, 3)),
                v("[0,2] by [[1,1],[0,0]]", a("paddings", s(1, 1, 0, 0)), s(0, 2)),
                v("[2,3] by [[-1,0],[0,0]] (error)", a("paddings", s(-1, 0, 0, 0)), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> padV2(SplittableRandom rnd) {
        return of(v("[2,3] by [[1,0],[2,1]] with scalar", a("paddings", s(1, 0, 2, 1)), s(2, 3), s()),
                v("[2,3] with [1] (error)", a("paddings", s(1, 0, 2, 1)), s(2, 3), s(1))).cases(rnd);
    }

    public static List<Cases.Case> mirrorPad(SplittableRandom rnd) {
        return of(v("[2,3] REFLECT [[1,1],[2,2]]", a("paddings", s(1, 1, 2, 2), "mode", "REFLECT"), s(2, 3)),
                v("[2,3] SYMMETRIC [[2,0],[0,3]]", a("paddings", s(2, 0, 0, 3), "mode", "SYMMETRIC"), s(2, 3)),
                v("[2,3] REFLECT [[2,0],[0,0]] (error)", a("paddings", s(2, 0, 0, 0), "mode", "REFLECT"), s(2, 3))).cases(rnd);
    }

    public static List<Cases.Case> broadcastTo(SplittableRandom rnd) {
        return of(v("[3] to [2,3]", a("shape", s(2, 3)), s(3)),
                v("[2,1] to [2,2,4]", a("shape", s(2, 2, 4)), s(2, 1)),
                v("scalar to [0,2]", a("shape", s(0, 2)), s()),
                v("[3] to [2,2] (error)", a("shape", s(2, 2)), s(3))).cases(rnd);
    }

    public static List<Cases.Case> fill(SplittableRandom rnd) {
        return of(v("[2,3]", a("dims", s(2, 3)), s()),
                v("[0]", a("dims", s(0)), s()),
                v("[2] with [1] (error)", a("dims", s(2)), s(1))).cases(rnd);
    }

    public static List<Cases.Case> split(SplittableRandom rnd) {
        return of(v("[4,3] in 2 axis 0", a("num_split", 2, "axis", 0), s(4, 3)),
                v("[2,6] in 3 axis -1", a("num_split", 3, "axis", -1), s(2, 6)),
                v("[2,5] in 2 axis 1 (error)", a("num_split", 2, "axis", 1), s(2, 5))).cases(rnd);
    }

    public static List<Cases.Case> splitV(SplittableRandom rnd) {
        return of(v("[5,2] in [2,3] axis 0", a("size_splits", s(2, 3), "axis", 0), s(5, 2)),
                v("[2,5] in [1,-1,0] axis 1", a("size_splits", s(1, -1, 0), "axis", 1), s(2, 5)),
                v("[2,5] in [1,2] axis 1 (error)", a("size_splits", s(1, 2), "axis", 1), s(2, 5))).cases(rnd);
    }

    /** Ops of one tensor whose attributes are optional: a matrix, a scalar, an empty tensor. */
    public static List<Cases.Case> oneTensor(SplittableRandom rnd) {
        return of(v("[2,3]", Attrs.EMPTY, s(2, 3)), v("scalar", Attrs.EMPTY, s()), v("[0,2]", Attrs.EMPTY, s(0, 2))).cases(rnd);
    }

    public static List<Cases.Case> gather(SplittableRandom rnd) {
        return of(indexed("[4,3] rows [2,0,2] axis 0", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(3), 2, 0, 2)),
                indexed("[4,3] columns [[1],[2]] axis 1", a("axis", 1, "batch_dims", 0), s(4, 3), int32(Shape.of(2, 1), 1, 2)),
                indexed("[4,3] axis -1", a("axis", -1, "batch_dims", 0), s(4, 3), int32(Shape.of(2), 0, 2)),
                indexed("[2,3] batch_dims 1", a("axis", 1, "batch_dims", 1), s(2, 3), int32(Shape.of(2, 2), 0, 2, 1, 1)),
                indexed("[4,3] index 4 (error)", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(1), 4)),
                indexed("[4,3] index -1 (error)", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(1), -1))).cases(rnd);
    }

    public static List<Cases.Case> gatherNd(SplittableRandom rnd) {
        return of(indexed("[3,4] points", Attrs.EMPTY, s(3, 4), int32(Shape.of(2, 2), 0, 1, 2, 3)),
                indexed("[3,4] rows", Attrs.EMPTY, s(3, 4), int32(Shape.of(2, 1), 2, 0)),
                indexed("[3,4] out of range (error)", Attrs.EMPTY, s(3, 4), int32(Shape.of(1, 2), 3, 0))).cases(rnd);
    }

    public static List<Cases.Case> selectV2(SplittableRandom rnd) {
        Tensor cond = Values.ints(DType.BOOL, Shape.of(2, 3), 1, 0, 1, 0, 0, 1);
        return of(new Variant("[2,3] all shapes equal", Attrs.EMPTY, (t, r) -> new Tensor[] {cond, Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.of(2, 3), r)}),
                new Variant("broadcast condition [3] and scalar", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.ints(DType.BOOL, Shape.of(3), 1, 0, 1),
                        Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.scalar(), r)}),
                new Variant("[2,3] with [2] (error)", Attrs.EMPTY, (t, r) -> new Tensor[] {cond, Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.of(2), r)}))
                .cases(rnd);
    }

    public static List<Cases.Case> oneHot(SplittableRandom rnd) {
        return of(new Variant("[3] depth 4", a("depth", 4, "axis", -1), (t, r) -> onOff(t, int32(Shape.of(3), 0, 3, -1), r)),
                new Variant("[2,2] depth 3 axis 0", a("depth", 3, "axis", 0), (t, r) -> onOff(t, int32(Shape.of(2, 2), 2, 1, 5, 0), r)),
                new Variant("[3] depth -1 (error)", a("depth", -1, "axis", -1), (t, r) -> onOff(t, int32(Shape.of(3), 0, 1, 2), r)))
                .cases(rnd);
    }

    private static Tensor[] onOff(DType t, Tensor indices, SplittableRandom r) {
        return new Tensor[] {indices, Values.random(t, Shape.scalar(), r), Values.random(t, Shape.scalar(), r)};
    }

    public static List<Cases.Case> stridedSlice(SplittableRandom rnd) {
        return of(v("[4,5] [1:3, ::2]", strided(s(1, 0), s(3, 0), s(1, 2), 0, 2, 0, 0, 0), s(4, 5)),
                v("[4,5] [::-1, -2]", strided(s(0, -2), s(0, -1), s(-1, 1), 1, 1, 0, 0, 2), s(4, 5)),
                v("[2,3,4] [..., 1:3]", strided(s(0, 1), s(0, 3), s(1, 1), 0, 0, 1, 0, 0), s(2, 3, 4)),
                v("[2,3] [newaxis, 1]", strided(s(0, 1), s(0, 2), s(1, 1), 0, 0, 0, 1, 2), s(2, 3)),
                v("[4] [5:1:-2]", strided(s(5), s(1), s(-2), 0, 0, 0, 0, 0), s(4)),
                v("[4] [7] (error)", strided(s(7), s(8), s(1), 0, 0, 0, 0, 1), s(4)),
                v("[4] step 0 (error)", strided(s(0), s(4), s(0), 0, 0, 0, 0, 0), s(4))).cases(rnd);
    }

    /** Range's bounds are attributes in JFlow, typed by {@code Tidx}. */
    public static List<Cases.Case> range(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        for (DType t : ALL) cases.add(new Cases.Case(t.tfName() + " 0 to 10 by 3", a("start", 0, "limit", 10, "delta", 3, "Tidx", t)));
        cases.add(new Cases.Case("float32 1.5 to -2 by -0.5", a("start", 1.5, "limit", -2.0, "delta", -0.5, "Tidx", DType.FLOAT32)));
        cases.add(new Cases.Case("float64 0 to 1 by 0.1", a("start", 0.0, "limit", 1.0, "delta", 0.1, "Tidx", DType.FLOAT64)));
        cases.add(new Cases.Case("int64 5 to 5 by 1", a("start", 5, "limit", 5, "delta", 1, "Tidx", DType.INT64)));
        cases.add(new Cases.Case("int32 0 to 10 by -1 (error)", a("start", 0, "limit", 10, "delta", -1, "Tidx", DType.INT32)));
        cases.add(new Cases.Case("int32 by 0 (error)", a("start", 0, "limit", 10, "delta", 0, "Tidx", DType.INT32)));
        return cases;
    }

    public static List<Cases.Case> linSpace(SplittableRandom rnd) {
        return of(new Variant("-1 to 2 in 7", a("num", 7), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), -1), Values.ints(t, Shape.scalar(), 2)}),
                new Variant("3 to 3 in 1", a("num", 1), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), 3), Values.ints(t, Shape.scalar(), 3)}),
                new Variant("num 0 (error)", a("num", 0), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), 0), Values.ints(t, Shape.scalar(), 1)}))
                .cases(rnd);
    }

    public static List<Cases.Case> stridedSliceUpdate(SplittableRandom rnd) {
        return of(v("[4,5] [1:3, ::2] = [2,3]", strided(s(1, 0), s(3, 0), s(1, 2), 0, 2, 0, 0, 0), s(4, 5), s(2, 3)),
                v("[4,5] [::-1, -2] = [4]", strided(s(0, -2), s(0, -1), s(-1, 1), 1, 1, 0, 0, 2), s(4, 5), s(4)),
                v("[4,5] [1:3] = scalar", strided(s(1), s(3), s(1), 0, 0, 0, 0, 0), s(4, 5), s()),
                v("[4,5] [1:3] = [3,5] (error)", strided(s(1), s(3), s(1), 0, 0, 0, 0, 0), s(4, 5), s(3, 5))).cases(rnd);
    }

    public static List<Cases.Case> topK(SplittableRandom rnd) {
        return of(v("[3,5] k 2", a("k", 2, "sorted", true), s(3, 5)),
                v("[5] k 5", a("k", 5, "sorted", true), s(5)),
                v("[3,5] k 0", a("k", 0, "sorted", true), s(3, 5)),
                v("[3,5] k 6 (error)", a("k", 6, "sorted", true), s(3, 5)),
                v("scalar k 1 (error)", a("k", 1, "sorted", true), s())).cases(rnd);
    }

    public static List<Cases.Case> segment(SplittableRandom rnd) {
        return of(indexed("[4,2] ids [0,0,1,3]", Attrs.EMPTY, s(4, 2), int32(Shape.of(4), 0, 0, 1, 3)),
                indexed("[3] ids [0,1,1]", Attrs.EMPTY, s(3), int32(Shape.of(3), 0, 1, 1)),
                indexed("[3] unsorted ids (error)", Attrs.EMPTY, s(3), int32(Shape.of(3), 1, 0, 1)),
                indexed("[3] negative id (error)", Attrs.EMPTY, s(3), int32(Shape.of(3), -1, 0, 1))).cases(rnd);
    }

    public static List<Cases.Case> unsortedSegment(SplittableRandom rnd) {
        return of(indexed("[4,2] ids [2,0,2,-1] into 4", a("num_segments", 4), s(4, 2), int32(Shape.of(4), 2, 0, 2, -1)),
                indexed("[3] ids [0,1,1] into 2", a("num_segments", 2), s(3), int32(Shape.of(3), 0, 1, 1)),
                indexed("[3] id 3 into 2 (error)", a("num_segments", 2), s(3), int32(Shape.of(3), 0, 3, 1))).cases(rnd);
    }

    public static List<Cases.Case> scatterNd(SplittableRandom rnd) {
        return of(new Variant("2 rows into [4,2]", a("shape", s(4, 2)), (t, r) -> new Tensor[] {int32(Shape.of(2, 1), 3, 1), Values.random(t, Shape.of(2, 2), r)}),
                new Variant("repeated index adds", a("shape", s(3)), (t, r) -> new Tensor[] {int32(Shape.of(3, 1), 1, 1, 0), Values.random(t, Shape.of(3), r)}),
                new Variant("index out of range (error)", a("shape", s(3)), (t, r) -> new Tensor[] {int32(Shape.of(1, 1), 3), Values.random(t, Shape.of(1), r)}))
                .cases(rnd);
    }

    public static List<Cases.Case> tensorScatter(SplittableRandom rnd) {
        return of(new Variant("2 rows of [4,2]", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(4, 2), r),
                        int32(Shape.of(2, 1), 3, 1), Values.random(t, Shape.of(2, 2), r)}),
                new Variant("points of [2,2]", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(2, 2), r),
                        int32(Shape.of(2, 2), 0, 1, 1, 0), Values.random(t, Shape.of(2), r)}),
                new Variant("index out of range (error)", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(3), r),
                        int32(Shape.of(1, 1), 3), Values.random(t, Shape.of(1), r)}))
                .cases(rnd);
    }

    public static List<Cases.Case> batchMatMul(SplittableRandom rnd) {
        return of(v("[2,2,3] x [2,3,4]", a("adj_x", false, "adj_y", false), s(2, 2, 3), s(2, 3, 4)),
                v("[2,3,2]^H x [3,4] broadcast", a("adj_x", true, "adj_y", false), s(2, 3, 2), s(3, 4)),
                v("[2,3] x [1,4,3]^H", a("adj_x", false, "adj_y", true), s(2, 3), s(1, 4, 3)),
                v("[2,2,3] x [3,2,4] (error)", a("adj_x", false, "adj_y", false), s(2, 2, 3), s(3, 2, 4))).cases(rnd);
    }

    public static List<Cases.Case> depthToSpace(SplittableRandom rnd) {
        return of(v("[1,2,2,4] block 2", a("block_size", 2), s(1, 2, 2, 4)),
                v("[2,1,1,9] block 3", a("block_size", 3), s(2, 1, 1, 9)),
                v("[1,2,2,3] block 2 (error)", a("block_size", 2), s(1, 2, 2, 3))).cases(rnd);
    }

    public static List<Cases.Case> spaceToDepth(SplittableRandom rnd) {
        return of(v("[1,4,4,1] block 2", a("block_size", 2), s(1, 4, 4, 1)),
                v("[2,3,3,2] block 3", a("block_size", 3), s(2, 3, 3, 2)),
                v("[1,3,4,1] block 2 (error)", a("block_size", 2), s(1, 3, 4, 1))).cases(rnd);
    }
}
