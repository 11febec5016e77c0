package com.patientpayments.bff.web;

import com.patientpayments.bff.payment.StripeProperties;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptProperties;
import com.patientpayments.bff.webhook.WebhookProperties;
import io.micronaut.context.annotation.Context;

/**
 * The demo runs with documented, public default secrets (webhook signing secret, admin JWT key). They must never
 * protect real money: when a real payment provider is configured ({@code STRIPE_SECRET_KEY}), the BFF refuses to
 * start while either default is still in use, instead of accepting webhooks or admin tokens anyone could forge.
 */
@Context
public class DemoSecretsGuard {

    /** The demo's documented webhook signing secret (README). */
    public static final String DEMO_WEBHOOK_SECRET = "whsec_demo_patient_payments";

    public DemoSecretsGuard(StripeProperties stripe, WebhookProperties webhook, ReceiptProperties receipt) {
        if (stripe.secretKey() == null) {
            return; // simulated provider: no real money, the demo defaults are fine
        }
        if (webhook.secrets().contains(DEMO_WEBHOOK_SECRET)) {
            throw new IllegalStateException(
                    "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is the public demo default; set the real one");
        }
        if (MintAdminToken.DEMO_SECRET.equals(receipt.adminJwtSecret())) {
            throw new IllegalStateException(
                    "STRIPE_SECRET_KEY is set but ADMIN_JWT_SECRET is the public demo default; set a real key");
        }
    }
}
