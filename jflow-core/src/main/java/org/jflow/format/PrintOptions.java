package org.jflow.format;

import java.io.PrintStream;

/**
 * {@code tf.print}'s keyword arguments: {@code o -> o.summarize(-1).sep(", ").end("")}.
 * TF itself defaults to stderr; JFlow prints to stdout, where tutorials' output is expected.
 */
public final class PrintOptions {
    /** Null: {@code System.out} as it is when the print runs. */
    PrintStream outputStream;
    int summarize = 3;

    PrintStream stream() { return outputStream != null ? outputStream : System.out; }
    String sep = " ";
    String end = "\n";

    /** Where to print ({@code output_stream}); {@code System.err} for TF's own default. */
    public PrintOptions outputStream(PrintStream out) { this.outputStream = out; return this; }

    /** Elements printed at each end of a dimension longer than twice this; -1 prints everything. */
    public PrintOptions summarize(int summarize) { this.summarize = summarize; return this; }

    /** Text between the printed values. */
    public PrintOptions sep(String sep) { this.sep = sep; return this; }

    /** Text after the last value. */
    public PrintOptions end(String end) { this.end = end; return this; }
}
