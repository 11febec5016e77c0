package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.console.ConsoleAccess;
import com.patientpayments.bff.console.ConsoleOperationsView;
import com.patientpayments.bff.console.ConsoleRefunds;
import com.patientpayments.bff.console.PaymentLinkEmails;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.ConsoleErrors;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.receipt.ReceiptDownloadTokens;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.contract.BrandingState;
import com.patientpayments.contract.RefundRequest;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's mutations: refunds ({@link ConsoleRefunds}), receipt branding (draft, publish, PDF preview),
 * payment-link emails ({@link PaymentLinkEmails}), and support's operations (dead-letter replay, reconciliation now).
 * Arguments are checked here ({@code BAD_USER_INPUT}); the caller's role per practice by {@link ConsoleAccess}.
 */
@Singleton
public class ConsoleMutationWiring implements GraphQLWiring {
    private static final int MAX_LOGO_BYTES = 256 * 1024;

    private final ConsoleStaffSession staffSession;
    private final ConsoleAccess access;
    private final ConsoleEmr emr;
    private final ConsoleRefunds refunds;
    private final ReceiptDownloadTokens receiptTokens;
    private final ConsoleOperationsView operations;
    private final PaymentLinkEmails paymentLinks;

    public ConsoleMutationWiring(
            ConsoleStaffSession staffSession,
            ConsoleAccess access,
            ConsoleEmr emr,
            ConsoleRefunds refunds,
            ReceiptDownloadTokens receiptTokens,
            ConsoleOperationsView operations,
            PaymentLinkEmails paymentLinks) {
        this.staffSession = staffSession;
        this.access = access;
        this.emr = emr;
        this.refunds = refunds;
        this.receiptTokens = receiptTokens;
        this.operations = operations;
        this.paymentLinks = paymentLinks;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Mutation",
                t -> t.dataFetcher("refundPayment", this::refund)
                        .dataFetcher("saveReceiptBrandingDraft", this::saveDraft)
                        .dataFetcher("publishReceiptBranding", env -> {
                            ConsoleNodes.PracticeNode p = practice(env, ConsoleAccess.Capability.EDIT_SETTINGS);
                            EmrOutcome<BrandingState> published = emr.publishBranding(
                                    p.staff().id(), p.practice().id());
                            if (published.isNotFound()) {
                                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "There is no draft to publish.");
                            }
                            return ConsoleQueryWiring.brandingState(
                                    p.practice().hash(), ConsoleErrors.value(published, "Not found."));
                        })
                        .dataFetcher("previewReceiptBranding", this::preview)
                        .dataFetcher("emailPaymentLink", this::emailLink)
                        .dataFetcher("replayDeadLetters", env -> {
                            ConsoleDtos.Staff s = staffSession.requireSupport(env);
                            Integer max = env.getArgument("max");
                            if (max != null && (max < 1 || max > 1000)) {
                                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`max` must be 1 to 1,000.");
                            }
                            return operations.replay(s, max == null ? 100 : max);
                        })
                        .dataFetcher("runReconciliation", env -> {
                            ConsoleDtos.Staff s = staffSession.requireSupport(env);
                            Instant from = instant(env.getArgument("from"), "from");
                            Instant to = instant(env.getArgument("to"), "to");
                            if (!from.isBefore(to) || Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
                                throw new PaymentsException(
                                        ErrorCode.BAD_USER_INPUT, "`to` must be after `from`, at most 31 days later.");
                            }
                            return operations.reconcile(s, from, to);
                        }));
    }

    /** {@code refundPayment}: finds the payment among the caller's practices where they may refund. */
    Map<String, Object> refund(DataFetchingEnvironment env) {
        ConsoleDtos.Staff staff = staffSession.require(env);
        String tx = ConsoleArgs.id(env.getArgument("transactionId"), "transactionId");
        Integer amount = env.getArgument("amountCents");
        String reason = String.valueOf(env.<Object>getArgument("reason"));
        String note = env.getArgument("note");
        String key = env.getArgument("idempotencyKey");
        if (amount == null || amount <= 0) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`amountCents` must be more than zero.");
        }
        if (key == null || !key.matches("[A-Za-z0-9_-]{8,100}")) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "`idempotencyKey` must be 8-100 letters, digits or '-'.");
        }
        if (note != null && note.length() > 500) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`note` is at most 500 characters.");
        }
        RefundRequest request = refunds.refund(staff, tx, amount.longValue(), reason, note, key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refundRequestId", request.id());
        out.put("status", "REFUSED".equals(request.status()) ? "FAILED" : "PENDING");
        out.put("amount", ConsoleQueryWiring.usd(request.amountCents()));
        return out;
    }

    private Map<String, Object> saveDraft(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = practice(env, ConsoleAccess.Capability.EDIT_SETTINGS);
        Map<String, Object> input = env.getArgument("input");
        Map<String, Object> edit = new HashMap<>();
        edit.put("signatureText", text(input.get("signatureText"), "signatureText", 200));
        edit.put("footerText", text(input.get("footerText"), "footerText", 500));
        edit.put("removeLogo", input.get("removeLogo"));
        Object logo = input.get("logoBase64");
        if (logo != null) {
            if (!(input.get("logoContentType") instanceof String type)
                    || (!"image/png".equals(type) && !"image/svg+xml".equals(type))) {
                throw new PaymentsException(
                        ErrorCode.BAD_USER_INPUT, "`logoContentType` must be image/png or image/svg+xml.");
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode((String) logo);
            } catch (IllegalArgumentException e) {
                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`logoBase64` is not base64.");
            }
            if (bytes.length == 0 || bytes.length > MAX_LOGO_BYTES) {
                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "The logo must be at most 256 KiB.");
            }
            ConsoleErrors.value(emr.saveLogo(p.practice().id(), type, bytes), "Not found.");
            if (!Boolean.TRUE.equals(input.get("removeLogo"))) {
                edit.put("removeLogo", false);
            }
        }
        return ConsoleQueryWiring.brandingState(
                p.practice().hash(),
                ConsoleErrors.value(
                        emr.saveBranding(p.staff().id(), p.practice().id(), edit), "Not found."));
    }

    private ReceiptDownloadTokens.Link preview(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = practice(env, ConsoleAccess.Capability.EDIT_SETTINGS);
        String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", ReceiptLocale.DEFAULT);
        Object tx = env.getArgument("transactionId");
        access.audit(p.staff().id(), "BRANDING_PREVIEWED", p.practice().id(), null, null, null);
        if (tx == null) {
            return receiptTokens.issue(new ReceiptDownloadTokens.Grant(
                    ReceiptDownloadTokens.Grant.Kind.DRAFT_SAMPLE,
                    null,
                    p.practice().hash(),
                    locale));
        }
        String id = ConsoleArgs.id(tx, "transactionId");
        ConsoleErrors.value(emr.payment(p.staff().id(), p.practice().id(), id), "We could not find that payment.");
        return receiptTokens.issue(new ReceiptDownloadTokens.Grant(
                ReceiptDownloadTokens.Grant.Kind.DRAFT_TX, id, p.practice().hash(), locale));
    }

    private Map<String, Object> emailLink(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = practice(env, ConsoleAccess.Capability.ACT);
        String account = ConsoleArgs.account(env.getArgument("accountNumber"));
        Object to = env.getArgument("email");
        if (!(to instanceof String address)
                || address.length() > 254
                || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`email` must be an email address.");
        }
        paymentLinks.send(p.staff(), p.practice(), account, address);
        return Map.of("queued", true);
    }

    private ConsoleNodes.PracticeNode practice(DataFetchingEnvironment env, ConsoleAccess.Capability needs) {
        ConsoleDtos.Staff staff = staffSession.require(env);
        return new ConsoleNodes.PracticeNode(
                staff,
                ConsoleAccess.practice(staff, ConsoleArgs.id(env.getArgument("practiceId"), "practiceId"), needs));
    }

    private static @Nullable String text(@Nullable Object raw, String name, int max) {
        if (raw == null) {
            return null;
        }
        String s = String.valueOf(raw);
        if (s.length() > max) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` is at most " + max + " characters.");
        }
        if (s.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "`" + name + "` contains characters that are not" + " allowed.");
        }
        return s;
    }

    private static Instant instant(Object raw, String name) {
        try {
            return Instant.parse((String) raw);
        } catch (DateTimeParseException | ClassCastException | NullPointerException e) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` must be an ISO-8601 instant.");
        }
    }
}
