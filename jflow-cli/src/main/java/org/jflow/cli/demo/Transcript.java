package org.jflow.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import static org.jflow.tensorflow.TensorFlow.tf;

/**
 * What a demo prints: each step as the Java line a user would type, then what TF would print for
 * it ({@code print(x)} in Python is {@code toString()} here), like a REPL session.
 */
public final class Transcript {
    private final PrintWriter out;

    public Transcript(PrintWriter out) { this.out = out; }

    /** A section heading. */
    public void section(String title) {
        out.println();
        out.println("## " + title);
    }

    /** A remark between steps. */
    public void note(String text) { out.println("// " + text); }

    /** Shows {@code code}, evaluates it and prints the value; returns it for the next steps. */
    public <T> T show(String code, Supplier<T> value) {
        out.println("jflow> " + code);
        T v = value.get();
        out.println(v);
        return v;
    }

    /** Shows {@code code} and the message of the exception it throws, as TF reports errors. */
    public void showError(String code, Runnable action) {
        out.println("jflow> " + code);
        try {
            action.run();
            out.println("(no error)");
        } catch (RuntimeException e) {
            out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Python's {@code print(*values)}: each value's text, separated by spaces. */
    public void print(Object... values) {
        out.println(Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(" ")));
    }

    /** {@code tf.print(*inputs)} into this transcript, as TF's summarizer writes the values. */
    public void tfPrint(Object... inputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            tf.print(o -> o.outputStream(stream), inputs);
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
    }

    public void flush() { out.flush(); }
}
