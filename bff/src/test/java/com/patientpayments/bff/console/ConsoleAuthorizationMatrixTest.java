package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.TestBff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's authorization matrix against the real connector: each role (PRACTICE_ADMIN, BILLING, SUPPORT) × each
 * console field × its own practice / another practice (staff of Lakeside asking for Bright Smiles) / a patient's
 * session / no session. A denied field answers FORBIDDEN (or NOT_FOUND) with no data of the other practice; a patient
 * session never reaches a console field and a staff session never reaches a patient field.
 */
class ConsoleAuthorizationMatrixTest {
    @RegisterExtension
    static final TestBff BFF = TestBff.of(ConsoleAuthorizationMatrixTest.class)
            .with("payments.stripe.secret-key", "")
            .with("payments.queue.name", "console-matrix-" + UUID.randomUUID())
            .with("payments.reconciliation.enabled", "false");

    private static String tx;

    /** What a field needs: which roles may use it. */
    private enum Needs {
        READ(Set.of("ADMIN", "BILLING", "SUPPORT")),
        VIEW_SETTINGS(Set.of("ADMIN", "SUPPORT")),
        EDIT(Set.of("ADMIN")),
        ACT(Set.of("ADMIN", "BILLING")),
        SUPPORT(Set.of("SUPPORT"));

        final Set<String> roles;

        Needs(Set<String> roles) {
            this.roles = roles;
        }
    }

    /** A console field, the document that reaches it ($p practice id, $tx transaction id) and its path. */
    private record Field(String name, Needs needs, boolean mutation, String document) {}

    private static final String TO = LocalDate.now().toString();
    private static final String FROM = LocalDate.now().minusDays(30).toString();
    private static final List<Field> FIELDS = List.of(
            q("practice", Needs.READ, "practice(id: $p) { id name role locations { id name } }"),
            q(
                    "payments",
                    Needs.READ,
                    "practice(id: $p) { payments(first: 5) { totalCount edges { cursor node {"
                            + " transactionId accountNumber guarantorName amount { cents } } } } }"),
            q("paymentsCsv", Needs.READ, "practice(id: $p) { paymentsCsv { url } }"),
            q(
                    "payment",
                    Needs.READ,
                    "practice(id: $p) { payment(transactionId: $tx) { transactionId"
                            + " allocations { patientName } timeline { kind } auditTrail { action actor } } }"),
            q("receiptPdf", Needs.READ, "practice(id: $p) { receiptPdf(transactionId: $tx) { url } }"),
            q(
                    "receiptBranding",
                    Needs.VIEW_SETTINGS,
                    "practice(id: $p) { receiptBranding { published {" + " updatedAt } } }"),
            q(
                    "roi",
                    Needs.READ,
                    "practice(id: $p) { roi(from: \"" + FROM + "\", to: \"" + TO + "\") {"
                            + " allCollections { cents } byDay { date } } }"),
            q(
                    "statementLink",
                    Needs.READ,
                    "practice(id: $p) { statementLink(accountNumber: \"100234\") { url" + " qrSvg } }"),
            q(
                    "statementLinksExport",
                    Needs.READ,
                    "practice(id: $p) { statementLinksExport(accountNumbers:" + " [\"100234\"]) { url } }"),
            q("operations", Needs.SUPPORT, "operations { deadLetterDepth queueDepth reconciliationRuns { checked } }"),
            m(
                    "refundPayment",
                    Needs.ACT,
                    "refundPayment(transactionId: $tx, amountCents: 999999999, reason: OTHER,"
                            + " idempotencyKey: \"matrix-" + UUID.randomUUID() + "\") { status }"),
            m(
                    "saveReceiptBrandingDraft",
                    Needs.EDIT,
                    "saveReceiptBrandingDraft(practiceId: $p, input:"
                            + " { footerText: \"Thank you\" }) { draft { footerText } }"),
            m(
                    "publishReceiptBranding",
                    Needs.EDIT,
                    "publishReceiptBranding(practiceId: $p) { published {" + " footerText } }"),
            m("previewReceiptBranding", Needs.EDIT, "previewReceiptBranding(practiceId: $p) { url }"),
            // Deliberately invalid inputs: an allowed caller gets BAD_USER_INPUT (checked after authorization).
            m(
                    "emailPaymentLink",
                    Needs.ACT,
                    "emailPaymentLink(practiceId: $p, accountNumber: \"100234\","
                            + " email: \"not-an-address\") { queued }"),
            m("replayDeadLetters", Needs.SUPPORT, "replayDeadLetters(max: 0)"),
            m("runReconciliation", Needs.SUPPORT, "runReconciliation(from: \"x\", to: \"y\") { checked }"));

    private static Field q(String name, Needs needs, String selection) {
        return new Field(name, needs, false, "query" + variables(selection) + " { console { " + selection + " } }");
    }

    private static Field m(String name, Needs needs, String selection) {
        return new Field(name, needs, true, "mutation" + variables(selection) + " { " + selection + " }");
    }

    /** The variable definitions a selection uses (GraphQL refuses unused ones). */
    private static String variables(String selection) {
        List<String> defs = new ArrayList<>();
        if (selection.contains("$p")) {
            defs.add("$p: ID!");
        }
        if (selection.contains("$tx")) {
            defs.add("$tx: ID!");
        }
        return defs.isEmpty() ? "" : "(" + String.join(", ", defs) + ")";
    }

    @BeforeAll
    static void start() {
        GraphQLTestClient admin = ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.ADMIN);
        tx = admin.execute(
                        "query($p: ID!) { console { practice(id: $p) { payments(first: 1) { edges { node {"
                                + " transactionId } } } } } }",
                        "p",
                        ConsoleTestKit.BRIGHT)
                .data()
                .at("/console/practice/payments/edges/0/node/transactionId")
                .asText();
        assertThat(tx).isNotEmpty();
    }

    @Test
    void everyRoleEveryFieldOwnAndOtherPractice() {
        Map<String, GraphQLTestClient> own = Map.of(
                "ADMIN", ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.ADMIN),
                "BILLING", ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.BILLING),
                "SUPPORT", ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.SUPPORT));
        // Another practice's admin and billing member asking for Bright Smiles (SUPPORT has no other practice: it
        // sees every practice read-only).
        Map<String, GraphQLTestClient> other = Map.of(
                "ADMIN", ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.LAKESIDE_ADMIN),
                "BILLING", ConsoleTestKit.staff(BFF.url(), "billing@lakeside-dentistry.example"));
        List<String> failures = new ArrayList<>();
        for (Field f : FIELDS) {
            for (var e : own.entrySet()) {
                JsonNode r = call(e.getValue(), f);
                boolean allowed = f.needs.roles.contains(e.getKey());
                check(failures, f, e.getKey() + "/own", r, allowed);
            }
            for (var e : other.entrySet()) {
                JsonNode r = call(e.getValue(), f);
                // Nothing of Bright Smiles for Lakeside's staff (operations: support only, which they are not).
                check(failures, f, e.getKey() + "/other", r, false);
                assertThat(r.toString())
                        .as(f.name + " for " + e.getKey() + " of another practice")
                        .doesNotContain("Bright Smiles")
                        .doesNotContain("Garc")
                        .doesNotContain("\"cents\"");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void patientSessionAndNoSessionNeverReachAConsoleField() {
        GraphQLTestClient patient = new GraphQLTestClient(BFF.url());
        assertThat(patient.execute(
                                BffTestSupport.SIGN_IN,
                                "h",
                                BffTestSupport.PRACTICE,
                                "a",
                                BffTestSupport.ACCOUNT,
                                "l",
                                BffTestSupport.LAST_NAME)
                        .data()
                        .at("/signIn/ok")
                        .asBoolean())
                .isTrue();
        GraphQLTestClient nobody = new GraphQLTestClient(BFF.url());
        for (GraphQLTestClient c : List.of(patient, nobody)) {
            for (Field f : FIELDS) {
                JsonNode r = call(c, f);
                if (f.mutation) {
                    assertThat(code(r)).as(f.name).isEqualTo("UNAUTHENTICATED");
                } else {
                    assertThat(r.at("/data/console").isNull())
                            .as(f.name + ": " + r)
                            .isTrue();
                    assertThat(r.path("errors").isMissingNode()
                                    || r.path("errors").isEmpty())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aStaffSessionNeverReachesAPatientField() {
        GraphQLTestClient admin = ConsoleTestKit.staff(BFF.url(), ConsoleTestKit.ADMIN);
        assertThat(admin.execute("{ household { guarantorName } }")
                        .data()
                        .path("household")
                        .isNull())
                .isTrue();
        assertThat(code(admin.execute("query($tx: ID!) { receipt(txId: $tx) { txId } }", "tx", tx)
                        .json()))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(admin.execute("mutation { startPayment(amountCents: 500) { paymentId } }")
                        .json()))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(admin.execute("mutation($tx: ID!) { downloadReceipt(txId: $tx) { url } }", "tx", tx)
                        .json()))
                .isEqualTo("UNAUTHENTICATED");
    }

    private static JsonNode call(GraphQLTestClient c, Field f) {
        return c.execute(f.document, "p", ConsoleTestKit.BRIGHT, "tx", tx).json();
    }

    private static void check(List<String> failures, Field f, String who, JsonNode r, boolean allowed) {
        String code = code(r);
        if (allowed) {
            // Allowed: data, or BAD_USER_INPUT for the deliberately invalid inputs (checked after authorization).
            if (code != null && !code.equals("BAD_USER_INPUT")) {
                failures.add(f.name + " " + who + " should be allowed: " + r);
            }
        } else if (!"FORBIDDEN".equals(code) && !"NOT_FOUND".equals(code)) {
            failures.add(f.name + " " + who + " should be denied: " + r);
        }
    }

    private static String code(JsonNode r) {
        JsonNode errors = r.path("errors");
        return errors.isArray() && !errors.isEmpty()
                ? errors.get(0).at("/extensions/code").asText()
                : null;
    }
}
