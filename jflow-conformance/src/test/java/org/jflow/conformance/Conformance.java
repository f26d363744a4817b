package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.OpInfos;
import org.jflow.opinfo.ResultCheck;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.OpDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Walks JFlow's op registry: each op with a row in {@link OpTable} runs its cases in JFlow
 * (through the {@link Dispatcher}) and in TF's op of the same name, and the results are compared;
 * the others are sorted into ops without a TF counterpart and ops this table does not cover yet.
 */
final class Conformance {
    enum Verdict { PASS, KNOWN, MISMATCH }

    /** A case's verdict; {@code known} is the accepting entry of a known difference, else null. */
    record Outcome(String label, Verdict verdict, String detail, KnownDifferences.Entry known) {}

    record Results(Map<String, List<Outcome>> byOp, Set<String> noTfCounterpart, Set<String> notCompared, Set<String> uncovered,
                   KnownDifferences known) {
        long cases() { return byOp.values().stream().mapToLong(List::size).sum(); }

        long count(Verdict v) { return byOp.values().stream().flatMap(List::stream).filter(o -> o.verdict() == v).count(); }

        List<String> mismatches() {
            List<String> m = new ArrayList<>();
            byOp.forEach((op, outcomes) -> outcomes.stream().filter(o -> o.verdict() == Verdict.MISMATCH)
                    .forEach(o -> m.add(op + " | " + o.label() + " | " + o.detail())));
            return m;
        }
    }

    static final long SEED = 20260901L;

    private Conformance() {}

    static Results run(KnownDifferences known) {
        Map<String, OpDef> tfOps = TensorFlow.registeredOpList().getOpList().stream()
                .collect(Collectors.toMap(OpDef::getName, d -> d));
        Set<String> registered = OpRegistry.all().stream().map(Op::name).collect(Collectors.toSet());
        for (String op : OpTable.ROWS.keySet()) {
            if (!registered.contains(op)) throw new IllegalStateException("OpTable has a row for " + op + ", which JFlow's registry lacks");
        }
        Map<String, List<Outcome>> byOp = new LinkedHashMap<>();
        Set<String> noTf = new TreeSet<>(), notCompared = new TreeSet<>(), uncovered = new TreeSet<>();
        for (Op op : OpRegistry.all()) {
            OpDef def = tfOps.get(op.name());
            OpTable.Row row = OpTable.ROWS.get(op.name());
            if (def == null) noTf.add(op.name());
            else if (OpInfos.WITHOUT_SAMPLES.containsKey(op.name())) notCompared.add(op.name());
            else if (row == null) uncovered.add(op.name());
            else byOp.put(op.name(), runOp(op, def, row, known));
        }
        return new Results(byOp, noTf, notCompared, uncovered, known);
    }

    private static List<Outcome> runOp(Op op, OpDef def, OpTable.Row row, KnownDifferences known) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Cases.Case> cases;
        try {
            cases = row.cases().cases(new SplittableRandom(SEED ^ op.name().hashCode()));
        } catch (RuntimeException e) {
            return List.of(new Outcome("(case generation)", Verdict.MISMATCH, "harness cannot generate the cases: " + firstLine(e), null));
        }
        try (TfRunner tf = new TfRunner()) {
            for (Cases.Case c : cases) {
                String difference = difference(op, def, row, c, tf);
                if (difference == null) {
                    outcomes.add(new Outcome(c.label(), Verdict.PASS, null, null));
                } else {
                    KnownDifferences.Entry entry = known.find(op.name(), c.label());
                    outcomes.add(new Outcome(c.label(), entry != null ? Verdict.KNOWN : Verdict.MISMATCH, difference, entry));
                }
            }
        }
        return outcomes;
    }

    /** Null when JFlow and TF agree on the case (same results, or both refusing it), else the difference. */
    private static String difference(Op op, OpDef def, OpTable.Row row, Cases.Case c, TfRunner tf) {
        Tensor[] mine = null, theirs = null;
        String myError = null, theirError = null;
        try {
            mine = Dispatcher.execute(op, c.attrs(), c.inputs());
        } catch (RuntimeException e) {
            myError = firstLine(e);
        }
        List<Object> tfInputs;
        Map<String, Object> tfAttrs;
        try {
            tfInputs = new ArrayList<>();
            for (Object in : OpTable.tfInputs(row, listArgs(def), c)) tfInputs.add(constants(in, tf));
            tfAttrs = tfAttrs(row, def, c);
        } catch (RuntimeException e) {
            return "harness cannot map the call to TF: " + firstLine(e);
        }
        try {
            theirs = tf.run(def.getName(), tfInputs, tfAttrs);
        } catch (RuntimeException e) {
            theirError = firstLine(e);
        }
        if (myError != null || theirError != null) {
            if (myError != null && theirError != null) return null;
            return myError != null ? "JFlow rejects (" + myError + "), TF gives " + describe(theirs)
                    : "TF rejects (" + theirError + "), JFlow gives " + describe(mine);
        }
        return row.check() != null ? row.check().difference(mine, theirs, c) : ResultCheck.difference(mine, theirs, row.info(), c.inputs());
    }

    static Object constants(Object in, TfRunner tf) {
        if (in instanceof Tensor t) return tf.constant(t);
        if (in instanceof OpTable.Uint64Input u) return tf.asUint64(tf.constant(u.words()));
        Tensor[] list = (Tensor[]) in;
        Output<?>[] out = new Output<?>[list.length];
        for (int i = 0; i < list.length; i++) out[i] = tf.constant(list[i]);
        return out;
    }

    static boolean[] listArgs(OpDef def) {
        boolean[] list = new boolean[def.getInputArgCount()];
        for (int i = 0; i < list.length; i++) {
            OpDef.ArgDef a = def.getInputArg(i);
            list[i] = !a.getNumberAttr().isEmpty() || !a.getTypeListAttr().isEmpty();
        }
        return list;
    }

    /** JFlow's attributes (those taken as inputs left out), plus the row's implicit ones. */
    static Map<String, Object> tfAttrs(OpTable.Row row, OpDef def, Cases.Case c) {
        Set<String> tfNames = def.getAttrList().stream().map(OpDef.AttrDef::getName).collect(Collectors.toSet());
        List<String> asInputs = OpTable.attrsAsInputs(row);
        Map<String, Object> attrs = new HashMap<>();
        Attrs a = c.attrs();
        for (int i = 0; i < a.size(); i++) {
            if (asInputs.contains(a.key(i))) continue;
            String name = a.key(i);
            if (!tfNames.contains(name)) throw new IllegalStateException("JFlow attribute " + name + " has no TF counterpart; map it in OpTable");
            attrs.put(name, tfValue(a.value(i)));
        }
        attrs.putAll(OpTable.implicitAttrs(row, c));
        return attrs;
    }

    private static Object tfValue(Object v) {
        return switch (v) {
            case Integer i -> (long) i;
            case Long l -> l;
            case int[] ints -> java.util.Arrays.stream(ints).asLongStream().toArray();
            case Double d -> (float) (double) d;
            case DType t -> TfRunner.dataType(t);
            case Shape s -> TfRunner.tfShape(s);
            default -> v; // Boolean, Float, String
        };
    }

    private static String describe(Tensor[] out) {
        return java.util.Arrays.stream(out).map(t -> t.dtype().tfName() + " " + t.shape()).collect(Collectors.joining(", "));
    }

    static String firstLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
