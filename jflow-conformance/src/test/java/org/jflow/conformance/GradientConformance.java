package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.UnconnectedGradients;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Gradient;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.OpInfo;
import org.jflow.opinfo.OpInfos;
import org.jflow.opinfo.ResultCheck;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.OpDef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * JFlow's gradients against TF's: for each differentiable op that {@link OpTable} maps to TF, on
 * the cases of {@link GradientCases}, the gradient a {@link GradientTape} gives w.r.t. the float
 * inputs, seeded with random upstream gradients, against TF's symbolic gradient of the same op on
 * the same inputs and seeds ({@link TfGradients}); for the sample table's second-order ops
 * ({@link OpInfo#secondOrder}) also the gradient of that gradient (nested tapes against TF's gradient of its gradient graph).
 */
final class GradientConformance {
    enum Verdict { PASS, KNOWN, MISMATCH, NO_TF_GRADIENT }

    record Outcome(String label, Verdict verdict, String detail, KnownDifferences.Entry known) {}

    /** {@code noCases}: differentiable ops none of whose forward cases is a smooth float case. */
    record Results(Map<String, List<Outcome>> byOp, Set<String> noCases, KnownDifferences known) {
        long cases() { return byOp.values().stream().mapToLong(List::size).sum(); }

        long count(Verdict v) { return byOp.values().stream().flatMap(List::stream).filter(o -> o.verdict() == v).count(); }

        /** Passing cases where both sides gave None for every input. */
        long bothNone() { return byOp.values().stream().flatMap(List::stream).filter(o -> BOTH_NONE.equals(o.detail())).count(); }

        /** Ops with at least one case compared with TF's gradient. */
        Set<String> checked() { return ops(o -> o.verdict() != Verdict.NO_TF_GRADIENT); }

        /** Ops TF has no gradient for (on every case). */
        Set<String> noTfGradient() {
            Set<String> s = ops(o -> o.verdict() == Verdict.NO_TF_GRADIENT);
            s.removeAll(checked());
            return s;
        }

        private Set<String> ops(java.util.function.Predicate<Outcome> p) {
            return byOp.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(p)).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        List<String> mismatches() {
            List<String> m = new ArrayList<>();
            byOp.forEach((op, outcomes) -> outcomes.stream().filter(o -> o.verdict() == Verdict.MISMATCH)
                    .forEach(o -> m.add(op + " | " + o.label() + " | " + o.detail())));
            return m;
        }
    }

    private static final long SEED = 20261124L;

    /** A passing case's detail where neither side gives any gradient (a step function's, say): nothing was compared by value. */
    static final String BOTH_NONE = "both None";


    private GradientConformance() {}

    static Results run(KnownDifferences known) {
        Map<String, OpDef> tfOps = TensorFlow.registeredOpList().getOpList().stream().collect(Collectors.toMap(OpDef::getName, d -> d));
        Map<String, List<Outcome>> byOp = new LinkedHashMap<>();
        Set<String> noCases = new TreeSet<>();
        for (OpInfo info : OpInfos.all()) {
            if (info.secondOrder() && !OpTable.ROWS.containsKey(info.name())) {
                throw new IllegalStateException("Second-order op " + info.name() + " has no OpTable row");
            }
        }
        for (Op op : OpRegistry.all()) {
            OpTable.Row row = OpTable.ROWS.get(op.name());
            OpDef def = tfOps.get(op.name());
            if (row == null || def == null || op.gradient() == null || op.gradient() == Gradient.NONE) continue;
            SplittableRandom rnd = new SplittableRandom(SEED ^ op.name().hashCode());
            List<Cases.Case> cases = GradientCases.cases(op, row, rnd);
            if (cases.isEmpty()) {
                noCases.add(op.name());
                continue;
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Cases.Case c : cases) {
                outcomes.add(outcome(op, def, row, c, false, rnd, known));
                if (row.info().secondOrder()) outcomes.add(outcome(op, def, row, c, true, rnd, known));
            }
            byOp.put(op.name(), outcomes);
        }
        return new Results(byOp, noCases, known);
    }

    private static Outcome outcome(Op op, OpDef def, OpTable.Row row, Cases.Case c, boolean second, SplittableRandom rnd, KnownDifferences known) {
        String label = (second ? "second order " : "") + c.label();
        String difference;
        try {
            difference = difference(op, def, row, c, second, rnd);
        } catch (TfGradients.NoGradient e) {
            return new Outcome(label, Verdict.NO_TF_GRADIENT, e.getMessage(), null);
        }
        if (BOTH_NONE.equals(difference)) return new Outcome(label, Verdict.PASS, BOTH_NONE, null);
        if (difference == null) return new Outcome(label, Verdict.PASS, null, null);
        KnownDifferences.Entry entry = known.find(op.name(), label);
        return new Outcome(label, entry != null ? Verdict.KNOWN : Verdict.MISMATCH, difference, entry);
    }

    /** Null when JFlow's gradient matches TF's on the case, {@link #BOTH_NONE} when neither gives one, else the difference. */
    private static String difference(Op op, OpDef def, OpTable.Row row, Cases.Case c, boolean second, SplittableRandom rnd) {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < c.inputs().length; i++) if (GradientCases.DTYPES.contains(c.inputs()[i].dtype())) xs.add(i);
        List<Tensor> sources = xs.stream().map(i -> c.inputs()[i]).toList();
        Tensor[] forward = Dispatcher.execute(op, c.attrs(), c.inputs());
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < forward.length; i++) if (GradientCases.DTYPES.contains(forward[i].dtype())) ys.add(i);
        Tensor[] dy = GradientCases.seeds(ys.stream().map(i -> forward[i]).toList(), rnd);
        Tensor[] ddy = second ? GradientCases.seeds(sources, rnd) : null;

        Tensor[] theirs;
        try {
            List<Object> tfInputs = OpTable.tfInputs(row, Conformance.listArgs(def), c);
            theirs = TfGradients.gradients(op.name(), tfInputs, Conformance.tfAttrs(row, def, c), tfPositions(tfInputs, xs, c),
                    ys.stream().mapToInt(Integer::intValue).toArray(), dy, ddy);
        } catch (TfGradients.NoGradient e) {
            throw e;
        } catch (RuntimeException e) {
            return "TF's gradient fails: " + Conformance.firstLine(e);
        }
        List<Tensor> mine;
        try {
            mine = second ? secondOrder(op, c, xs, ys, dy, ddy) : firstOrder(op, c, xs, ys, dy);
        } catch (RuntimeException e) {
            return "JFlow's gradient fails: " + Conformance.firstLine(e);
        }
        if (java.util.Arrays.stream(theirs).allMatch(java.util.Objects::isNull) && mine.stream().allMatch(java.util.Objects::isNull)) {
            return BOTH_NONE;
        }
        int ulps = GradientCases.ulps(op.name());
        for (int i = 0; i < theirs.length; i++) {
            String d = compare(mine.get(i), theirs[i], ulps);
            if (d != null) return "gradient w.r.t. input " + xs.get(i) + ": " + d;
        }
        return null;
    }

    /** Where each differentiated JFlow input lands among TF's flattened inputs (attributes taken as inputs shift them). */
    private static int[] tfPositions(List<Object> tfInputs, List<Integer> xs, Cases.Case c) {
        Map<Tensor, Integer> flat = new IdentityHashMap<>();
        int k = 0;
        for (Object in : tfInputs) {
            if (in instanceof Tensor[] list) for (Tensor t : list) flat.putIfAbsent(t, k++);
            else flat.putIfAbsent((Tensor) in, k++);
        }
        int[] positions = new int[xs.size()];
        for (int i = 0; i < positions.length; i++) {
            Integer p = flat.get(c.inputs()[xs.get(i)]);
            if (p == null) throw new IllegalStateException("input " + xs.get(i) + " does not reach TF's op");
            positions[i] = p;
        }
        return positions;
    }

    private static List<Tensor> firstOrder(Op op, Cases.Case c, List<Integer> xs, List<Integer> ys, Tensor[] dy) {
        List<Tensor> sources = xs.stream().map(i -> c.inputs()[i]).toList();
        try (GradientTape tape = new GradientTape()) {
            sources.forEach(tape::watch);
            Tensor[] out = Dispatcher.execute(op, c.attrs(), c.inputs());
            return tape.gradient(ys.stream().map(i -> out[i]).toList(), sources, o -> o.outputGradients(List.of(dy)));
        }
    }

    /** Nested tapes: the inner one's gradient, recorded by the outer one, differentiated again with seeds {@code ddy}. */
    private static List<Tensor> secondOrder(Op op, Cases.Case c, List<Integer> xs, List<Integer> ys, Tensor[] dy, Tensor[] ddy) {
        List<Tensor> sources = xs.stream().map(i -> c.inputs()[i]).toList();
        try (GradientTape outer = new GradientTape()) {
            sources.forEach(outer::watch);
            List<Tensor> first; // zeros where None: the outer tape differentiates each (a constant, so None again)
            try (GradientTape inner = new GradientTape()) {
                sources.forEach(inner::watch);
                Tensor[] out = Dispatcher.execute(op, c.attrs(), c.inputs());
                first = inner.gradient(ys.stream().map(i -> out[i]).toList(), sources,
                        o -> o.outputGradients(List.of(dy)).unconnectedGradients(UnconnectedGradients.ZERO));
            }
            return outer.gradient(first, sources, o -> o.outputGradients(List.of(ddy)));
        }
    }

    /**
     * Same dtype and shape, every element within {@code ulps} of the largest magnitude in TF's
     * gradient (or of the element). None (null) on one side matches zeros on the other: TF's
     * graph gradients and JFlow's tape differ in where they prune a zero path.
     */
    private static String compare(Tensor mine, Tensor theirs, int ulps) {
        if (mine == null && theirs == null) return null;
        if (mine == null) return zero(theirs) ? null : "JFlow gives None, TF " + theirs.dtype().tfName() + " " + theirs.shape();
        if (theirs == null) return zero(mine) ? null : "TF gives None, JFlow " + mine.dtype().tfName() + " " + mine.shape() + " " + preview(mine);
        if (mine.dtype() != theirs.dtype()) return "dtype " + mine.dtype().tfName() + ", TF " + theirs.dtype().tfName();
        if (!mine.shape().equals(theirs.shape())) return "shape " + mine.shape() + ", TF " + theirs.shape();
        DType t = theirs.dtype();
        double max = 0;
        for (int k = 0; k < theirs.size(); k++) max = Math.max(max, Math.abs(Buffers.getDouble(theirs.data(), t, k)));
        double slack = ulps * (t == DType.FLOAT64 ? Math.ulp(max) : Math.ulp((float) max));
        for (int k = 0; k < theirs.size(); k++) {
            double a = Buffers.getDouble(mine.data(), t, k), b = Buffers.getDouble(theirs.data(), t, k);
            if (!ResultCheck.close(a, b, t, ulps, slack)) return "element " + k + ": JFlow " + a + ", TF " + b;
        }
        return null;
    }

    private static boolean zero(Tensor t) {
        for (int k = 0; k < t.size(); k++) if (Buffers.getDouble(t.data(), t.dtype(), k) != 0) return false;
        return true;
    }

    private static String preview(Tensor t) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < Math.min(4, t.size()); k++) b.append(k > 0 ? ", " : "").append(Buffers.getDouble(t.data(), t.dtype(), k));
        return b.append(t.size() > 4 ? ", ...]" : "]").toString();
    }
}
