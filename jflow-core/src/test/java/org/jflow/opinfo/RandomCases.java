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

/** Cases of the random ops: stateless ones (the same seed must give TF's numbers) and stateful ones with fixed seeds (a fresh kernel's first draws must be TF's). */
public final class RandomCases {
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

    public static List<Cases.Case> statelessUniform(SplittableRandom rnd) { return stateless(DType.FLOAT32, t -> new Tensor[0]).cases(rnd); }

    public static List<Cases.Case> statelessUniformInt(SplittableRandom rnd) {
        return stateless(DType.INT64, RandomCases::bounds).cases(rnd);
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

    public static List<Cases.Case> seededFloats(SplittableRandom rnd) { return seeded("dtype", DType.FLOAT32, t -> new Tensor[0]); }

    public static List<Cases.Case> seededInts(SplittableRandom rnd) {
        return seeded("Tout", DType.INT64, RandomCases::bounds);
    }

    // ---- the V2 stateless ops: key and counter inputs ----

    /**
     * TF's {@code StatelessRandomGetKeyCounter} for a seed pair, as {@code tf.random.stateless_*}
     * derive them (JFlow's {@code RandomOps} scrambles V1 seeds the same way): one Philox block of
     * the seed words under a fixed key; its first two words are the key, its last two the counter's
     * upper 64 bits.
     */
    public static Tensor[] keyCounter(long seed0, long seed1) {
        int[] mix = new int[4];
        org.jflow.random.Philox.block((int) seed0, (int) (seed0 >>> 32), (int) seed1, (int) (seed1 >>> 32), 0x3ec8f720, 0x02461e29, mix);
        return rawKeyCounter(words(mix[0], mix[1]), 0, words(mix[2], mix[3]));
    }

    /** Seed pairs in int32 and int64, negative and past int32, and a wrong dtype. */
    public static List<Cases.Case> getKeyCounter(SplittableRandom rnd) {
        return List.of(new Cases.Case("int32 [1,2]", Attrs.EMPTY, Values.ints(DType.INT32, Shape.of(2), 1, 2)),
                new Cases.Case("int64 [-7, 2**40]", Attrs.EMPTY, Values.ints(DType.INT64, Shape.of(2), -7, 1L << 40)),
                new Cases.Case("float32 (error)", Attrs.EMPTY, Values.random(DType.FLOAT32, Shape.of(2), rnd)));
    }

    private static long words(int lo, int hi) { return (lo & 0xFFFFFFFFL) | (long) hi << 32; }

    private static Tensor[] rawKeyCounter(long key, long counter0, long counter1) {
        return new Tensor[] {Values.ints(DType.INT64, Shape.of(1), key), Values.ints(DType.INT64, Shape.of(2), counter0, counter1)};
    }

    /**
     * Every dtype for one seed, then float32 (int64 for bounded ints) over other seeds, alg 3
     * (auto-select, Philox on CPU), raw key/counter words with the top bits set (unsigned in TF), and
     * empty and scalar shapes.
     */
    private static Cases.Generator statelessV2(DType later, java.util.function.Function<DType, Tensor[]> extraInputs) {
        return rnd -> {
            List<Cases.Case> cases = new ArrayList<>();
            for (DType t : ALL) cases.add(v2Case(t, s(3, 4), "seed [1,2]", keyCounter(1, 2), 1, extraInputs.apply(t)));
            for (long[] seed : new long[][] {{0, 0}, {-5, 7}, {1L << 40, 3}}) {
                cases.add(v2Case(later, s(2, 3), "seed [" + seed[0] + "," + seed[1] + "]", keyCounter(seed[0], seed[1]), 1, extraInputs.apply(later)));
            }
            cases.add(v2Case(later, s(5), "seed [1,2] alg 3", keyCounter(1, 2), 3, extraInputs.apply(later)));
            cases.add(v2Case(later, s(2, 5), "key -1 counter [-1,5]", rawKeyCounter(-1, -1, 5), 1, extraInputs.apply(later)));
            cases.add(v2Case(later, s(0), "seed [1,2]", keyCounter(1, 2), 1, extraInputs.apply(later)));
            cases.add(v2Case(later, s(), "seed [1,2]", keyCounter(1, 2), 1, extraInputs.apply(later)));
            return cases;
        };
    }

    private static Cases.Case v2Case(DType t, int[] shape, String from, Tensor[] keyCounter, int alg, Tensor[] extraInputs) {
        Tensor[] in = new Tensor[2 + extraInputs.length];
        in[0] = keyCounter[0];
        in[1] = keyCounter[1];
        System.arraycopy(extraInputs, 0, in, 2, extraInputs.length);
        return new Cases.Case(t.tfName() + " shape " + Shape.of(shape) + " " + from, a("shape", Shape.of(shape), "dtype", t, "alg", alg), in);
    }

    public static List<Cases.Case> statelessV2(SplittableRandom rnd) { return statelessV2(DType.FLOAT32, t -> new Tensor[0]).cases(rnd); }

    public static List<Cases.Case> statelessV2Int(SplittableRandom rnd) { return statelessV2(DType.INT64, RandomCases::bounds).cases(rnd); }

    /** Bounds [-10, 1000) in the tested dtype (TF takes the dtype from them). */
    private static Tensor[] bounds(DType t) {
        return t == DType.STRING ? new Tensor[] {Values.strings(Shape.scalar(), "a"), Values.strings(Shape.scalar(), "b")}
                : new Tensor[] {Values.ints(t, Shape.scalar(), -10), Values.ints(t, Shape.scalar(), 1000)};
    }

    // ---- multinomial ----

    private static Tensor logits(DType t, int rows, double... row) {
        double[] v = new double[rows * row.length];
        for (int i = 0; i < v.length; i++) v[i] = row[i % row.length] + i / row.length;
        return Values.floats(t, Shape.of(rows, row.length), v);
    }

    /** Stateless: every dtype of logits, then int32 output, -inf logits, zero samples and a non-matrix (error); bit-exact. */
    public static List<Cases.Case> statelessMultinomial(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        Tensor seed = Values.ints(DType.INT64, Shape.of(2), 3, 9);
        for (DType t : ALL) {
            Tensor x = t.isFloating() ? logits(t, 2, 0, 1, 2, -1) : Values.random(t, Shape.of(2, 4), rnd);
            cases.add(new Cases.Case(t.tfName() + " [2,4] 6 samples", a("num_samples", 6, "output_dtype", DType.INT64), x, seed));
        }
        Tensor x = logits(DType.FLOAT32, 3, 0.5, -2, 1);
        cases.add(new Cases.Case("float32 [3,3] 20 samples int32", a("num_samples", 20, "output_dtype", DType.INT32), x, Values.ints(DType.INT32, Shape.of(2), -1, 4)));
        cases.add(new Cases.Case("float32 -inf logit", a("num_samples", 8, "output_dtype", DType.INT64),
                Values.floats(DType.FLOAT32, Shape.of(1, 3), 0, Double.NEGATIVE_INFINITY, 1), seed));
        cases.add(new Cases.Case("float32 0 samples", a("num_samples", 0, "output_dtype", DType.INT64), x, seed));
        cases.add(new Cases.Case("float32 [3] (error)", a("num_samples", 2, "output_dtype", DType.INT64), Values.floats(DType.FLOAT32, Shape.of(3), 0, 1, 2), seed));
        return cases;
    }

    /** Stateful: 20000 draws per row of known probabilities, compared by statistics (see {@link SampleStatistics}). */
    public static List<Cases.Case> multinomial(SplittableRandom rnd) {
        return List.of(
                new Cases.Case("float32 [2,4] 20000 samples", a("num_samples", 20000, "output_dtype", DType.INT64, "seed", 7L, "seed2", 11L),
                        logits(DType.FLOAT32, 2, 0, 1, 2, -1)),
                new Cases.Case("float64 [1,3] 20000 samples int32", a("num_samples", 20000, "output_dtype", DType.INT32, "seed", 7L, "seed2", 12L),
                        Values.floats(DType.FLOAT64, Shape.of(1, 3), 0, Double.NEGATIVE_INFINITY, Math.log(3))),
                new Cases.Case("float32 [3] (error)", a("num_samples", 2, "output_dtype", DType.INT64, "seed", 7L, "seed2", 13L),
                        Values.floats(DType.FLOAT32, Shape.of(3), 0, 1, 2)));
    }

    // ---- per-parameter samplers and shuffle (stateful: statistics) ----

    private static Cases.Case perParameter(String label, String dtypeAttr, DType out, int draws, long seed2, Tensor params) {
        Object[] kv = dtypeAttr == null ? new Object[] {"shape", Shape.of(draws), "seed", 7L, "seed2", seed2}
                : new Object[] {"shape", Shape.of(draws), dtypeAttr, out, "seed", 7L, "seed2", seed2};
        return new Cases.Case(label, a(kv), params);
    }

    /** Alphas below 1 (boosted), at 1 and above, in float32, float64 and float16; an empty shape. */
    public static List<Cases.Case> gamma(SplittableRandom rnd) {
        return List.of(
                perParameter("float32 alpha [0.5, 1, 3.5] 20000 draws", null, null, 20000, 21, Values.floats(DType.FLOAT32, Shape.of(3), 0.5, 1, 3.5)),
                perParameter("float64 alpha 10 20000 draws", null, null, 20000, 22, Values.floats(DType.FLOAT64, Shape.scalar(), 10)),
                perParameter("float16 alpha 2 20000 draws", null, null, 20000, 23, Values.floats(DType.FLOAT16, Shape.scalar(), 2)),
                perParameter("float32 alpha [2] 0 draws", null, null, 0, 24, Values.floats(DType.FLOAT32, Shape.of(2), 1, 2)),
                perParameter("int32 alpha (error)", null, null, 10, 25, Values.ints(DType.INT32, Shape.scalar(), 2)));
    }

    /** Rates under 10 (Knuth) and above (rejection), float and int outputs. */
    public static List<Cases.Case> poisson(SplittableRandom rnd) {
        return List.of(
                perParameter("float32 rate [0.5, 4, 30] 20000 draws int64", "dtype", DType.INT64, 20000, 31,
                        Values.floats(DType.FLOAT32, Shape.of(3), 0.5, 4, 30)),
                perParameter("float64 rate 12 20000 draws float64", "dtype", DType.FLOAT64, 20000, 32, Values.floats(DType.FLOAT64, Shape.scalar(), 12)),
                perParameter("float32 rate 2 20000 draws int32", "dtype", DType.INT32, 20000, 33, Values.floats(DType.FLOAT32, Shape.scalar(), 2)),
                perParameter("float32 rate [2] 0 draws", "dtype", DType.FLOAT32, 0, 34, Values.floats(DType.FLOAT32, Shape.of(2), 1, 2)));
    }

    /** 0..n-1 as rows of a [n] or [n,2] tensor; a scalar and a single row (returned as they are). */
    public static List<Cases.Case> shuffle(SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        int k = 40;
        for (DType t : new DType[] {DType.FLOAT32, DType.INT64, DType.INT32}) {
            cases.add(new Cases.Case(t.tfName() + " [10000]", a("seed", 7L, "seed2", (long) ++k), Values.floats(t, Shape.of(10000), iota(10000))));
        }
        cases.add(new Cases.Case("float64 [5000,2]", a("seed", 7L, "seed2", (long) ++k), Values.floats(DType.FLOAT64, Shape.of(5000, 2), iota(10000))));
        cases.add(new Cases.Case("float32 scalar", a("seed", 7L, "seed2", (long) ++k), Values.floats(DType.FLOAT32, Shape.scalar(), 3)));
        cases.add(new Cases.Case("float32 [1,3]", a("seed", 7L, "seed2", (long) ++k), Values.floats(DType.FLOAT32, Shape.of(1, 3), 1, 2, 3)));
        return cases;
    }

    private static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }
}
