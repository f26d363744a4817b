package org.jflow.random;

import org.jflow.engine.Attrs;
import org.jflow.engine.Tracer;
import org.jflow.graph.Graph;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The random state of TF 2's eager context, and nothing else holds any: the global seed, the
 * Python {@code random.Random} that turns it into per-op seeds ({@code random_seed.get_seed}), and
 * the generators of the random kernels. TF caches one kernel per op and attributes, so two calls
 * with the same explicit {@code (seed, seed2)} continue one stream; {@link #setSeed} clears them.
 */
public final class RandomSeed {
    /** TF's {@code DEFAULT_GRAPH_SEED}, used when only an op seed is given. */
    static final long DEFAULT_GRAPH_SEED = 87654321L;
    private static final long MAXINT32 = (1L << 31) - 1;

    /** One cached kernel: the op, its attributes and its input dtype (TF's kernel-cache key). */
    private record KernelKey(String op, Attrs attrs, Object inputDType) {}

    private static Long globalSeed;
    private static PythonRandom opSeeds;
    /**
     * The cached kernels, least recently used first. Under a global seed every call draws a fresh
     * op seed and so a fresh kernel; the bound keeps those from piling up, while kernels that are
     * reused (explicit op seeds) stay.
     */
    private static final int MAX_KERNELS = 4096;
    private static final Map<KernelKey, Philox> KERNELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KernelKey, Philox> eldest) { return size() > MAX_KERNELS; }
    };
    private static final SecureRandom ENTROPY = new SecureRandom();

    private RandomSeed() {}

    /** {@code tf.random.set_seed(seed)}. */
    public static synchronized void setSeed(long seed) {
        globalSeed = seed;
        opSeeds = new PythonRandom(seed);
        KERNELS.clear();
    }

    /** {@code tf.random.set_seed(None)}: back to nondeterministic seeds. */
    public static synchronized void clearSeed() {
        globalSeed = null;
        opSeeds = null;
        KERNELS.clear();
    }

    /**
     * {@code random_seed.get_seed(op_seed)}: the op's {@code (seed, seed2)} attributes; {@code (0, 0)}
     * means nondeterministic. {@code opSeed} is null when the caller gave none.
     */
    public static synchronized long[] getSeed(Long opSeed) {
        long seed, seed2;
        if (globalSeed != null) {
            seed = truncate(globalSeed);
            seed2 = truncate(opSeed != null ? opSeed : nextOpSeed());
        } else if (opSeed != null) {
            seed = DEFAULT_GRAPH_SEED;
            seed2 = truncate(opSeed);
        } else {
            return new long[] {0, 0};
        }
        // (0, 0) would mean "nondeterministic" to the kernels, so TF moves it.
        return seed == 0 && seed2 == 0 ? new long[] {0, MAXINT32} : new long[] {seed, seed2};
    }

    /** An op seed for an op given none: a traced function's graph counts them (TF's graph mode), eagerly the context's Python random draws them. */
    private static long nextOpSeed() {
        Long counted = Tracer.Stack.current() instanceof Graph g ? g.nextOpSeed() : null;
        return counted != null ? counted : opSeeds.randint31();
    }

    private static long truncate(long seed) { return Math.floorMod(seed, MAXINT32); }

    /**
     * {@code GuardedPhiloxRandom::ReserveSamples128}: the kernel's generator as it stands (a copy the
     * caller may advance), then moves the kernel's own past {@code blocks} blocks.
     */
    static synchronized Philox reserve(String op, Attrs attrs, Object inputDType, long blocks) {
        Philox gen = KERNELS.computeIfAbsent(new KernelKey(op, attrs, inputDType), k -> newKernelGenerator(attrs));
        Philox local = gen.copy();
        gen.skip(blocks);
        return local;
    }

    private static Philox newKernelGenerator(Attrs attrs) {
        long seed = attrs.getLong("seed"), seed2 = attrs.getLong("seed2");
        if (seed == 0 && seed2 == 0) {
            seed = ENTROPY.nextLong();
            seed2 = ENTROPY.nextLong();
        }
        return new Philox(seed, seed2);
    }
}
