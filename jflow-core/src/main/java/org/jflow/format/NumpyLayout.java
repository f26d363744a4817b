package org.jflow.format;

import java.util.function.IntFunction;

/**
 * NumPy's {@code np.array2string(a, separator=", ")} layout (arrayprint.py's {@code _formatArray},
 * {@code _extendLine} and {@code _extendLine_pretty}, NumPy 2 without legacy mode) over elements
 * already formatted as words: lines wrap at 75 characters, a continuation line is indented under the
 * first element, and an element spanning several lines (a nested array's text) is placed block-wise,
 * its last line padded to the block's width. No summarization ("...") of long arrays.
 */
final class NumpyLayout {
    private static final int LINE_WIDTH = 75;
    private static final String SEPARATOR = ", ";

    private final int[] shape;
    private final IntFunction<String> words;

    private NumpyLayout(int[] shape, IntFunction<String> words) {
        this.shape = shape;
        this.words = words;
    }

    /** The text of a non-empty array of this shape whose element at flat index {@code i} prints as {@code words(i)}. */
    static String format(int[] shape, IntFunction<String> words) {
        return new NumpyLayout(shape, words).recurse(0, 0, " ", LINE_WIDTH);
    }

    private int stride(int axis) {
        int n = 1;
        for (int k = axis + 1; k < shape.length; k++) n *= shape[k];
        return n;
    }

    private String recurse(int axis, int offset, String hangingIndent, int width) {
        if (axis == shape.length) return words.apply(offset);
        String nextIndent = hangingIndent + " ";
        int nextWidth = width - 1, len = shape[axis], stride = stride(axis);
        StringBuilder s = new StringBuilder();
        if (axis == shape.length - 1) {
            int elemWidth = width - Math.max(SEPARATOR.strip().length(), 1);
            String[] line = {hangingIndent};
            for (int i = 0; i < len; i++) {
                String word = recurse(axis + 1, offset + i * stride, nextIndent, nextWidth);
                extendPretty(s, line, word, elemWidth, hangingIndent);
                if (i < len - 1) line[0] += SEPARATOR;
            }
            s.append(line[0]);
        } else {
            String lineSep = SEPARATOR.strip() + "\n".repeat(shape.length - axis - 1);
            for (int i = 0; i < len; i++) {
                s.append(hangingIndent).append(recurse(axis + 1, offset + i * stride, nextIndent, nextWidth));
                if (i < len - 1) s.append(lineSep);
            }
        }
        return "[" + s.substring(hangingIndent.length()) + "]";
    }

    private static void extend(StringBuilder s, String[] line, String word, int width, String indent) {
        boolean wrap = line[0].length() + word.length() > width && line[0].length() > indent.length();
        if (wrap) {
            s.append(line[0].stripTrailing()).append('\n');
            line[0] = indent;
        }
        line[0] += word;
    }

    private static void extendPretty(StringBuilder s, String[] line, String word, int width, String nextLinePrefix) {
        String[] words = word.split("\n", -1);
        if (words.length == 1) {
            extend(s, line, word, width, nextLinePrefix);
            return;
        }
        int longest = 0;
        for (String w : words) longest = Math.max(longest, w.length());
        String indent;
        if (line[0].length() + longest > width && line[0].length() > nextLinePrefix.length()) {
            s.append(line[0].stripTrailing()).append('\n');
            line[0] = nextLinePrefix + words[0];
            indent = nextLinePrefix;
        } else {
            indent = " ".repeat(line[0].length());
            line[0] += words[0];
        }
        for (int k = 1; k < words.length; k++) {
            s.append(line[0].stripTrailing()).append('\n');
            line[0] = indent + words[k];
        }
        line[0] += " ".repeat(longest - words[words.length - 1].length());
    }
}
