package org.jflow;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing below the {@code tf} facade calls it: no main source file of the core, Keras, IO or data other
 * than the facade's own ({@link FacadeClasses}: {@code TF}, its function interfaces and namespaces)
 * names {@code org.jflow.TF} or {@code TF.tf}. Internals call the typed raw ops, which take no
 * Python conveniences, so a gradient never depends on literal dtype inference or {@code tf.divide}'s casts.
 */
class FacadeBoundaryTest {
    private static final Pattern FACADE = Pattern.compile("\\borg\\.jflow\\.TF\\b|\\bTF\\s*\\.\\s*tf\\b");
    private static final List<String> MODULES = List.of("jflow-core", "jflow-keras", "jflow-io", "jflow-data");

    @Test
    void noInternalSourceFileReferencesTheTfFacade() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Set<Path> facade = new TreeSet<>();
        for (String name : FacadeClasses.names()) {
            facade.add(root.resolve("jflow-core/src/main/java").resolve(name.replace('.', '/') + ".java"));
        }
        for (Path f : facade) assertTrue(Files.isRegularFile(f), "facade source " + f + " not found");
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    scanned++;
                    if (!facade.contains(f) && FACADE.matcher(Files.readString(f)).find()) {
                        violations.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(scanned > 250, "only " + scanned + " source files found under " + root);
        assertEquals(List.of(), violations, "internal files that call the tf facade instead of the raw ops");
    }
}
