package com.patientpayments.bff.web;

import com.patientpayments.bff.payment.StripeProperties;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptProperties;
import com.patientpayments.bff.webhook.WebhookProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo runs with documented, public defaults (webhook signing secret, admin JWT key, connector API key) and
 * in-process stand-ins (SQS, SES). They must never carry real money: when a real payment provider is configured
 * ({@code STRIPE_SECRET_KEY}), the BFF refuses to start while any of them is still in use — instead of accepting
 * forgeable webhooks or admin tokens, or keeping payment events and receipt emails in process memory.
 */
@Context
public class DemoSecretsGuard {

    /** The demo's documented webhook signing secret (README). */
    public static final String DEMO_WEBHOOK_SECRET = "whsec_demo_patient_payments";
    /** The demo's documented connector credential (README). */
    public static final String DEMO_EMR_API_KEY = "demo-emr-api-key";

    @Inject
    public DemoSecretsGuard(StripeProperties stripe, WebhookProperties webhook, ReceiptProperties receipt,
                            @Value("${payments.emr.api-key:}") String emrApiKey,
                            @Value("${payments.email.ses-endpoint:}") String sesEndpoint,
                            @Value("${payments.queue.endpoint:}") String sqsEndpoint) {
        List<String> problems = problems(stripe.secretKey() != null, webhook.secrets(), receipt.adminJwtSecret(),
                emrApiKey, sesEndpoint, sqsEndpoint);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("STRIPE_SECRET_KEY is set (real payments) but " + String.join("; ", problems));
        }
    }

    /** What keeps a real-money configuration from starting; empty when it may start. */
    static List<String> problems(boolean realProvider, List<String> webhookSecrets, String adminJwtSecret,
                                 String emrApiKey, String sesEndpoint, String sqsEndpoint) {
        List<String> problems = new ArrayList<>();
        if (!realProvider) {
            return problems; // simulated provider: no real money, the demo defaults are fine
        }
        if (webhookSecrets.contains(DEMO_WEBHOOK_SECRET)) {
            problems.add("STRIPE_WEBHOOK_SECRET is the public demo default");
        }
        if (MintAdminToken.DEMO_SECRET.equals(adminJwtSecret)) {
            problems.add("ADMIN_JWT_SECRET is the public demo default");
        }
        if (DEMO_EMR_API_KEY.equals(emrApiKey)) {
            problems.add("EMR_API_KEY is the public demo default");
        }
        if (blank(sesEndpoint)) {
            problems.add("SES_ENDPOINT is not set (receipt emails would stay in an in-process stand-in)");
        }
        if (blank(sqsEndpoint)) {
            problems.add("SQS_ENDPOINT is not set (webhook events would live in an in-process queue)");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
