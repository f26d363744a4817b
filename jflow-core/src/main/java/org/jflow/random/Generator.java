package org.jflow.random;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Convert;
import org.jflow.engine.Dispatcher;
import org.jflow.errors.ValueError;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code tf.random.Generator} with the Philox algorithm: a state of three int64 words (the 128-bit
 * counter, low word first, then the key). Each draw reads the state, advances the counter by 256
 * blocks per element ({@code RngReadAndSkip}) and runs the pure {@code Stateless*V2} op on the
 * key and counter it read, as TF's Python {@code Generator} does; so the numbers match TF's.
 */
public final class Generator {
    private static final SecureRandom ENTROPY = new SecureRandom();
    private final long[] state = new long[3];

    private Generator(long[] state) { reset(state); }

    /** {@code tf.random.Generator.from_seed(seed)}: state {@code [seed, 0, 0]} (a negative seed's sign fills the upper words, as in Python). */
    public static Generator fromSeed(long seed) { return new Generator(createRngState(seed)); }

    /** {@code tf.random.Generator.from_state(state, alg="philox")}. */
    public static Generator fromState(long[] state) {
        if (state.length != 3) throw new ValueError("The size of the state (" + state.length + ") is not equal to 3, the state size of philox");
        return new Generator(state);
    }

    /** {@code tf.random.Generator.from_non_deterministic_state()}. */
    public static Generator fromNonDeterministicState() {
        return new Generator(new long[] {ENTROPY.nextLong(), ENTROPY.nextLong(), ENTROPY.nextLong()});
    }

    /** {@code tf.random.create_rng_state(seed, "philox")}: the seed's 64-bit words, low first, padded to three. */
    static long[] createRngState(long seed) {
        long high = seed < 0 ? -1 : 0;
        return new long[] {seed, high, high};
    }

    /** {@code g.state}: the int64 [3] state. */
    public synchronized Tensor state() { return Tensor.wrap(DType.INT64, Shape.of(3), state.clone()); }

    /** {@code g.reset(state)}. */
    public synchronized void reset(long[] newState) { System.arraycopy(newState, 0, state, 0, 3); }

    /** {@code g.reset_from_seed(seed)}. */
    public void resetFromSeed(long seed) { reset(createRngState(seed)); }

    /** {@code g.skip(delta)}: the state before, then the counter moved as {@code delta} draws would move it. */
    public synchronized long[] skip(long delta) {
        long[] before = state.clone();
        long add = delta * 256, low = state[0] + add;
        if (Long.compareUnsigned(low, state[0]) < 0) state[1]++;
        state[0] = low;
        return before;
    }

    /** The key [1] and counter [2] inputs of a V2 op for {@code n} draws, advancing the state. */
    private Tensor[] keyCounter(Shape shape) {
        long[] s = skip(shape.size());
        return new Tensor[] {Tensor.wrap(DType.INT64, Shape.of(1), new long[] {s[2]}),
                Tensor.wrap(DType.INT64, Shape.of(2), new long[] {s[0], s[1]})};
    }

    private Tensor draw(RandomOps.Fill op, Shape shape, DType dtype, Tensor... bounds) {
        Tensor[] kc = keyCounter(shape);
        Tensor[] in = new Tensor[2 + bounds.length];
        in[0] = kc[0];
        in[1] = kc[1];
        System.arraycopy(bounds, 0, in, 2, bounds.length);
        return Dispatcher.execute1(op, Attrs.of("shape", shape, "dtype", dtype), in); // alg: the declared Philox
    }

    // ---- distributions ----

    /** {@code g.normal(shape)}. */
    public Tensor normal(Object shape) { return normal(shape, o -> o); }

    /** {@code g.normal(shape, mean, stddev)}. */
    public Tensor normal(Object shape, Object mean, Object stddev) { return normal(shape, o -> o.mean(mean).stddev(stddev)); }

    /** {@code g.normal(shape, mean=..., stddev=..., dtype=...)}. */
    public Tensor normal(Object shape, UnaryOperator<RandomNamespace.NormalOptions> options) {
        return scaled(RandomOps.STATELESS_RANDOM_NORMAL_V2, shape, options.apply(new RandomNamespace.NormalOptions()));
    }

    /** {@code g.truncated_normal(shape)}. */
    public Tensor truncatedNormal(Object shape) { return truncatedNormal(shape, o -> o); }

    /** {@code g.truncated_normal(shape, mean=..., stddev=..., dtype=...)}. */
    public Tensor truncatedNormal(Object shape, UnaryOperator<RandomNamespace.NormalOptions> options) {
        return scaled(RandomOps.STATELESS_TRUNCATED_NORMAL_V2, shape, options.apply(new RandomNamespace.NormalOptions()));
    }

    private Tensor scaled(RandomOps.Fill op, Object shapeArg, RandomNamespace.NormalOptions o) {
        Shape shape = RandomNamespace.toShape(shapeArg, o.dtype, op);
        Tensor mean = Convert.toTensor(o.mean, o.dtype), stddev = Convert.toTensor(o.stddev, o.dtype);
        return ScaleShift.apply(draw(op, shape, o.dtype), stddev, mean);
    }

    /** {@code g.uniform(shape)}: float32 in [0, 1). */
    public Tensor uniform(Object shape) { return uniform(shape, o -> o); }

    /** {@code g.uniform(shape, minval, maxval)}. */
    public Tensor uniform(Object shape, Object minval, Object maxval) { return uniform(shape, o -> o.minval(minval).maxval(maxval)); }

    /** {@code g.uniform(shape, minval, maxval, dtype)}. */
    public Tensor uniform(Object shape, Object minval, Object maxval, DType dtype) {
        return uniform(shape, o -> o.minval(minval).maxval(maxval).dtype(dtype));
    }

    /** {@code g.uniform(shape, minval=..., maxval=..., dtype=...)}; an integer dtype with neither bound draws every value. */
    public Tensor uniform(Object shapeArg, UnaryOperator<RandomNamespace.UniformOptions> options) {
        RandomNamespace.UniformOptions o = options.apply(new RandomNamespace.UniformOptions());
        RandomOps.Fill op = !o.dtype.isInteger() ? RandomOps.STATELESS_RANDOM_UNIFORM_V2
                : o.minval == null ? RandomOps.STATELESS_RANDOM_UNIFORM_FULL_INT_V2
                : RandomOps.STATELESS_RANDOM_UNIFORM_INT_V2;
        Shape shape = RandomNamespace.toShape(shapeArg, o.dtype, op);
        if (o.dtype.isInteger()) {
            if ((o.minval == null) != (o.maxval == null)) {
                throw new ValueError("For integer dtype " + o.dtype + ", minval and maxval must be both `None` or both non-`None`; got minval="
                        + o.minval + " and maxval=" + o.maxval + ".");
            }
            if (o.minval == null) return uniformFullInt(shape, o.dtype);
            return draw(RandomOps.STATELESS_RANDOM_UNIFORM_INT_V2, shape, o.dtype,
                    Convert.toTensor(o.minval, o.dtype), Convert.toTensor(o.maxval, o.dtype));
        }
        Tensor lo = Convert.toTensor(o.minval == null ? 0 : o.minval, o.dtype);
        Tensor hi = Convert.toTensor(o.maxval == null ? 1 : o.maxval, o.dtype);
        return ScaleShift.apply(draw(RandomOps.STATELESS_RANDOM_UNIFORM_V2, shape, o.dtype), ScaleShift.sub(hi, lo), lo);
    }

    /** {@code g.uniform_full_int(shape, dtype)}: every bit pattern of int32 or int64 equally likely. */
    public Tensor uniformFullInt(Object shape, DType dtype) {
        RandomOps.Fill op = RandomOps.STATELESS_RANDOM_UNIFORM_FULL_INT_V2;
        return draw(op, RandomNamespace.toShape(shape, dtype, op), dtype);
    }

    /**
     * {@code g.make_seeds(count)}: int64 [2, count] seeds for the stateless functions, column i being
     * seed i. As in TF the second row is zero: stateless ops scramble both words together anyway.
     */
    public Tensor makeSeeds(int count) {
        long[] keys = uniformFullInt(Shape.of(count), DType.INT64).toLongArray();
        return Tensor.wrap(DType.INT64, Shape.of(2, count), java.util.Arrays.copyOf(keys, 2 * count));
    }

    /** {@code g.split(count)}: new generators keyed by fresh 64-bit draws, counters at zero. */
    public List<Generator> split(int count) {
        long[] keys = uniformFullInt(Shape.of(count), DType.INT64).toLongArray();
        List<Generator> out = new ArrayList<>(count);
        for (long key : keys) out.add(new Generator(new long[] {0, 0, key}));
        return out;
    }
}
