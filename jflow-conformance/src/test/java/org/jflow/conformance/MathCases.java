package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;

import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.conformance.Variants.*;

/** Cases of the ops on axes (arg max, scans, products), linear algebra and a few more math ops: per op a list of variants (see {@link Variants}). */
final class MathCases {
    private MathCases() {}

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

    static List<Cases.Case> squareMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", false, 3), matrices("[2,4,4]", false, 4, 2), matrices("[0,2,2]", false, 2, 0),
                v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

    static List<Cases.Case> spdMatrix(SplittableRandom rnd) {
        return of(matrices("[3,3]", true, 3), matrices("[2,4,4]", true, 4, 2), v("[2,3] (error)", Attrs.EMPTY, s(2, 3))).cases(rnd);
    }

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
}
