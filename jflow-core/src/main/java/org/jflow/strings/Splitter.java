package org.jflow.strings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Python's {@code str.split} on bytes, which TF's {@code StringSplitV2} reproduces. */
final class Splitter {
    private Splitter() {}

    private static boolean isSpace(byte b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

    /**
     * TF's whitespace split (its kernel's {@code SplitV2} without a separator): runs of whitespace
     * separate, no empty tokens, except that after {@code maxsplit} splits the rest (left-stripped)
     * is one more token even when empty ("one" with maxsplit 1 gives ["one", ""], where Python's
     * str.split gives ["one"]); maxsplit 0 gives the whole string.
     */
    static List<byte[]> onWhitespace(byte[] s, int maxsplit) {
        if (maxsplit == 0) return List.of(s.clone());
        List<byte[]> out = new ArrayList<>();
        int i = 0, n = s.length;
        while (i < n && isSpace(s[i])) i++;
        for (int splits = 1; i < n; splits++) {
            int j = i;
            while (i < n && !isSpace(s[i])) i++;
            out.add(Arrays.copyOfRange(s, j, i));
            while (i < n && isSpace(s[i])) i++;
            if (splits == maxsplit) {
                out.add(Arrays.copyOfRange(s, i, n));
                break;
            }
        }
        return out;
    }

    /** {@code s.split(sep)}: every occurrence separates, empty tokens kept, "" gives [""]. */
    static List<byte[]> on(byte[] s, byte[] sep, int maxsplit) {
        List<byte[]> out = new ArrayList<>();
        int from = 0, splits = 0;
        for (int at = indexOf(s, sep, 0); at >= 0 && (maxsplit < 0 || splits < maxsplit); at = indexOf(s, sep, from)) {
            out.add(Arrays.copyOfRange(s, from, at));
            from = at + sep.length;
            splits++;
        }
        out.add(Arrays.copyOfRange(s, from, s.length));
        return out;
    }

    private static int indexOf(byte[] s, byte[] sep, int from) {
        outer:
        for (int i = from; i + sep.length <= s.length; i++) {
            for (int k = 0; k < sep.length; k++) if (s[i + k] != sep[k]) continue outer;
            return i;
        }
        return -1;
    }
}
