package com.patientpayments.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.web.RequestIdFilter;
import org.junit.jupiter.api.Test;

class RequestIdFilterPathTest {

    @Test
    void downloadTokensNeverReachTheAccessLog() {
        assertThat(RequestIdFilter.loggablePath("/receipts/download/4eIG8PK16hwFC1CTRCI14_9L50c2Gsc63kExwShJhg8"))
                .isEqualTo("/receipts/download/***");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(RequestIdFilter.loggablePath("/graphql")).isEqualTo("/graphql");
        assertThat(RequestIdFilter.loggablePath("/p/K7MX4Q/pay")).isEqualTo("/p/K7MX4Q/pay");
    }
}
