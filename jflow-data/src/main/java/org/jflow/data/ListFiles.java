package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
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
 * {@code Dataset.list_files}: the file names matching glob patterns (TF's {@code Matching Files}:
 * wildcards in any path component, names kept as written in the pattern's directory part), sorted,
 * then shuffled unless {@code shuffle} is false. No match is TF's InvalidArgumentError.
 */
final class ListFiles {
    private ListFiles() {}

    static Dataset<Tensor> of(List<String> patterns, boolean shuffle, Long seed) {
        TreeSet<String> names = new TreeSet<>();
        for (String p : patterns) names.addAll(match(p));
        if (names.isEmpty()) {
            throw new InvalidArgumentError("Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
                    + "b'No files matched pattern: " + String.join(",", patterns) + "'");
        }
        Tensor files = Convert.toTensor(names.toArray(new String[0]), DType.STRING);
        Dataset<Tensor> ds = Dataset.fromTensorSlices(files);
        return shuffle ? ds.shuffle(names.size(), seed, true) : ds;
    }

    /** The paths matching one pattern, component by component from its first component with a wildcard. */
    static List<String> match(String pattern) {
        String[] parts = pattern.split("/", -1);
        List<String> prefixes = new ArrayList<>(List.of(pattern.startsWith("/") ? "/" : ""));
        for (int i = pattern.startsWith("/") ? 1 : 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String prefix : prefixes) {
                if (!hasWildcard(part)) {
                    String candidate = join(prefix, part);
                    if (Files.exists(Path.of(candidate.isEmpty() ? "." : candidate)) && (last || Files.isDirectory(Path.of(candidate)))) {
                        next.add(candidate);
                    }
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
        return prefixes;
    }

    private static boolean hasWildcard(String part) {
        return part.contains("*") || part.contains("?") || part.contains("[");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }
}
