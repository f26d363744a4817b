package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.TypeError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF 2.21's definition of an op JFlow registers under TF's name: its typed inputs and outputs
 * ({@code values: N * T, axis: Tidx -> output: T}), type attributes with their allowed dtypes, number attributes with
 * their minimum, and the summary TF's errors quote. These come from TF's registry ({@code op-defs.txt}, written by
 * {@code op-defs.py}), so the types of TF's ops are declared once, by TF; an op's own {@link Signature} declares
 * what JFlow adds: its attributes, and which of TF's inputs it keeps as attributes ({@code Sum}'s
 * {@code reduction_indices = axis}).
 *
 * <p>Each of TF's inputs is one of JFlow's inputs (matched by name where all of JFlow's names are TF's, else in
 * order), one of JFlow's attributes ({@link Arg#attr}: an attribute named as the input, or renamed in the
 * signature), or neither (an input JFlow's op has no counterpart for). {@link #check} holds a call's inputs to
 * TF's types, with TF's eager errors, before the op's shape rule runs.
 */
public final class TfDef {
    /**
     * One of TF's inputs or outputs: its name, type attribute ({@code T}) or fixed dtype ({@code fixed}; null for
     * one JFlow lacks, such as {@code uint64} or {@code resource}, whose TF name is {@code typeName}), number
     * attribute ({@code N} of {@code N * T}), whether its type attribute is a list ({@code Tin}), and for inputs the
     * JFlow attribute that holds it ({@code attr}, or null) and JFlow's input ({@code jflowArg}: its index among
     * the signature's inputs, or -1).
     */
    public record Arg(String name, String typeName, String typeAttr, DType fixed, String numberAttr, boolean typeList,
                      String attr, int jflowArg) {
        /** Whether a JFlow input is this one. */
        public boolean isInput() { return jflowArg >= 0; }
    }

    /** A type attribute: its allowed dtypes (null: any) and TF's text of the list, as TF's errors quote it. */
    record TypeAttr(String name, Set<DType> allowed, String allowedText, boolean list) {}

    private final List<Arg> inputs;
    private final List<Arg> outputs;
    private final List<TypeAttr> typeAttrs;
    /** Per number attribute typing one of JFlow's inputs: its name, minimum and JFlow's input (a list). */
    private final String[] numberNames;
    private final int[] numberMin;
    private final int[] numberArg;
    private final String summary;
    /** Per JFlow input (declared argument): TF's argument, or null. */
    private final Arg[] byJflowArg;
    /** Per JFlow input: the slot of its type attribute in {@link #typeAttrs}, or -1. */
    private final int[] slot;

    private TfDef(List<Arg> inputs, List<Arg> outputs, List<TypeAttr> typeAttrs, Map<String, Integer> numberMins,
                  String summary, int jflowArgs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.typeAttrs = typeAttrs;
        this.summary = summary;
        if (typeAttrs.size() > 12) throw new IllegalStateException("More type attributes than check() can hold");
        this.byJflowArg = new Arg[jflowArgs];
        this.slot = new int[jflowArgs];
        java.util.Arrays.fill(slot, -1);
        List<Arg> counted = inputs.stream().filter(a -> a.isInput() && a.numberAttr != null).toList();
        this.numberNames = counted.stream().map(Arg::numberAttr).toArray(String[]::new);
        this.numberMin = counted.stream().mapToInt(a -> numberMins.get(a.numberAttr)).toArray();
        this.numberArg = counted.stream().mapToInt(Arg::jflowArg).toArray();
        for (Arg a : inputs) {
            if (!a.isInput()) continue;
            byJflowArg[a.jflowArg] = a;
            for (int s = 0; s < typeAttrs.size(); s++) {
                if (!typeAttrs.get(s).list && typeAttrs.get(s).name.equals(a.typeAttr)) slot[a.jflowArg] = s;
            }
        }
    }

    /** TF's inputs, in TF's order. */
    public List<Arg> inputs() { return inputs; }

    /** TF's outputs. */
    public List<Arg> outputs() { return outputs; }

    /** TF's one-line summary of the op ({@code SummarizeOpDef}): {@code Op<name=Sum; signature=...>}. */
    public String summary() { return summary; }

    /**
     * A call's inputs held to TF's definition, with TF's eager errors in TF's order ({@code ValidateNodeDef}, then
     * the kernel's input check): a number attribute below its minimum, a type attribute whose dtype (read off the
     * first input it types) TF does not allow, then an input of another dtype than its type attribute's or its
     * fixed dtype. {@code sig} is the op's JFlow signature, which places the inputs in its arguments.
     */
    void check(String op, Signature sig, Tensor[] in) {
        int n = in.length;
        long bound = 0; // per type attribute, 5 bits: the ordinal + 1 of its dtype, read off its first input
        int mismatch = -1;
        for (int i = 0; i < n; i++) {
            int arg = sig.argOf(i, n);
            if (arg < 0 || arg >= byJflowArg.length) continue;
            Arg a = byJflowArg[arg];
            if (a == null) continue;
            DType d = in[i].dtype();
            int s = slot[arg];
            if (s >= 0) {
                long b = (bound >>> (5 * s)) & 31;
                if (b == 0) bound |= (long) (d.ordinal() + 1) << (5 * s);
                else if (b != d.ordinal() + 1 && mismatch < 0) mismatch = i;
            } else if (a.fixed != null && a.fixed != d && mismatch < 0) {
                mismatch = i;
            }
        }
        for (int k = 0; k < numberNames.length; k++) {
            int count = sig.countOfArg(numberArg[k], n);
            // an empty list types nothing: TF then finds no kernel, which the op's own rule answers
            if (count > 0 && count < numberMin[k]) {
                throw new InvalidArgumentError("Value for attr '" + numberNames[k] + "' of " + count
                        + " must be at least minimum " + numberMin[k] + "\n\t; NodeDef: {{node " + op + "}}; "
                        + summary);
            }
        }
        for (int s = 0; bound != 0 && s < typeAttrs.size(); s++) {
            TypeAttr t = typeAttrs.get(s);
            DType d = bound(bound, s);
            if (d != null && t.allowed != null && !t.allowed.contains(d)) {
                throw new InvalidArgumentError("Value for attr '" + t.name + "' of " + d.kernelName()
                        + " is not in the list of allowed values: " + t.allowedText + "\n\t; NodeDef: {{node " + op
                        + "}}; " + summary);
            }
        }
        if (mismatch >= 0) {
            int arg = sig.argOf(mismatch, n);
            DType expected = slot[arg] >= 0 ? bound(bound, slot[arg]) : byJflowArg[arg].fixed;
            throw new InvalidArgumentError("cannot compute " + op + " as input #" + tfIndex(sig, mismatch, n)
                    + "(zero-based) was expected to be a " + expected.kernelName() + " tensor but is a "
                    + in[mismatch].dtype().kernelName() + " tensor");
        }
    }

    private static DType bound(long bound, int slot) {
        int b = (int) ((bound >>> (5 * slot)) & 31);
        return b == 0 ? null : DTYPES[b - 1];
    }

    private static final DType[] DTYPES = DType.values();


    /** TF's position of JFlow's input {@code i} of {@code n}: TF's inputs before it, lists counted in full. */
    private int tfIndex(Signature sig, int i, int n) {
        int arg = sig.argOf(i, n);
        int index = 0;
        for (Arg a : inputs) {
            if (a.jflowArg == arg) return index + (i - sig.firstOf(arg, n));
            index += a.isInput() ? sig.countOfArg(a.jflowArg, n) : 1;
        }
        return i;
    }

    /**
     * TF's {@code ValidateNodeDef} error for a call with {@code n} inputs where the signature takes another
     * number: the inputs TF expects, each named by its dtype where the call's inputs give it.
     */
    InvalidArgumentError countError(String op, Signature sig, Tensor[] in) {
        Map<String, DType> bound = new HashMap<>();
        for (int i = 0; i < in.length; i++) {
            int arg = sig.argOf(i, in.length);
            Arg a = arg >= 0 && arg < byJflowArg.length ? byJflowArg[arg] : null;
            if (a != null && a.typeAttr != null) bound.putIfAbsent(a.typeAttr, in[i].dtype());
        }
        List<String> names = new ArrayList<>();
        int specified = 0;
        for (Arg a : inputs) {
            int count = a.isInput() ? sig.countOfArg(a.jflowArg, in.length) : 1;
            if (a.isInput() || a.attr != null) specified += count;
            DType d = a.fixed != null ? a.fixed : bound.get(a.typeAttr);
            for (int k = 0; k < Math.max(count, a.numberAttr == null ? 1 : 0); k++) {
                names.add(d != null ? d.kernelName() : a.typeAttr != null ? a.typeAttr : a.typeName);
            }
        }
        return new InvalidArgumentError("NodeDef expected inputs '" + String.join(", ", names) + "' do not match "
                + specified + " inputs specified; " + summary + "; NodeDef: {{node " + op + "}}");
    }

    private static final Map<String, List<String>> DEFS = load();

    private static Map<String, List<String>> load() {
        Map<String, List<String>> byOp = new HashMap<>();
        try (InputStream in = TfDef.class.getResourceAsStream("op-defs.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("op ")) byOp.put(line.substring(3), current = new ArrayList<>());
                else if (line.startsWith("  ") && current != null) current.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byOp;
    }

    /**
     * TF's definition of {@code op}, its inputs matched to those {@code sig} declares, or null where TF's registry
     * has no op of that name (the ops JFlow adds: {@code Gelu}, {@code Dropout}...).
     */
    static TfDef of(String op, Signature sig) {
        List<String> lines = DEFS.get(op);
        if (lines == null) return null;
        List<TypeAttr> types = new ArrayList<>();
        Map<String, Integer> mins = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String rest = line.substring(colon + 1).strip();
            if (rest.startsWith("int")) {
                int ge = rest.indexOf(">=");
                mins.put(name, ge < 0 ? 0 : Integer.parseInt(rest.substring(ge + 2).strip()));
            } else if (rest.startsWith("list(type)")) {
                types.add(new TypeAttr(name, null, null, true));
            } else if (rest.startsWith("{")) {
                String text = rest.substring(1, rest.indexOf('}'));
                Set<DType> allowed = EnumSet.noneOf(DType.class);
                for (String t : text.split(", ")) {
                    DType d = dtype(t);
                    if (d != null) allowed.add(d);
                }
                types.add(new TypeAttr(name, allowed, text, false));
            } else {
                types.add(new TypeAttr(name, null, null, false));
            }
        }
        String args = lines.getFirst();
        int arrow = args.indexOf("->");
        List<String[]> in = parts(args.substring(0, arrow));
        List<String[]> out = parts(args.substring(arrow + 2));
        int[] jflow = match(in, sig, types);
        List<Arg> inputs = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            String name = in.get(k)[0];
            String attr = sig.attrFeeding(name);
            inputs.add(arg(name, in.get(k)[1], types, attr, jflow[k]));
        }
        List<Arg> outputs = new ArrayList<>();
        for (String[] o : out) outputs.add(arg(o[0], o[1], types, null, -1));
        return new TfDef(List.copyOf(inputs), List.copyOf(outputs), List.copyOf(types), mins, lines.getLast(),
                sig.inputs().size());
    }

    /**
     * Which of JFlow's inputs each of TF's is ({@code -1}: an attribute or none): by name where every JFlow input
     * is named as one of TF's, else in order over TF's inputs that no JFlow attribute alone holds.
     */
    private static int[] match(List<String[]> tf, Signature sig, List<TypeAttr> types) {
        int[] jflow = new int[tf.size()];
        java.util.Arrays.fill(jflow, -1);
        List<ArgDef> mine = sig.inputs();
        boolean byName = true;
        for (ArgDef a : mine) {
            boolean found = false;
            for (String[] t : tf) found |= t[0].equals(a.name());
            byName &= found;
        }
        int next = 0;
        for (int k = 0; k < tf.size(); k++) {
            String name = tf.get(k)[0];
            if (byName) {
                for (int j = 0; j < mine.size(); j++) if (mine.get(j).name().equals(name)) jflow[k] = j;
            } else if (!sig.attrOnly(name) && next < mine.size()) {
                jflow[k] = next++;
            }
            // a list of JFlow's is no single input of TF's (PrintV2's tensors are TF's formatted string)
            boolean tfList = tf.get(k)[1].contains("*") || isList(tf.get(k)[1], types);
            if (jflow[k] >= 0 && mine.get(jflow[k]).list() != tfList) {
                jflow[k] = -1;
            }
        }
        return jflow;
    }

    private static boolean isList(String type, List<TypeAttr> types) {
        for (TypeAttr t : types) if (t.name.equals(type)) return t.list;
        return false;
    }

    private static Arg arg(String name, String type, List<TypeAttr> types, String attr, int jflowArg) {
        String t = type.startsWith("Ref(") ? type.substring(4, type.length() - 1) : type;
        String number = null;
        int star = t.indexOf('*');
        if (star >= 0) {
            number = t.substring(0, star).strip();
            t = t.substring(star + 1).strip();
        }
        for (TypeAttr a : types) {
            if (a.name.equals(t)) return new Arg(name, t, t, null, number, a.list, attr, jflowArg);
        }
        return new Arg(name, t, null, dtype(t), number, false, attr, jflowArg);
    }

    private static List<String[]> parts(String text) {
        List<String[]> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (p.isBlank()) continue;
            int colon = p.indexOf(':');
            out.add(new String[] {p.substring(0, colon).strip(), p.substring(colon + 1).strip()});
        }
        return out;
    }

    /** JFlow's dtype of TF's name, or null for those JFlow lacks (uint64, qint8, resource...). */
    private static DType dtype(String name) {
        try {
            return DType.of(name);
        } catch (TypeError notInJFlow) {
            return null;
        }
    }
}
