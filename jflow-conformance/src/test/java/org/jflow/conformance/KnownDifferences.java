package org.jflow.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accepted differences from TF, read from {@code known-differences.txt}: lines
 * {@code ops | cases | reason}, where ops and cases are comma-separated globs ({@code *} for any
 * text), tried in file order. An entry that matches no case is stale and fails the run like a
 * mismatch.
 */
final class KnownDifferences {
    record Entry(String op, String cases, String reason, Pattern opPattern, Pattern casePattern) {
        boolean matches(String opName, String label) {
            return opPattern.matcher(opName).matches() && casePattern.matcher(label).matches();
        }

        @Override
        public String toString() { return op + " | " + cases + " | " + reason; }
    }

    private final List<Entry> entries;
    private final Set<Entry> used = new LinkedHashSet<>();

    private KnownDifferences(List<Entry> entries) { this.entries = entries; }

    static KnownDifferences load(String resource) {
        var in = KnownDifferences.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Missing resource " + resource);
        List<Entry> entries = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\|", 3);
                if (f.length != 3) throw new IllegalStateException("Expected 'op | case | reason' in " + resource + ": " + line);
                String op = f[0].strip(), cases = f[1].strip();
                entries.add(new Entry(op, cases, f[2].strip(), glob(op), glob(cases)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new KnownDifferences(entries);
    }

    /** Comma-separated globs as one pattern. */
    private static Pattern glob(String globs) {
        StringBuilder re = new StringBuilder();
        for (String g : globs.split(",")) {
            if (!re.isEmpty()) re.append('|');
            String alt = java.util.Arrays.stream(g.strip().split("\\*", -1)).map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
            re.append("(?:").append(alt).append(')');
        }
        return Pattern.compile(re.toString());
    }

    /** The entry accepting this case's difference, or null. */
    Entry find(String op, String label) {
        for (Entry e : entries) {
            if (e.matches(op, label)) {
                used.add(e);
                return e;
            }
        }
        return null;
    }

    List<Entry> stale() { return entries.stream().filter(e -> !used.contains(e)).toList(); }
}
