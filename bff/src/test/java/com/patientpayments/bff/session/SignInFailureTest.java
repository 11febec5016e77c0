package com.patientpayments.bff.session;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.INACTIVE_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.OTHER_PRACTICE;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One generic failure whatever the cause; per-account lockout that looks like any other failure. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInFailureTest implements TestPropertyProvider {

    static final String SIGN_IN = SessionFlowTest.SIGN_IN;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(BffTestSupport.properties(getClass()));
        // All attempts here come from 127.0.0.1: the per-address limit has its own test (ClientAddressLimitTest).
        p.put("payments.sign-in.max-client-failures", "1000");
        return p;
    }

    Result signIn(String hash, String account, String lastName) {
        return new GraphQLTestClient(server.getURL()).execute(SIGN_IN, "h", hash, "a", account, "l", lastName);
    }

    @Test
    void everyCauseAnswersTheSameBodyAndStatus() {
        Result unknownPractice = signIn("ZZZZZZ", "200100", "Nguyen-Smith");
        Result inactivePractice = signIn(INACTIVE_PRACTICE, ACCOUNT, LAST_NAME);
        Result unknownAccount = signIn(OTHER_PRACTICE, "999999", "Nguyen-Smith");
        Result wrongName = signIn(OTHER_PRACTICE, "200100", "Smith");
        Result otherPracticesAccount = signIn(OTHER_PRACTICE, ACCOUNT, LAST_NAME);
        for (Result r : new Result[] {inactivePractice, unknownAccount, wrongName, otherPracticesAccount}) {
            assertThat(r.status()).isEqualTo(unknownPractice.status());
            assertThat(r.raw()).isEqualTo(unknownPractice.raw());
            assertThat(r.setCookies()).noneMatch(c -> c.startsWith("pp_session="));
        }
        assertThat(unknownPractice.data().path("signIn").path("ok").asBoolean()).isFalse();
        assertThat(unknownPractice.data().at("/signIn/message").asText()).isNotBlank();
        assertThat(unknownPractice.hasErrors()).isFalse();
    }

    @Test
    void nameMatchingIgnoresCaseAccentsApostrophesAndSpaces() {
        assertThat(signIn(PRACTICE, "100235", "  o’brien ")
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        assertThat(signIn(PRACTICE, "100235", "OBRIEN").data().at("/signIn/ok").asBoolean())
                .isTrue();
        assertThat(signIn(PRACTICE, ACCOUNT, "GARCÍA").data().at("/signIn/ok").asBoolean())
                .isTrue();
    }

    @Test
    void fiveFailuresLockTheAccountAndTheLockLooksLikeAnyFailure() {
        Result firstFailure = signIn(PRACTICE, "100236", "Wrong");
        for (int i = 0; i < 4; i++) {
            signIn(PRACTICE, "100236", "Wrong");
        }
        Result locked = signIn(PRACTICE, "100236", "Chen");
        assertThat(locked.data().at("/signIn/ok").asBoolean()).isFalse();
        assertThat(locked.raw()).isEqualTo(firstFailure.raw());
        assertThat(locked.status()).isEqualTo(firstFailure.status());
        // Another account is not affected.
        assertThat(signIn(PRACTICE, ACCOUNT, LAST_NAME).data().at("/signIn/ok").asBoolean())
                .isTrue();
    }

    @Test
    void attemptsBehindAliasesEachCount() {
        StringBuilder doc = new StringBuilder("mutation {");
        for (int i = 0; i < 5; i++) {
            doc.append(" a")
                    .append(i)
                    .append(": signIn(practiceHash: \"")
                    .append(OTHER_PRACTICE)
                    .append("\", accountNumber: \"200100\", lastName: \"Wrong\") { ok }");
        }
        Result batch =
                new GraphQLTestClient(server.getURL()).execute(doc.append(" }").toString());
        assertThat(batch.data().path("a4").path("ok").asBoolean())
                .as(batch.raw())
                .isFalse();
        assertThat(signIn(OTHER_PRACTICE, "200100", "Nguyen-Smith")
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void badInputOnEveryArgumentIsASpecificError() {
        String[] bad = {"", "   ", "x".repeat(10_000), "abc\u0000def", "abc\ndef", "abc\u202Edef"};
        for (String v : bad) {
            assertBadInput(signIn(v, ACCOUNT, LAST_NAME), "practiceHash");
            assertBadInput(signIn(PRACTICE, v, LAST_NAME), "accountNumber");
            assertBadInput(signIn(PRACTICE, ACCOUNT, v), "lastName");
        }
        // Unicode names are fine input (they just do not match here).
        for (String name : new String[] {"Nguyễn", "Müller-Łódź", "李", "O’Brien-García"}) {
            Result r = signIn(PRACTICE, ACCOUNT, name);
            assertThat(r.hasErrors()).as(r.raw()).isFalse();
            assertThat(r.data().at("/signIn/ok").asBoolean()).isFalse();
        }
        assertBadInput(signIn("K7MX4Q€", ACCOUNT, LAST_NAME), "practiceHash");
    }

    @Test
    void namesTypedWithInvisibleCharactersTabsAndUnicodeSpacesSignIn() {
        for (String name :
                new String[] {"Gar\u200Bcía", "GARCIA\t", "\u00A0García\u3000", "\uFEFFgarcia\u200D", "Ｇａｒｃｉａ"}) {
            Result r = signIn(PRACTICE, ACCOUNT, name);
            assertThat(r.data().at("/signIn/ok").asBoolean()).as(name).isTrue();
        }
    }

    @Test
    void theFailureMessageSaysWhatToDoInThePatientsLanguageWithoutSayingWhatWasWrong() {
        String doc = "mutation S($h: ID!, $a: String!, $l: String!, $loc: String) { signIn(practiceHash: $h, "
                + "accountNumber: $a, lastName: $l, locale: $loc) { ok message } }";
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        String en = c.execute(doc, "h", OTHER_PRACTICE, "a", "200100", "l", "Smith", "loc", "en")
                .data()
                .at("/signIn/message")
                .asText();
        assertThat(en).contains("account number", "last name", "bill", "15 minutes", "call the practice");
        String es = c.execute(doc, "h", OTHER_PRACTICE, "a", "200100", "l", "Smith", "loc", "es")
                .data()
                .at("/signIn/message")
                .asText();
        assertThat(es).contains("número de cuenta", "apellido", "factura", "15 minutos", "llame al consultorio");
        // The same words whatever the cause: unknown account, unknown practice.
        assertThat(c.execute(doc, "h", OTHER_PRACTICE, "a", "999999", "l", "Smith", "loc", "es")
                        .data()
                        .at("/signIn/message")
                        .asText())
                .isEqualTo(es);
        assertThat(c.execute(doc, "h", "ZZZZZZ", "a", "200100", "l", "Smith")
                        .data()
                        .at("/signIn/message")
                        .asText())
                .isEqualTo(en);
        for (String m : new String[] {en, es}) {
            assertThat(m.toLowerCase()).doesNotContain("locked", "bloque", "not found", "no existe", "wrong name");
        }
    }

    private static void assertBadInput(Result r, String argument) {
        assertThat(r.errorCode()).as(r.raw()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.errors().path(0).path("message").asText()).contains(argument);
        assertThat(r.errors().path(0).path("extensions").path("retryable").asBoolean())
                .isFalse();
    }
}
