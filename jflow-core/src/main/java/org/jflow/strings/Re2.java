package org.jflow.strings;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jflow.errors.InvalidArgumentError;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * TF's regex ops run RE2 on byte strings: linear time, RE2's syntax and errors, and bytes that are
 * not well-formed UTF-8 never match anything (so they are copied verbatim by a replacement). This is
 * RE2/J (linear time, RE2's syntax) on the well-formed stretches of a string: a match never spans an
 * invalid byte, and a stretch after one is searched with a non-word, non-newline character before
 * it, as RE2 sees the invalid byte for {@code ^}, {@code \b} and {@code (?m)^}.
 */
final class Re2 {
    /** Stands for an invalid byte as the context of a stretch: not a word character, not a newline. */
    private static final char CONTEXT = '\uFFFD';

    private final Pattern pattern;

    private Re2(Pattern pattern) { this.pattern = pattern; }

    /** Compiles {@code pattern} or raises TF's {@code Invalid pattern: P, error: ...} with RE2's wording. */
    static Re2 compile(String pattern) {
        try {
            return new Re2(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new InvalidArgumentError("Invalid pattern: " + pattern + ", error: " + re2Error(e, pattern));
        }
    }

    /** RE2/J speaks Go's regexp wording; TF prints RE2's ({@code re2.cc}'s {@code CodeText}) and the offending text. */
    private static String re2Error(PatternSyntaxException e, String pattern) {
        String arg = e.getPattern();
        String text = switch (e.getDescription()) {
            case "missing closing )" -> "missing )";
            case "missing closing ]" -> "missing ]";
            case "invalid or unsupported Perl syntax" -> "invalid perl operator";
            case "invalid nested repetition operator" -> "bad repetition operator";
            case "invalid repeat count" -> "invalid repetition size";
            case "missing argument to repetition operator" -> "no argument for repetition operator";
            case "invalid named capture" -> "invalid named capture group";
            case "trailing backslash at end of expression" -> "trailing \\";
            case "unexpected )", "regexp/syntax: internal error" -> {
                arg = pattern; // RE2/J reports a stray ) as a parser stack underflow
                yield "unexpected )";
            }
            case "invalid escape sequence", "invalid character class", "invalid character class range",
                    "invalid UTF-8" ->
                    e.getDescription();
            default -> "pattern too large - compile failed";
        };
        return arg == null || arg.isEmpty() ? text : text + ": " + arg;
    }

    int groupCount() { return pattern.groupCount(); }

    /** RE2's {@code FullMatch}: an invalid byte cannot be matched, so a string holding one never matches. */
    boolean fullMatch(byte[] s) {
        Text text = new Text(s);
        return text.stretches.size() == 1 && pattern.matcher(text.stretches.get(0).chars).matches();
    }

    /**
     * RE2's {@code GlobalReplace} ({@code global}) or {@code Replace}: RE2's rewrite string ({@code \0}
     * to {@code \9}, {@code \\}); after an empty match at the end of the previous one, one character
     * (an invalid byte alone) is copied and the search moves on.
     */
    byte[] replace(byte[] s, String rewrite, boolean global) {
        Text text = new Text(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        int p = 0, lastEnd = -1, count = 0;
        while (p <= s.length) {
            int[] m = text.find(pattern, p);
            if (m == null) break;
            out.write(s, p, m[0] - p);
            if (m[0] == lastEnd && m[1] == m[0]) {
                int n = p < s.length ? text.charLength(p) : 0;
                out.write(s, p, n);
                p += Math.max(n, 1);
                continue;
            }
            appendRewrite(out, rewrite, s, m);
            p = m[1];
            lastEnd = p;
            count++;
            if (!global) break;
        }
        if (count == 0) return s;
        if (p < s.length) out.write(s, p, s.length - p);
        return out.toByteArray();
    }

    private static void appendRewrite(ByteArrayOutputStream out, String rewrite, byte[] s, int[] m) {
        for (int k = 0; k < rewrite.length(); k++) {
            char c = rewrite.charAt(k);
            if (c == '\\' && k + 1 < rewrite.length()) {
                char next = rewrite.charAt(++k);
                if (Character.isDigit(next)) {
                    int g = next - '0';
                    if (m[2 * g] >= 0) out.write(s, m[2 * g], m[2 * g + 1] - m[2 * g]);
                    continue;
                }
                c = next;
            }
            byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (Character.isHighSurrogate(c) && k + 1 < rewrite.length()) {
                b = rewrite.substring(k, k + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                k++;
            }
            out.write(b, 0, b.length);
        }
    }

    /** A byte string cut at its invalid bytes into well-formed stretches, each decoded for RE2/J. */
    private static final class Text {
        final byte[] bytes;
        final List<Stretch> stretches = new ArrayList<>();
        /** The length of the character starting at each byte: 0 for an invalid byte. */
        final byte[] charLengths;

        Text(byte[] s) {
            bytes = s;
            charLengths = new byte[s.length];
            int start = 0;
            for (int i = 0; i < s.length; ) {
                int n = wellFormedLength(s, i);
                charLengths[i] = (byte) n;
                if (n == 0) {
                    stretches.add(new Stretch(s, start, i, !stretches.isEmpty()));
                    start = i + 1;
                    i++;
                } else {
                    i += n;
                }
            }
            stretches.add(new Stretch(s, start, s.length, !stretches.isEmpty()));
        }

        int charLength(int p) { return Math.max(charLengths[p], 1); }

        /**
         * The leftmost match at or after byte {@code p}, as byte offsets {start, end, group 1 start, ...}; null if
         * none.
         */
        int[] find(Pattern pattern, int p) {
            for (int k = 0; k < stretches.size(); k++) {
                Stretch st = stretches.get(k);
                if (st.end < p) continue;
                int[] m = st.find(pattern, Math.max(p, st.start), k + 1 < stretches.size());
                if (m != null) return m;
            }
            return null;
        }
    }

    /** Bytes {@code [start, end)} decoded to UTF-16 (surrogate code points as RE2 accepts them), with byte offsets. */
    private static final class Stretch {
        final int start;
        final int end;
        final String chars;
        private final int[] offsets; // byte offset of each char index, one past the end included
        private final boolean afterInvalid;

        Stretch(byte[] s, int start, int end, boolean afterInvalid) {
            this.start = start;
            this.end = end;
            this.afterInvalid = afterInvalid;
            StringBuilder sb = new StringBuilder(end - start);
            int[] at = new int[end - start + 1];
            for (int i = start; i < end; ) {
                int n = wellFormedLength(s, i);
                int cp = decode(s, i, n);
                at[sb.length()] = i;
                if (Character.isSupplementaryCodePoint(cp)) {
                    sb.appendCodePoint(cp);
                    at[sb.length() - 1] = i;
                } else {
                    sb.append((char) cp);
                }
                i += n;
            }
            at[sb.length()] = end;
            chars = sb.toString();
            offsets = at;
        }

        /**
         * The first match at or after byte {@code from}. Before an invalid byte the stretch is searched with
         * {@link #CONTEXT} after it (as RE2 sees {@code $} there); only a match that would consume that stand-in
         * is searched again without it.
         */
        int[] find(Pattern pattern, int from, boolean beforeInvalid) {
            String lead = afterInvalid ? String.valueOf(CONTEXT) : "";
            int begin = lead.length() + charIndex(from);
            if (beforeInvalid) {
                Matcher m = pattern.matcher(lead + chars + CONTEXT);
                if (!m.find(begin)) return null;
                if (m.end() <= lead.length() + chars.length()) return offsets(m, lead.length());
            }
            Matcher m = pattern.matcher(lead + chars);
            return m.find(begin) ? offsets(m, lead.length()) : null;
        }

        private int charIndex(int byteOffset) {
            int lo = 0, hi = chars.length();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (offsets[mid] < byteOffset) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        private int[] offsets(Matcher m, int shift) {
            int[] r = new int[2 * (m.groupCount() + 1)];
            for (int g = 0; g <= m.groupCount(); g++) {
                int a = m.start(g);
                r[2 * g] = a < 0 ? -1 : offsets[a - shift];
                r[2 * g + 1] = a < 0 ? -1 : offsets[m.end(g) - shift];
            }
            return r;
        }
    }

    /**
     * The length of the well-formed UTF-8 character at {@code i} as RE2's byte automaton accepts it (surrogate
     * code points included, overlong forms and values past U+10FFFF not), or 0 for an invalid byte.
     */
    static int wellFormedLength(byte[] s, int i) {
        int b = s[i] & 0xFF;
        if (b < 0x80) return 1;
        int n;
        int lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            if (b == 0xE0) lo = 0xA0;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        if (i + n > s.length) return 0;
        int second = s[i + 1] & 0xFF;
        if (second < lo || second > hi) return 0;
        for (int k = 2; k < n; k++) if ((s[i + k] & 0xC0) != 0x80) return 0;
        return n;
    }

    private static int decode(byte[] s, int i, int n) {
        int b = s[i] & 0xFF;
        if (n == 1) return b;
        int cp = b & (0x7F >> n);
        for (int k = 1; k < n; k++) cp = (cp << 6) | (s[i + k] & 0x3F);
        return cp;
    }
}
