package org.jflow.strings;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text encodings of TF's unicode ops ({@code UnicodeDecode}, {@code UnicodeEncode},
 * {@code UnicodeTranscode}), decoding as ICU's converters do: an ill-formed sequence is one error per
 * maximal subpart (Unicode's recommended practice, ICU's behaviour: {@code E2 82} before an ASCII byte
 * is one error, an overlong {@code E0 80 80} three), replaced by {@code replacement_char}, skipped,
 * or fatal as {@code errors} says. Decoding knows the Unicode encoding forms ICU names UTF-8, UTF-16
 * and UTF-32 (BE, LE, or with a byte-order mark defaulting to BE), ISO-8859-1 and US-ASCII; ICU's
 * other converters (legacy code pages) are not here. Encoding writes UTF-8, UTF-16-BE or UTF-32-BE,
 * the three TF's {@code UnicodeEncode} allows.
 */
final class UnicodeCodec {
    private UnicodeCodec() {}

    /** TF's {@code errors} attribute. */
    enum Errors {
        STRICT, REPLACE, IGNORE;

        static Errors of(String name, String op) {
            return switch (name) {
                case "strict" -> STRICT;
                case "replace" -> REPLACE;
                case "ignore" -> IGNORE;
                default -> throw UnicodeOps.error("Value for attr 'errors' of \"" + name
                        + "\" is not in the list of allowed values: \"strict\", \"replace\", \"ignore\"", op);
            };
        }
    }

    /**
     * How ill-formed input or unencodable code points are handled: TF's errors and replacement_char. With
     * {@code replaceControl}, a C0 control character is replaced too, dropped under "ignore", and under
     * "strict" replaced by {@code UnicodeDecode} but an error of {@code UnicodeTranscode} ({@code strictControlFails}).
     */
    record Policy(Errors errors, int replacement, boolean replaceControl, boolean strictControlFails, String op) {}

    /** A growable int list: the code points, or byte offsets, of one decode. */
    static final class Ints {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }

        int[] toArray() { return Arrays.copyOf(data, size); }
    }

    /** Input encodings by their ICU name, compared as ICU does: ignoring case, '-', '_' and spaces. */
    enum Encoding {
        UTF8, UTF16BE, UTF16LE, UTF16, UTF32BE, UTF32LE, UTF32, LATIN1, ASCII;

        static Encoding forInput(String name, String op) {
            String key = name.toUpperCase(Locale.ROOT).replaceAll("[-_ ]", "");
            return switch (key) {
                case "UTF8" -> UTF8;
                case "UTF16BE" -> UTF16BE;
                case "UTF16LE" -> UTF16LE;
                case "UTF16" -> UTF16;
                case "UTF32BE" -> UTF32BE;
                case "UTF32LE" -> UTF32LE;
                case "UTF32" -> UTF32;
                case "ISO88591", "LATIN1", "L1" -> LATIN1;
                case "USASCII", "ASCII" -> ASCII;
                default -> throw UnicodeOps.error("Could not create converter for input encoding: " + name, op);
            };
        }

        /** {@code UnicodeEncode}'s {@code output_encoding}: exactly one of TF's three names. */
        static Encoding forOutput(String name, String op) {
            return switch (name) {
                case "UTF-8" -> UTF8;
                case "UTF-16-BE" -> UTF16BE;
                case "UTF-32-BE" -> UTF32BE;
                default -> throw UnicodeOps.error("Value for attr 'output_encoding' of \"" + name
                        + "\" is not in the list of allowed values: \"UTF-8\", \"UTF-16-BE\", \"UTF-32-BE\"", op);
            };
        }
    }

    /** TF's check of {@code replacement_char}: any code point, surrogates included. */
    static int replacement(int c, String op) {
        if (c < 0 || c > Character.MAX_CODE_POINT) {
            throw UnicodeOps.error("replacement_char out of unicode codepoint range", op);
        }
        return c;
    }

    /**
     * Decodes {@code s}, adding each code point and the byte offset where it starts; an ill-formed
     * sequence is the replacement at its first byte, nothing, or TF's strict-mode error.
     */
    static void decode(byte[] s, Encoding enc, Policy p, Ints chars, Ints offsets) {
        Decoder d = new Decoder(s, p, chars, offsets);
        switch (enc) {
            case UTF8 -> d.utf8();
            case UTF16BE -> d.utf16(0, true);
            case UTF16LE -> d.utf16(0, false);
            case UTF16 -> d.utf16(bom(s, 2), !(s.length >= 2 && (s[0] & 0xFF) == 0xFF && (s[1] & 0xFF) == 0xFE));
            case UTF32BE -> d.utf32(0, true);
            case UTF32LE -> d.utf32(0, false);
            case UTF32 -> d.utf32(bom(s, 4), !(s.length >= 4 && (s[0] & 0xFF) == 0xFF && (s[1] & 0xFF) == 0xFE
                    && s[2] == 0 && s[3] == 0));
            case LATIN1 -> {
                for (int i = 0; i < s.length; i++) d.emit(s[i] & 0xFF, i);
            }
            case ASCII -> {
                for (int i = 0; i < s.length; i++) {
                    if (s[i] >= 0) d.emit(s[i], i);
                    else d.invalid(i);
                }
            }
        }
    }

    /** The length of a byte-order mark of a {@code unit}-byte encoding form at the start of {@code s}, or 0. */
    private static int bom(byte[] s, int unit) {
        if (s.length < unit) return 0;
        int b0 = s[0] & 0xFF, b1 = s[1] & 0xFF;
        if (unit == 2) return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) ? 2 : 0;
        boolean be = b0 == 0 && b1 == 0 && (s[2] & 0xFF) == 0xFE && (s[3] & 0xFF) == 0xFF;
        boolean le = b0 == 0xFF && b1 == 0xFE && s[2] == 0 && s[3] == 0;
        return be || le ? 4 : 0;
    }

    private record Decoder(byte[] s, Policy p, Ints chars, Ints offsets) {
        void emit(int c, int at) {
            if (p.replaceControl() && c >= 0 && c <= 0x1F) {
                if (p.errors() == Errors.IGNORE) return;
                if (p.errors() == Errors.STRICT && p.strictControlFails()) {
                    throw UnicodeOps.error("Invalid formatting on input string", p.op());
                }
                c = p.replacement();
            }
            chars.add(c);
            offsets.add(at);
        }

        void invalid(int at) {
            switch (p.errors()) {
                case STRICT -> throw UnicodeOps.error("Invalid formatting on input string", p.op());
                case REPLACE -> {
                    chars.add(p.replacement());
                    offsets.add(at);
                }
                case IGNORE -> { }
            }
        }

        private int at(int i) { return s[i] & 0xFF; }

        /** Well-formed UTF-8 per Unicode's Table 3-7; a broken sequence is one error up to the byte that broke it. */
        void utf8() {
            int i = 0;
            while (i < s.length) {
                int b = at(i);
                if (b < 0x80) {
                    emit(b, i++);
                    continue;
                }
                int trail, lo = 0x80, hi = 0xBF;
                if (b >= 0xC2 && b <= 0xDF) trail = 1;
                else if (b >= 0xE0 && b <= 0xEF) trail = 2;
                else if (b >= 0xF0 && b <= 0xF4) trail = 3;
                else {
                    invalid(i++);
                    continue;
                }
                if (b == 0xE0) lo = 0xA0;
                else if (b == 0xED) hi = 0x9F;
                else if (b == 0xF0) lo = 0x90;
                else if (b == 0xF4) hi = 0x8F;
                int c = b & (0x3F >> trail), j = i + 1;
                for (int k = 0; k < trail; k++, j++) {
                    if (j >= s.length || at(j) < (k == 0 ? lo : 0x80) || at(j) > (k == 0 ? hi : 0xBF)) break;
                    c = c << 6 | (at(j) & 0x3F);
                }
                if (j - i == trail + 1) emit(c, i);
                else invalid(i);
                i = j;
            }
        }

        private int unit16(int i, boolean be) { return be ? at(i) << 8 | at(i + 1) : at(i + 1) << 8 | at(i); }

        /** Where the character at byte {@code i} starts for TF: a byte-order mark belongs to the first character. */
        private static int start(int i, int bomEnd) { return i == bomEnd ? 0 : i; }

        void utf16(int bomEnd, boolean be) {
            int i = bomEnd;
            while (i + 1 < s.length) {
                int u = unit16(i, be);
                if (Character.isHighSurrogate((char) u) && i + 3 < s.length
                        && Character.isLowSurrogate((char) unit16(i + 2, be))) {
                    emit(Character.toCodePoint((char) u, (char) unit16(i + 2, be)), start(i, bomEnd));
                    i += 4;
                } else {
                    if (Character.isSurrogate((char) u)) invalid(start(i, bomEnd));
                    else emit(u, start(i, bomEnd));
                    i += 2;
                }
            }
            if (i < s.length) invalid(start(i, bomEnd));
        }

        void utf32(int bomEnd, boolean be) {
            int i = bomEnd;
            for (; i + 3 < s.length; i += 4) {
                int c = be ? at(i) << 24 | at(i + 1) << 16 | at(i + 2) << 8 | at(i + 3)
                        : at(i + 3) << 24 | at(i + 2) << 16 | at(i + 1) << 8 | at(i);
                if (valid(c)) emit(c, start(i, bomEnd));
                else invalid(start(i, bomEnd));
            }
            if (i < s.length) invalid(start(i, bomEnd));
        }
    }

    /** A Unicode scalar value: a code point that is not a surrogate. */
    static boolean valid(int c) { return c >= 0 && c <= Character.MAX_CODE_POINT && (c < 0xD800 || c > 0xDFFF); }

    /**
     * {@code chars[from, to)} written in {@code enc}; a value that is no Unicode scalar value is the
     * replacement (U+FFFD where the replacement is itself a surrogate, as TF writes), nothing, or TF's
     * strict-mode error.
     */
    static byte[] encode(int[] chars, int from, int to, Encoding enc, Policy p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = from; k < to; k++) {
            int c = chars[k];
            if (!valid(c)) {
                switch (p.errors()) {
                    case STRICT -> throw UnicodeOps.error(
                            "Code point is out of range for Unicode, or is a surrogate.", p.op());
                    case IGNORE -> {
                        continue;
                    }
                    case REPLACE -> c = valid(p.replacement()) ? p.replacement() : 0xFFFD;
                }
            }
            write(out, c, enc);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int c, Encoding enc) {
        switch (enc) {
            case UTF8 -> {
                if (c < 0x80) out.write(c);
                else if (c < 0x800) out.writeBytes(new byte[] {(byte) (0xC0 | c >> 6), (byte) (0x80 | c & 0x3F)});
                else if (c < 0x10000) {
                    out.writeBytes(new byte[] {(byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F),
                            (byte) (0x80 | c & 0x3F)});
                } else {
                    out.writeBytes(new byte[] {(byte) (0xF0 | c >> 18), (byte) (0x80 | c >> 12 & 0x3F),
                            (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F)});
                }
            }
            case UTF16BE -> {
                for (char u : Character.toChars(c)) out.writeBytes(new byte[] {(byte) (u >> 8), (byte) u});
            }
            case UTF32BE -> out.writeBytes(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
            default -> throw new IllegalStateException("not an output encoding: " + enc);
        }
    }
}
