package com.patientpayments.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void acceptsJdbcUrlsAsIs() {
        DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/emr?user=postgres");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/emr?user=postgres");
        assertThat(u.username()).isNull();
    }

    @Test
    void convertsPostgresUrls() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://emr:s%40cret@db.internal:6543/emr?sslmode=require");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/emr?sslmode=require");
        assertThat(u.username()).isEqualTo("emr");
        assertThat(u.password()).isEqualTo("s@cret");
        assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingThem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void malformedPostgresUrlsNeverEchoThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:top secret%zz@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("top")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:topsecret%zz@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(DatabaseUrl.parse("postgres://emr:topsecret@h/db").toString())
                .doesNotContain("topsecret");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=topsecret")
                        .toString())
                .doesNotContain("topsecret");
    }
}
