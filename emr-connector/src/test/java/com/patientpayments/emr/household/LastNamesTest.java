package com.patientpayments.emr.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sign-in name rule over names from many scripts: what a patient may type for the name on file (matches) and
 * what must stay a different name (no match). Pairs are "stored | typed"; escapes keep invisible characters visible.
 */
class LastNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // case, accents, apostrophes, hyphens, spaces (README promise)
                "O'Brien|obrien",
                "O'Brien|'  O’BRIEN '",
                "O'Brien|O‘Brien",
                "O'Brien|O`Brien",
                "O'Brien|Oʼbrien",
                "O'Brien|O´Brien",
                "García|garcia",
                "García|GARCÍA",
                "Nguyen-Smith|nguyen smith",
                "Nguyen-Smith|'  Nguyen   -  Smith '",
                "Nguyen-Smith|Nguyen–Smith",
                "Müller|Muller",
                "Ñúñez|nunez",
                "St. Clair|st clair",
                // letters decomposition does not fold (ICU Latin-ASCII)
                "Đặng|Dang",
                "Đặng|đang",
                "Łukasiewicz|Lukasiewicz",
                "Weiß|Weiss",
                "WEISS|weiß",
                "Ærø|AERO",
                "Œuvray|Oeuvray",
                "Yıldız|Yildiz",
                "İnönü|Inonu",
                "Þórsdóttir|Thorsdottir",
                "Østergaard|Ostergaard",
                "Dvořák|Dvorak",
                "Nguyễn|NGUYEN",
                // German / Scandinavian spellings of umlauts and rings
                "Müller|Mueller",
                "Mueller|Müller",
                "Håkansson|Haakansson",
                "Søren|Soeren",
                // Unicode whitespace, zero-width and compatibility forms
                "Van Der Berg|Van\u00A0Der\u3000Berg",
                "Van Der Berg|Van\tDer Berg",
                "Garcia|Gar\u200Bcia",
                "Garcia|\uFEFFGarcia\u200D",
                "Garcia|Gar\u00ADcia",
                "Garcia|Ｇａｒｃｉａ",
                "Garcia|ＧＡＲＣＩＡ",
                // non-Latin scripts match themselves (case-insensitively where the script has case)
                "Иванов|Иванов",
                "Иванов|ИВАНОВ",
                "Παπαδόπουλος|ΠΑΠΑΔΟΠΟΥΛΟΣ",
                "王|王",
                "佐藤|佐藤",
                "김|김",
                "カタカナ|ｶﾀｶﾅ",
                "محمد|محمد",
                "כהן|כהן",
                "शर्मा|शर्मा",
                "Иванова-Петрова|иванова петрова",
            })
    void matches(String stored, String typed) {
        assertThat(LastNames.matches(stored, typed)).isTrue();
        assertThat(LastNames.matches(typed, stored)).isTrue();
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "O'Brien|Brien",
                "Garcia|Garcias",
                "Chen|Cheng",
                "Lee|Le",
                "Dang|Danh",
                "Muller|Mueller",
                "Nguyen|Nguyen-Smith",
                // no transliteration of other scripts: one guess must not cover several names
                "张|章",
                "张|Zhang",
                "Иванов|Ivanov",
                "Иванов|Иванова",
                "Андрей|Андреи",
                "شرما|शर्मा",
                "कुमार|कमार",
                "محمد|محمود",
                // look-alike letters from another script are other letters
                "Garcia|Gаrcia",
                "Popov|Рорov",
                // a name without letters matches nothing
                "’|’",
                "-|-",
                "‐ .|. ‐",
            })
    void keepsDifferentNamesApart(String stored, String typed) {
        assertThat(LastNames.matches(stored, typed)).isFalse();
        assertThat(LastNames.matches(typed, stored)).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "O'Brien|obrien", "Nguyen-Smith|nguyensmith", "Đặng|dang", "Łukasiewicz|lukasiewicz", "Weiß|weiss",
                "Æsir|aesir", "Œil|oeil", "Þór|thor", "Ørsted|orsted", "Yıldız|yildiz",
            })
    void normalizesToAnAsciiKeyForLatinNames(String input, String key) {
        assertThat(LastNames.normalize(input)).isEqualTo(key);
    }

    @Test
    void nullAndBlankNamesMatchNothing() {
        assertThat(LastNames.matches(null, "Garcia")).isFalse();
        assertThat(LastNames.matches("Garcia", null)).isFalse();
        assertThat(LastNames.matches("Garcia", "\u200B\u00A0")).isFalse();
        assertThat(LastNames.normalize(null)).isEmpty();
    }
}
