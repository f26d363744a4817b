package org.jflow.cli;

import jdk.jshell.tool.JavaShellToolBuilder;
import org.jflow.TF;
import org.jflow.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.Console;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jflow shell}: JShell with JFlow on the class path, the Vector API module added, and
 * {@code tf} imported, so Python-TF lines can be tried as they are translated. On a terminal it is
 * the JShell tool itself; from a pipe, a {@link ScriptShell} that prints each value as JShell does.
 */
@Command(name = "shell",
        description = {"Start JShell with JFlow on the class path and `tf` imported.",
                "Runs standard input as a script when it is not a terminal: echo 'tf.constant(1)' | jflow shell"})
final class ShellCommand implements Callable<Integer> {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** What every session starts with, after JShell's default imports. */
    static final String STARTUP = """
            import static org.jflow.tensorflow.TensorFlow.tf;
            import org.jflow.*;
            """;

    @ParentCommand
    Main main;

    @Parameters(arity = "0..*", paramLabel = "JSHELL-ARG",
            description = "More jshell arguments on a terminal, e.g. a script file to load.")
    List<String> jshellArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (main.in == System.in && isTerminal()) return interactive();
        try (ScriptShell script = new ScriptShell(classPath(), main.out)) {
            script.eval(STARTUP);
            return script.run(new InputStreamReader(main.in, StandardCharsets.UTF_8)) ? 0 : 1;
        }
    }

    private int interactive() throws Exception {
        Path startup = Files.createTempFile("jflow-shell", ".jsh");
        try {
            Files.writeString(startup, STARTUP);
            List<String> args = new ArrayList<>(List.of(
                    "--class-path", classPath(),
                    "-R--add-modules=" + VECTOR_MODULE,
                    "-C--add-modules=" + VECTOR_MODULE,
                    "--startup", "DEFAULT",
                    "--startup", startup.toString()));
            args.addAll(jshellArgs);
            return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    private static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** This JVM's class path (the launcher's jars), plus wherever jflow-core and the aggregate {@code tf} were loaded from. */
    static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(e);
        }
        for (Class<?> c : List.of(TF.class, TensorFlow.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
