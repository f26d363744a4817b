package org.jflow;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keras' global name-uid table ({@code keras.backend.get_uid}, {@code naming.uniquify} and
 * {@code auto_name}): the first object named {@code dense} keeps the name, later ones become
 * {@code dense_1}, {@code dense_2}, ...; {@link #clearSession()} starts over, as Keras'
 * {@code clear_session()} resets its global state. One table for the process, as Keras' is, safe to
 * use from several threads.
 */
public final class NameUids {
    private static final Pattern NON_WORD = Pattern.compile("\\W+");
    private static final Pattern WORD = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");
    private static final Map<String, Integer> UIDS = new HashMap<>();

    private NameUids() {}

    /** Keras' {@code get_uid(prefix)}: 1 on a prefix's first call, then 2, 3, ...; {@link #uniquify}'s table. */
    public static synchronized int getUid(String prefix) { return UIDS.merge(prefix, 1, Integer::sum); }

    /** Keras' {@code uniquify(name)}: {@code name} the first time, then {@code name_1}, {@code name_2}, ... */
    public static synchronized String uniquify(String name) {
        Integer seen = UIDS.get(name);
        UIDS.merge(name, 1, Integer::sum);
        return seen == null ? name : name + "_" + seen;
    }

    /** Keras' {@code auto_name(prefix)}: the class name in snake case, made unique ({@code Dense}: {@code dense}). */
    public static String autoName(String className) { return uniquify(toSnakeCase(className)); }

    /** Keras' {@code to_snake_case}: {@code LSTMCell} is {@code lstm_cell}. */
    public static String toSnakeCase(String name) {
        String s = NON_WORD.matcher(name).replaceAll("");
        s = WORD.matcher(s).replaceAll("$1_$2");
        return CAMEL.matcher(s).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Keras' {@code clear_session()} for names: every prefix starts again at its bare name. */
    public static synchronized void clearSession() { UIDS.clear(); }
}
