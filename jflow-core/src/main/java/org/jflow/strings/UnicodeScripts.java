package org.jflow.strings;

import java.util.EnumMap;
import java.util.Map;

/**
 * The script of a code point as TF 2.21's {@code UnicodeScript} kernel gives it: ICU's {@code uscript_getScript}, a
 * {@code UScriptCode} number (Latin 25, Han 17, Common 0, Unknown 103), -1 where ICU reports an error (a value
 * outside 0..0x10FFFF). The script comes from the JDK's {@link Character.UnicodeScript}, named by ISO 15924 code in
 * {@link #ICU}; TF's ICU holds Unicode 13 data where the JDK's is newer, so the code points Unicode assigned later
 * (and two whose script changed) take TF's value from {@link #TF_UNICODE_13}. UnicodeScriptTest checks every code
 * point against TF.
 */
final class UnicodeScripts {
    private UnicodeScripts() {}

    static final int UNKNOWN = 103;

    /** ICU's {@code UScriptCode} values in order, by ISO 15924 code (0 Zyyy Common ... 199 Nagm Nag Mundari). */
    private static final String[] ICU = ("Zyyy Zinh Arab Armn Beng Bopo Cher Copt Cyrl Dsrt Deva Ethi Geor Goth Grek"
            + " Gujr Guru Hani Hang Hebr Hira Knda Kana Khmr Laoo Latn Mlym Mong Mymr Ogam Ital Orya Runr Sinh Syrc Taml"
            + " Telu Thaa Thai Tibt Cans Yiii Tglg Hano Buhd Tagb Brai Cprt Limb Linb Osma Shaw Tale Ugar Hrkt Bugi Glag"
            + " Khar Sylo Talu Tfng Xpeo Bali Batk Blis Brah Cham Cirt Cyrs Egyd Egyh Egyp Geok Hans Hant Hmng Hung Inds"
            + " Java Kali Latf Latg Lepc Lina Mand Maya Mero Nkoo Orkh Perm Phag Phnx Plrd Roro Sara Syre Syrj Syrn Teng"
            + " Vaii Visp Xsux Zxxx Zzzz Cari Jpan Lana Lyci Lydi Olck Rjng Saur Sgnw Sund Moon Mtei Armi Avst Cakm Kore"
            + " Kthi Mani Phli Phlp Phlv Prti Samr Tavt Zmth Zsym Bamu Lisu Nkgb Sarb Bass Dupl Elba Gran Kpel Loma Mend"
            + " Merc Narb Nbat Palm Sind Wara Afak Jurc Mroo Nshu Shrd Sora Takr Tang Wole Hluw Khoj Tirh Aghb Mahj Ahom"
            + " Hatr Modi Mult Pauc Sidd Adlm Bhks Marc Newa Osge Hanb Jamo Zsye Gonm Soyo Zanb Dogr Gong Maka Medf Rohg"
            + " Sogd Sogo Elym Hmnp Nand Wcho Chrs Diak Kits Yezi Cpmn Ougr Tnsa Toto Vith Kawi Nagm").split(" ");

    /** The JDK's scripts by ICU number; scripts ICU's list lacks (newer than Unicode 15) are Unknown in TF. */
    private static final Map<Character.UnicodeScript, Integer> BY_SCRIPT = new EnumMap<>(Character.UnicodeScript.class);

    static {
        for (int i = 0; i < ICU.length; i++) {
            try {
                BY_SCRIPT.putIfAbsent(Character.UnicodeScript.forName(ICU[i]), i);
            } catch (IllegalArgumentException notInTheJdk) {
                // a script ICU names but Unicode does not encode (Blissymbols, Cirth, ...): never a code point's
            }
        }
    }

    /**
     * Ranges (first, last, TF's value) where TF's ICU (Unicode 13) differs from the JDK's newer data: code points
     * assigned since, Unknown in TF. Written from the oracle by comparing all code points.
     */
    private static final int[] TF_UNICODE_13 = {
            0x61D, 0x61D, 103, 0x870, 0x88E, 103, 0x890, 0x891, 103, 0x897, 0x89F, 103, 0x8B5, 0x8B5, 103,
            0x8C8, 0x8D2, 103, 0xC3C, 0xC3C, 103, 0xC5D, 0xC5D, 103, 0xCDD, 0xCDD, 103, 0xCF3, 0xCF3, 103,
            0xECE, 0xECE, 103, 0x170D, 0x170D, 103, 0x1715, 0x1715, 103, 0x171F, 0x171F, 103, 0x180F, 0x180F, 103,
            0x1AC1, 0x1ACE, 103, 0x1B4C, 0x1B4C, 103, 0x1B4E, 0x1B4F, 103, 0x1B7D, 0x1B7F, 103, 0x1C89, 0x1C8A, 103,
            0x1DFA, 0x1DFA, 103, 0x20C0, 0x20C0, 103, 0x2427, 0x2429, 103, 0x2C2F, 0x2C2F, 103, 0x2C5F, 0x2C5F, 103,
            0x2E53, 0x2E5D, 103, 0x2FFC, 0x2FFF, 103, 0x31E4, 0x31E5, 103, 0x31EF, 0x31EF, 103, 0x9FFD, 0x9FFF, 103,
            0xA7C0, 0xA7C1, 103, 0xA7CB, 0xA7CD, 103, 0xA7D0, 0xA7D1, 103, 0xA7D3, 0xA7D3, 103, 0xA7D5, 0xA7DC, 103,
            0xA7F2, 0xA7F4, 103, 0xFBC2, 0xFBC2, 103, 0xFD40, 0xFD4F, 103, 0xFDCF, 0xFDCF, 103, 0xFDFE, 0xFDFF, 103,
            0x10570, 0x1057A, 103, 0x1057C, 0x1058A, 103, 0x1058C, 0x10592, 103, 0x10594, 0x10595, 103, 0x10597, 0x105A1, 103,
            0x105A3, 0x105B1, 103, 0x105B3, 0x105B9, 103, 0x105BB, 0x105BC, 103, 0x10780, 0x10785, 103, 0x10787, 0x107B0, 103,
            0x107B2, 0x107BA, 103, 0x10EC2, 0x10EC4, 103, 0x10EFC, 0x10EFF, 103, 0x10F70, 0x10F89, 103, 0x11070, 0x11075, 103,
            0x110C2, 0x110C2, 103, 0x1123F, 0x11241, 103, 0x116B9, 0x116B9, 103, 0x116D0, 0x116E3, 103, 0x11740, 0x11746, 103,
            0x11AB0, 0x11ABF, 103, 0x11B00, 0x11B09, 103, 0x11F00, 0x11F10, 103, 0x11F12, 0x11F3A, 103, 0x11F3E, 0x11F5A, 103,
            0x12F90, 0x12FF2, 103, 0x1342F, 0x1342F, 103, 0x13439, 0x13455, 103, 0x13460, 0x143FA, 103, 0x16A70, 0x16ABE, 103,
            0x16AC0, 0x16AC9, 103, 0x16FE2, 0x16FE3, 0, 0x18CFF, 0x18CFF, 103, 0x1AFF0, 0x1AFF3, 103, 0x1AFF5, 0x1AFFB, 103,
            0x1AFFD, 0x1AFFE, 103, 0x1B11F, 0x1B122, 103, 0x1B132, 0x1B132, 103, 0x1B155, 0x1B155, 103, 0x1CC00, 0x1CCF9, 103,
            0x1CD00, 0x1CEB3, 103, 0x1CF00, 0x1CF2D, 103, 0x1CF30, 0x1CF46, 103, 0x1CF50, 0x1CFC3, 103, 0x1D1E9, 0x1D1EA, 103,
            0x1D2C0, 0x1D2D3, 103, 0x1DF00, 0x1DF1E, 103, 0x1DF25, 0x1DF2A, 103, 0x1E030, 0x1E06D, 103, 0x1E08F, 0x1E08F, 103,
            0x1E290, 0x1E2AE, 103, 0x1E4D0, 0x1E4F9, 103, 0x1E7E0, 0x1E7E6, 103, 0x1E7E8, 0x1E7EB, 103, 0x1E7ED, 0x1E7EE, 103,
            0x1E7F0, 0x1E7FE, 103, 0x1F6DC, 0x1F6DF, 103, 0x1F774, 0x1F776, 103, 0x1F77B, 0x1F77F, 103, 0x1F7D9, 0x1F7D9, 103,
            0x1F7F0, 0x1F7F0, 103, 0x1F8B2, 0x1F8BB, 103, 0x1F8C0, 0x1F8C1, 103, 0x1F979, 0x1F979, 103, 0x1F9CC, 0x1F9CC, 103,
            0x1FA75, 0x1FA77, 103, 0x1FA7B, 0x1FA7C, 103, 0x1FA87, 0x1FA89, 103, 0x1FA8F, 0x1FA8F, 103, 0x1FAA9, 0x1FAAF, 103,
            0x1FAB7, 0x1FABF, 103, 0x1FAC3, 0x1FAC6, 103, 0x1FACE, 0x1FACF, 103, 0x1FAD7, 0x1FADC, 103, 0x1FADF, 0x1FAE9, 103,
            0x1FAF0, 0x1FAF8, 103, 0x1FBCB, 0x1FBEF, 103, 0x2A6DE, 0x2A6DF, 103, 0x2B735, 0x2B739, 103, 0x2EBF0, 0x2EE5D, 103,
            0x31350, 0x323AF, 103,
    };

    /** TF's {@code UnicodeScript} of one int32 value. */
    static int of(int codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) return -1;
        int lo = 0, hi = TF_UNICODE_13.length / 3 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (codePoint < TF_UNICODE_13[3 * mid]) hi = mid - 1;
            else if (codePoint > TF_UNICODE_13[3 * mid + 1]) lo = mid + 1;
            else return TF_UNICODE_13[3 * mid + 2];
        }
        return BY_SCRIPT.getOrDefault(Character.UnicodeScript.of(codePoint), UNKNOWN);
    }
}
