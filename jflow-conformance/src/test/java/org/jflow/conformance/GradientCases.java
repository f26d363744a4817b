package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.math.Cast;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.GradientSample;
import org.jflow.opinfo.OpInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The inputs gradients are compared on, and the tolerance per op (the one place for it). Cases are
 * the op's forward cases ({@link OpTable}) in float32 and float64 on finite values (no edge
 * values, subnormals, empty inputs or calls meant to fail), where the op's result is finite: the
 * smooth region. A case whose result is not finite (a function outside its domain, such as
 * {@code Log} of a negative) is retried with its float inputs mapped into (0.1, 0.9), then into
 * (1.1, 2.1). Up to {@link #PER_DTYPE} per dtype, spread over the op's variants; then, in both
 * dtypes, every gradient sample of the op's row in the sample table (the calls the core's
 * finite-difference check runs), so the two gradient checks share their cases.
 */
final class GradientCases {
    private GradientCases() {}

    /** Cases per float dtype. */
    private static final int PER_DTYPE = 8;

    /** The float dtypes gradients are compared in. */
    static final List<DType> DTYPES = List.of(DType.FLOAT32, DType.FLOAT64);

    /**
     * Default gradient tolerance, in ulps of the largest magnitude in TF's gradient tensor: a
     * gradient is a few ops whose formulas TF and JFlow write differently (x * y^(y-1) against
     * y * x^y / x, and sums of broadcast gradients in another order), so it gets an absolute slack
     * scaled to the tensor rather than the forward pass's ulps of each element.
     */
    static final int DEFAULT_ULPS = 64;

    /**
     * Ops whose gradients need a looser tolerance, with why. Tanh: both sides compute
     * {@code dy * (1 - y * y)} from the rounded result, which cancels where |y| is near 1 (float32
     * x near 4 loses about 8 bits), so one rounding of y apart shows as hundreds of ulps.
     */
    private static final Map<String, Integer> ULPS = Map.of("Tanh", 1024);

    static int ulps(String op) { return ULPS.getOrDefault(op, DEFAULT_ULPS); }

    private static final List<DoubleUnaryOperator> DOMAINS = List.of(
            v -> v,
            v -> 0.1 + 0.8 * Math.abs(v) / 5, // Values.random draws from [-5, 5)
            v -> 1.1 + Math.abs(v) / 5);

    private static final List<String> DOMAIN_LABELS = List.of("", " in (0.1,0.9)", " in (1.1,2.1)");

    /**
     * The op's gradient samples from the sample table ({@link OpInfo#gradientSamples}, the ones the
     * core's finite-difference check runs) in {@code t}: random inputs drawn from each sample's
     * domain, fixed float inputs cast to {@code t}, fixed others as they are.
     */
    private static List<Cases.Case> gradientSamples(OpInfo info, DType t, SplittableRandom rnd) {
        List<Cases.Case> cases = new ArrayList<>();
        Random random = new Random(rnd.nextLong());
        int n = 0;
        for (GradientSample g : info.gradientSamples()) {
            Tensor[] in = new Tensor[g.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                GradientSample.In x = g.inputs().get(i);
                Tensor v = x.differentiable() ? x.random(random) : x.fixed();
                in[i] = v.dtype().isFloating() ? cast(v, t) : v;
            }
            String shapes = java.util.Arrays.stream(in).map(x -> x.shape().toString())
                    .collect(java.util.stream.Collectors.joining(" with "));
            String label = t.tfName() + " gradient sample " + ++n + " " + shapes + " " + g.attrs();
            cases.add(new Cases.Case(label, g.attrs(), in));
        }
        return cases;
    }

    private static Tensor cast(Tensor x, DType t) {
        return Dispatcher.execute1(OpRegistry.get("Cast"), Attrs.of(Cast.DST_T, t), x);
    }

    /**
     * The op's gradient cases: forward cases that run in JFlow with finite float results, then its
     * gradient samples.
     */
    static List<Cases.Case> cases(Op op, OpTable.Row row, SplittableRandom rnd) {
        List<Cases.Case> all = row.cases().cases(rnd);
        List<Cases.Case> picked = new ArrayList<>();
        for (DType t : DTYPES) {
            List<Cases.Case> smooth = new ArrayList<>();
            for (Cases.Case c : all) {
                if (!candidate(c, t)) continue;
                Cases.Case s = smooth(op, c);
                if (s != null) smooth.add(s);
            }
            int n = Math.min(PER_DTYPE, smooth.size());
            for (int i = 0; i < n; i++) picked.add(smooth.get(i * smooth.size() / n));
            for (Cases.Case c : gradientSamples(row.info(), t, rnd)) {
                Cases.Case s = smooth(op, c);
                if (s != null) picked.add(s);
            }
        }
        return picked;
    }

    /** Whether a forward case may be a gradient case in dtype {@code t}: its first float input has it, all inputs finite and non-empty. */
    private static boolean candidate(Cases.Case c, DType t) {
        String l = c.label();
        if (l.contains("edges") || l.contains("subnormal") || l.contains("error") || l.contains("empty")) return false;
        DType first = null;
        for (Tensor x : c.inputs()) {
            if (!TfGradients.supported(x.dtype())) return false;
            if (!x.dtype().isFloating()) continue;
            if (first == null) first = x.dtype();
            if (x.size() == 0 || !finite(x)) return false;
        }
        return first == t;
    }

    /** The case, or its inputs mapped into a domain, where JFlow's results are finite floats; null if none is. */
    private static Cases.Case smooth(Op op, Cases.Case c) {
        for (int d = 0; d < DOMAINS.size(); d++) {
            Tensor[] in = c.inputs().clone();
            for (int i = 0; i < in.length; i++) if (in[i].dtype().isFloating()) in[i] = map(in[i], DOMAINS.get(d));
            Tensor[] out;
            try {
                out = Dispatcher.execute(op, c.attrs(), in);
            } catch (RuntimeException e) {
                return null;
            }
            boolean floats = false, ok = true;
            for (Tensor y : out) {
                if (!DTYPES.contains(y.dtype())) continue;
                floats |= y.size() > 0;
                ok &= finite(y);
            }
            if (!floats) return null;
            if (ok) return new Cases.Case(c.label() + DOMAIN_LABELS.get(d), c.attrs(), in);
        }
        return null;
    }

    private static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Object data = Buffers.allocate(x.dtype(), x.size());
        for (int k = 0; k < x.size(); k++) Buffers.setDouble(data, x.dtype(), k, f.applyAsDouble(Buffers.getDouble(x.data(), x.dtype(), k)));
        return Tensor.wrap(x.dtype(), x.shape(), data);
    }

    private static boolean finite(Tensor x) {
        for (int k = 0; k < x.size(); k++) if (!Double.isFinite(Buffers.getDouble(x.data(), x.dtype(), k))) return false;
        return true;
    }

    /** Upstream gradients: uniform in [-1, 1), one per tensor, in its dtype and shape. */
    static Tensor[] seeds(List<Tensor> like, SplittableRandom rnd) {
        Tensor[] out = new Tensor[like.size()];
        for (int i = 0; i < out.length; i++) {
            Tensor t = like.get(i);
            Object data = Buffers.allocate(t.dtype(), t.size());
            for (int k = 0; k < t.size(); k++) Buffers.setDouble(data, t.dtype(), k, rnd.nextDouble(-1, 1));
            out[i] = Tensor.wrap(t.dtype(), t.shape(), data);
        }
        return out;
    }
}
