package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.conformance.Values.ALL;

/**
 * Cases of the shape and array ops, the NN activations and a few more: per op a list of variants
 * (attributes and input shapes, errors included); the first variant runs in every dtype, the
 * others in float32 and int64.
 */
final class ArrayCases {
    private ArrayCases() {}

    /** Makes a variant's inputs for dtype {@code t}. */
    @FunctionalInterface
    interface Inputs {
        Tensor[] make(DType t, SplittableRandom rnd);
    }

    record Variant(String label, Attrs attrs, Inputs inputs) {}

    static Cases.Generator of(Variant... variants) {
        return rnd -> {
            List<Cases.Case> cases = new ArrayList<>();
            for (DType t : ALL) cases.add(make(variants[0], t, rnd));
            for (int i = 1; i < variants.length; i++) {
                for (DType t : new DType[] {DType.FLOAT32, DType.INT64}) cases.add(make(variants[i], t, rnd));
            }
            return cases;
        };
    }

    private static Cases.Case make(Variant v, DType t, SplittableRandom rnd) {
        return new Cases.Case(t.tfName() + " " + v.label(), v.attrs(), v.inputs().make(t, rnd));
    }

    /** A variant whose inputs are random tensors of the tested dtype with these shapes. */
    private static Variant v(String label, Attrs attrs, int[]... shapes) {
        return new Variant(label, attrs, (t, rnd) -> {
            Tensor[] in = new Tensor[shapes.length];
            for (int i = 0; i < shapes.length; i++) in[i] = Values.random(t, Shape.of(shapes[i]), rnd);
            return in;
        });
    }

    private static int[] s(int... dims) { return dims; }

    private static Attrs a(Object... kv) { return Attrs.of(kv); }

    private static Tensor int32(Shape s, long... v) { return Values.ints(DType.INT32, s, v); }

    // ---- shape ops ----

    static List<Cases.Case> reshape(SplittableRandom rnd) {
        return of(v("[2,3,4] to [6,4]", a("shape", s(6, 4)), s(2, 3, 4)),
                v("[2,3,4] to [-1,2]", a("shape", s(-1, 2)), s(2, 3, 4)),
                v("scalar to [1,1]", a("shape", s(1, 1)), s()),
                v("[1] to scalar", a("shape", s()), s(1)),
                v("[0,3] to [3,-1]", a("shape", s(3, -1)), s(0, 3)),
                v("[2,3] to [4,2] (error)", a("shape", s(4, 2)), s(2, 3)),
                v("[2,3] to [-1,-1] (error)", a("shape", s(-1, -1)), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> expandDims(SplittableRandom rnd) {
        return of(v("[2,3] axis 0", a("axis", 0), s(2, 3)),
                v("[2,3] axis -1", a("axis", -1), s(2, 3)),
                v("[2,3] axis 2", a("axis", 2), s(2, 3)),
                v("scalar axis 0", a("axis", 0), s()),
                v("[2,3] axis 4 (error)", a("axis", 4), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> squeeze(SplittableRandom rnd) {
        return of(v("[1,3,1] all", a("squeeze_dims", s()), s(1, 3, 1)),
                v("[1,3,1] axis [0]", a("squeeze_dims", s(0)), s(1, 3, 1)),
                v("[1,3,1] axis [-1]", a("squeeze_dims", s(-1)), s(1, 3, 1)),
                v("[1,3,1] axis [1] (error)", a("squeeze_dims", s(1)), s(1, 3, 1))).cases(rnd);
    }

    static List<Cases.Case> transpose(SplittableRandom rnd) {
        return of(v("[2,3,4] perm [2,0,1]", a("perm", s(2, 0, 1)), s(2, 3, 4)),
                v("[2,3] perm [0,1]", a("perm", s(0, 1)), s(2, 3)),
                v("[0,3] perm [1,0]", a("perm", s(1, 0)), s(0, 3)),
                v("[2,3,4] perm [0,0,1] (error)", a("perm", s(0, 0, 1)), s(2, 3, 4)),
                v("[2,3] perm [1] (error)", a("perm", s(1)), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> concat(SplittableRandom rnd) {
        return of(v("[2,3]+[2,3] axis 0", a("axis", 0), s(2, 3), s(2, 3)),
                v("[2,1]+[2,0]+[2,2] axis 1", a("axis", 1), s(2, 1), s(2, 0), s(2, 2)),
                v("[2,3]+[2,3] axis -1", a("axis", -1), s(2, 3), s(2, 3)),
                v("one input axis 0", a("axis", 0), s(2, 3)),
                v("[2,3]+[3,3] axis 1 (error)", a("axis", 1), s(2, 3), s(3, 3)),
                v("[2,3]+[2,3] axis 2 (error)", a("axis", 2), s(2, 3), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> pack(SplittableRandom rnd) {
        return of(v("3x[2,3] axis 0", a("axis", 0), s(2, 3), s(2, 3), s(2, 3)),
                v("2x[2,3] axis 2", a("axis", 2), s(2, 3), s(2, 3)),
                v("2x[2,3] axis -1", a("axis", -1), s(2, 3), s(2, 3)),
                v("2x scalar axis 0", a("axis", 0), s(), s()),
                v("[2,3]+[3,2] (error)", a("axis", 0), s(2, 3), s(3, 2)),
                v("2x[2,3] axis 3 (error)", a("axis", 3), s(2, 3), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> unpack(SplittableRandom rnd) {
        return of(v("[3,2] axis 0", a("num", 3, "axis", 0), s(3, 2)),
                v("[2,3] axis 1", a("num", 3, "axis", 1), s(2, 3)),
                v("[2,3] axis -1", a("num", 3, "axis", -1), s(2, 3)),
                v("[2,3] num 2 axis 1 (error)", a("num", 2, "axis", 1), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> tile(SplittableRandom rnd) {
        return of(v("[2,3] by [2,1]", a("multiples", s(2, 1)), s(2, 3)),
                v("[2,3] by [1,0]", a("multiples", s(1, 0)), s(2, 3)),
                v("[2] by [3]", a("multiples", s(3)), s(2)),
                v("[2,3] by [2] (error)", a("multiples", s(2)), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> reverse(SplittableRandom rnd) {
        return of(v("[2,3,4] axis [0]", a("axis", s(0)), s(2, 3, 4)),
                v("[2,3,4] axis [-1,1]", a("axis", s(-1, 1)), s(2, 3, 4)),
                v("[2,3] axis []", a("axis", s()), s(2, 3)),
                v("[2,3] axis [2] (error)", a("axis", s(2)), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> slice(SplittableRandom rnd) {
        return of(v("[3,4] begin [1,0] size [2,-1]", a("begin", s(1, 0), "size", s(2, -1)), s(3, 4)),
                v("[3,4] begin [0,1] size [0,2]", a("begin", s(0, 1), "size", s(0, 2)), s(3, 4)),
                v("[3,4] begin [2,0] size [2,1] (error)", a("begin", s(2, 0), "size", s(2, 1)), s(3, 4))).cases(rnd);
    }

    static List<Cases.Case> pad(SplittableRandom rnd) {
        return of(v("[2,3] by [[1,0],[2,1]]", a("paddings", s(1, 0, 2, 1)), s(2, 3)),
                v("[0,2] by [[1,1],[0,0]]", a("paddings", s(1, 1, 0, 0)), s(0, 2)),
                v("[2,3] by [[-1,0],[0,0]] (error)", a("paddings", s(-1, 0, 0, 0)), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> padV2(SplittableRandom rnd) {
        return of(v("[2,3] by [[1,0],[2,1]] with scalar", a("paddings", s(1, 0, 2, 1)), s(2, 3), s()),
                v("[2,3] with [1] (error)", a("paddings", s(1, 0, 2, 1)), s(2, 3), s(1))).cases(rnd);
    }

    static List<Cases.Case> mirrorPad(SplittableRandom rnd) {
        return of(v("[2,3] REFLECT [[1,1],[2,2]]", a("paddings", s(1, 1, 2, 2), "mode", "REFLECT"), s(2, 3)),
                v("[2,3] SYMMETRIC [[2,0],[0,3]]", a("paddings", s(2, 0, 0, 3), "mode", "SYMMETRIC"), s(2, 3)),
                v("[2,3] REFLECT [[2,0],[0,0]] (error)", a("paddings", s(2, 0, 0, 0), "mode", "REFLECT"), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> broadcastTo(SplittableRandom rnd) {
        return of(v("[3] to [2,3]", a("shape", s(2, 3)), s(3)),
                v("[2,1] to [2,2,4]", a("shape", s(2, 2, 4)), s(2, 1)),
                v("scalar to [0,2]", a("shape", s(0, 2)), s()),
                v("[3] to [2,2] (error)", a("shape", s(2, 2)), s(3))).cases(rnd);
    }

    static List<Cases.Case> fill(SplittableRandom rnd) {
        return of(v("[2,3]", a("dims", s(2, 3)), s()),
                v("[0]", a("dims", s(0)), s()),
                v("[2] with [1] (error)", a("dims", s(2)), s(1))).cases(rnd);
    }

    static List<Cases.Case> split(SplittableRandom rnd) {
        return of(v("[4,3] in 2 axis 0", a("num_split", 2, "axis", 0), s(4, 3)),
                v("[2,6] in 3 axis -1", a("num_split", 3, "axis", -1), s(2, 6)),
                v("[2,5] in 2 axis 1 (error)", a("num_split", 2, "axis", 1), s(2, 5))).cases(rnd);
    }

    static List<Cases.Case> splitV(SplittableRandom rnd) {
        return of(v("[5,2] in [2,3] axis 0", a("size_splits", s(2, 3), "axis", 0), s(5, 2)),
                v("[2,5] in [1,-1,0] axis 1", a("size_splits", s(1, -1, 0), "axis", 1), s(2, 5)),
                v("[2,5] in [1,2] axis 1 (error)", a("size_splits", s(1, 2), "axis", 1), s(2, 5))).cases(rnd);
    }

    /** Ops of one tensor whose attributes are optional: a matrix, a scalar, an empty tensor. */
    static List<Cases.Case> oneTensor(SplittableRandom rnd) {
        return of(v("[2,3]", Attrs.EMPTY, s(2, 3)), v("scalar", Attrs.EMPTY, s()), v("[0,2]", Attrs.EMPTY, s(0, 2))).cases(rnd);
    }

    // ---- indexing ----

    private static Variant indexed(String label, Attrs attrs, int[] params, Tensor indices) {
        return new Variant(label, attrs, (t, rnd) -> new Tensor[] {Values.random(t, Shape.of(params), rnd), indices});
    }

    static List<Cases.Case> gather(SplittableRandom rnd) {
        return of(indexed("[4,3] rows [2,0,2] axis 0", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(3), 2, 0, 2)),
                indexed("[4,3] columns [[1],[2]] axis 1", a("axis", 1, "batch_dims", 0), s(4, 3), int32(Shape.of(2, 1), 1, 2)),
                indexed("[4,3] axis -1", a("axis", -1, "batch_dims", 0), s(4, 3), int32(Shape.of(2), 0, 2)),
                indexed("[2,3] batch_dims 1", a("axis", 1, "batch_dims", 1), s(2, 3), int32(Shape.of(2, 2), 0, 2, 1, 1)),
                indexed("[4,3] index 4 (error)", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(1), 4)),
                indexed("[4,3] index -1 (error)", a("axis", 0, "batch_dims", 0), s(4, 3), int32(Shape.of(1), -1))).cases(rnd);
    }

    static List<Cases.Case> gatherNd(SplittableRandom rnd) {
        return of(indexed("[3,4] points", Attrs.EMPTY, s(3, 4), int32(Shape.of(2, 2), 0, 1, 2, 3)),
                indexed("[3,4] rows", Attrs.EMPTY, s(3, 4), int32(Shape.of(2, 1), 2, 0)),
                indexed("[3,4] out of range (error)", Attrs.EMPTY, s(3, 4), int32(Shape.of(1, 2), 3, 0))).cases(rnd);
    }

    static List<Cases.Case> selectV2(SplittableRandom rnd) {
        Tensor cond = Values.ints(DType.BOOL, Shape.of(2, 3), 1, 0, 1, 0, 0, 1);
        return of(new Variant("[2,3] all shapes equal", Attrs.EMPTY, (t, r) -> new Tensor[] {cond, Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.of(2, 3), r)}),
                new Variant("broadcast condition [3] and scalar", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.ints(DType.BOOL, Shape.of(3), 1, 0, 1),
                        Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.scalar(), r)}),
                new Variant("[2,3] with [2] (error)", Attrs.EMPTY, (t, r) -> new Tensor[] {cond, Values.random(t, Shape.of(2, 3), r), Values.random(t, Shape.of(2), r)}))
                .cases(rnd);
    }

    static List<Cases.Case> oneHot(SplittableRandom rnd) {
        return of(new Variant("[3] depth 4", a("depth", 4, "axis", -1), (t, r) -> onOff(t, int32(Shape.of(3), 0, 3, -1), r)),
                new Variant("[2,2] depth 3 axis 0", a("depth", 3, "axis", 0), (t, r) -> onOff(t, int32(Shape.of(2, 2), 2, 1, 5, 0), r)),
                new Variant("[3] depth -1 (error)", a("depth", -1, "axis", -1), (t, r) -> onOff(t, int32(Shape.of(3), 0, 1, 2), r)))
                .cases(rnd);
    }

    private static Tensor[] onOff(DType t, Tensor indices, SplittableRandom r) {
        return new Tensor[] {indices, Values.random(t, Shape.scalar(), r), Values.random(t, Shape.scalar(), r)};
    }

    // ---- math on axes ----

    static List<Cases.Case> argReduction(SplittableRandom rnd) {
        return of(v("[3,4] axis 0", a("axis", 0, "output_type", DType.INT64), s(3, 4)),
                v("[3,4] axis -1 int32", a("axis", -1, "output_type", DType.INT32), s(3, 4)),
                v("[0,4] axis 1", a("axis", 1, "output_type", DType.INT64), s(0, 4)),
                v("[0,4] axis 0 (error)", a("axis", 0, "output_type", DType.INT64), s(0, 4)),
                v("[3,4] axis 2 (error)", a("axis", 2, "output_type", DType.INT64), s(3, 4))).cases(rnd);
    }

    static List<Cases.Case> scan(SplittableRandom rnd) {
        return of(v("[3,4] axis 0", a("axis", 0, "exclusive", false, "reverse", false), s(3, 4)),
                v("[3,4] axis 1 exclusive", a("axis", 1, "exclusive", true, "reverse", false), s(3, 4)),
                v("[3,4] axis -1 reverse", a("axis", -1, "exclusive", false, "reverse", true), s(3, 4)),
                v("[3,4] axis 0 exclusive reverse", a("axis", 0, "exclusive", true, "reverse", true), s(3, 4)),
                v("[3,4] axis 2 (error)", a("axis", 2, "exclusive", false, "reverse", false), s(3, 4))).cases(rnd);
    }

    static List<Cases.Case> matMul(SplittableRandom rnd) {
        return of(v("[2,3] x [3,4]", a("transpose_a", false, "transpose_b", false), s(2, 3), s(3, 4)),
                v("[3,2]^T x [3,4]", a("transpose_a", true, "transpose_b", false), s(3, 2), s(3, 4)),
                v("[2,3] x [4,3]^T", a("transpose_a", false, "transpose_b", true), s(2, 3), s(4, 3)),
                v("[2,0] x [0,3]", a("transpose_a", false, "transpose_b", false), s(2, 0), s(0, 3)),
                v("[2,3] x [2,3] (error)", a("transpose_a", false, "transpose_b", false), s(2, 3), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> biasAdd(SplittableRandom rnd) {
        return of(v("[2,3] + [3]", Attrs.EMPTY, s(2, 3), s(3)),
                v("[2,2,3] + [3]", Attrs.EMPTY, s(2, 2, 3), s(3)),
                v("[2,3] + [2] (error)", Attrs.EMPTY, s(2, 3), s(2))).cases(rnd);
    }

    static List<Cases.Case> addN(SplittableRandom rnd) {
        return of(v("3x[2,3]", Attrs.EMPTY, s(2, 3), s(2, 3), s(2, 3)),
                v("1x[2]", Attrs.EMPTY, s(2)),
                v("[2,3]+[3] (error)", Attrs.EMPTY, s(2, 3), s(3))).cases(rnd);
    }

    static List<Cases.Case> leakyRelu(SplittableRandom rnd) {
        return of(v("[2,3] alpha 0.2", a("alpha", 0.2), s(2, 3)),
                v("[4] alpha 2", a("alpha", 2.0), s(4)),
                v("scalar alpha 0.2", a("alpha", 0.2), s())).cases(rnd);
    }

    // ---- sorting, segments, scatter ----

    static List<Cases.Case> topK(SplittableRandom rnd) {
        return of(v("[3,5] k 2", a("k", 2, "sorted", true), s(3, 5)),
                v("[5] k 5", a("k", 5, "sorted", true), s(5)),
                v("[3,5] k 0", a("k", 0, "sorted", true), s(3, 5)),
                v("[3,5] k 6 (error)", a("k", 6, "sorted", true), s(3, 5)),
                v("scalar k 1 (error)", a("k", 1, "sorted", true), s())).cases(rnd);
    }

    static List<Cases.Case> segment(SplittableRandom rnd) {
        return of(indexed("[4,2] ids [0,0,1,3]", Attrs.EMPTY, s(4, 2), int32(Shape.of(4), 0, 0, 1, 3)),
                indexed("[3] ids [0,1,1]", Attrs.EMPTY, s(3), int32(Shape.of(3), 0, 1, 1)),
                indexed("[3] unsorted ids (error)", Attrs.EMPTY, s(3), int32(Shape.of(3), 1, 0, 1)),
                indexed("[3] negative id (error)", Attrs.EMPTY, s(3), int32(Shape.of(3), -1, 0, 1))).cases(rnd);
    }

    static List<Cases.Case> unsortedSegment(SplittableRandom rnd) {
        return of(indexed("[4,2] ids [2,0,2,-1] into 4", a("num_segments", 4), s(4, 2), int32(Shape.of(4), 2, 0, 2, -1)),
                indexed("[3] ids [0,1,1] into 2", a("num_segments", 2), s(3), int32(Shape.of(3), 0, 1, 1)),
                indexed("[3] id 3 into 2 (error)", a("num_segments", 2), s(3), int32(Shape.of(3), 0, 3, 1))).cases(rnd);
    }

    static List<Cases.Case> scatterNd(SplittableRandom rnd) {
        return of(new Variant("2 rows into [4,2]", a("shape", s(4, 2)), (t, r) -> new Tensor[] {int32(Shape.of(2, 1), 3, 1), Values.random(t, Shape.of(2, 2), r)}),
                new Variant("repeated index adds", a("shape", s(3)), (t, r) -> new Tensor[] {int32(Shape.of(3, 1), 1, 1, 0), Values.random(t, Shape.of(3), r)}),
                new Variant("index out of range (error)", a("shape", s(3)), (t, r) -> new Tensor[] {int32(Shape.of(1, 1), 3), Values.random(t, Shape.of(1), r)}))
                .cases(rnd);
    }

    static List<Cases.Case> tensorScatter(SplittableRandom rnd) {
        return of(new Variant("2 rows of [4,2]", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(4, 2), r),
                        int32(Shape.of(2, 1), 3, 1), Values.random(t, Shape.of(2, 2), r)}),
                new Variant("points of [2,2]", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(2, 2), r),
                        int32(Shape.of(2, 2), 0, 1, 1, 0), Values.random(t, Shape.of(2), r)}),
                new Variant("index out of range (error)", Attrs.EMPTY, (t, r) -> new Tensor[] {Values.random(t, Shape.of(3), r),
                        int32(Shape.of(1, 1), 3), Values.random(t, Shape.of(1), r)}))
                .cases(rnd);
    }

    static List<Cases.Case> batchMatMul(SplittableRandom rnd) {
        return of(v("[2,2,3] x [2,3,4]", a("adj_x", false, "adj_y", false), s(2, 2, 3), s(2, 3, 4)),
                v("[2,3,2]^H x [3,4] broadcast", a("adj_x", true, "adj_y", false), s(2, 3, 2), s(3, 4)),
                v("[2,3] x [1,4,3]^H", a("adj_x", false, "adj_y", true), s(2, 3), s(1, 4, 3)),
                v("[2,2,3] x [3,2,4] (error)", a("adj_x", false, "adj_y", false), s(2, 2, 3), s(3, 2, 4))).cases(rnd);
    }

    static List<Cases.Case> depthToSpace(SplittableRandom rnd) {
        return of(v("[1,2,2,4] block 2", a("block_size", 2), s(1, 2, 2, 4)),
                v("[2,1,1,9] block 3", a("block_size", 3), s(2, 1, 1, 9)),
                v("[1,2,2,3] block 2 (error)", a("block_size", 2), s(1, 2, 2, 3))).cases(rnd);
    }

    static List<Cases.Case> spaceToDepth(SplittableRandom rnd) {
        return of(v("[1,4,4,1] block 2", a("block_size", 2), s(1, 4, 4, 1)),
                v("[2,3,3,2] block 3", a("block_size", 3), s(2, 3, 3, 2)),
                v("[1,3,4,1] block 2 (error)", a("block_size", 2), s(1, 3, 4, 1))).cases(rnd);
    }

    // ---- strings ----

    static List<Cases.Case> stringLength(SplittableRandom rnd) {
        return of(v("edges bytes", a("unit", "BYTE"), s(8)), v("edges chars", a("unit", "UTF8_CHAR"), s(8)), v("[0]", a("unit", "BYTE"), s(0))).cases(rnd);
    }

    static List<Cases.Case> stringToHashBucketFast(SplittableRandom rnd) {
        return of(v("[8] into 10", a("num_buckets", 10), s(8)), v("[2,3] into 1", a("num_buckets", 1), s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> stringToNumber(SplittableRandom rnd) {
        Tensor numbers = Values.strings(Shape.of(5), "1", "-4.5e1", " 7", "0x10", "1e40");
        return of(new Variant("numbers to float32", a("out_type", DType.FLOAT32), (t, r) -> new Tensor[] {t == DType.STRING ? numbers : Values.random(t, Shape.of(2), r)}),
                new Variant("integers to int32", a("out_type", DType.INT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(3), "12", "-3", "2147483647")}),
                new Variant("integers to int64", a("out_type", DType.INT64), (t, r) -> new Tensor[] {Values.strings(Shape.of(2), "9223372036854775807", "-1")}),
                new Variant("not a number (error)", a("out_type", DType.FLOAT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(1), "abc")}),
                new Variant("int32 overflow (error)", a("out_type", DType.INT32), (t, r) -> new Tensor[] {Values.strings(Shape.of(1), "2147483648")}))
                .cases(rnd);
    }

    // ---- stateless random: the same seed must give TF's numbers ----

    /** Every dtype (the op's {@code dtype} attribute) for one shape and seed, then other shapes and seeds in float32 (int64 for bounded ints). */
    private static Cases.Generator stateless(DType later, java.util.function.Function<DType, Tensor[]> extraInputs) {
        return rnd -> {
            List<Cases.Case> cases = new ArrayList<>();
            for (DType t : ALL) cases.add(statelessCase(t, s(3, 4), 1, 2, extraInputs.apply(t)));
            for (long[] seed : new long[][] {{0, 0}, {-5, 7}, {1L << 40, 3}}) cases.add(statelessCase(later, s(2, 3), seed[0], seed[1], extraInputs.apply(later)));
            cases.add(statelessCase(later, s(0), 1, 2, extraInputs.apply(later)));
            cases.add(statelessCase(later, s(), 1, 2, extraInputs.apply(later)));
            return cases;
        };
    }

    private static Cases.Case statelessCase(DType t, int[] shape, long seed0, long seed1, Tensor[] extraInputs) {
        Tensor[] in = new Tensor[1 + extraInputs.length];
        in[0] = Values.ints(DType.INT64, Shape.of(2), seed0, seed1);
        System.arraycopy(extraInputs, 0, in, 1, extraInputs.length);
        return new Cases.Case(t.tfName() + " shape " + Shape.of(shape) + " seed [" + seed0 + "," + seed1 + "]",
                a("shape", Shape.of(shape), "dtype", t), in);
    }

    static List<Cases.Case> statelessUniform(SplittableRandom rnd) { return stateless(DType.FLOAT32, t -> new Tensor[0]).cases(rnd); }

    /** Bounds [-10, 1000) in the tested dtype (TF takes the dtype from them). */
    static List<Cases.Case> statelessUniformInt(SplittableRandom rnd) {
        return stateless(DType.INT64, t -> t == DType.STRING ? new Tensor[] {Values.strings(Shape.scalar(), "a"), Values.strings(Shape.scalar(), "b")}
                : new Tensor[] {Values.ints(t, Shape.scalar(), -10), Values.ints(t, Shape.scalar(), 1000)}).cases(rnd);
    }

    // ---- slicing, sequences ----

    private static Attrs strided(int[] begin, int[] end, int[] strides, int beginMask, int endMask, int ellipsis, int newAxis, int shrink) {
        return a("begin", begin, "end", end, "strides", strides, "begin_mask", beginMask, "end_mask", endMask,
                "ellipsis_mask", ellipsis, "new_axis_mask", newAxis, "shrink_axis_mask", shrink);
    }

    static List<Cases.Case> stridedSlice(SplittableRandom rnd) {
        return of(v("[4,5] [1:3, ::2]", strided(s(1, 0), s(3, 0), s(1, 2), 0, 2, 0, 0, 0), s(4, 5)),
                v("[4,5] [::-1, -2]", strided(s(0, -2), s(0, -1), s(-1, 1), 1, 1, 0, 0, 2), s(4, 5)),
                v("[2,3,4] [..., 1:3]", strided(s(0, 1), s(0, 3), s(1, 1), 0, 0, 1, 0, 0), s(2, 3, 4)),
                v("[2,3] [newaxis, 1]", strided(s(0, 1), s(0, 2), s(1, 1), 0, 0, 0, 1, 2), s(2, 3)),
                v("[4] [5:1:-2]", strided(s(5), s(1), s(-2), 0, 0, 0, 0, 0), s(4)),
                v("[4] [7] (error)", strided(s(7), s(8), s(1), 0, 0, 0, 0, 1), s(4)),
                v("[4] step 0 (error)", strided(s(0), s(4), s(0), 0, 0, 0, 0, 0), s(4))).cases(rnd);
    }

    /** Range's bounds are attributes in JFlow, typed by {@code Tidx}. */
    static List<Cases.Case> range(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        for (DType t : ALL) cases.add(new Cases.Case(t.tfName() + " 0 to 10 by 3", a("start", 0, "limit", 10, "delta", 3, "Tidx", t)));
        cases.add(new Cases.Case("float32 1.5 to -2 by -0.5", a("start", 1.5, "limit", -2.0, "delta", -0.5, "Tidx", DType.FLOAT32)));
        cases.add(new Cases.Case("float64 0 to 1 by 0.1", a("start", 0.0, "limit", 1.0, "delta", 0.1, "Tidx", DType.FLOAT64)));
        cases.add(new Cases.Case("int64 5 to 5 by 1", a("start", 5, "limit", 5, "delta", 1, "Tidx", DType.INT64)));
        cases.add(new Cases.Case("int32 0 to 10 by -1 (error)", a("start", 0, "limit", 10, "delta", -1, "Tidx", DType.INT32)));
        cases.add(new Cases.Case("int32 by 0 (error)", a("start", 0, "limit", 10, "delta", 0, "Tidx", DType.INT32)));
        return cases;
    }

    static List<Cases.Case> linSpace(SplittableRandom rnd) {
        return of(new Variant("-1 to 2 in 7", a("num", 7), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), -1), Values.ints(t, Shape.scalar(), 2)}),
                new Variant("3 to 3 in 1", a("num", 1), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), 3), Values.ints(t, Shape.scalar(), 3)}),
                new Variant("num 0 (error)", a("num", 0), (t, r) -> new Tensor[] {Values.ints(t, Shape.scalar(), 0), Values.ints(t, Shape.scalar(), 1)}))
                .cases(rnd);
    }

    // ---- NN ----

    private static Attrs window(int[] ksize, int[] strides, String padding) {
        return ksize == null ? a("strides", strides, "padding", padding) : a("ksize", ksize, "strides", strides, "padding", padding);
    }

    static List<Cases.Case> conv2d(SplittableRandom rnd) {
        return of(v("[1,5,5,2] * [3,3,2,4] VALID", window(null, s(1, 1, 1, 1), "VALID"), s(1, 5, 5, 2), s(3, 3, 2, 4)),
                v("[2,6,5,3] * [2,2,3,2] SAME stride 2", window(null, s(1, 2, 2, 1), "SAME"), s(2, 6, 5, 3), s(2, 2, 3, 2)),
                v("[1,4,4,1] * [3,3,1,1] dilation 2", a("strides", s(1, 1, 1, 1), "padding", "SAME", "dilations", s(1, 2, 2, 1)), s(1, 4, 4, 1), s(3, 3, 1, 1)),
                v("channels differ (error)", window(null, s(1, 1, 1, 1), "VALID"), s(1, 5, 5, 2), s(3, 3, 3, 4))).cases(rnd);
    }

    static List<Cases.Case> pool(SplittableRandom rnd) {
        return of(v("[1,4,4,2] 2x2 VALID", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2)),
                v("[2,5,5,1] 3x3 SAME stride 2", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(2, 5, 5, 1)),
                v("[1,3,4,1] 2x3 stride 1 VALID", window(s(1, 2, 3, 1), s(1, 1, 1, 1), "VALID"), s(1, 3, 4, 1)),
                v("window larger than input VALID (error)", window(s(1, 5, 5, 1), s(1, 1, 1, 1), "VALID"), s(1, 3, 3, 1))).cases(rnd);
    }

    static List<Cases.Case> softmaxCrossEntropy(SplittableRandom rnd) {
        return of(v("[2,3] logits and labels", Attrs.EMPTY, s(2, 3), s(2, 3)),
                v("[2,3] with [3] labels broadcast", Attrs.EMPTY, s(2, 3), s(1, 3)),
                v("[2,3] with [2,4] (error)", Attrs.EMPTY, s(2, 3), s(2, 4))).cases(rnd);
    }

    static List<Cases.Case> sparseSoftmaxCrossEntropy(SplittableRandom rnd) {
        return of(indexed("[3,4] labels [0,3,1]", Attrs.EMPTY, s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] label 4 (error)", Attrs.EMPTY, s(3, 4), int32(Shape.of(3), 0, 4, 1))).cases(rnd);
    }

    static List<Cases.Case> cross(SplittableRandom rnd) {
        return of(v("[2,3] x [2,3]", Attrs.EMPTY, s(2, 3), s(2, 3)), v("[3] x [3]", Attrs.EMPTY, s(3), s(3)),
                v("[2] x [2] (error)", Attrs.EMPTY, s(2), s(2))).cases(rnd);
    }

    static List<Cases.Case> einsum(SplittableRandom rnd) {
        return of(v("ij,jk->ik", a("equation", "ij,jk->ik"), s(2, 3), s(3, 4)),
                v("bij,bjk->bik", a("equation", "bij,bjk->bik"), s(2, 2, 3), s(2, 3, 2)),
                v("ii->i", a("equation", "ii->i"), s(3, 3)),
                v("ij->", a("equation", "ij->"), s(2, 3)),
                v("ij,ij->ij", a("equation", "ij,ij->ij"), s(2, 3), s(2, 3)),
                v("ij,jk->ik mismatch (error)", a("equation", "ij,jk->ik"), s(2, 3), s(4, 4))).cases(rnd);
    }

    static List<Cases.Case> unique(SplittableRandom rnd) {
        return of(new Variant("[8] small values", a("out_idx", DType.INT32), (t, r) -> new Tensor[] {t == DType.STRING
                        ? Values.strings(Shape.of(4), "b", "a", "b", "c") : Values.ints(t, Shape.of(8), 3, 1, 3, 0, 1, 1, 2, 0)}),
                new Variant("[0]", a("out_idx", DType.INT64), (t, r) -> new Tensor[] {Values.random(t, Shape.of(0), r)}),
                new Variant("[2,2] (error)", a("out_idx", DType.INT32), (t, r) -> new Tensor[] {Values.random(t, Shape.of(2, 2), r)}))
                .cases(rnd);
    }

    // ---- linear algebra ----

    /** Well-conditioned matrices: random plus 6 on the diagonal (symmetric positive definite where the op needs it). */
    private static Variant matrices(String label, boolean spd, int n, int... batch) {
        return new Variant(label, Attrs.EMPTY, (t, r) -> {
            int[] dims = java.util.Arrays.copyOf(batch, batch.length + 2);
            dims[batch.length] = n;
            dims[batch.length + 1] = n;
            Tensor x = Values.random(t, Shape.of(dims), r);
            if (!t.isFloating() && !t.isComplex()) return new Tensor[] {x};
            Object data = x.data();
            int count = x.size() / (n * n);
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int k = m * n * n + i * n + j;
                        double v = org.jflow.engine.Buffers.getDouble(data, t, k), vt = org.jflow.engine.Buffers.getDouble(data, t, m * n * n + j * n + i);
                        double w = spd ? (v + vt) / 4 : v / 2;
                        org.jflow.engine.Buffers.setDouble(data, t, k, i == j ? w + 6 : w);
                    }
                }
            }
            return new Tensor[] {x};
        });
    }

    static List<Cases.Case> squareMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", false, 3), matrices("[2,4,4]", false, 4, 2), matrices("[0,2,2]", false, 2, 0),
                v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> spdMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", true, 3), matrices("[2,4,4]", true, 4, 2), v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

    // ---- more strings ----

    private static Attrs asString(int precision, boolean scientific, boolean shortest, int width, String fill) {
        return a("precision", precision, "scientific", scientific, "shortest", shortest, "width", width, "fill", fill);
    }

    static List<Cases.Case> asString(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        for (DType t : ALL) cases.add(new Cases.Case(t.tfName() + " edges", asString(-1, false, false, -1, ""), Values.edges(t)));
        cases.add(new Cases.Case("float32 edges precision 3 scientific", asString(3, true, false, -1, ""), Values.edges(DType.FLOAT32)));
        cases.add(new Cases.Case("float64 edges shortest", asString(-1, false, true, -1, ""), Values.edges(DType.FLOAT64)));
        cases.add(new Cases.Case("int32 edges width 6 fill 0", asString(-1, false, false, 6, "0"), Values.edges(DType.INT32)));
        cases.add(new Cases.Case("float32 scientific and shortest (error)", asString(-1, true, true, -1, ""), Values.edges(DType.FLOAT32)));
        return cases;
    }

    private static Tensor text(String... v) { return Values.strings(Shape.of(v.length), v); }

    static List<Cases.Case> stringJoin(SplittableRandom rnd) {
        return List.of(new Cases.Case("two vectors with -", a("separator", "-"), text("a", "bc"), text("x", "")),
                new Cases.Case("vector and scalar", a("separator", ""), text("a", "b", "c"), Values.strings(Shape.scalar(), "!")),
                new Cases.Case("[2] and [3] (error)", a("separator", ""), text("a", "b"), text("x", "y", "z")),
                new Cases.Case("int32 (error)", a("separator", ""), Values.ints(DType.INT32, Shape.of(1), 1)));
    }

    static List<Cases.Case> substr(SplittableRandom rnd) {
        Tensor words = Values.edges(DType.STRING);
        int n = words.size();
        return List.of(new Cases.Case("bytes from 0 len 2", a("unit", "BYTE"), words, scalar32(0), scalar32(2)),
                new Cases.Case("chars from 1 len 3", a("unit", "UTF8_CHAR"), Values.strings(Shape.of(2), "h\u00e9llo", "abcd"), scalar32(1), scalar32(3)),
                new Cases.Case("negative pos", a("unit", "BYTE"), Values.strings(Shape.of(1), "Hello"), scalar32(-3), scalar32(2)),
                new Cases.Case("pos past the end (error)", a("unit", "BYTE"), words, scalar32(40), scalar32(1)),
                new Cases.Case("per element pos", a("unit", "BYTE"), Values.strings(Shape.of(2), "Hello", "abc"), Values.ints(DType.INT32, Shape.of(2), 1, 2),
                        Values.ints(DType.INT32, Shape.of(2), 2, 5)));
    }

    private static Tensor scalar32(long v) { return Values.ints(DType.INT32, Shape.scalar(), v); }

    static List<Cases.Case> regexFullMatch(SplittableRandom rnd) {
        return List.of(new Cases.Case("[a-z]+", a("pattern", "[a-z]+"), Values.edges(DType.STRING)),
                new Cases.Case("h.*o", a("pattern", "h.*o"), Values.edges(DType.STRING)),
                new Cases.Case("bad pattern (error)", a("pattern", "(a"), Values.edges(DType.STRING)));
    }

    static List<Cases.Case> regexReplace(SplittableRandom rnd) {
        return List.of(new Cases.Case("l+ to L global", a("pattern", "l+", "rewrite", "L", "replace_global", true), Values.edges(DType.STRING)),
                new Cases.Case("first vowel to \\0\\0", a("pattern", "[aeiou]", "rewrite", "<\\0>", "replace_global", false), Values.edges(DType.STRING)),
                new Cases.Case("groups", a("pattern", "(\\w)(\\w*)", "rewrite", "\\2\\1", "replace_global", true), Values.edges(DType.STRING)));
    }

    static List<Cases.Case> hashBucketStrong(SplittableRandom rnd) {
        return List.of(new Cases.Case("into 100 key [1,2]", a("num_buckets", 100, "key", new long[] {1, 2}), Values.edges(DType.STRING)),
                new Cases.Case("into 7 key [0,0]", a("num_buckets", 7, "key", new long[] {0, 0}), Values.edges(DType.STRING)),
                new Cases.Case("key [1] (error)", a("num_buckets", 7, "key", new long[] {1}), Values.edges(DType.STRING)));
    }

    static List<Cases.Case> reduceJoin(SplittableRandom rnd) {
        Tensor m = Values.strings(Shape.of(2, 3), "a", "b", "c", "d", "e", "f");
        return List.of(new Cases.Case("[2,3] all", a("keep_dims", false, "separator", ""), m),
                new Cases.Case("[2,3] axis [1] with ,", a("keep_dims", false, "separator", ",", "axis", s(1)), m),
                new Cases.Case("[2,3] axis [0,1]", a("keep_dims", false, "separator", "", "axis", s(0, 1)), m),
                new Cases.Case("[2,3] axis [1,0]", a("keep_dims", false, "separator", "", "axis", s(1, 0)), m),
                new Cases.Case("[2,3] axis [-2] keep_dims", a("keep_dims", true, "separator", "", "axis", s(-2)), m),
                new Cases.Case("[2,3] axis [2] (error)", a("keep_dims", false, "separator", "", "axis", s(2)), m));
    }

    // ---- more math ----

    static List<Cases.Case> inTopK(SplittableRandom rnd) {
        return of(indexed("[3,4] targets k 2", a("k", 2), s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] k 0", a("k", 0), s(3, 4), int32(Shape.of(3), 0, 3, 1)),
                indexed("[3,4] target 4", a("k", 1), s(3, 4), int32(Shape.of(3), 0, 4, 1))).cases(rnd);
    }

    static List<Cases.Case> broadcastArgs(SplittableRandom rnd) {
        return List.of(new Cases.Case("[2,1] and [3]", Attrs.EMPTY, int32(Shape.of(2), 2, 1), int32(Shape.of(1), 3)),
                new Cases.Case("[] and [4,0]", Attrs.EMPTY, int32(Shape.of(0)), int32(Shape.of(2), 4, 0)),
                new Cases.Case("[2] and [3] (error)", Attrs.EMPTY, int32(Shape.of(1), 2), int32(Shape.of(1), 3)));
    }

    static List<Cases.Case> bandPart(SplittableRandom rnd) {
        return of(v("[4,4] lower 1 upper 0", a("num_lower", 1L, "num_upper", 0L), s(4, 4)),
                v("[2,3,4] lower -1 upper 1", a("num_lower", -1L, "num_upper", 1L), s(2, 3, 4)),
                v("[3] (error)", a("num_lower", 0L, "num_upper", 0L), s(3))).cases(rnd);
    }

    static List<Cases.Case> complexOf(SplittableRandom rnd) {
        return of(v("[2,3] parts", Attrs.EMPTY, s(2, 3), s(2, 3)), v("[2,3] with scalar", Attrs.EMPTY, s(2, 3), s())).cases(rnd);
    }

    static List<Cases.Case> matrixSolve(SplittableRandom rnd) {
        Variant m = matrices("[3,3]", false, 3);
        return of(new Variant("[3,3] rhs [3,2]", a("adjoint", false), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(3, 2), r)}),
                new Variant("[3,3]^H rhs [3,1]", a("adjoint", true), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(3, 1), r)}),
                new Variant("rhs [2,1] (error)", a("adjoint", false), (t, r) -> new Tensor[] {m.inputs().make(t, r)[0], Values.random(t, Shape.of(2, 1), r)}))
                .cases(rnd);
    }

    // ---- NN gradients and 3-D windows ----

    static List<Cases.Case> conv2dBackpropInput(SplittableRandom rnd) {
        return of(v("[1,5,5,2] from [3,3,2,4] VALID", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 4), s(1, 3, 3, 4)),
                v("[2,6,5,3] from [2,2,3,2] SAME stride 2", a("input_sizes", s(2, 6, 5, 3), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 2, 3, 2), s(2, 3, 3, 2)),
                v("out_backprop shape wrong (error)", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 4), s(1, 4, 4, 4)))
                .cases(rnd);
    }

    static List<Cases.Case> conv2dBackpropFilter(SplittableRandom rnd) {
        return of(v("[3,3,2,4] on [1,5,5,2] VALID", a("filter_sizes", s(3, 3, 2, 4), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 3, 3, 4)),
                v("[2,2,3,2] on [2,6,5,3] SAME stride 2", a("filter_sizes", s(2, 2, 3, 2), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 3, 3, 2)),
                v("out_backprop shape wrong (error)", a("filter_sizes", s(3, 3, 2, 4), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 4, 4, 4)))
                .cases(rnd);
    }

    static List<Cases.Case> maxPoolGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,2] 2x2 VALID", "MaxPool", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 2, 2, 2)),
                pooled("[1,5,5,1] 3x3 SAME stride 2", "MaxPool", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(1, 5, 5, 1), s(1, 3, 3, 1)),
                v("grad shape wrong (error)", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 2, 2, 2), s(1, 3, 3, 2)))
                .cases(rnd);
    }

    static List<Cases.Case> avgPoolGrad(SplittableRandom rnd) {
        return of(v("[1,4,4,2] 2x2 VALID", a("orig_input_shape", s(1, 4, 4, 2), "ksize", s(1, 2, 2, 1), "strides", s(1, 2, 2, 1), "padding", "VALID"), s(1, 2, 2, 2)),
                v("[1,5,5,1] 3x3 SAME stride 2", a("orig_input_shape", s(1, 5, 5, 1), "ksize", s(1, 3, 3, 1), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(1, 3, 3, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> conv3d(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] * [2,2,2,2,3] VALID", a("strides", s(1, 1, 1, 1, 1), "padding", "VALID"), s(1, 4, 4, 4, 2), s(2, 2, 2, 2, 3)),
                v("[1,5,4,3,1] * [3,3,3,1,2] SAME stride 2", a("strides", s(1, 2, 2, 2, 1), "padding", "SAME"), s(1, 5, 4, 3, 1), s(3, 3, 3, 1, 2)))
                .cases(rnd);
    }

    static List<Cases.Case> pool3d(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] 2x2x2 VALID", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 2)),
                v("[1,5,3,4,1] 3x2x2 SAME stride 2", window(s(1, 3, 2, 2, 1), s(1, 2, 2, 2, 1), "SAME"), s(1, 5, 3, 4, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> depthwiseConv(SplittableRandom rnd) {
        return of(v("[1,5,5,2] * [3,3,2,2] VALID", a("strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(3, 3, 2, 2)),
                v("[2,6,5,3] * [2,2,3,1] SAME stride 2", a("strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 2, 3, 1)),
                v("channels differ (error)", a("strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(3, 3, 3, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> lrn(SplittableRandom rnd) {
        return of(v("[1,2,2,6] radius 2", a("depth_radius", 2, "bias", 1.0, "alpha", 0.5, "beta", 0.75), s(1, 2, 2, 6)),
                v("[2,1,1,3] radius 5", a("depth_radius", 5, "bias", 2.0, "alpha", 1.0, "beta", 0.5), s(2, 1, 1, 3)),
                v("rank 3 (error)", a("depth_radius", 2, "bias", 1.0, "alpha", 0.5, "beta", 0.75), s(2, 2, 6))).cases(rnd);
    }

    // ---- stateful random with fixed seeds: a fresh kernel's first draws must be TF's ----

    /**
     * Every dtype (attribute {@code dtypeAttr}) for shape [3,4], then an empty and a scalar shape;
     * each case has its own {@code seed2}, so no case continues another's generator.
     */
    private static List<Cases.Case> seeded(String dtypeAttr, DType later, java.util.function.Function<DType, Tensor[]> inputs) {
        List<Cases.Case> cases = new ArrayList<>();
        int k = 0;
        for (DType t : ALL) cases.add(seededCase(t, dtypeAttr, s(3, 4), ++k, inputs.apply(t)));
        cases.add(seededCase(later, dtypeAttr, s(0), ++k, inputs.apply(later)));
        cases.add(seededCase(later, dtypeAttr, s(), ++k, inputs.apply(later)));
        return cases;
    }

    private static Cases.Case seededCase(DType t, String dtypeAttr, int[] shape, int k, Tensor[] inputs) {
        return new Cases.Case(t.tfName() + " shape " + Shape.of(shape) + " seed 7/" + (100 + k),
                a("shape", Shape.of(shape), dtypeAttr, t, "seed", 7L, "seed2", 100L + k), inputs);
    }

    static List<Cases.Case> seededFloats(SplittableRandom rnd) { return seeded("dtype", DType.FLOAT32, t -> new Tensor[0]); }

    static List<Cases.Case> seededInts(SplittableRandom rnd) {
        return seeded("Tout", DType.INT64, t -> t == DType.STRING ? new Tensor[] {Values.strings(Shape.scalar(), "a"), Values.strings(Shape.scalar(), "b")}
                : new Tensor[] {Values.ints(t, Shape.scalar(), -10), Values.ints(t, Shape.scalar(), 1000)});
    }

    // ---- more gradients, slice update ----

    static List<Cases.Case> depthwiseBackpropInput(SplittableRandom rnd) {
        return of(v("[1,5,5,2] from [3,3,2,2] VALID", a("input_sizes", s(1, 5, 5, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(3, 3, 2, 2), s(1, 3, 3, 4)),
                v("[2,6,5,3] from [2,2,3,1] SAME stride 2", a("input_sizes", s(2, 6, 5, 3), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 2, 3, 1), s(2, 3, 3, 3)))
                .cases(rnd);
    }

    static List<Cases.Case> depthwiseBackpropFilter(SplittableRandom rnd) {
        return of(v("[3,3,2,2] on [1,5,5,2] VALID", a("filter_sizes", s(3, 3, 2, 2), "strides", s(1, 1, 1, 1), "padding", "VALID"), s(1, 5, 5, 2), s(1, 3, 3, 4)),
                v("[2,2,3,1] on [2,6,5,3] SAME stride 2", a("filter_sizes", s(2, 2, 3, 1), "strides", s(1, 2, 2, 1), "padding", "SAME"), s(2, 6, 5, 3), s(2, 3, 3, 3)))
                .cases(rnd);
    }

    static List<Cases.Case> conv3dBackpropInput(SplittableRandom rnd) {
        return of(v("[1,4,4,4,2] from [2,2,2,2,3] VALID", a("input_sizes", s(1, 4, 4, 4, 2), "strides", s(1, 1, 1, 1, 1), "padding", "VALID"),
                s(2, 2, 2, 2, 3), s(1, 3, 3, 3, 3))).cases(rnd);
    }

    static List<Cases.Case> conv3dBackpropFilter(SplittableRandom rnd) {
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
            Tensor y = org.jflow.engine.Dispatcher.execute1(org.jflow.engine.OpRegistry.get(forward), attrs, wide);
            y = Tensor.wrap(t, y.shape(), org.jflow.engine.Buffers.convert(y.data(), DType.FLOAT64, t));
            return new Tensor[] {x, y, Values.random(t, Shape.of(grad), r)};
        });
    }

    static List<Cases.Case> maxPoolGradGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,2] 2x2 VALID", "MaxPool", window(s(1, 2, 2, 1), s(1, 2, 2, 1), "VALID"), s(1, 4, 4, 2), s(1, 4, 4, 2)),
                pooled("[1,5,5,1] 3x3 SAME stride 2", "MaxPool", window(s(1, 3, 3, 1), s(1, 2, 2, 1), "SAME"), s(1, 5, 5, 1), s(1, 5, 5, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> maxPool3dGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,4,1] 2x2x2 VALID", "MaxPool3D", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 1), s(1, 2, 2, 2, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> maxPool3dGradGrad(SplittableRandom rnd) {
        return of(pooled("[1,4,4,4,1] 2x2x2 VALID", "MaxPool3D", window(s(1, 2, 2, 2, 1), s(1, 2, 2, 2, 1), "VALID"), s(1, 4, 4, 4, 1), s(1, 4, 4, 4, 1)))
                .cases(rnd);
    }

    static List<Cases.Case> avgPool3dGrad(SplittableRandom rnd) {
        return of(v("[1,4,4,4,1] 2x2x2 VALID", a("orig_input_shape", s(1, 4, 4, 4, 1), "ksize", s(1, 2, 2, 2, 1), "strides", s(1, 2, 2, 2, 1),
                "padding", "VALID"), s(1, 2, 2, 2, 1))).cases(rnd);
    }

    static List<Cases.Case> stridedSliceUpdate(SplittableRandom rnd) {
        return of(v("[4,5] [1:3, ::2] = [2,3]", strided(s(1, 0), s(3, 0), s(1, 2), 0, 2, 0, 0, 0), s(4, 5), s(2, 3)),
                v("[4,5] [::-1, -2] = [4]", strided(s(0, -2), s(0, -1), s(-1, 1), 1, 1, 0, 0, 2), s(4, 5), s(4)),
                v("[4,5] [1:3] = scalar", strided(s(1), s(3), s(1), 0, 0, 0, 0, 0), s(4, 5), s()),
                v("[4,5] [1:3] = [3,5] (error)", strided(s(1), s(3), s(1), 0, 0, 0, 0, 0), s(4, 5), s(3, 5))).cases(rnd);
    }
}
