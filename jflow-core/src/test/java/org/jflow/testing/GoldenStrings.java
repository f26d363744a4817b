package org.jflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a golden file that a Python script under {@code golden/} wrote as one JSON object of
 * strings ({@code json.dump({"case": "result"})}); the core has no JSON library, and flat string maps
 * are all these files hold.
 */
public final class GoldenStrings {
    private final String text;
    private int at;

    private GoldenStrings(String text) { this.text = text; }

    /** The case-to-result map of resource {@code golden/<name>}. */
    public static Map<String, String> load(String name) {
        try (InputStream in = GoldenStrings.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalArgumentException("no golden file " + name);
            return new GoldenStrings(new String(in.readAllBytes(), StandardCharsets.UTF_8)).object();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> object() {
        Map<String, String> out = new LinkedHashMap<>();
        expect('{');
        while (peek() != '}') {
            String key = string();
            expect(':');
            out.put(key, string());
            if (peek() == ',') at++;
        }
        return out;
    }

    private char peek() {
        while (Character.isWhitespace(text.charAt(at))) at++;
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalStateException("expected " + c + " at " + at);
        at++;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        for (char c; (c = text.charAt(at++)) != '"'; ) {
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
