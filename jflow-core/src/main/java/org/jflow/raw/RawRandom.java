package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

/**
 * TF's {@code gen_random_ops} and {@code gen_stateless_random_ops(_v2)}, one typed method per op.
 * Stateful ops take TF's {@code seed}/{@code seed2} attributes as {@code random_seed.get_seed} gives
 * them; stateless ops a {@code seed} pair, the V2 ops a {@code key}, a {@code counter} and {@code alg}.
 */
public final class RawRandom {
    private static final Op MULTINOMIAL = Raw.op("Multinomial");
    private static final Op RANDOM_GAMMA = Raw.op("RandomGamma");
    private static final Op RANDOM_GAMMA_GRAD = Raw.op("RandomGammaGrad");
    private static final Op RANDOM_POISSON_V2 = Raw.op("RandomPoissonV2");
    private static final Op RANDOM_SHUFFLE = Raw.op("RandomShuffle");
    private static final Op RANDOM_STANDARD_NORMAL = Raw.op("RandomStandardNormal");
    private static final Op RANDOM_UNIFORM = Raw.op("RandomUniform");
    private static final Op RANDOM_UNIFORM_INT = Raw.op("RandomUniformInt");
    private static final Op STATELESS_MULTINOMIAL = Raw.op("StatelessMultinomial");
    private static final Op STATELESS_RANDOM_NORMAL = Raw.op("StatelessRandomNormal");
    private static final Op STATELESS_RANDOM_NORMAL_V2 = Raw.op("StatelessRandomNormalV2");
    private static final Op STATELESS_RANDOM_UNIFORM = Raw.op("StatelessRandomUniform");
    private static final Op STATELESS_RANDOM_UNIFORM_FULL_INT = Raw.op("StatelessRandomUniformFullInt");
    private static final Op STATELESS_RANDOM_UNIFORM_FULL_INT_V2 = Raw.op("StatelessRandomUniformFullIntV2");
    private static final Op STATELESS_RANDOM_UNIFORM_INT = Raw.op("StatelessRandomUniformInt");
    private static final Op STATELESS_RANDOM_UNIFORM_INT_V2 = Raw.op("StatelessRandomUniformIntV2");
    private static final Op STATELESS_RANDOM_UNIFORM_V2 = Raw.op("StatelessRandomUniformV2");
    private static final Op STATELESS_RANDOM_GET_KEY_COUNTER = Raw.op("StatelessRandomGetKeyCounter");
    private static final Op STATELESS_TRUNCATED_NORMAL = Raw.op("StatelessTruncatedNormal");
    private static final Op STATELESS_TRUNCATED_NORMAL_V2 = Raw.op("StatelessTruncatedNormalV2");
    private static final Op TRUNCATED_NORMAL = Raw.op("TruncatedNormal");

    private RawRandom() {}

    private static Attrs seeded(Attrs attrs, long seed, long seed2) {
        return attrs.with("seed", seed).with("seed2", seed2);
    }

    // ---- stateful ----

    public static Tensor randomUniform(Shape shape, DType dtype, long seed, long seed2) {
        return Raw.one(RANDOM_UNIFORM, seeded(Attrs.of("shape", shape, "dtype", dtype), seed, seed2));
    }

    /** {@code RandomUniform} of a shape known only at run time (an int vector tensor, TF's input form). */
    public static Tensor randomUniform(Tensor shape, DType dtype, long seed, long seed2) {
        return Raw.one(RANDOM_UNIFORM, seeded(Attrs.of("dtype", dtype), seed, seed2), shape);
    }

    public static Tensor randomStandardNormal(Shape shape, DType dtype, long seed, long seed2) {
        return Raw.one(RANDOM_STANDARD_NORMAL, seeded(Attrs.of("shape", shape, "dtype", dtype), seed, seed2));
    }

    public static Tensor truncatedNormal(Shape shape, DType dtype, long seed, long seed2) {
        return Raw.one(TRUNCATED_NORMAL, seeded(Attrs.of("shape", shape, "dtype", dtype), seed, seed2));
    }

    /** {@code RandomUniformInt} in {@code [minval, maxval)}, scalars of {@code tout}. */
    public static Tensor randomUniformInt(Tensor minval, Tensor maxval, Shape shape, DType tout, long seed,
                                          long seed2) {
        return Raw.one(RANDOM_UNIFORM_INT, seeded(Attrs.of("shape", shape, "Tout", tout), seed, seed2), minval, maxval);
    }

    public static Tensor randomShuffle(Tensor value, long seed, long seed2) {
        return Raw.one(RANDOM_SHUFFLE, seeded(Attrs.EMPTY, seed, seed2), value);
    }

    public static Tensor multinomial(Tensor logits, int numSamples, DType outputDtype, long seed, long seed2) {
        Attrs attrs = Attrs.of("num_samples", numSamples, "output_dtype", outputDtype);
        return Raw.one(MULTINOMIAL, seeded(attrs, seed, seed2), logits);
    }

    /** {@code RandomGamma}: {@code shape} samples per entry of {@code alpha}, of its dtype. */
    public static Tensor randomGamma(Tensor alpha, Shape shape, long seed, long seed2) {
        return Raw.one(RANDOM_GAMMA, seeded(Attrs.of("shape", shape), seed, seed2), alpha);
    }

    public static Tensor randomGammaGrad(Tensor alpha, Tensor sample) {
        return Raw.one(RANDOM_GAMMA_GRAD, Attrs.EMPTY, alpha, sample);
    }

    public static Tensor randomPoissonV2(Tensor rate, Shape shape, DType dtype, long seed, long seed2) {
        return Raw.one(RANDOM_POISSON_V2, seeded(Attrs.of("shape", shape, "dtype", dtype), seed, seed2), rate);
    }

    // ---- stateless, from a seed pair ----

    public static Tensor statelessRandomUniform(Tensor seed, Shape shape, DType dtype) {
        return Raw.one(STATELESS_RANDOM_UNIFORM, Attrs.of("shape", shape, "dtype", dtype), seed);
    }

    public static Tensor statelessRandomNormal(Tensor seed, Shape shape, DType dtype) {
        return Raw.one(STATELESS_RANDOM_NORMAL, Attrs.of("shape", shape, "dtype", dtype), seed);
    }

    public static Tensor statelessTruncatedNormal(Tensor seed, Shape shape, DType dtype) {
        return Raw.one(STATELESS_TRUNCATED_NORMAL, Attrs.of("shape", shape, "dtype", dtype), seed);
    }

    public static Tensor statelessRandomUniformInt(Tensor seed, Tensor minval, Tensor maxval, Shape shape,
                                                   DType dtype) {
        return Raw.one(STATELESS_RANDOM_UNIFORM_INT, Attrs.of("shape", shape, "dtype", dtype), seed, minval, maxval);
    }

    public static Tensor statelessRandomUniformFullInt(Tensor seed, Shape shape, DType dtype) {
        return Raw.one(STATELESS_RANDOM_UNIFORM_FULL_INT, Attrs.of("shape", shape, "dtype", dtype), seed);
    }

    public static Tensor statelessMultinomial(Tensor logits, Tensor seed, int numSamples, DType outputDtype) {
        return Raw.one(STATELESS_MULTINOMIAL, Attrs.of("num_samples", numSamples, "output_dtype", outputDtype), logits,
                seed);
    }

    // ---- stateless V2, from a key and a counter ----

    private static Attrs v2(Shape shape, DType dtype, int alg) {
        return Attrs.of("shape", shape, "dtype", dtype, "alg", alg);
    }

    /** {@code StatelessRandomGetKeyCounter}: the V2 ops' key [1] and counter [2] (TF's uint64, int64 here) of a seed pair. */
    public static Tensor[] statelessRandomGetKeyCounter(Tensor seed) { return Raw.all(STATELESS_RANDOM_GET_KEY_COUNTER, Attrs.EMPTY, seed); }

    public static Tensor statelessRandomUniformV2(Tensor key, Tensor counter, Shape shape, DType dtype, int alg) {
        return Raw.one(STATELESS_RANDOM_UNIFORM_V2, v2(shape, dtype, alg), key, counter);
    }

    public static Tensor statelessRandomNormalV2(Tensor key, Tensor counter, Shape shape, DType dtype, int alg) {
        return Raw.one(STATELESS_RANDOM_NORMAL_V2, v2(shape, dtype, alg), key, counter);
    }

    public static Tensor statelessTruncatedNormalV2(Tensor key, Tensor counter, Shape shape, DType dtype, int alg) {
        return Raw.one(STATELESS_TRUNCATED_NORMAL_V2, v2(shape, dtype, alg), key, counter);
    }

    public static Tensor statelessRandomUniformIntV2(Tensor key, Tensor counter, Tensor minval, Tensor maxval,
                                                     Shape shape, DType dtype, int alg) {
        return Raw.one(STATELESS_RANDOM_UNIFORM_INT_V2, v2(shape, dtype, alg), key, counter, minval, maxval);
    }

    public static Tensor statelessRandomUniformFullIntV2(Tensor key, Tensor counter, Shape shape, DType dtype,
                                                         int alg) {
        return Raw.one(STATELESS_RANDOM_UNIFORM_FULL_INT_V2, v2(shape, dtype, alg), key, counter);
    }
}
