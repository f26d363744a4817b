package org.jflow.io.file;

import org.jflow.errors.InvalidArgumentError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * TF's file matching ({@code tf.io.gfile.glob}, {@code MatchingFiles}, {@code Dataset.list_files}): the
 * wildcards {@code *}, {@code ?} and {@code [...]} in any path component, names kept as written in
 * the pattern's literal part, the matches sorted.
 */
public final class Glob {
    private Glob() {}

    /** The sorted paths matching {@code pattern} (none: an empty list). */
    public static List<String> match(String pattern) {
        String[] parts = pattern.split("/", -1);
        List<String> prefixes = new ArrayList<>(List.of(pattern.startsWith("/") ? "/" : ""));
        for (int i = pattern.startsWith("/") ? 1 : 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String prefix : prefixes) {
                if (!hasWildcard(part)) {
                    String candidate = join(prefix, part);
                    Path p = Path.of(candidate.isEmpty() ? "." : candidate);
                    if (Files.exists(p) && (last || Files.isDirectory(p))) next.add(candidate);
                    continue;
                }
                Path dir = Path.of(prefix.isEmpty() ? "." : prefix);
                if (!Files.isDirectory(dir)) continue;
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, part)) {
                    for (Path e : entries) {
                        if (last || Files.isDirectory(e)) next.add(join(prefix, e.getFileName().toString()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (IllegalArgumentException e) {
                    throw new InvalidArgumentError("Invalid glob pattern '" + pattern + "': " + e.getMessage());
                }
            }
            prefixes = next;
        }
        return new ArrayList<>(new TreeSet<>(prefixes));
    }

    private static boolean hasWildcard(String part) {
        return part.contains("*") || part.contains("?") || part.contains("[");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }
}
