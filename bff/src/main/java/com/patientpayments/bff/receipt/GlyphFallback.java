package com.patientpayments.bff.receipt;

import com.ibm.icu.text.Transliterator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.Font;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.FontSetFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every character of receipt text visible. The PDF embeds the fonts of the {@value #FONT_SET} font set
 * (receipt-fonts); a character none of them has would be drawn as nothing. Scripts that need complex shaping or
 * right-to-left layout (Arabic, Hebrew, Indic, Thai, …), which the PDF exporter does not do, count as not covered
 * even where a font has their glyphs: printed unshaped they would be wrong, not just ugly. Such characters are transliterated to
 * Latin with ICU ({@code Any-Latin}, then {@code Latin-ASCII} if still needed: {@code محمد} → {@code mḥmd}); what
 * even that cannot write is shown as its code point ({@code [U+1F600]}). Each render counts what it changed: the
 * {@code receipt.text.fallback} counter ({@code kind=transliterated|code_point}) and one log line with the counts only,
 * never the text. Thread-safe.
 */
final class GlyphFallback {

    /** The template's font set (receipt-fonts.xml). */
    static final String FONT_SET = "Receipt Sans";

    private static final Logger LOG = LoggerFactory.getLogger(GlyphFallback.class);
    /** Scripts the PDF exporter cannot lay out correctly (no shaping engine, no bidi reordering). */
    private static final Set<Character.UnicodeScript> UNSHAPED = EnumSet.of(
            Character.UnicodeScript.ARABIC,
            Character.UnicodeScript.HEBREW,
            Character.UnicodeScript.SYRIAC,
            Character.UnicodeScript.THAANA,
            Character.UnicodeScript.NKO,
            Character.UnicodeScript.DEVANAGARI,
            Character.UnicodeScript.BENGALI,
            Character.UnicodeScript.GURMUKHI,
            Character.UnicodeScript.GUJARATI,
            Character.UnicodeScript.ORIYA,
            Character.UnicodeScript.TAMIL,
            Character.UnicodeScript.TELUGU,
            Character.UnicodeScript.KANNADA,
            Character.UnicodeScript.MALAYALAM,
            Character.UnicodeScript.SINHALA,
            Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO,
            Character.UnicodeScript.TIBETAN,
            Character.UnicodeScript.MYANMAR,
            Character.UnicodeScript.KHMER,
            Character.UnicodeScript.MONGOLIAN);

    private final List<Font> fonts;
    private final Transliterator toLatin = Transliterator.getInstance("Any-Latin");
    private final Transliterator toAscii = Transliterator.getInstance("Latin-ASCII");
    private final Counter transliterated;
    private final Counter codePoints;

    GlyphFallback(JasperReportsContext context, MeterRegistry registry) {
        this.fonts = fontsOf(context);
        this.transliterated = registry.counter("receipt.text.fallback", "kind", "transliterated");
        this.codePoints = registry.counter("receipt.text.fallback", "kind", "code_point");
    }

    /** A pass over the texts of one render; {@link Pass#report()} logs and counts what it changed. */
    Pass pass() {
        return new Pass();
    }

    /** True when an embedded font draws {@code codePoint} (whitespace and invisible format characters count as drawn). */
    boolean covered(int codePoint) {
        if (Character.isWhitespace(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return true;
        }
        if (UNSHAPED.contains(Character.UnicodeScript.of(codePoint))) {
            return false;
        }
        for (Font font : fonts) {
            if (font.canDisplay(codePoint)) {
                return true;
            }
        }
        return false;
    }

    /** Text fitting of one render. Not thread-safe: one per render. */
    final class Pass {
        private int transliteratedCount;
        private int codePointCount;

        /** {@code text} with every character no embedded font has replaced by a transliteration; null stays null. */
        String fit(String text) {
            if (text == null || allCovered(text)) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 8);
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                if (covered(cp)) {
                    out.appendCodePoint(cp);
                    i += Character.charCount(cp);
                    continue;
                }
                int end = i;
                while (end < text.length() && !covered(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                out.append(replace(text.substring(i, end)));
                i = end;
            }
            return out.toString();
        }

        /** Logs and counts the characters this render replaced (counts only). */
        void report() {
            if (transliteratedCount + codePointCount == 0) {
                return;
            }
            transliterated.increment(transliteratedCount);
            codePoints.increment(codePointCount);
            LOG.info(
                    "receipt text had {} characters no embedded font covers: {} transliterated, {} shown as code"
                            + " points",
                    transliteratedCount + codePointCount,
                    transliteratedCount,
                    codePointCount);
        }

        int transliteratedCount() {
            return transliteratedCount;
        }

        int codePointCount() {
            return codePointCount;
        }

        private String replace(String run) {
            String latin = transliterate(toLatin, run);
            if (!allCovered(latin)) {
                latin = transliterate(toAscii, latin);
            }
            StringBuilder out = new StringBuilder();
            latin.codePoints().forEach(cp -> {
                if (covered(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append("[U+")
                            .append(Integer.toHexString(cp).toUpperCase(Locale.ROOT))
                            .append(']');
                }
            });
            // Counted per character of the original run: those still undrawable after transliteration are shown as
            // code points, the others were transliterated.
            int length = (int) run.codePoints().count();
            int unchanged = Math.min(
                    length, (int) latin.codePoints().filter(cp -> !covered(cp)).count());
            codePointCount += unchanged;
            transliteratedCount += length - unchanged;
            return out.toString();
        }
    }

    private boolean allCovered(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!covered(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String transliterate(Transliterator t, String text) {
        synchronized (t) {
            return t.transliterate(text);
        }
    }

    /** The AWT fonts of the font set's families (the ones JasperReports itself draws with), in the set's order. */
    private static List<Font> fontsOf(JasperReportsContext context) {
        FontSet set = context.getExtensions(FontSet.class).stream()
                .filter(s -> FONT_SET.equals(s.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "font set '" + FONT_SET + "' is not on the classpath (the receipt-fonts jar)"));
        List<FontFamily> families = context.getExtensions(FontFamily.class);
        List<Font> fonts = new ArrayList<>();
        for (FontSetFamily member : set.getFamilies()) {
            families.stream()
                    .filter(f -> member.getFamilyName().equals(f.getName()))
                    .findFirst()
                    .map(f -> f.getNormalFace().getFont())
                    .ifPresent(fonts::add);
        }
        if (fonts.isEmpty()) {
            throw new IllegalStateException("font set '" + FONT_SET + "' has no loadable families");
        }
        return fonts;
    }
}
