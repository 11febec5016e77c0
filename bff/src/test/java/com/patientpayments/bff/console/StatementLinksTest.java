package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where statement links point: {@link ConsoleSettings#publicUrl()} with surrounding blanks and trailing slashes dropped,
 * relative when empty; the account is query-encoded. (Binding {@code payments.console.public-url} in a running BFF:
 * {@code ConsoleFilesTest}.)
 */
class StatementLinksTest {

    @ParameterizedTest(name = "public-url ''{0}'' -> ''{1}''")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "https://pay.example            | https://pay.example/p/K7MX4Q?account=100234",
                "https://pay.example/           | https://pay.example/p/K7MX4Q?account=100234",
                "'  https://pay.example/dent//' | https://pay.example/dent/p/K7MX4Q?account=100234",
                "''                             | /p/K7MX4Q?account=100234",
            })
    void linksPointAtTheConfiguredPublicAddress(String publicUrl, String expected) {
        StatementLinks links = new StatementLinks(new ConsoleSettings(publicUrl));
        assertThat(links.url("K7MX4Q", "100234")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "account ''{0}''")
    @CsvSource({"100 234, 100+234", "A&B=1, A%26B%3D1", "ñ/?, %C3%B1%2F%3F"})
    void theAccountIsQueryEncoded(String account, String encoded) {
        StatementLinks links = new StatementLinks(new ConsoleSettings(null));
        assertThat(links.url("K7MX4Q", account)).isEqualTo("/p/K7MX4Q?account=" + encoded);
    }
}
