package org.jflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values recorded from real TensorFlow: {@code golden/<name>.json}, written by the script
 * {@code golden/<name>.py} beside it (run with the Python oracle). The JSON is Python's
 * {@code json.dump}: objects become maps, arrays lists, numbers doubles (NaN and +-Infinity included).
 */
public final class Golden {
    private final Map<String, Object> cases;

    private Golden(Map<String, Object> cases) { this.cases = cases; }

    /** The cases of {@code golden/<name>.json}. */
    @SuppressWarnings("unchecked")
    public static Golden load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no golden file golden/" + name + ".json");
            return new Golden((Map<String, Object>) new Parser(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case, by name, in the file's order. */
    public Map<String, Object> cases() { return cases; }

    /** Case {@code key}'s recorded value. */
    public Object get(String key) {
        if (!cases.containsKey(key)) throw new IllegalArgumentException("no golden case " + key);
        return cases.get(key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) { return (Map<String, Object>) get(key); }

    public double number(String key) { return ((Number) get(key)).doubleValue(); }

    public String string(String key) { return (String) get(key); }

    /** A flat list of numbers (nested lists flattened in order). */
    public double[] doubles(String key) { return flatten(get(key)); }

    public static double[] flatten(Object v) {
        List<Double> out = new ArrayList<>();
        collect(v, out);
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) d[i] = out.get(i);
        return d;
    }

    private static void collect(Object v, List<Double> out) {
        if (v instanceof List<?> l) for (Object e : l) collect(e, out);
        else if (v instanceof Boolean b) out.add(b ? 1.0 : 0.0);
        else out.add(((Number) v).doubleValue());
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            if (s.startsWith("NaN", i)) { i += 3; return Double.NaN; }
            if (s.startsWith("Infinity", i)) { i += 8; return Double.POSITIVE_INFINITY; }
            if (s.startsWith("-Infinity", i)) { i += 9; return Double.NEGATIVE_INFINITY; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return Double.parseDouble(s.substring(start, i));
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                skip();
                String k = string();
                skip();
                i++; // ':'
                m.put(k, value());
                skip();
                if (s.charAt(i++) == '}') return m;
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                skip();
                if (s.charAt(i++) == ']') return l;
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }

        private void skip() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
    }
}
