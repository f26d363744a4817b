package org.jflow.random;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.autodiff.Grads;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

/**
 * TF's random ops. The stateful ones ({@code RandomUniform}, {@code RandomShuffle}, ...) read and
 * advance their kernel's generator in {@link RandomSeed}: they are the only ops with state, say so
 * through {@link #stateful()}, and must never be constant-folded or deduplicated. The stateless
 * ones derive everything from their inputs (a {@code seed} pair, or the V2 ops' {@code key} and
 * {@code counter}) and are pure. Composites that draw random numbers (dropout) call the random ops
 * as TF does; ops elsewhere that take TF's {@code seed}/{@code seed2} (dataset shuffle) should get
 * them from {@link RandomSeed#getSeed} so that op seeds stay in TF's order.
 */
public final class RandomOps {
    private RandomOps() {}

    /** How a distribution fills {@code n} elements from a generator. */
    @FunctionalInterface
    interface Sampler { Object fill(Philox gen, DType dtype, int n, Tensor[] inputs, String op); }

    private static final Sampler UNIFORM = (gen, dtype, n, in, op) -> Distributions.uniform(gen, dtype, n);
    private static final Sampler NORMAL = (gen, dtype, n, in, op) -> Distributions.normal(gen, dtype, n);
    private static final Sampler TRUNCATED = (gen, dtype, n, in, op) -> Distributions.truncatedNormal(gen, dtype, n);
    /** {@code inputs} end with the scalar bounds minval, maxval. */
    private static final Sampler UNIFORM_INT = (gen, dtype, n, in, op) -> {
        long lo = in[in.length - 2].getLong(0), hi = in[in.length - 1].getLong(0);
        if (lo >= hi) throw new InvalidArgumentError("Need minval < maxval, got " + lo + " >= " + hi).withOp(op);
        return Distributions.uniformInt(gen, dtype, n, lo, hi);
    };

    private static final DType[] FLOATS = {DType.FLOAT16, DType.BFLOAT16, DType.FLOAT32, DType.FLOAT64};
    private static final DType[] INTS = {DType.INT32, DType.INT64};

    /** A random op: stateful ones may never be folded, cached or merged by a graph optimizer. */
    public abstract static class RandomOp extends Op {
        RandomOp(String name, Signature signature) { super(name, signature); }

        /**
         * A random op's signature: the inputs carrying its seed ({@code source}), then {@code inputs}; the
         * attributes {@code seed} and {@code seed2} where the kernel seeds itself, then {@code attrs}.
         */
        static Signature signature(Source source, String inputs, String... attrs) {
            String seeds = switch (source) {
                case KERNEL -> "";
                case SEED -> "seed, ";
                case KEY_COUNTER -> "key, counter, ";
            };
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(attrs));
            if (source == Source.KERNEL) all.addAll(java.util.List.of("seed: int = 0", "seed2: int = 0"));
            if (source == Source.KEY_COUNTER) all.add("alg: int = " + PHILOX);
            return Signature.of(seeds + inputs, all.toArray(new String[0]));
        }

        public abstract boolean stateful();
    }

    /** Where a fill op's generator comes from. */
    enum Source {
        /** The kernel's own generator in {@link RandomSeed}, from attributes {@code seed}, {@code seed2}. */
        KERNEL(0),
        /** A {@code seed} input of shape [2], scrambled by {@link #statelessGenerator}. */
        SEED(1),
        /** {@code key} [1] and {@code counter} [2] inputs (TF's uint64, here int64) used as they are: the V2 ops. */
        KEY_COUNTER(2);

        /** Leading inputs that carry the seed. */
        final int inputs;

        Source(int inputs) { this.inputs = inputs; }
    }

    /** An op that fills a tensor of attribute {@code shape} and {@code dtype} from a distribution. */
    public static final class Fill extends RandomOp {
        private final Sampler sampler;
        private final Source source;
        private final DType[] allowed;
        private final String dtypeAttr;

        Fill(String name, Sampler sampler, Source source, DType[] allowed, String dtypeAttr) {
            // the shape is an attribute, or an input where it is known only when the graph runs
            super(name, signature(source, (name.contains("UniformInt") ? "minval, maxval, " : "") + "shape? -> output",
                    "shape: shape = None", dtypeAttr + ": type"));
            this.sampler = sampler;
            this.source = source;
            this.allowed = allowed;
            this.dtypeAttr = dtypeAttr;
            notDifferentiable(); // TF's random_ops.py and stateless_random_ops.py: NotDifferentiable (no float input)
        }

        @Override
        public boolean stateful() { return source == Source.KERNEL; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            DType dtype = attrs.getDType(dtypeAttr);
            checkAllowed(dtype, allowed, dtypeAttr, name());
            if (source == Source.SEED) checkSeedInput(in[0], name());
            if (source == Source.KEY_COUNTER) checkKeyCounter(in[0], in[1], attrs, name());
            // Without a shape attribute the shape is the last input, a shape tensor (a dropout mask on an unknown batch).
            boolean shapeInput = attrs.get("shape") == null;
            if (shapeInput && in.length == signature().minInputs()) { // TF's shape input, an attribute in JFlow
                throw new InvalidArgumentError(name() + " has no shape: neither attribute 'shape' nor a shape input");
            }
            for (int i = source.inputs; i < in.length - (shapeInput ? 1 : 0); i++) {
                if (in[i].rank() != 0) {
                    throw new InvalidArgumentError((i == in.length - 2 ? "minval" : "maxval") + " must be 0-D, got shape "
                            + in[i].shape().toErrorString());
                }
                if (in[i].dtype() != dtype) {
                    throw new InvalidArgumentError("cannot compute " + name() + " as input #" + i + "(zero-based) was expected to be a "
                            + dtype.kernelName() + " tensor but is a " + in[i].dtype().kernelName() + " tensor");
                }
            }
            Shape shape = shapeInput ? org.jflow.array.ShapeTensors.shape(in[in.length - 1]) : attrs.getShape("shape");
            for (int d : shape.hasRank() ? shape.dimsView() : new int[0]) {
                if (d < 0 && !(shapeInput && d == Shape.UNKNOWN)) throw new InvalidArgumentError("Dimension " + d + " must be >= 0");
            }
            return new TensorSpec[] {new TensorSpec(dtype, shape)};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            int n = out[0].shape().size();
            Philox gen = switch (source) {
                // TF reserves 256 blocks per output element, so later runs of the kernel never overlap.
                case KERNEL -> RandomSeed.reserve(name(), attrs, null, n * 256L);
                case SEED -> {
                    checkSeedInput(in[0], name());
                    yield statelessGenerator(in[0]);
                }
                case KEY_COUNTER -> {
                    checkKeyCounter(in[0], in[1], attrs, name());
                    yield keyCounterGenerator(in[0], in[1]);
                }
            };
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), sampler.fill(gen, out[0].dtype(), n, in, name()))};
        }
    }

    public static final Fill RANDOM_UNIFORM = new Fill("RandomUniform", UNIFORM, Source.KERNEL, FLOATS, "dtype");
    public static final Fill RANDOM_STANDARD_NORMAL = new Fill("RandomStandardNormal", NORMAL, Source.KERNEL, FLOATS, "dtype");
    public static final Fill TRUNCATED_NORMAL = new Fill("TruncatedNormal", TRUNCATED, Source.KERNEL, FLOATS, "dtype");
    public static final Fill RANDOM_UNIFORM_INT = new Fill("RandomUniformInt", UNIFORM_INT, Source.KERNEL, INTS, "Tout");
    public static final Fill STATELESS_RANDOM_UNIFORM = new Fill("StatelessRandomUniform", UNIFORM, Source.SEED, FLOATS, "dtype");
    public static final Fill STATELESS_RANDOM_NORMAL = new Fill("StatelessRandomNormal", NORMAL, Source.SEED, FLOATS, "dtype");
    public static final Fill STATELESS_TRUNCATED_NORMAL = new Fill("StatelessTruncatedNormal", TRUNCATED, Source.SEED, FLOATS, "dtype");
    public static final Fill STATELESS_RANDOM_UNIFORM_INT = new Fill("StatelessRandomUniformInt", UNIFORM_INT, Source.SEED, INTS, "dtype");
    public static final Fill STATELESS_RANDOM_UNIFORM_FULL_INT = new Fill("StatelessRandomUniformFullInt",
            (gen, dtype, n, in, op) -> Distributions.uniformFullInt(gen, dtype, n), Source.SEED, INTS, "dtype");
    public static final Fill STATELESS_RANDOM_UNIFORM_V2 = new Fill("StatelessRandomUniformV2", UNIFORM, Source.KEY_COUNTER, FLOATS, "dtype");
    public static final Fill STATELESS_RANDOM_NORMAL_V2 = new Fill("StatelessRandomNormalV2", NORMAL, Source.KEY_COUNTER, FLOATS, "dtype");
    public static final Fill STATELESS_TRUNCATED_NORMAL_V2 = new Fill("StatelessTruncatedNormalV2", TRUNCATED, Source.KEY_COUNTER, FLOATS, "dtype");
    public static final Fill STATELESS_RANDOM_UNIFORM_INT_V2 = new Fill("StatelessRandomUniformIntV2", UNIFORM_INT, Source.KEY_COUNTER, INTS, "dtype");
    public static final Fill STATELESS_RANDOM_UNIFORM_FULL_INT_V2 = new Fill("StatelessRandomUniformFullIntV2",
            (gen, dtype, n, in, op) -> Distributions.uniformFullInt(gen, dtype, n), Source.KEY_COUNTER, INTS, "dtype");

    /**
     * {@code StatelessRandomGetKeyCounter(seed) -> key, counter}: what TF 2.21's {@code tf.random.stateless_*} run
     * first ({@code _get_key_counter_alg} with the auto-selected algorithm, Philox on CPU), the seed pair scrambled
     * into the V2 ops' key [1] and counter [2]. TF's are uint64, here int64 of the same bits.
     */
    public static final Op STATELESS_RANDOM_GET_KEY_COUNTER = new Op("StatelessRandomGetKeyCounter",
            Signature.of("seed -> key, counter")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            checkSeedInput(in[0], name());
            return new TensorSpec[] {new TensorSpec(DType.INT64, Shape.of(1)), new TensorSpec(DType.INT64, Shape.of(2))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            checkSeedInput(in[0], name());
            long[] kc = keyCounter(in[0]);
            return new Tensor[] {Tensor.wrap(DType.INT64, Shape.of(1), new long[] {kc[0]}),
                    Tensor.wrap(DType.INT64, Shape.of(2), new long[] {kc[1], kc[2]})};
        }
    }.notDifferentiable();

    /** {@code RandomShuffle}: permutes the rows (dim 0) with TF's Fisher-Yates over Philox words. */
    public static final RandomOp RANDOM_SHUFFLE = new RandomOp("RandomShuffle",
            RandomOp.signature(Source.KERNEL, "value -> output")) {
        @Override
        public boolean stateful() { return true; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) { return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())}; }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Tensor x = in[0];
            if (x.size() <= 1 || x.shape().get(0) <= 1) return new Tensor[] {x};
            int rows = x.shape().get(0), rowSize = x.size() / rows;
            Philox.SingleSamples words = new Philox.SingleSamples(
                    RandomSeed.reserve(name(), attrs, x.dtype(), (rows - 1 + 3) / 4));
            int[] perm = new int[rows];
            for (int i = 0; i < rows; i++) perm[i] = i;
            for (int i = 0; i < rows - 1; i++) {
                int j = i + Integer.remainderUnsigned(words.next(), rows - i);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            Object src = x.data(), dst = org.jflow.engine.Buffers.allocate(x.dtype(), x.size());
            for (int i = 0; i < rows; i++) System.arraycopy(src, perm[i] * rowSize, dst, i * rowSize, rowSize);
            return new Tensor[] {Tensor.wrap(x.dtype(), x.shape(), dst)};
        }
    }; // no gradient, as in TF (whose tapes raise LookupError for it): TF registers none for RandomShuffle

    /**
     * {@code Multinomial} / {@code StatelessMultinomial}: {@code num_samples} class indices per row
     * of logits, by inverse CDF over Philox doubles. TF's CPU kernel shards rows across threads and
     * skips each shard's generator by its first row; JFlow runs one shard, which is what TF does
     * for batches too small to split.
     */
    public static final class Multinomial extends RandomOp {
        private final Source source;

        Multinomial(String name, Source source) {
            // TF's StatelessMultinomial takes its seed after the logits
            super(name, source == Source.SEED
                    ? Signature.of("logits, seed -> output", "num_samples: int", "output_dtype: {int32, int64} = int64")
                    : signature(source, "logits -> output", "num_samples: int",
                            "output_dtype: {int32, int64} = int64"));
            this.source = source;
            notDifferentiable(); // TF's random_ops.py: ops.NotDifferentiable("Multinomial") (integer class draws)
        }

        @Override
        public boolean stateful() { return source == Source.KERNEL; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            Tensor logits = in[0];
            checkAllowed(logits.dtype(), FLOATS, "T", name());
            if (source == Source.SEED) checkSeedInput(in[1], name());
            if (logits.rank() != 2) {
                throw new InvalidArgumentError("logits should be a matrix, got shape " + logits.shape().toErrorString());
            }
            int samples = attrs.getInt("num_samples");
            if (samples < 0) throw new InvalidArgumentError("num_samples should be non-negative, got " + samples);
            if (logits.shape().get(1) <= 0 && logits.shape().get(1) != Shape.UNKNOWN) {
                throw new InvalidArgumentError("num_classes should be positive, got " + logits.shape().get(1));
            }
            DType outType = attrs.getDType("output_dtype");
            checkAllowed(outType, INTS, "output_dtype", name());
            return new TensorSpec[] {new TensorSpec(outType, Shape.of(logits.shape().get(0), samples))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Tensor logits = in[0];
            int batch = logits.shape().get(0), classes = logits.shape().get(1), samples = attrs.getInt("num_samples");
            long wordsPerRow = (samples + 3L) / 4 * 4 * 2; // two words per double
            Philox gen = source == Source.KERNEL
                    ? RandomSeed.reserve(name(), attrs, logits.dtype(), batch * wordsPerRow * 256)
                    : statelessGenerator(in[1]);
            Philox.SingleSamples words = new Philox.SingleSamples(gen);
            long[] result = new long[batch * samples];
            double[] cdf = new double[classes];
            for (int b = 0; b < batch; b++) {
                double max = -Double.MAX_VALUE;
                for (int j = 0; j < classes; j++) {
                    double v = logits.getDouble(b * classes + j);
                    if (Double.isFinite(v)) max = Math.max(max, v);
                }
                double total = 0;
                for (int j = 0; j < classes; j++) {
                    double v = logits.getDouble(b * classes + j);
                    if (Double.isFinite(v)) total += Math.exp(v - max);
                    cdf[j] = total;
                }
                for (int s = 0; s < samples; s++) {
                    double toFind = Distributions.toDouble(words.next(), words.next()) * total;
                    result[b * samples + s] = upperBound(cdf, toFind);
                }
            }
            Object data = out[0].dtype() == DType.INT64 ? result
                    : org.jflow.engine.Buffers.convert(result, DType.INT64, DType.INT32);
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), data)};
        }
    }

    public static final Multinomial MULTINOMIAL = new Multinomial("Multinomial", Source.KERNEL);
    public static final Multinomial STATELESS_MULTINOMIAL = new Multinomial("StatelessMultinomial", Source.SEED);

    /** How one sample of a per-parameter distribution (gamma's alpha, Poisson's rate) is drawn from its own generator. */
    @FunctionalInterface
    interface ParameterSampler { double sample(Philox gen, double parameter); }

    /**
     * An op drawing, for each element of its parameter tensor, {@code shape} samples; each output gets
     * its own generator skipped by 256 blocks per output index, as in TF, so any sharding gives the
     * same numbers. Output shape: {@code shape} + the parameter's shape.
     */
    public static final class PerParameter extends RandomOp {
        private final ParameterSampler sampler;
        private final DType[] outputs;

        PerParameter(String name, ParameterSampler sampler, DType[] outputs) {
            super(name, name.equals("RandomPoissonV2")
                    ? signature(Source.KERNEL, "rate -> output", "shape: shape", "dtype: type = int64")
                    : signature(Source.KERNEL, "alpha -> output", "shape: shape"));
            this.sampler = sampler;
            this.outputs = outputs;
        }

        @Override
        public boolean stateful() { return true; }

        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            checkAllowed(in[0].dtype(), new DType[] {DType.FLOAT16, DType.FLOAT32, DType.FLOAT64}, "T", name());
            DType out = attrs.has("dtype") ? attrs.getDType("dtype") : in[0].dtype();
            checkAllowed(out, outputs, "dtype", name());
            int[] s = attrs.getShape("shape").dimsView(), a = in[0].shape().dimsView();
            int[] dims = java.util.Arrays.copyOf(s, s.length + a.length);
            System.arraycopy(a, 0, dims, s.length, a.length);
            return new TensorSpec[] {new TensorSpec(out, Shape.ofOwned(dims))};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            Tensor params = in[0];
            int numParams = params.size(), total = out[0].shape().size();
            int perParam = numParams == 0 ? 0 : total / numParams;
            Philox base = RandomSeed.reserve(name(), attrs, params.dtype(), (long) total * 256);
            double[] samples = new double[total];
            org.jflow.engine.Parallel.forRange(total, 512, (from, to) -> {
                for (int k = from; k < to; k++) {
                    Philox gen = base.copy();
                    gen.skip(256L * k);
                    samples[(k % perParam) * numParams + k / perParam] = sampler.sample(gen, params.getDouble(k / perParam));
                }
            });
            Object data = org.jflow.engine.Buffers.convert(samples, DType.FLOAT64, out[0].dtype());
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), data)};
        }
    }

    /** {@code RandomGamma}: Marsaglia-Tsang per alpha (alpha < 1 boosted and scaled by u^(1/alpha)). */
    public static final PerParameter RANDOM_GAMMA = new PerParameter("RandomGamma", Distributions::gamma,
            new DType[] {DType.FLOAT16, DType.FLOAT32, DType.FLOAT64}).withGradient(RandomOps::gammaGradient);

    /**
     * TF's {@code _RandomGammaGrad}: the implicit reparameterization gradient w.r.t. alpha,
     * {@code dy * RandomGammaGrad(alpha, sample)} summed over the leading sample dimensions.
     */
    private static Tensor[] gammaGradient(GradientContext g, Tensor[] dy) {
        Tensor alpha = g.x(), sample = g.out();
        int sampleDims = sample.rank() - alpha.rank();
        int[] leading = new int[sampleDims];
        Tensor unit = alpha; // alpha under sampleDims leading 1s, no size needed (a traced batch of alphas)
        for (int i = 0; i < sampleDims; i++) {
            leading[i] = i;
            unit = RawArray.expandDims(unit, 0);
        }
        Tensor broadcastAlpha = Grads.broadcastLike(unit, sample);
        Tensor partial = Dispatcher.execute1(RANDOM_GAMMA_GRAD, Attrs.EMPTY, broadcastAlpha, sample);
        Tensor grad = RawMath.mul(dy[0], partial);
        return new Tensor[] {sampleDims == 0 ? grad : RawMath.sum(grad, leading, false)};
    }

    /**
     * {@code RandomGammaGrad(alpha, sample)}: d sample / d alpha per element, float32 or float64. Here
     * alpha and sample share one shape (TF broadcasts them; the gradient above broadcasts alpha first).
     */
    public static final Op RANDOM_GAMMA_GRAD = new Op("RandomGammaGrad", Signature.of("alpha, sample -> output")) {
        @Override
        public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
            checkAllowed(in[0].dtype(), new DType[] {DType.FLOAT32, DType.FLOAT64}, "T", name());
            if (in[1].dtype() != in[0].dtype()) {
                throw new InvalidArgumentError("cannot compute " + name() + " as input #1(zero-based) was expected to be a "
                        + in[0].dtype().kernelName() + " tensor but is a " + in[1].dtype().kernelName() + " tensor");
            }
            if (!in[0].shape().equals(in[1].shape())) {
                throw new InvalidArgumentError("Incompatible shapes: " + in[0].shape().toErrorString() + " vs. "
                        + in[1].shape().toErrorString());
            }
            return new TensorSpec[] {new TensorSpec(in[0].dtype(), in[0].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
            double[] result = new double[in[0].size()];
            for (int k = 0; k < result.length; k++) result[k] = GammaDerivative.sampleDerivative(in[0].getDouble(k), in[1].getDouble(k));
            Object data = org.jflow.engine.Buffers.convert(result, DType.FLOAT64, out[0].dtype());
            return new Tensor[] {Tensor.wrap(out[0].dtype(), out[0].shape(), data)};
        }
    }.notDifferentiable(); // TF registers no gradient for RandomGammaGrad

    /** {@code RandomPoissonV2}: Knuth below rate 10, Hormann's transformed rejection above. */
    public static final PerParameter RANDOM_POISSON_V2 = new PerParameter("RandomPoissonV2", Distributions::poisson,
            new DType[] {DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64}); // no gradient, as in TF (LookupError)

    private static int upperBound(double[] sorted, double key) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void checkAllowed(DType dtype, DType[] allowed, String attr, String op) {
        for (DType d : allowed) if (d == dtype) return;
        StringBuilder list = new StringBuilder();
        for (DType d : allowed) list.append(list.isEmpty() ? "" : ", ").append(d.kernelName());
        throw new InvalidArgumentError("Value for attr '" + attr + "' of " + dtype.kernelName()
                + " is not in the list of allowed values: " + list).withOp(op);
    }

    private static void checkSeedInput(Tensor seed, String op) {
        if (seed.dtype() != DType.INT32 && seed.dtype() != DType.INT64) {
            throw new InvalidArgumentError("Value for attr 'Tseed' of " + seed.dtype().kernelName()
                    + " is not in the list of allowed values: int32, int64").withOp(op);
        }
        if (seed.rank() != 1 || !Shape.compatibleDims(seed.shape().get(0), 2)) {
            throw new InvalidArgumentError("seed must have shape [2], not " + seed.shape().toErrorString()).withOp(op);
        }
    }

    /** TF's algorithm ids: 1 Philox, 2 ThreeFry, 3 auto-select (Philox on CPU). */
    static final int PHILOX = 1, AUTO_SELECT = 3;

    private static void checkKeyCounter(Tensor key, Tensor counter, Attrs attrs, String op) {
        int alg = attrs.getInt("alg"); // the declared default, Philox, where the call left it out
        if (alg != PHILOX && alg != AUTO_SELECT) {
            throw new org.jflow.errors.UnimplementedError("Unsupported algorithm id: " + alg).withOp(op);
        }
        // Sizes only where known: traced on unknown ones, the kernel checks them when it runs (keyCounterGenerator).
        if (!key.shape().isFullyDefined() || !counter.shape().isFullyDefined()) return;
        if (key.size() != 1) throw new InvalidArgumentError("key must have shape [1], not " + key.shape().toErrorString()).withOp(op);
        if (counter.size() < 2) {
            throw new InvalidArgumentError("counter must be a vector with length at least 2, got " + counter.shape().toErrorString()).withOp(op);
        }
    }

    /** TF's {@code GetKeyCounterAlgFromInputs} for Philox: the 64-bit key and the 128-bit counter, low words first. */
    static Philox keyCounterGenerator(Tensor key, Tensor counter) {
        long k = key.getLong(0), c0 = counter.getLong(0), c1 = counter.getLong(1);
        return new Philox((int) c0, (int) (c0 >>> 32), (int) c1, (int) (c1 >>> 32), (int) k, (int) (k >>> 32));
    }

    /**
     * TF's stateless seed derivation ({@code GenerateKey}): one Philox block of the seed pair under a
     * fixed key scrambles it into the key and the counter's upper half, so both seed words matter.
     */
    static Philox statelessGenerator(Tensor seed) {
        long[] kc = keyCounter(seed);
        return new Philox((int) kc[1], (int) (kc[1] >>> 32), (int) kc[2], (int) (kc[2] >>> 32), (int) kc[0], (int) (kc[0] >>> 32));
    }

    /** The seed pair's Philox key and 128-bit counter (low word first), as {@code StatelessRandomGetKeyCounter} gives them. */
    static long[] keyCounter(Tensor seed) {
        long s0 = seed.getLong(0), s1 = seed.getLong(1);
        int[] mix = new int[4];
        Philox.block((int) s0, (int) (s0 >>> 32), (int) s1, (int) (s1 >>> 32), 0x3ec8f720, 0x02461e29, mix);
        return new long[] {words(mix[0], mix[1]), 0, words(mix[2], mix[3])};
    }

    private static long words(int low, int high) { return (low & 0xFFFFFFFFL) | (long) high << 32; }
}
