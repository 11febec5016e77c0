package com.patientpayments.bff.graphql;

import static com.patientpayments.bff.testsupport.BffTestSupport.ACCOUNT;
import static com.patientpayments.bff.testsupport.BffTestSupport.LAST_NAME;
import static com.patientpayments.bff.testsupport.BffTestSupport.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestProperties;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Transport and document rules of /graphql (contract + OWASP GraphQL cheat sheet), production settings. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest implements BffTestProperties {

    @Inject
    EmbeddedServer server;

    GraphQLTestClient client() {
        return new GraphQLTestClient(server.getURL());
    }

    @Test
    void getIsNotExecuted() {
        Result r = client().get("/graphql?query=%7B__typename%7D");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.data().isMissingNode()).isTrue();
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        Result mutation = client().get("/graphql?query=mutation%7BsignOut%7D");
        assertThat(mutation.status()).isEqualTo(405);
    }

    @Test
    void onlyApplicationJsonIsAccepted() {
        for (String type : new String[] {
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/graphql",
            "multipart/form-data; boundary=x",
            null
        }) {
            Result r = client().post("/graphql", "{\"query\":\"{ __typename }\"}", type);
            assertThat(r.status()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(r.data().isMissingNode()).isTrue();
        }
        assertThat(client().post("/graphql", "{\"query\":\"{ __typename }\"}", "application/json; charset=utf-8")
                        .data()
                        .path("__typename")
                        .asText())
                .isEqualTo("Query");
    }

    @Test
    void aTrailingSlashDoesNotBypassTheChecks() {
        Result plain = client().post("/graphql/", "{\"query\":\"mutation { signOut }\"}", "text/plain");
        assertThat(plain.status()).isIn(404, 415);
        assertThat(plain.data().isMissingNode()).isTrue();
    }

    @Test
    void queryInTheUrlOfAPostIsRejected() {
        Result r =
                client().post("/graphql?query=%7B__typename%7D", "{\"query\":\"{ __typename }\"}", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void batchesAndMalformedBodiesAreRejected() {
        Result batch = client().post(
                        "/graphql",
                        "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]",
                        "application/json");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.errors().path(0).path("message").asText()).contains("Batched");
        for (String body : new String[] {
            "",
            "not json",
            "{}",
            "{\"query\": 5}",
            "\"{ __typename }\"",
            "{\"query\":\"{ __typename }\",\"variables\":[1]}"
        }) {
            Result r = client().post("/graphql", body, "application/json");
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.errorCode()).as(body).isEqualTo("BAD_USER_INPUT");
        }
        Result large = client().post(
                        "/graphql",
                        "{\"query\":\"{ __typename }\",\"x\":\"" + "a".repeat(40_000) + "\"}",
                        "application/json");
        assertThat(large.status()).isEqualTo(413);
    }

    @Test
    void tooManyAliasesAreRejectedBeforeAnySignInRuns() {
        StringBuilder doc = new StringBuilder("mutation {");
        for (int i = 0; i < 16; i++) {
            doc.append(" a")
                    .append(i)
                    .append(": signIn(practiceHash: \"")
                    .append(PRACTICE)
                    .append("\", accountNumber: \"")
                    .append(ACCOUNT)
                    .append("\", lastName: \"Wrong\") { ok }");
        }
        Result r = client().execute(doc.append(" }").toString());
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.errors().path(0).path("message").asText()).contains("aliases");
        assertThat(r.data().isMissingNode() || r.data().isNull()).isTrue();
        // Had any of the 16 wrong attempts run, the account would now be locked (5 failures).
        Result ok = client().execute("mutation { signIn(practiceHash: \"" + PRACTICE + "\", accountNumber: \"" + ACCOUNT
                + "\", lastName: \"" + LAST_NAME + "\") { ok } }");
        assertThat(ok.data().path("signIn").path("ok").asBoolean()).as(ok.raw()).isTrue();
    }

    @Test
    void fifteenAliasesAreAllowed() {
        StringBuilder doc = new StringBuilder("{");
        for (int i = 0; i < 15; i++) {
            doc.append(" a").append(i).append(": __typename");
        }
        Result r = client().execute(doc.append(" }").toString());
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
    }

    @Test
    void costlyDocumentsAreRejected() {
        Result r = client().execute("{ practice(hash: \"" + PRACTICE + "\") {" + " name".repeat(250) + " } }");
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.data().isMissingNode() || r.data().isNull()).isTrue();
    }

    @Test
    void tooManyTokensAreRejected() {
        Result r = client().execute("{" + " __typename".repeat(2100) + " }");
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.data().isMissingNode() || r.data().isNull()).isTrue();
    }

    static final String DEEP =
            "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }";

    @Test
    void deepDocumentsAreRejectedEveryTime() {
        // Twice: the second request must not be served from the parsed-document cache.
        for (int i = 0; i < 2; i++) {
            Result r = client().execute(DEEP);
            assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
            assertThat(r.errors().path(0).path("message").asText())
                    .contains("depth is 9")
                    .contains("at most 8");
            assertThat(r.data().isMissingNode() || r.data().isNull()).isTrue();
        }
    }

    @Test
    void depthCountsThroughFragmentsAndEveryOperationOfTheDocument() {
        String viaFragments = "query Ok { __typename } query Deep { ...A } fragment A on Query { __schema { ...B } } "
                + "fragment B on __Schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } }";
        Result named = client().post(
                        "/graphql",
                        "{\"query\":\"" + viaFragments + "\",\"operationName\":\"Ok\"}",
                        "application/json");
        assertThat(named.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(named.errors().path(0).path("message").asText()).contains("depth is 9");
        String cyclic = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
        Result cycle = client().execute(cyclic);
        assertThat(cycle.errorCode())
                .as("a fragment cycle is refused by validation, not a stack overflow")
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void complexityIsLimited() {
        Result over = client().execute("{ " + "__typename ".repeat(201) + "}");
        assertThat(over.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(over.errors().path(0).path("message").asText())
                .contains("complexity is 201")
                .contains("at most 200");
        Result within = client().execute("{ " + "__typename ".repeat(200) + "}");
        assertThat(within.hasErrors()).as(within.raw()).isFalse();
        // Fragments spread many times are counted in full, without walking them each time.
        String fan = "{ ...F0 } fragment F0 on Query { ...F1 ...F1 } fragment F1 on Query { ...F2 ...F2 } "
                + "fragment F2 on Query { ...F3 ...F3 } fragment F3 on Query { ...F4 ...F4 } "
                + "fragment F4 on Query { ...F5 ...F5 } fragment F5 on Query { ...F6 ...F6 } "
                + "fragment F6 on Query { ...F7 ...F7 } fragment F7 on Query { ...F8 ...F8 } fragment F8 on Query { __typename }";
        Result fanOut = client().execute(fan);
        assertThat(fanOut.errors().path(0).path("message").asText()).contains("complexity is 256");
    }

    @Test
    void tooManyDirectivesAreRejected() {
        Result r = client().execute("{" + " __typename @include(if: true)".repeat(11) + " }");
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.errors().path(0).path("message").asText()).contains("directives");
    }

    @Test
    void introspectionIsOffAndErrorsGiveNoHints() {
        Result schema = client().execute("{ __schema { types { name } } }");
        assertThat(schema.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(schema.data().path("__schema").isMissingNode()
                        || schema.data().path("__schema").isNull())
                .isTrue();
        Result type = client().execute("{ __type(name: \"Household\") { fields { name } } }");
        assertThat(type.errorCode()).isEqualTo("BAD_USER_INPUT");

        Result typo = client().execute("{ practic(hash: \"" + PRACTICE + "\") { name } }");
        assertThat(typo.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(typo.raw().toLowerCase()).doesNotContain("did you mean").doesNotContain("practice");
        assertThat(client().get("/graphiql").status()).isEqualTo(404);
    }

    @Test
    void foreignOriginsAreRefusedAndNoCorsHeadersAreSent() {
        // Refused by Micronaut's drive-by-localhost guard or by our origin check, never executed.
        Result evil = client().withOrigin("https://evil.example").execute("mutation { signOut }");
        assertThat(evil.status()).as(evil.raw()).isEqualTo(403);
        assertThat(evil.data().isMissingNode()).isTrue();
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
        Result otherPort = client().withOrigin("http://127.0.0.1:1").execute("mutation { signOut }");
        assertThat(otherPort.status()).as(otherPort.raw()).isEqualTo(403);
        assertThat(otherPort.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(otherPort.data().isMissingNode()).isTrue();

        String self = server.getURL().toString().replaceAll("/$", "");
        Result same = client().withOrigin(self).execute("{ __typename }");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("Access-Control-Allow-Origin")).isNull();

        Result preflight = client().send(HttpRequest.newBuilder(URI.create(self + "/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (Result r : new Result[] {
            client().execute("{ __typename }"),
            client().get("/health"),
            client().get("/no-such-page"),
            client().get("/graphql")
        }) {
            assertThat(r.header("Content-Security-Policy"))
                    .contains("frame-ancestors 'none'")
                    .contains("https://js.stripe.com")
                    .contains("https://api.stripe.com");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("X-Request-Id")).isNotBlank();
        }
    }

    @Test
    void errorsNeverShowInternals() {
        Result r = client().execute("{ practice(hash: true) { name } }");
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.raw())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("\tat ")
                .doesNotContain("Value{")
                .doesNotContain("LinkedHashMap");
        assertThat(r.errors().path(0).path("extensions").path("retryable").isBoolean())
                .isTrue();
    }
}
