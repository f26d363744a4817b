package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.jflow.conformance.Values.ALL;
import static org.jflow.conformance.Variants.*;

/** Cases of the random ops: stateless ones (the same seed must give TF's numbers) and stateful ones with fixed seeds (a fresh kernel's first draws must be TF's). */
final class RandomCases {
    private RandomCases() {}

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
}
