package com.patientpayments.emr.household;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * How sign-in compares the guarantor's last name with what the patient typed — the one place the rule lives (README
 * "Sign-in": case, accents, apostrophes, hyphens and spaces do not matter). Both sides go through {@link #normalize}:
 * <ol>
 *   <li>NFKC with case folding and without default-ignorable code points (ICU {@code NFKC_Casefold}): full-width
 *       and other compatibility forms become plain letters, {@code ß} becomes {@code ss}, zero-width spaces, joiners,
 *       soft hyphens and the byte-order mark disappear;</li>
 *   <li>accents are removed from Latin and Greek letters only (combining marks after a Latin or Greek base);</li>
 *   <li>Latin letters that decomposition does not fold are transliterated with ICU's {@code Latin-ASCII}:
 *       {@code Đ→D, Ł→L, Æ→AE, Œ→OE, ı→i, Þ→TH, Ø→O}, so {@code Đặng} = {@code Dang};</li>
 *   <li>every Unicode space (no-break, ideographic, tabs …) and every punctuation mark (apostrophes, hyphens, dots)
 *       is dropped.</li>
 * </ol>
 * {@link #matches} also accepts the German and Scandinavian spelling of umlauts and rings ({@code Müller} =
 * {@code Mueller}, {@code Håkansson} = {@code Haakansson}) — only when one side actually carries the umlaut, so
 * {@code Muller} and {@code Mueller} stay different names.
 *
 * <p><b>Other scripts are not transliterated.</b> Cyrillic, Han, Arabic, Hebrew, Devanagari … names match themselves
 * exactly (after NFKC and case folding, so {@code Иванов} = {@code ИВАНОВ}), never a Latin spelling of them. ICU's
 * {@code Any-Latin} is lossy: {@code 张} and {@code 章} (different families) both become {@code zhang}, Cyrillic
 * {@code й}/{@code и} and Arabic vowel marks vanish, so transliterating would let one guess cover several names and
 * weaken the check a bill's last name exists for. Marks in those scripts (vowel signs, {@code й}'s breve) are letters
 * there and are kept.
 */
public final class LastNames {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** ICU transliterators are not documented as thread-safe: one per thread. */
    private static final ThreadLocal<Transliterator> LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    private LastNames() {}

    /**
     * The comparison key of a last name: lower-case, without accents on Latin/Greek letters, spaces or punctuation;
     * Latin letters in ASCII. Empty for {@code null} or a name without letters.
     */
    public static String normalize(String name) {
        return key(name, false);
    }

    /**
     * Whether the name the patient typed is the guarantor's last name on file. A name that folds to nothing (only
     * spaces or punctuation) matches nothing.
     *
     * @param stored the guarantor's last name as the practice entered it
     * @param given  what the patient typed
     */
    public static boolean matches(String stored, String given) {
        String a = key(stored, false);
        String b = key(given, false);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || key(stored, true).equals(key(given, true));
    }

    private static String key(String name, boolean expandUmlauts) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String folded = NFD.normalize(NFKC_CASEFOLD.normalize(name));
        if (expandUmlauts) {
            folded = folded.replace("a\u0308", "ae")
                    .replace("o\u0308", "oe")
                    .replace("u\u0308", "ue")
                    .replace("a\u030A", "aa")
                    .replace("ø", "oe");
        }
        StringBuilder kept = new StringBuilder(folded.length());
        int baseScript = UScript.COMMON;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = UCharacter.getType(cp);
            if (type == UCharacter.NON_SPACING_MARK
                    || type == UCharacter.ENCLOSING_MARK
                    || type == UCharacter.COMBINING_SPACING_MARK) {
                if (baseScript == UScript.LATIN
                        || baseScript == UScript.GREEK
                        || baseScript == UScript.COMMON
                        || baseScript == UScript.INHERITED) {
                    continue; // an accent on a Latin or Greek letter, or a stray one (after a space: ´ ¨)
                }
                kept.appendCodePoint(cp);
                continue;
            }
            baseScript = UScript.getScript(cp);
            if (UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE)
                    || isPunctuation(type, cp)
                    || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                continue;
            }
            kept.appendCodePoint(cp);
        }
        String composed = NFC.normalize(kept);
        if (composed.chars().allMatch(c -> c < 0x80)) {
            return composed;
        }
        return LATIN_ASCII
                .get()
                .transliterate(composed)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[\\p{Punct}\\s]+", "");
    }

    /** Punctuation, spacing accents ({@code ` ´ ^}) and the apostrophe-like modifier letters ({@code ʼ ʻ ʹ ʽ}). */
    private static boolean isPunctuation(int type, int cp) {
        return type == UCharacter.DASH_PUNCTUATION
                || type == UCharacter.START_PUNCTUATION
                || type == UCharacter.END_PUNCTUATION
                || type == UCharacter.CONNECTOR_PUNCTUATION
                || type == UCharacter.OTHER_PUNCTUATION
                || type == UCharacter.INITIAL_PUNCTUATION
                || type == UCharacter.FINAL_PUNCTUATION
                || type == UCharacter.MODIFIER_SYMBOL
                || cp == 0x02BC
                || cp == 0x02BB
                || cp == 0x02B9
                || cp == 0x02BD;
    }
}
