package org.jflow.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the graph demos' {@code tf.print} nodes and trace-time Java prints write, so that both land
 * in the transcript in the order they happened (a {@code tf.print} inside a traced function fixes
 * its stream when traced, and prints each time the graph runs).
 */
final class CapturedOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Shows {@code code}, runs it, then copies what it printed into the transcript. */
    void step(Transcript t, String code, Runnable action) {
        t.print("jflow> " + code);
        action.run();
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        if (!text.isEmpty()) t.print(text.stripTrailing());
    }
}
