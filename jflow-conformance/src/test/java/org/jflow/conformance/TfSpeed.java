package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.Values;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.OpDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A speed benchmark (not a test): each op covered by {@link OpTable} that has a float32 case runs
 * eagerly in JFlow (through the Dispatcher) and in TF-Java (one eager op on prepared constants),
 * at two sizes: the op's first float32 case as generated (a few elements: per-call overhead) and
 * the same case with dimension 0 of its float32 inputs grown to about 1M elements (kernel speed;
 * skipped where the grown call is refused by either side). Prints {@code op size jflow_us tf_us
 * jflow/tf} per row and the geometric mean of jflow/tf per size. Each time is the median of
 * repetitions over 200 ms after 100 ms of warm-up. Run by {@code bench/tf [op-name-part]}.
 */
public final class TfSpeed {
    private static final int LARGE = 1 << 20;
    private static final long WARMUP_NS = 100_000_000L, MEASURE_NS = 200_000_000L;

    private TfSpeed() {}

    public static void main(String[] args) {
        String filter = args.length > 0 ? args[0].toLowerCase() : "";
        Map<String, OpDef> tfOps = TensorFlow.registeredOpList().getOpList().stream().collect(Collectors.toMap(OpDef::getName, d -> d));
        List<Double> tinyRatios = new ArrayList<>(), largeRatios = new ArrayList<>();
        System.out.printf("TensorFlow %s (TF-Java), JFlow, eager, %d cores; times in microseconds%n", TensorFlow.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-36s %-5s %12s %12s %9s%n", "op", "size", "jflow_us", "tf_us", "jflow/tf");
        try (TfRunner tf = new TfRunner()) {
            for (Op op : OpRegistry.all()) {
                OpTable.Row row = OpTable.ROWS.get(op.name());
                OpDef def = tfOps.get(op.name());
                if (row == null || def == null || row.check() != null || !op.name().toLowerCase().contains(filter)) continue;
                List<Cases.Case> cases;
                try {
                    cases = row.cases().cases(new SplittableRandom(Conformance.SEED ^ op.name().hashCode()));
                } catch (RuntimeException e) {
                    continue;
                }
                Cases.Case tiny = cases.stream().filter(c -> c.label().startsWith("float32") && nonEmpty(c) && runs(op, def, row, c, tf)).findFirst().orElse(null);
                if (tiny == null) continue;
                tinyRatios.add(report(op, def, row, tiny, "tiny", tf));
                Cases.Case large = grown(tiny);
                if (large != null && runs(op, def, row, large, tf)) largeRatios.add(report(op, def, row, large, "1M", tf));
            }
        }
        System.out.printf("geometric mean jflow/tf: tiny %.3f over %d ops, 1M %.3f over %d ops%n",
                geomean(tinyRatios), tinyRatios.size(), geomean(largeRatios), largeRatios.size());
    }

    private static boolean nonEmpty(Cases.Case c) {
        for (Tensor t : c.inputs()) if (t.size() == 0) return false;
        return true;
    }

    /** Whether both sides accept the call. */
    private static boolean runs(Op op, OpDef def, OpTable.Row row, Cases.Case c, TfRunner tf) {
        try {
            Dispatcher.execute(op, c.attrs(), c.inputs());
            tf.execute(def.getName(), tfInputs(def, row, c, tf), Conformance.tfAttrs(row, def, c));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Object> tfInputs(OpDef def, OpTable.Row row, Cases.Case c, TfRunner tf) {
        List<Object> in = new ArrayList<>();
        for (Object x : OpTable.tfInputs(row, Conformance.listArgs(def), c)) in.add(Conformance.constants(x, tf));
        return in;
    }

    private static double report(Op op, OpDef def, OpTable.Row row, Cases.Case c, String size, TfRunner tf) {
        List<Object> tfIn = tfInputs(def, row, c, tf);
        Map<String, Object> tfAttrs = Conformance.tfAttrs(row, def, c);
        double mine = medianMicros(() -> Dispatcher.execute(op, c.attrs(), c.inputs()));
        double theirs = medianMicros(() -> tf.execute(def.getName(), tfIn, tfAttrs));
        System.out.printf("%-36s %-5s %12.2f %12.2f %9.3f   %s%n", op.name(), size, mine, theirs, mine / theirs, c.label());
        return mine / theirs;
    }

    /** {@code c} with dimension 0 of each float32 input of rank >= 1 multiplied so that the largest is about 1M elements; null if none grows. */
    private static Cases.Case grown(Cases.Case c) {
        int largest = 0;
        for (Tensor t : c.inputs()) if (t.dtype() == DType.FLOAT32 && t.rank() > 0) largest = Math.max(largest, t.size());
        if (largest == 0) return null;
        int factor = Math.max(1, LARGE / largest);
        SplittableRandom rnd = new SplittableRandom(1);
        Tensor[] in = c.inputs().clone();
        for (int i = 0; i < in.length; i++) {
            Tensor t = in[i];
            if (t.dtype() != DType.FLOAT32 || t.rank() == 0 || t.size() == 0) continue;
            int[] dims = t.shape().dims();
            dims[0] *= factor;
            in[i] = Values.random(DType.FLOAT32, Shape.of(dims), rnd);
        }
        return new Cases.Case(c.label() + " grown", c.attrs(), in);
    }

    /** Calls are timed in batches of at least 20 us, so that the clock's own cost and resolution do not count. */
    private static double medianMicros(Supplier<Object> call) {
        long start = System.nanoTime();
        int batch = 1;
        while (System.nanoTime() - start < WARMUP_NS) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) sink = call.get();
            if (System.nanoTime() - t0 < 20_000) batch *= 2;
        }
        List<Double> times = new ArrayList<>();
        start = System.nanoTime();
        while (times.size() < 3 || System.nanoTime() - start < MEASURE_NS) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) sink = call.get();
            times.add((System.nanoTime() - t0) / 1e3 / batch);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    /** Keeps the results alive, so the JIT cannot drop a call. */
    private static volatile Object sink;

    private static double geomean(List<Double> ratios) {
        return Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }
}
