package org.jflow.random;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.errors.ValueError;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code tf.random}: TF's Philox streams and seeding, so that after {@code tf.random.setSeed(s)}
 * the same calls give the same numbers as TensorFlow. As in Python, the distribution ops produce
 * the standard distribution and {@code minval}/{@code maxval}, {@code mean}/{@code stddev} are
 * applied afterwards in the output dtype ({@link ScaleShift}).
 */
public final class RandomNamespace {
    private static final Set<DType> UNIFORM_DTYPES =
            EnumSet.of(DType.FLOAT16, DType.BFLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64);

    /** Keyword arguments of {@code uniform} and {@code stateless_uniform}. */
    public static final class UniformOptions {
        Object minval = 0, maxval;
        DType dtype = DType.FLOAT32;
        Long seed;

        /** Python's {@code minval=None, maxval=None}: with an integer dtype, the stateless and Generator uniforms draw every value. */
        public UniformOptions fullRange() { minval = null; maxval = null; return this; }

        public UniformOptions minval(Object v) { minval = v; return this; }

        public UniformOptions maxval(Object v) { maxval = v; return this; }

        public UniformOptions dtype(DType d) { dtype = d; return this; }

        public UniformOptions seed(long s) { seed = s; return this; }
    }

    /** Keyword arguments of {@code normal}, {@code truncated_normal} and their stateless forms. */
    public static final class NormalOptions {
        Object mean = 0.0f, stddev = 1.0f;
        DType dtype = DType.FLOAT32;
        Long seed;

        public NormalOptions mean(Object v) { mean = v; return this; }

        public NormalOptions stddev(Object v) { stddev = v; return this; }

        public NormalOptions dtype(DType d) { dtype = d; return this; }

        public NormalOptions seed(long s) { seed = s; return this; }
    }

    /** {@code tf.random.Generator}: {@code tf.random.Generator.fromSeed(1)} as in Python. */
    public final Generators Generator = new Generators();

    /** The constructors of {@code tf.random.Generator}. */
    public static final class Generators {
        private Generators() {}

        public Generator fromSeed(long seed) { return org.jflow.random.Generator.fromSeed(seed); }

        public Generator fromState(long[] state) { return org.jflow.random.Generator.fromState(state); }

        public Generator fromNonDeterministicState() { return org.jflow.random.Generator.fromNonDeterministicState(); }
    }

    private static volatile Generator globalGenerator;

    /** {@code tf.random.get_global_generator()}: created from a nondeterministic state on first use. */
    public Generator getGlobalGenerator() {
        if (globalGenerator == null) {
            synchronized (RandomNamespace.class) {
                if (globalGenerator == null) globalGenerator = org.jflow.random.Generator.fromNonDeterministicState();
            }
        }
        return globalGenerator;
    }

    /** {@code tf.random.set_global_generator(generator)}. */
    public void setGlobalGenerator(Generator generator) { globalGenerator = generator; }

    /** {@code tf.random.create_rng_state(seed, "philox")}: int64 [3]. */
    public Tensor createRngState(long seed) {
        return Tensor.wrap(DType.INT64, Shape.of(3), org.jflow.random.Generator.createRngState(seed));
    }

    /** {@code tf.random.set_seed(seed)}. */
    public void setSeed(long seed) { RandomSeed.setSeed(seed); }

    /** {@code tf.random.set_seed(1.0)}: Python hashes an integral float to its integer value. */
    public void setSeed(double seed) {
        if (seed != Math.rint(seed) || Double.isInfinite(seed)) {
            throw new ValueError("JFlow accepts only integral float seeds, got " + seed);
        }
        RandomSeed.setSeed((long) seed);
    }

    /** {@code tf.random.set_seed(None)}. */
    public void clearSeed() { RandomSeed.clearSeed(); }

    // ---- uniform ----

    /** {@code tf.random.uniform(shape)}: float32 in [0, 1). */
    public Tensor uniform(Object shape) { return uniform(shape, o -> o); }

    /** {@code tf.random.uniform(shape, minval, maxval)}. */
    public Tensor uniform(Object shape, Object minval, Object maxval) { return uniform(shape, o -> o.minval(minval).maxval(maxval)); }

    /** {@code tf.random.uniform(shape, minval, maxval, dtype)}. */
    public Tensor uniform(Object shape, Object minval, Object maxval, DType dtype) {
        return uniform(shape, o -> o.minval(minval).maxval(maxval).dtype(dtype));
    }

    /** {@code tf.random.uniform(shape, minval=..., maxval=..., dtype=..., seed=...)}. */
    public Tensor uniform(Object shape, UnaryOperator<UniformOptions> options) {
        UniformOptions o = options.apply(new UniformOptions());
        return uniformWith(shape, o, null);
    }

    /** {@code tf.random.stateless_uniform(shape, seed)}. */
    public Tensor statelessUniform(Object shape, Object seed) { return statelessUniform(shape, seed, o -> o); }

    /** {@code tf.random.stateless_uniform(shape, seed, minval=..., maxval=..., dtype=...)}. */
    public Tensor statelessUniform(Object shape, Object seed, UnaryOperator<UniformOptions> options) {
        return uniformWith(shape, options.apply(new UniformOptions()), Convert.toTensor(seed));
    }

    private static Tensor uniformWith(Object shapeArg, UniformOptions o, Tensor statelessSeed) {
        DType dtype = o.dtype;
        if (!UNIFORM_DTYPES.contains(dtype)) {
            throw new ValueError("Invalid dtype tf." + dtype.tfName());
        }
        // A shape known only when the graph runs (tf.shape(x) of a traced x): TF's shape input, for float uniforms
        Tensor runtimeShape = shapeArg instanceof Tensor t && t.isSymbolic() && !t.hasValue() ? t : null;
        if (runtimeShape != null && (dtype.isInteger() || statelessSeed != null)) {
            throw new org.jflow.errors.UnimplementedError("JFlow draws integer and stateless uniforms of static shapes only");
        }
        // the op that draws, whose name TF's OOM error for a too large shape carries
        Op op = !dtype.isInteger()
                ? (statelessSeed == null ? RandomOps.RANDOM_UNIFORM : RandomOps.STATELESS_RANDOM_UNIFORM_V2)
                : statelessSeed == null ? RandomOps.RANDOM_UNIFORM_INT
                : o.minval == null && o.maxval == null ? RandomOps.STATELESS_RANDOM_UNIFORM_FULL_INT_V2
                : RandomOps.STATELESS_RANDOM_UNIFORM_INT_V2;
        Shape shape = runtimeShape != null ? null : toShape(shapeArg, dtype, op);
        if (dtype.isInteger() && o.minval == null && o.maxval == null && statelessSeed != null) {
            return stateless(RandomOps.STATELESS_RANDOM_UNIFORM_FULL_INT_V2, shape, dtype, statelessSeed);
        }
        if (o.minval == null) throw new ValueError("minval=None needs an integer dtype and a stateless or Generator uniform");
        if (dtype.isInteger()) {
            if (o.maxval == null) throw new ValueError("Must specify maxval for integer dtype tf." + dtype.tfName());
            Tensor lo = Convert.toTensor(o.minval, dtype), hi = Convert.toTensor(o.maxval, dtype);
            return statelessSeed == null
                    ? run(RandomOps.RANDOM_UNIFORM_INT, Attrs.of("shape", shape, "Tout", dtype), o.seed, lo, hi)
                    : stateless(RandomOps.STATELESS_RANDOM_UNIFORM_INT_V2, shape, dtype, statelessSeed, lo, hi);
        }
        Tensor lo = Convert.toTensor(o.minval, dtype), hi = Convert.toTensor(o.maxval == null ? 1 : o.maxval, dtype);
        Tensor unit = runtimeShape != null ? run(RandomOps.RANDOM_UNIFORM, Attrs.of("dtype", dtype), o.seed, runtimeShape)
                : statelessSeed == null
                ? run(RandomOps.RANDOM_UNIFORM, Attrs.of("shape", shape, "dtype", dtype), o.seed)
                : stateless(RandomOps.STATELESS_RANDOM_UNIFORM_V2, shape, dtype, statelessSeed);
        return ScaleShift.apply(unit, ScaleShift.sub(hi, lo), lo);
    }

    /**
     * A stateless draw as TF 2.21's {@code stateless_random_ops} runs it: {@code StatelessRandomGetKeyCounter} of the
     * seed, then the V2 op with that key and counter and the auto-selected algorithm (3, Philox on CPU); the
     * numbers are the V1 ops' own.
     */
    private static Tensor stateless(RandomOps.Fill v2, Shape shape, DType dtype, Tensor seed, Tensor... bounds) {
        Tensor[] keyCounter = Dispatcher.execute(RandomOps.STATELESS_RANDOM_GET_KEY_COUNTER, Attrs.EMPTY, seed);
        Tensor[] in = new Tensor[2 + bounds.length];
        in[0] = keyCounter[0];
        in[1] = keyCounter[1];
        System.arraycopy(bounds, 0, in, 2, bounds.length);
        return Dispatcher.execute1(v2, Attrs.of("shape", shape, "dtype", dtype, "alg", RandomOps.AUTO_SELECT), in);
    }

    // ---- normal and truncated normal ----

    /** {@code tf.random.normal(shape)}: standard normal float32. */
    public Tensor normal(Object shape) { return normal(shape, o -> o); }

    /** {@code tf.random.normal(shape, mean, stddev)}. */
    public Tensor normal(Object shape, Object mean, Object stddev) { return normal(shape, o -> o.mean(mean).stddev(stddev)); }

    /** {@code tf.random.normal(shape, mean, stddev, dtype)}. */
    public Tensor normal(Object shape, Object mean, Object stddev, DType dtype) {
        return normal(shape, o -> o.mean(mean).stddev(stddev).dtype(dtype));
    }

    /** {@code tf.random.normal(shape, mean=..., stddev=..., dtype=..., seed=...)}. */
    public Tensor normal(Object shape, UnaryOperator<NormalOptions> options) {
        return normalWith(RandomOps.RANDOM_STANDARD_NORMAL, shape, options.apply(new NormalOptions()), null);
    }

    /** {@code tf.random.truncated_normal(shape)}: standard normal re-drawn outside two standard deviations. */
    public Tensor truncatedNormal(Object shape) { return truncatedNormal(shape, o -> o); }

    /** {@code tf.random.truncated_normal(shape, mean, stddev)}. */
    public Tensor truncatedNormal(Object shape, Object mean, Object stddev) {
        return truncatedNormal(shape, o -> o.mean(mean).stddev(stddev));
    }

    /** {@code tf.random.truncated_normal(shape, mean, stddev, dtype)}. */
    public Tensor truncatedNormal(Object shape, Object mean, Object stddev, DType dtype) {
        return truncatedNormal(shape, o -> o.mean(mean).stddev(stddev).dtype(dtype));
    }

    /** {@code tf.random.truncated_normal(shape, mean=..., stddev=..., dtype=..., seed=...)}. */
    public Tensor truncatedNormal(Object shape, UnaryOperator<NormalOptions> options) {
        return normalWith(RandomOps.TRUNCATED_NORMAL, shape, options.apply(new NormalOptions()), null);
    }

    /** {@code tf.random.stateless_normal(shape, seed)}. */
    public Tensor statelessNormal(Object shape, Object seed) { return statelessNormal(shape, seed, o -> o); }

    /** {@code tf.random.stateless_normal(shape, seed, mean=..., stddev=..., dtype=...)}. */
    public Tensor statelessNormal(Object shape, Object seed, UnaryOperator<NormalOptions> options) {
        return normalWith(RandomOps.STATELESS_RANDOM_NORMAL_V2, shape, options.apply(new NormalOptions()), Convert.toTensor(seed));
    }

    /** {@code tf.random.stateless_truncated_normal(shape, seed)}. */
    public Tensor statelessTruncatedNormal(Object shape, Object seed) { return statelessTruncatedNormal(shape, seed, o -> o); }

    /** {@code tf.random.stateless_truncated_normal(shape, seed, mean=..., stddev=..., dtype=...)}. */
    public Tensor statelessTruncatedNormal(Object shape, Object seed, UnaryOperator<NormalOptions> options) {
        return normalWith(RandomOps.STATELESS_TRUNCATED_NORMAL_V2, shape, options.apply(new NormalOptions()), Convert.toTensor(seed));
    }

    private static Tensor normalWith(RandomOps.Fill op, Object shapeArg, NormalOptions o, Tensor statelessSeed) {
        Shape shape = toShape(shapeArg, o.dtype, op);
        Attrs attrs = Attrs.of("shape", shape, "dtype", o.dtype);
        Tensor mean = Convert.toTensor(o.mean, o.dtype), stddev = Convert.toTensor(o.stddev, o.dtype);
        Tensor standard = statelessSeed == null ? run(op, attrs, o.seed) : stateless(op, shape, o.dtype, statelessSeed);
        return ScaleShift.apply(standard, stddev, mean);
    }

    // ---- gamma ----

    /** {@code tf.random.gamma(shape, alpha)}: float32 samples of shape {@code shape + alpha.shape}. */
    public Tensor gamma(Object shape, Object alpha) { return gamma(shape, alpha, 1.0f, DType.FLOAT32, null); }

    /** {@code tf.random.gamma(shape, alpha, beta)} with a scalar rate {@code beta}. */
    public Tensor gamma(Object shape, Object alpha, Object beta) { return gamma(shape, alpha, beta, DType.FLOAT32, null); }

    /**
     * {@code tf.random.gamma(shape, alpha, beta, dtype, seed)}; {@code seed} may be null. As in TF the
     * samples are divided by {@code beta} and kept at least the dtype's smallest normal number.
     * JFlow takes a scalar {@code beta} only.
     */
    public Tensor gamma(Object shape, Object alpha, Object beta, DType dtype, Long seed) {
        Tensor b = Convert.toTensor(beta, dtype);
        if (b.rank() != 0) throw new org.jflow.errors.UnimplementedError("JFlow's tf.random.gamma takes a scalar beta, got shape " + b.shape());
        Shape sampleShape = toShape(shape, dtype, RandomOps.RANDOM_GAMMA);
        Tensor samples = run(RandomOps.RANDOM_GAMMA, Attrs.of("shape", sampleShape), seed,
                Convert.toTensor(alpha, dtype));
        double tiny = dtype == DType.FLOAT64 ? Double.MIN_NORMAL : dtype == DType.FLOAT16 ? 6.103515625e-05 : Float.MIN_NORMAL;
        // with ops, as TF, so that tapes see the samples' dependence on alpha and beta
        return org.jflow.TF.tf.maximum(Convert.toTensor(tiny, dtype), org.jflow.TF.tf.divide(samples, b));
    }

    /** {@code tf.random.poisson(shape, lam)}: float32 counts of shape {@code shape + lam.shape}. */
    public Tensor poisson(Object shape, Object lam) { return poisson(shape, lam, DType.FLOAT32, null); }

    /** {@code tf.random.poisson(shape, lam, dtype, seed)}; {@code dtype} may be an integer type, {@code seed} null. */
    public Tensor poisson(Object shape, Object lam, DType dtype, Long seed) {
        Tensor rates = Convert.toTensor(lam);
        if (!rates.dtype().isFloating()) rates = Convert.toTensor(lam, DType.FLOAT32);
        Shape sampleShape = toShape(shape, dtype, RandomOps.RANDOM_POISSON_V2);
        return run(RandomOps.RANDOM_POISSON_V2, Attrs.of("shape", sampleShape, "dtype", dtype), seed, rates);
    }

    // ---- shuffle and categorical ----

    /** {@code tf.random.shuffle(value)}: the rows (dim 0) in random order. */
    public Tensor shuffle(Object value) { return run(RandomOps.RANDOM_SHUFFLE, Attrs.EMPTY, null, Convert.toTensor(value)); }

    /** {@code tf.random.shuffle(value, seed)}. */
    public Tensor shuffle(Object value, long seed) { return run(RandomOps.RANDOM_SHUFFLE, Attrs.EMPTY, seed, Convert.toTensor(value)); }

    /** {@code tf.random.categorical(logits, num_samples)}: int64 class indices, shape [batch, num_samples]. */
    public Tensor categorical(Object logits, int numSamples) { return categorical(logits, numSamples, DType.INT64, null); }

    /** {@code tf.random.categorical(logits, num_samples, dtype, seed)}; {@code seed} may be null. */
    public Tensor categorical(Object logits, int numSamples, DType dtype, Long seed) {
        return run(RandomOps.MULTINOMIAL, Attrs.of("num_samples", numSamples, "output_dtype", dtype), seed, Convert.toTensor(logits));
    }

    /** {@code tf.random.stateless_categorical(logits, num_samples, seed)}: int64 class indices. */
    public Tensor statelessCategorical(Object logits, int numSamples, Object seed) {
        return statelessCategorical(logits, numSamples, seed, DType.INT64);
    }

    /** {@code tf.random.stateless_categorical(logits, num_samples, seed, dtype)}. */
    public Tensor statelessCategorical(Object logits, int numSamples, Object seed, DType dtype) {
        return Dispatcher.execute1(RandomOps.STATELESS_MULTINOMIAL, Attrs.of("num_samples", numSamples, "output_dtype", dtype),
                Convert.toTensor(logits), Convert.toTensor(seed));
    }

    /** {@code tf.random.split(seed, num)} ({@code experimental.stateless_split}): {@code num} new seeds, shape [num, 2]. */
    public Tensor split(Object seed, int num) {
        Tensor s = Convert.toTensor(seed);
        return statelessUniform(Shape.of(num, 2), s, o -> o.fullRange().dtype(s.dtype()));
    }

    /** {@code tf.random.fold_in(seed, data)}: a new seed [2], of {@code data}'s dtype (an {@code int} gives int32). */
    public Tensor foldIn(Object seed, Object data) {
        Tensor d = Convert.toTensor(data);
        if (!d.dtype().isInteger() || d.rank() != 0) throw new ValueError("fold_in data must be an integer scalar, got " + d.dtype().tfName());
        long first = statelessUniform(Shape.scalar(), Convert.toTensor(seed), o -> o.fullRange().dtype(d.dtype())).longValue();
        Object pair = org.jflow.engine.Buffers.convert(new long[] {first, d.longValue()}, DType.INT64, d.dtype());
        return Tensor.wrap(d.dtype(), Shape.of(2), pair);
    }

    /** Runs a stateful op with the {@code seed}/{@code seed2} attributes {@code get_seed} gives. */
    private static Tensor run(Op op, Attrs attrs, Long opSeed, Tensor... inputs) {
        long[] seeds = RandomSeed.getSeed(opSeed);
        return Dispatcher.execute1(op, attrs.with("seed", seeds[0]).with("seed2", seeds[1]), inputs);
    }

    /**
     * A shape argument as TF takes it: a list or array of dims, a {@link Shape}, or a 1-D int tensor, for
     * a {@code dtype} sample of op {@code op}. Read in int64 as TF reads it: a dim past int32 is TF's OOM
     * error naming the op (or JFlow's limit for an empty sample), never a dim wrapped around to another size.
     */
    static Shape toShape(Object shape, DType dtype, org.jflow.engine.Op op) {
        if (shape instanceof Shape s) return s;
        if (shape instanceof int[] dims) return Shape.ofOwned(dims.clone());
        Tensor t = shape instanceof TensorLike like ? like.value() : Convert.toTensor(shape);
        if (t.size() == 0 && t.rank() == 1) return Shape.scalar();
        if (!t.dtype().isInteger() || t.rank() != 1) {
            throw new ValueError("Shape must be a 1-D list of ints, got " + t.dtype().tfName() + " of shape " + t.shape());
        }
        return Shape.ofOwned(org.jflow.engine.Allocation.intDims(t.toLongArray(), dtype, op.name()));
    }
}
