package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an op takes and gives, declared with the op as TF's {@code REGISTER_OP} declares it: inputs, outputs and
 * attributes, written in TF's syntax,
 * <pre>{@code Signature.of("input -> output", "axis: list(int) = None", "keep_dims: bool = false")}</pre>
 * An input or output is {@code name}, {@code name: type} or, for any number of tensors, {@code name: N * T};
 * {@code name?} is an input JFlow's op may be called without. An attribute is {@code name: type}, required, or
 * {@code name: type = default}, where {@code None} means it may be left out and the op reads its absence; a
 * string or type attribute may list its allowed values instead of its type ({@code padding: {'SAME', 'VALID'}},
 * {@code out_type: {int32, int64} = int32}). Ops of a family sharing a constructor share one signature.
 *
 * <p>The attributes are JFlow's: where JFlow keeps as an attribute what TF's op takes as an input ({@code Sum}'s
 * axes), the attribute is declared; TF's type attributes ({@code T}), which JFlow reads off the tensors, are not.
 * {@link Dispatcher} checks every call's attributes against the declaration ({@link #check}) and fills in
 * the declared defaults, so kernels read every declared attribute whether or not the caller gave it.
 */
public final class Signature {
    private final List<ArgDef> inputs;
    private final List<ArgDef> outputs;
    private final AttrDef[] attrs;
    private final AttrDef[] defaults;
    private final int required;
    /** TF's inputs JFlow keeps as attributes under other names: {@code reduction_indices = axis}. */
    private final Map<String, String> renamed;
    /** The index of the input that is a list, or -1. */
    private final int listAt;
    private final int minInputs;
    private final int maxInputs;
    /** TF's definition, once the signature is bound to the op's name ({@link #bind}); null where TF has none. */
    private final TfDef tf;

    private Signature(List<ArgDef> inputs, List<ArgDef> outputs, AttrDef[] attrs, Map<String, String> renamed,
                      String op) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.attrs = attrs;
        this.renamed = renamed;
        this.defaults = Arrays.stream(attrs).filter(AttrDef::hasDefault).toArray(AttrDef[]::new);
        this.required = (int) Arrays.stream(attrs).filter(AttrDef::required).count();
        int list = -1;
        for (int i = 0; i < inputs.size(); i++) if (inputs.get(i).list()) list = i;
        this.listAt = list;
        int min = 0;
        for (ArgDef a : inputs) if (!a.optional() && (!a.list() || a.type().contains("*"))) min++;
        this.minInputs = min;
        this.maxInputs = list >= 0 ? Integer.MAX_VALUE : inputs.size();
        this.tf = op == null ? null : TfDef.of(op, this);
    }

    /**
     * {@code args} as {@code "x, y -> z"}, then one string per attribute. An input written
     * {@code reduction_indices = axis} is TF's input that JFlow's op keeps as its attribute {@code axis}; TF's inputs
     * named as one of the op's integer attributes are that attribute without saying so.
     */
    public static Signature of(String args, String... attrs) {
        int arrow = args.indexOf("->");
        if (arrow < 0) throw new IllegalArgumentException("Signature '" + args + "' has no '->'");
        AttrDef[] defs = new AttrDef[attrs.length];
        for (int i = 0; i < attrs.length; i++) defs[i] = parseAttr(attrs[i]);
        Map<String, String> renamed = new LinkedHashMap<>();
        return new Signature(args(args.substring(0, arrow), renamed), args(args.substring(arrow + 2), renamed), defs,
                Map.copyOf(renamed), null);
    }

    /** This signature of op {@code name}, with TF's definition of the op where TF has one ({@link TfDef}). */
    Signature bind(String name) { return new Signature(inputs, outputs, attrs, renamed, name); }

    /** TF's definition of the op, or null where TF's registry lacks it or the signature is not an op's. */
    public TfDef tf() { return tf; }

    /**
     * The call's inputs held to the declaration before the shape rule sees them, with TF's eager errors: their
     * number, then (for TF's ops) the number attributes' minimums, the allowed dtypes and the dtypes that inputs
     * typed by one attribute share ({@link TfDef#check}).
     */
    public void checkInputs(String op, Tensor[] in) {
        int n = in.length;
        if (n < minInputs || n > maxInputs) {
            if (tf != null) throw tf.countError(op, this, in);
            throw new InvalidArgumentError("NodeDef expected inputs '" + String.join(", ",
                    inputs.stream().map(a -> a.type().isEmpty() ? a.name() : a.type()).toList()) + "' do not match "
                    + n + " inputs specified; " + summary(op) + "; NodeDef: {{node " + op + "}}");
        }
        if (tf != null) tf.check(op, this, in);
    }

    /**
     * The JFlow attribute holding TF's input {@code name}, or null: renamed, or an integer, shape or resource
     * attribute of its name.
     */
    public String attrFeeding(String name) {
        String a = renamed.get(name);
        if (a != null) return a;
        AttrDef d = attr(name);
        return d != null && (d.type() == AttrType.INT || d.type() == AttrType.LIST_INT || d.type() == AttrType.SHAPE
                || d.type() == AttrType.RESOURCE) ? name : null;
    }

    /** Whether TF's input {@code name} is only ever an attribute of JFlow's op (no input of JFlow's has its name). */
    boolean attrOnly(String name) {
        if (attrFeeding(name) == null) return false;
        for (ArgDef a : inputs) if (a.name().equals(name)) return false;
        return true;
    }

    /** The declared input that the {@code i}th of {@code n} inputs is, or -1 past the declared ones. */
    int argOf(int i, int n) {
        if (listAt < 0) return i < inputs.size() ? i : -1;
        int count = listCount(n);
        return i < listAt ? i : i < listAt + count ? listAt : listAt + 1 + (i - listAt - count);
    }

    /** How many of {@code n} inputs the declared input {@code arg} is: the list's length, else 1 or 0. */
    public int countOfArg(int arg, int n) {
        if (arg == listAt) return listCount(n);
        return listAt >= 0 || arg < n ? 1 : 0;
    }

    /** The index among {@code n} inputs of the first that declared input {@code arg} is. */
    public int firstOf(int arg, int n) { return listAt < 0 || arg <= listAt ? arg : arg - 1 + listCount(n); }

    private int listCount(int n) { return Math.max(0, n - (inputs.size() - 1)); }

    public List<ArgDef> inputs() { return inputs; }

    public List<ArgDef> outputs() { return outputs; }

    public List<AttrDef> attrs() { return List.of(attrs); }

    /** The attribute named {@code name}, or null where the op declares none. */
    public AttrDef attr(String name) {
        for (AttrDef d : attrs) if (d.name().equals(name)) return d;
        return null;
    }

    /**
     * The fewest inputs a node of this op has: one per input but optional ones, and one per list of
     * {@code N * T} (TF declares {@code N >= 1}; a list of types may be empty).
     */
    public int minInputs() { return minInputs; }

    /** The most inputs, or {@code Integer.MAX_VALUE} where an input is a list. */
    public int maxInputs() { return maxInputs; }

    /**
     * {@code attrs} checked against the declaration with TF's eager errors (an attribute the op does not declare,
     * one of the wrong type, a value not allowed, a required one missing) and given the declared defaults of the
     * attributes it leaves out. A call with no attributes to an op declaring none costs one comparison.
     */
    public Attrs check(String op, Attrs attrs) {
        int n = attrs.size();
        if (n == 0 && this.attrs.length == 0) return attrs;
        int requiredGiven = 0;
        for (int i = 0; i < n; i++) {
            String key = attrs.key(i);
            AttrDef d = find(key, i);
            if (d == null) throw new InvalidArgumentError("Attribute '" + key + "' does not exist for this operation");
            Object v = attrs.value(i);
            if (!d.type().accepts(v)) throw new InvalidArgumentError(d.type().mismatch(key, v));
            if (!d.allowed().isEmpty() && !d.allows(v)) throw new InvalidArgumentError(notAllowed(d, v));
            if (d.required()) requiredGiven++;
        }
        if (requiredGiven < required) {
            for (AttrDef d : this.attrs) if (d.required() && !attrs.hasGiven(d.name())) throw missing(op, d);
        }
        return defaults.length == 0 || n == this.attrs.length ? attrs : attrs.withDefaults(defaults);
    }

    /**
     * The attribute named {@code key}, the {@code i}th of a call: calls mostly give attributes in declaration
     * order under literal (interned) names, so the guess at {@code i} and identity settle most lookups.
     */
    private AttrDef find(String key, int i) {
        if (i < attrs.length && attrs[i].name() == key) return attrs[i];
        for (AttrDef d : attrs) if (d.name() == key) return d;
        return attr(key);
    }

    /**
     * {@code attrs} reading the declared defaults where they have no entry, unchecked: for attributes checked
     * elsewhere (a GraphDef's node, whose undeclared attributes TF's importer ignores).
     */
    public Attrs withDefaults(Attrs attrs) { return defaults.length == 0 ? attrs : attrs.withDefaults(defaults); }

    /**
     * TF's {@code ValidateAttrValue} text, without the NodeDef tail that JFlow's eager allowed-values errors
     * leave out.
     */
    public static String notAllowed(AttrDef d, Object v) {
        StringBuilder sb = new StringBuilder("Value for attr '").append(d.name()).append("' of ")
                .append(AttrDef.text(v)).append(" is not in the list of allowed values: ");
        for (int i = 0; i < d.allowed().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(AttrDef.text(d.allowed().get(i)));
        }
        return sb.toString();
    }

    /** TF's {@code ValidateNodeDef} error for a required attribute left out. */
    private InvalidArgumentError missing(String op, AttrDef d) {
        return new InvalidArgumentError("NodeDef missing attr '" + d.name() + "' from " + summary(op)
                + "; NodeDef: {{node " + op + "}}");
    }

    /** TF's one-line summary of an op definition ({@code SummarizeOpDef}): {@code Op<name=Sum; signature=...>}. */
    public String summary(String op) {
        StringBuilder sb = new StringBuilder("Op<name=").append(op).append("; signature=");
        join(sb, inputs).append(" -> ");
        join(sb, outputs);
        for (AttrDef d : attrs) sb.append("; attr=").append(d);
        return sb.append('>').toString();
    }

    private static StringBuilder join(StringBuilder sb, List<ArgDef> args) {
        for (int i = 0; i < args.size(); i++) sb.append(i == 0 ? "" : ", ").append(args.get(i));
        return sb;
    }

    private static List<ArgDef> args(String text, Map<String, String> renamed) {
        List<ArgDef> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            int eq = s.indexOf('=');
            if (eq >= 0) {
                renamed.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip().intern());
                continue;
            }
            int colon = s.indexOf(':');
            String name = (colon < 0 ? s : s.substring(0, colon)).strip();
            String type = colon < 0 ? "" : s.substring(colon + 1).strip();
            boolean optional = name.endsWith("?");
            if (optional) name = name.substring(0, name.length() - 1);
            out.add(new ArgDef(name, type, type.contains("*") || type.startsWith("list("), optional));
        }
        return List.copyOf(out);
    }

    private static AttrDef parseAttr(String spec) {
        int colon = spec.indexOf(':');
        String name = spec.substring(0, colon).strip();
        String rest = spec.substring(colon + 1).strip();
        int eq = rest.lastIndexOf('=');
        String typeText = (eq < 0 ? rest : rest.substring(0, eq)).strip();
        String defaultText = eq < 0 ? null : rest.substring(eq + 1).strip();
        AttrType type;
        List<Object> allowed = new ArrayList<>();
        if (typeText.startsWith("{")) {
            String[] values = typeText.substring(1, typeText.length() - 1).split(",");
            type = values[0].strip().startsWith("'") ? AttrType.STRING : AttrType.TYPE;
            for (String v : values) allowed.add(value(type, v.strip()));
        } else {
            type = AttrType.of(typeText);
        }
        Object dflt = defaultText == null ? AttrDef.NONE
                : defaultText.equals("None") ? AttrDef.ABSENT : value(type, defaultText);
        // interned, as the literal attribute names of calls are, so that lookups compare references first
        return new AttrDef(name.intern(), type, dflt, List.copyOf(allowed));
    }

    private static Object value(AttrType type, String text) {
        return switch (type) {
            case INT -> {
                long v = Long.parseLong(text);
                yield v == (int) v ? (Object) (int) v : (Object) v;
            }
            case FLOAT -> Double.parseDouble(text);
            case BOOL -> Boolean.parseBoolean(text);
            case STRING -> text.substring(1, text.length() - 1);
            case TYPE -> DType.of(text);
            case LIST_INT -> {
                String inner = text.substring(1, text.length() - 1).strip();
                yield inner.isEmpty() ? new int[0]
                        : Arrays.stream(inner.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
            }
            default -> throw new IllegalArgumentException("No default of type " + type.tfName() + ": " + text);
        };
    }
}
