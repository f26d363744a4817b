package org.jflow;

import org.jflow.errors.RuntimeError;
import org.jflow.errors.ValueError;
import org.jflow.graph.NameScope;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * TF's {@code tf.Module}: a named container whose variables and child modules are found by looking
 * at its attributes, here its fields (and values attached with {@link #track}, Python's
 * {@code module.x = ...}). Subclass it and create variables under {@link #nameScope()} to have
 * them named {@code module_name/...}:
 * <pre>{@code
 * class DemoModule extends Module {
 *     final Variable x;
 *     DemoModule(Tensor init) {
 *         try (var scope = nameScope()) { x = tf.Variable(init); }   // 'demo_module/Variable:0'
 *     }
 * }
 * }</pre>
 * As in TF, attributes are visited in name order, a module's own leaves before its submodules'
 * (depth first), each object once; {@code List}s, arrays and {@code Map}s are searched inside.
 *
 * <p>Subclasses that know their state (Keras layers) track it explicitly instead, as Keras 3's
 * {@code Tracker} does on attribute assignment: constructed with {@code super(name, true)}, a module
 * lists exactly what it passed to {@link #trackVariable} and {@link #trackSubmodule} (and
 * {@link #track}), in that order, so a {@code Dense} layer's weights are {@code [kernel, bias]} as
 * Keras' {@code get_weights()}, {@code .h5} weight names and optimizer slots expect, and no field is
 * read by reflection.
 */
public class Module {
    /** TF's {@code camel_to_snake}: an underscore before each capital that starts a word. */
    private static final Pattern WORD_START = Pattern.compile("((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final String scopePath;
    private final Map<String, Object> attached = new LinkedHashMap<>();
    /** What explicit tracking recorded, in creation order; null where fields are searched (tf.Module's way). */
    private final List<Object> tracked;

    /** A module named after its class in snake_case: {@code DemoModule} is {@code demo_module}. */
    public Module() { this(null); }

    /** {@code tf.Module(name=...)}; a subclass passes its own with {@code super(name)}. Null means the default. */
    public Module(String name) { this(name, false); }

    /**
     * A module whose variables and submodules are those it tracks explicitly ({@code explicitTracking}),
     * in creation order, or (false) those its fields hold, as {@code tf.Module} finds them.
     */
    protected Module(String name, boolean explicitTracking) {
        this.tracked = explicitTracking ? new java.util.concurrent.CopyOnWriteArrayList<>() : null;
        if (name != null && !IDENTIFIER.matcher(name).matches()) {
            throw new ValueError("'" + name + "' is not a valid module name. Module names must be valid Python 3 identifiers.");
        }
        this.name = name != null ? name : snakeCase(namedClass(getClass()).getSimpleName());
        try (NameScope scope = NameScope.enter(this.name)) {
            this.scopePath = scope.path();
        }
    }

    private static Class<?> namedClass(Class<?> c) {
        while (c.isAnonymousClass()) c = c.getSuperclass();
        return c;
    }

    static String snakeCase(String camel) { return WORD_START.matcher(camel).replaceAll("_$1").toLowerCase(); }

    /** TF's {@code module.name}. */
    public String name() { return name; }

    /**
     * TF's {@code with self.name_scope:}: the module's own scope, reopened ({@code demo_module}, or
     * {@code outer/demo_module} for a module created inside another scope).
     */
    public NameScope nameScope() { return NameScope.reenter(scopePath); }

    /** Python's {@code module.attr = value} on a plain module: the value is then searched like a field. Returns it. */
    public <T> T track(String attribute, T value) {
        attached.put(attribute, value);
        if (tracked != null) tracked.add(value);
        return value;
    }

    /**
     * Keras' {@code _track_variable}: lists {@code variable} after those tracked before it. Only for
     * modules constructed with explicit tracking. Returns it.
     */
    protected final <V extends Variable> V trackVariable(V variable) { return trackExplicitly(variable); }

    /** Keras' {@code _track_layer}: lists {@code module} (and, through it, its state) after what was tracked before. */
    protected final <M extends Module> M trackSubmodule(M module) { return trackExplicitly(module); }

    private <T> T trackExplicitly(T value) {
        if (tracked == null) {
            throw new RuntimeError("trackVariable and trackSubmodule need explicit tracking: construct the module with "
                    + "super(name, true); a plain tf.Module finds its state in its fields.");
        }
        tracked.add(value);
        return value;
    }

    /** The value attached as {@code attribute} with {@link #track}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String attribute) {
        if (!attached.containsKey(attribute)) {
            throw new org.jflow.errors.AttributeError("'" + namedClass(getClass()).getSimpleName() + "' object has no attribute '" + attribute + "'");
        }
        return (T) attached.get(attribute);
    }

    /** TF's {@code module.variables}: every variable of this module and its submodules. */
    public Tuple<Variable> variables() { return collect(Variable.class, v -> true); }

    /** TF's {@code module.trainable_variables}. */
    public Tuple<Variable> trainableVariables() { return collect(Variable.class, Variable::trainable); }

    /** TF's {@code module.submodules}: every module reachable from this one, this one excluded. */
    public Tuple<Module> submodules() { return collect(Module.class, m -> true); }

    private <T> Tuple<T> collect(Class<T> type, Predicate<T> wanted) {
        List<T> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(this);
        walk(this, type, wanted, seen, out);
        return new Tuple<>(out);
    }

    /** TF's {@code _flatten_module}: this module's leaves in attribute-name order, then each submodule found. */
    private static <T> void walk(Module module, Class<T> type, Predicate<T> wanted, Set<Object> seen, List<T> out) {
        List<Module> submodules = new ArrayList<>();
        for (Object value : module.tracked != null ? module.tracked : module.attributeValues()) {
            List<Object> leaves = new ArrayList<>();
            flatten(value, leaves);
            for (Object leaf : leaves) {
                if (leaf == null || !seen.add(leaf)) continue;
                if (type.isInstance(leaf) && wanted.test(type.cast(leaf))) out.add(type.cast(leaf));
                if (leaf instanceof Module m) submodules.add(m);
            }
        }
        for (Module m : submodules) walk(m, type, wanted, seen, out);
    }

    /** One of a module's attributes: a field of a subclass, or a value attached with {@link #track}. */
    private record Attribute(String name, Object value) {}

    /** The attributes' values, sorted by name as TF sorts {@code vars(module)}. */
    private List<Object> attributeValues() {
        List<Attribute> attributes = new ArrayList<>();
        attached.forEach((name, value) -> attributes.add(new Attribute(name, value)));
        for (Class<?> c = getClass(); c != Module.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) attributes.add(new Attribute(f.getName(), read(f)));
            }
        }
        attributes.sort(Comparator.comparing(Attribute::name));
        return attributes.stream().map(Attribute::value).toList();
    }

    private Object read(Field f) {
        if (!f.trySetAccessible()) {
            throw new RuntimeError("tf.Module cannot read field " + f + ": open its package to org.jflow so that its variables can be found.");
        }
        try {
            return f.get(this);
        } catch (IllegalAccessException e) {
            throw new RuntimeError("tf.Module cannot read field " + f + ": " + e.getMessage());
        }
    }

    /** TF's {@code nest.flatten} of an attribute: lists and arrays in order, maps by sorted key, anything else a leaf. */
    private static void flatten(Object value, List<Object> leaves) {
        switch (value) {
            case Object[] array -> { for (Object x : array) flatten(x, leaves); }
            case List<?> list -> { for (Object x : list) flatten(x, leaves); }
            case Map<?, ?> map -> { for (Object x : sortedByKey(map).values()) flatten(x, leaves); }
            case null, default -> leaves.add(value);
        }
    }

    private static Map<?, ?> sortedByKey(Map<?, ?> map) {
        try {
            return new TreeMap<>(map);
        } catch (ClassCastException | NullPointerException keysNotComparable) {
            return map;
        }
    }
}
