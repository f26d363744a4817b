package org.jflow.golden;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden JSON files under {@code src/test/resources/golden/} (written by the script beside each
 * with the Python oracle): objects as maps, arrays as lists, numbers as doubles, null, booleans, strings.
 */
public final class Golden {
    private final String text;
    private int pos;

    private Golden(String text) { this.text = text; }

    /** The parsed content of {@code golden/NAME}. */
    public static Object read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing golden/" + name);
            Golden g = new Golden(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return g.value();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> {
                Map<String, Object> m = new LinkedHashMap<>();
                pos++;
                while (next() != '}') {
                    String k = string();
                    expect(':');
                    m.put(k, value());
                    if (next() == ',') pos++;
                }
                pos++;
                return m;
            }
            case '[' -> {
                List<Object> l = new ArrayList<>();
                pos++;
                while (next() != ']') {
                    l.add(value());
                    if (next() == ',') pos++;
                }
                pos++;
                return l;
            }
            case '"' -> { return string(); }
            default -> {
                for (String word : new String[] {"null", "true", "false"}) {
                    if (text.startsWith(word, pos)) {
                        pos += word.length();
                        return word.equals("null") ? null : Boolean.valueOf(word);
                    }
                }
                int start = pos;
                while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
                return Double.valueOf(text.substring(start, pos));
            }
        }
    }

    private char next() {
        skipSpace();
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (next() != c) throw new IllegalStateException("expected " + c + " at " + pos);
        pos++;
    }

    private void skipSpace() {
        while (Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }
}
