package org.jflow.bench;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.graph.PolymorphicFunction;

import java.lang.management.ManagementFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import static org.jflow.TF.tf;

/**
 * JFlow's side of {@code bench/run}: the same cases as {@code bench/peer.py}, one line each,
 * {@code case<TAB>value<TAB>unit}. Arguments filter the cases by substring.
 * Units: {@code us/op} (lower is better), {@code GB/s} (bytes read and written per second) and
 * {@code GFLOPS} (higher is better), {@code ms/step} (lower is better).
 */
public final class Bench {
    /** One benchmark: its name (shared with the peer), unit, and a measurement. */
    record Case(String name, String unit, Supplier<Double> measure) {}

    private static final int SCALAR_CALLS = 1_000; // short repetitions: on a busy machine some run undisturbed
    private static final Timer TIMER = new Timer(1.0, 2.0, 3);
    private static final Random RANDOM = new Random(42);
    private static final int CHAIN = 1_000; // scalar multiplies per tape case: the tape's creation is amortized over them
    private static final int GRAPH_NODES = 100; // scalar adds in the executor overhead case
    private static final int ELEMENTS = 1 << 20; // the element-wise chain's size

    private Bench() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("eager add scalar", "us/op", () -> {
            Tensor a = tf.constant(1.5f), b = tf.constant(2.5f);
            return TIMER.secondsPerCall(SCALAR_CALLS, () -> tf.add(a, b)) * 1e6;
        }));
        for (int n : new int[] {1 << 20, 1 << 24}) {
            String size = n == 1 << 20 ? "1M" : "16M";
            cases.add(new Case("add " + size + " f32", "GB/s", () -> {
                Tensor x = matrix(n / 1024, 1024), y = matrix(n / 1024, 1024);
                return gbPerSecond(3L * 4 * n, () -> tf.add(x, y));
            }));
            cases.add(new Case("exp " + size + " f32", "GB/s", () -> {
                Tensor x = matrix(n / 1024, 1024);
                return gbPerSecond(2L * 4 * n, () -> tf.exp(x));
            }));
        }
        cases.add(new Case("reduce_sum axis=1 4096x4096 f32", "GB/s", () -> {
            Tensor x = matrix(4096, 4096);
            return gbPerSecond(4L * 4096 * 4096, () -> tf.reduceSum(x, 1));
        }));
        for (int n : new int[] {256, 512, 1024, 2048}) {
            cases.add(new Case("matmul " + n + " f32", "GFLOPS", () -> {
                Tensor a = matrix(n, n), b = matrix(n, n);
                return 2.0 * n * n * n / TIMER.secondsPerCall(1, () -> tf.matmul(a, b)) / 1e9;
            }));
        }
        cases.add(new Case("tape overhead per op", "us/op", () -> {
            Tensor x = tf.constant(1.0001f), c = tf.constant(0.9999f);
            double plain = TIMER.secondsPerCall(1, () -> chain(x, c));
            double taped = TIMER.secondsPerCall(1, () -> {
                try (GradientTape tape = new GradientTape()) {
                    tape.watch(x);
                    return chain(x, c);
                }
            });
            return (taped - plain) / CHAIN * 1e6;
        }));
        cases.add(new Case("backward per op", "us/op", () -> {
            Tensor x = tf.constant(1.0001f), c = tf.constant(0.9999f);
            double forward = TIMER.secondsPerCall(1, () -> tapedChain(x, c, false));
            double withBackward = TIMER.secondsPerCall(1, () -> tapedChain(x, c, true));
            return (withBackward - forward) / CHAIN * 1e6;
        }));
        cases.add(new Case("mlp 784-128-10 step b128", "ms/step", () -> {
            Mlp mlp = new Mlp(784, 128, 10);
            Tensor x = matrix(128, 784), labels = oneHot(128, 10);
            return TIMER.secondsPerCall(1, () -> mlp.step(x, labels, 0.01f)) * 1e3;
        }));
        cases.add(new Case("mlp 784-128-10 step b128 traced", "ms/step", () -> {
            Mlp mlp = new Mlp(784, 128, 10);
            Tensor x = matrix(128, 784), labels = oneHot(128, 10);
            var step = tf.function((Tensor in, Tensor y) -> mlp.step(in, y, 0.01f));
            return TIMER.secondsPerCall(1, () -> step.call(x, labels)) * 1e3;
        }));
        cases.add(new Case("mlp step allocated eager", "MB/step", () -> {
            Mlp mlp = new Mlp(784, 128, 10);
            Tensor x = matrix(128, 784), labels = oneHot(128, 10);
            return allocatedPerCall(() -> mlp.step(x, labels, 0.01f)) / 1e6;
        }));
        cases.add(new Case("mlp step allocated traced", "MB/step", () -> {
            Mlp mlp = new Mlp(784, 128, 10);
            Tensor x = matrix(128, 784), labels = oneHot(128, 10);
            var step = tf.function((Tensor in, Tensor y) -> mlp.step(in, y, 0.01f));
            return allocatedPerCall(() -> step.call(x, labels)) / 1e6;
        }));
        Tensor chainInput = tf.subtract(matrix(ELEMENTS / 1024, 1024), 0.5f);
        PolymorphicFunction<Tensor> fused = tf.function(Bench::elementwiseChain);
        PolymorphicFunction<Tensor> unfused = tf.function(Bench::elementwiseChain, o -> o.optimizer(p -> p));
        cases.add(new Case("chain10 1M f32 eager", "ms/op", () -> TIMER.secondsPerCall(1, () -> elementwiseChain(chainInput)) * 1e3));
        cases.add(new Case("chain10 1M f32 traced", "ms/op", () -> TIMER.secondsPerCall(1, () -> fused.call(chainInput)) * 1e3));
        cases.add(new Case("chain10 1M f32 traced unfused", "ms/op", () -> TIMER.secondsPerCall(1, () -> unfused.call(chainInput)) * 1e3));
        cases.add(new Case("chain10 1M f32 traced/eager speedup", "x", () ->
                TIMER.secondsPerCall(1, () -> elementwiseChain(chainInput)) / TIMER.secondsPerCall(1, () -> fused.call(chainInput))));
        cases.add(new Case("chain10 allocated eager", "MB/op", () -> allocatedPerCall(() -> elementwiseChain(chainInput)) / 1e6));
        cases.add(new Case("chain10 allocated traced", "MB/op", () -> allocatedPerCall(() -> fused.call(chainInput)) / 1e6));
        cases.add(new Case("executor overhead per node", "us/op", () -> {
            Tensor x = tf.constant(1.5f), c = tf.constant(0.25f);
            var adds = tf.function((Tensor in) -> {
                Tensor y = in;
                for (int i = 0; i < GRAPH_NODES; i++) y = tf.add(y, c);
                return y;
            }, o -> o.optimizer(p -> p)); // unfused: the executor's cost per node, not the fused loop's
            return TIMER.secondsPerCall(SCALAR_CALLS / GRAPH_NODES, () -> adds.call(x)) / GRAPH_NODES * 1e6;
        }));
        return cases;
    }

    /** Ten element-wise TF ops, each reading the previous result (and two reading x again). */
    static Tensor elementwiseChain(Tensor x) {
        Tensor t = tf.multiply(x, 1.5f);
        t = tf.add(t, 0.5f);
        t = tf.tanh(t);
        t = tf.multiply(t, x);
        t = tf.subtract(t, 0.25f);
        t = tf.exp(t);
        t = tf.multiply(t, 0.5f);
        t = tf.add(t, x);
        t = tf.abs(t);
        return tf.sqrt(t);
    }

    /**
     * Bytes allocated per call on all threads, after the timings' warm-up: what a call leaves for the
     * collector. The least of five rounds, since until the JIT has compiled a Vector API loop its
     * vectors are heap objects (20 warm-up calls left the traced MLP step anywhere from 1.1 to 3.4 MB).
     */
    private static double allocatedPerCall(Supplier<?> body) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) body.get();
        int calls = 50;
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getTotalThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) body.get();
            least = Math.min(least, threads.getTotalThreadAllocatedBytes() - before);
        }
        return (double) least / calls;
    }

    /** {@code x * c * c * ...}, {@link #CHAIN} scalar multiplies. */
    private static Tensor chain(Tensor x, Tensor c) {
        Tensor y = x;
        for (int i = 0; i < CHAIN; i++) y = tf.multiply(y, c);
        return y;
    }

    /** The chain under a tape watching x, and with {@code backward} its gradient w.r.t. x. */
    static Tensor tapedChain(Tensor x, Tensor c, boolean backward) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = chain(x, c);
            return backward ? tape.gradient(y, x) : y;
        }
    }

    /**
     * A 784-128-10 MLP trained by plain SGD: relu hidden layer, mean softmax cross entropy on logits.
     */
    static final class Mlp {
        private final Variable w1, b1, w2, b2;
        private final List<Variable> weights;

        Mlp(int inputs, int hidden, int outputs) {
            w1 = new Variable(scaled(matrix(inputs, hidden), inputs));
            b1 = new Variable(tf.zeros(hidden));
            w2 = new Variable(scaled(matrix(hidden, outputs), hidden));
            b2 = new Variable(tf.zeros(outputs));
            weights = List.of(w1, b1, w2, b2);
        }

        /** Uniform [-1/sqrt(fanIn), 1/sqrt(fanIn)), as PyTorch's Linear initializes. */
        private static Tensor scaled(Tensor uniform01, int fanIn) {
            return tf.multiply(tf.subtract(uniform01, 0.5f), (float) (2 / Math.sqrt(fanIn)));
        }

        Tensor step(Tensor x, Tensor labels, float learningRate) {
            Tensor loss;
            List<Tensor> grads;
            try (GradientTape tape = new GradientTape()) {
                Tensor h = tf.nn.relu(tf.add(tf.matmul(x, w1), b1));
                Tensor logits = tf.add(tf.matmul(h, w2), b2);
                loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogits(labels, logits));
                grads = tape.gradient(loss, weights);
            }
            for (int i = 0; i < weights.size(); i++) weights.get(i).assignSub(tf.multiply(grads.get(i), learningRate));
            return loss;
        }
    }

    /** rows one-hot float32 rows of width classes, the hot class drawn at random. */
    static Tensor oneHot(int rows, int classes) {
        float[][] v = new float[rows][classes];
        for (float[] row : v) row[RANDOM.nextInt(classes)] = 1f;
        return tf.constant(v);
    }

    private static double gbPerSecond(long bytes, Supplier<Tensor> op) {
        return bytes / TIMER.secondsPerCall(1, op) / 1e9;
    }

    /** A rows x cols float32 tensor of uniform [0, 1) values, built as a user would: from float[][]. */
    static Tensor matrix(int rows, int cols) {
        float[][] v = new float[rows][cols];
        for (float[] row : v) for (int j = 0; j < cols; j++) row[j] = RANDOM.nextFloat();
        return tf.constant(v);
    }

    public static void main(String[] args) {
        for (Case c : cases()) {
            if (args.length > 0 && List.of(args).stream().noneMatch(c.name()::contains)) continue;
            System.out.println(c.name() + "\t" + String.format(Locale.ROOT, "%.4g", c.measure().get()) + "\t" + c.unit());
        }
    }
}
