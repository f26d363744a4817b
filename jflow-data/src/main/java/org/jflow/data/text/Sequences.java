package org.jflow.data.text;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;

import java.util.List;

/** {@code keras.utils.pad_sequences}: integer sequences of different lengths as one int matrix. */
public final class Sequences {
    private Sequences() {}

    /** Keras' keyword arguments: {@code maxlen}, {@code padding}, {@code truncating}, {@code value}, {@code dtype}. */
    public static final class PadOptions {
        Integer maxlen;
        String padding = "pre";
        String truncating = "pre";
        long value;
        DType dtype = DType.INT32;

        /** The row length; by default the longest sequence's. */
        public PadOptions maxlen(int maxlen) { this.maxlen = maxlen; return this; }

        /** "pre" (the default) pads at the start, "post" at the end. */
        public PadOptions padding(String padding) { this.padding = padding; return this; }

        /** "pre" (the default) drops values from the start of long sequences, "post" from the end. */
        public PadOptions truncating(String truncating) { this.truncating = truncating; return this; }

        /** The padding value (0 by default). */
        public PadOptions value(long value) { this.value = value; return this; }

        /** The result's integer dtype (int32 by default). */
        public PadOptions dtype(DType dtype) { this.dtype = dtype; return this; }
    }

    /** {@code pad_sequences(sequences)}: padded and truncated at the start, to the longest length. */
    public static Tensor padSequences(List<int[]> sequences) { return padSequences(sequences, new PadOptions()); }

    /** {@code pad_sequences(sequences, maxlen=..., padding=..., truncating=..., value=..., dtype=...)}. */
    public static Tensor padSequences(List<int[]> sequences, PadOptions options) {
        if (!List.of("pre", "post").contains(options.truncating)) {
            throw new ValueError("Truncating type \"" + options.truncating + "\" not understood");
        }
        if (!List.of("pre", "post").contains(options.padding)) {
            throw new ValueError("Padding type \"" + options.padding + "\" not understood");
        }
        int maxlen = options.maxlen != null ? options.maxlen : sequences.stream().mapToInt(s -> s.length).max().orElse(0);
        long[] out = new long[sequences.size() * maxlen];
        java.util.Arrays.fill(out, options.value);
        for (int row = 0; row < sequences.size(); row++) {
            int[] s = sequences.get(row);
            int keep = Math.min(s.length, maxlen);
            int from = options.truncating.equals("pre") ? s.length - keep : 0;
            int to = options.padding.equals("post") ? 0 : maxlen - keep;
            for (int i = 0; i < keep; i++) out[row * maxlen + to + i] = s[from + i];
        }
        Tensor wide = Tensor.wrap(DType.INT64, Shape.of(sequences.size(), maxlen), out);
        return org.jflow.raw.Raw.castTo(wide, options.dtype);
    }
}
