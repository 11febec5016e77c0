package com.patientpayments.bff.web;

import com.patientpayments.bff.email.EmailSettings;
import com.patientpayments.bff.emr.EmrSettings;
import com.patientpayments.bff.payment.StripeSettings;
import com.patientpayments.bff.payment.WebhookSettings;
import com.patientpayments.bff.receipt.AdminPreviewGate;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptSettings;
import com.patientpayments.bff.webhook.QueueSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rule for every secret with a documented demo value (README "Secrets"): the demo value is public, so outside the
 * embedded demo ({@code PAYMENTS_EMBEDDED=true}, set by {@code make demo}) it protects nothing. Then
 * <ul>
 *   <li>a secret the service cannot work without — {@code STRIPE_WEBHOOK_SECRET} (payments are posted from
 *       webhooks), {@code EMR_API_KEY} — stops the start with a message naming the variable (never a value);</li>
 *   <li>a secret that guards an optional feature — {@code ADMIN_JWT_SECRET} (practice-admin receipt previews) — turns
 *       that feature off: no token is accepted ({@link #adminPreviewsEnabled()}).</li>
 * </ul>
 * Operator commands ({@code replay-dlq}, {@code reconcile}) serve nothing and skip this guard. Independently, a real
 * payment provider ({@code STRIPE_SECRET_KEY}) refuses the in-process stand-ins (SQS, SES):
 * payment events and receipt emails must not live in process memory.
 */
@Context
@Requires(property = "payments.operator-command", notEquals = "true")
public class DemoSecretsGuard implements AdminPreviewGate {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSecretsGuard.class);

    /** The demo's documented webhook signing secret (README). */
    public static final String DEMO_WEBHOOK_SECRET = "whsec_demo_patient_payments";
    /** The demo's documented connector credential (README). */
    public static final String DEMO_EMR_API_KEY = "demo-emr-api-key";

    private final boolean adminPreviewsEnabled;

    @Inject
    public DemoSecretsGuard(
            StripeSettings stripe,
            WebhookSettings webhook,
            ReceiptSettings receipt,
            EmrSettings emr,
            EmailSettings email,
            QueueSettings queue,
            DemoModeSettings demo) {
        boolean embedded = demo.embedded();
        List<String> problems = problems(
                embedded,
                stripe.secretKey() != null,
                webhook.secrets(),
                emr.apiKey(),
                email.sesEndpoint(),
                queue.endpoint());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The BFF cannot start: " + String.join("; ", problems));
        }
        this.adminPreviewsEnabled = embedded || !MintAdminToken.DEMO_SECRET.equals(receipt.adminJwtSecret());
        if (!adminPreviewsEnabled) {
            LOG.warn(
                    "ADMIN_JWT_SECRET is not set (or is the public demo value): practice-admin receipt previews are off");
        }
    }

    /** What keeps this configuration from starting; empty when it may start. Names variables, never values. */
    static List<String> problems(
            boolean embedded,
            boolean realProvider,
            List<String> webhookSecrets,
            @Nullable String emrApiKey,
            @Nullable String sesEndpoint,
            @Nullable String sqsEndpoint) {
        List<String> problems = new ArrayList<>();
        if (!embedded) {
            if (webhookSecrets.contains(DEMO_WEBHOOK_SECRET)) {
                problems.add("STRIPE_WEBHOOK_SECRET is not set or is the public demo value (allowed only in the "
                        + "embedded demo, PAYMENTS_EMBEDDED=true)");
            }
            if (blank(emrApiKey) || DEMO_EMR_API_KEY.equals(emrApiKey)) {
                problems.add("EMR_API_KEY is not set or is the public demo value (allowed only in the embedded demo, "
                        + "PAYMENTS_EMBEDDED=true)");
            }
        }
        if (realProvider) {
            if (blank(sesEndpoint)) {
                problems.add("STRIPE_SECRET_KEY is set (real payments) but SES_ENDPOINT is not (receipt emails would "
                        + "stay in an in-process stand-in)");
            }
            if (blank(sqsEndpoint)) {
                problems.add("STRIPE_SECRET_KEY is set (real payments) but SQS_ENDPOINT is not (webhook events would "
                        + "live in an in-process queue)");
            }
        }
        return problems;
    }

    /**
     * Whether practice-admin bearer tokens are accepted at all: not when {@code ADMIN_JWT_SECRET} is the public demo
     * value outside the embedded demo (anyone could sign a token with it).
     */
    @Override
    public boolean adminPreviewsEnabled() {
        return adminPreviewsEnabled;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
