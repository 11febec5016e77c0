package com.patientpayments.emr.household;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LastNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "O'Brien|obrien", "obrien|obrien", "'  O’BRIEN '|obrien", "O‘Brien|obrien", "O`Brien|obrien",
        "García|garcia", "GARCIA|garcia", "garcía|garcia", "Nguyen-Smith|nguyensmith", "nguyen smith|nguyensmith",
        "'  Nguyen   -  Smith '|nguyensmith", "Lindqvist|lindqvist", "Müller|muller", "Ñúñez|nunez",
    })
    void normalizes(String input, String expected) {
        assertThat(LastNames.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"O'Brien|Brien", "Garcia|Garcias", "Chen|Cheng"})
    void keepsDifferentNamesDifferent(String a, String b) {
        assertThat(LastNames.normalize(a)).isNotEqualTo(LastNames.normalize(b));
    }
}
