package com.patientpayments.bff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.bff.email.EmailSettings;
import com.patientpayments.bff.emr.EmrSettings;
import com.patientpayments.bff.graphql.GraphQLSettings;
import com.patientpayments.bff.household.CacheSettings;
import com.patientpayments.bff.lifecycle.ShutdownSettings;
import com.patientpayments.bff.payment.JanitorSettings;
import com.patientpayments.bff.payment.PaymentSettings;
import com.patientpayments.bff.payment.StripeSettings;
import com.patientpayments.bff.payment.WebhookSettings;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptSettings;
import com.patientpayments.bff.reconciliation.ReconciliationSettings;
import com.patientpayments.bff.redis.RedisSettings;
import com.patientpayments.bff.session.SessionSettings;
import com.patientpayments.bff.session.SignInSettings;
import com.patientpayments.bff.web.HttpSettings;
import com.patientpayments.bff.web.SpaSettings;
import com.patientpayments.bff.webhook.QueueSettings;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each default is stated once, either on its {@code @ConfigurationProperties} record or (for keys bound to an
 * environment variable, and keys {@code infra/} or an annotation reads) in {@code application.yml}: what the running
 * application binds, with nothing set but the embedded flag, is the documented value. An env-bound key is compared
 * with its variable when the machine running the test sets it.
 */
class ConfigDefaultsTest {

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    @Test
    void theBoundSettingsCarryTheDocumentedDefaults() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("payments.embedded", "true"))) {
            SessionSettings session = ctx.getBean(SessionSettings.class);
            assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(session.absoluteTimeout()).isEqualTo(Duration.ofMinutes(60));
            assertThat(session.cookieName()).isEqualTo("pp_session");
            assertThat(session.cookieSecure()).isEqualTo(Boolean.parseBoolean(env("SESSION_COOKIE_SECURE", "true")));

            SignInSettings signIn = ctx.getBean(SignInSettings.class);
            assertThat(signIn.maxAccountFailures()).isEqualTo(5);
            assertThat(signIn.maxClientFailures()).isEqualTo(20);
            assertThat(signIn.window()).isEqualTo(Duration.ofMinutes(15));
            assertThat(signIn.minDuration()).isEqualTo(Duration.ofMillis(40));

            CacheSettings cache = ctx.getBean(CacheSettings.class);
            assertThat(cache.receiptTtl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(cache.chargesTtl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(cache.practiceTtl()).isEqualTo(Duration.ofDays(1));

            ReceiptSettings receipt = ctx.getBean(ReceiptSettings.class);
            assertThat(receipt.downloadTtl()).isEqualTo(Duration.ofMinutes(5));
            assertThat(receipt.adminJwtSecret()).isEqualTo(env("ADMIN_JWT_SECRET", MintAdminToken.DEMO_SECRET));
            assertThat(receipt.adminTokenTtl()).isEqualTo(Duration.ofHours(1));

            RedisSettings redis = ctx.getBean(RedisSettings.class);
            assertThat(redis.keyPrefix()).isEqualTo("pp:");
            assertThat(redis.uri()).isEqualTo(env("REDIS_URL", "redis://127.0.0.1:6379"));

            QueueSettings queue = ctx.getBean(QueueSettings.class);
            assertThat(queue.name()).isEqualTo(env("SQS_QUEUE_NAME", "payments-webhooks"));
            assertThat(queue.maxReceives()).isEqualTo(5);
            assertThat(queue.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(queue.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(queue.waitTime()).isEqualTo(Duration.ofSeconds(10));
            assertThat(queue.concurrency()).isEqualTo(8);
            assertThat(queue.consumerEnabled()).isTrue();

            if (System.getenv("SHUTDOWN_READINESS_DELAY") == null && System.getenv("SHUTDOWN_DRAIN_TIMEOUT") == null) {
                ShutdownSettings shutdown = ctx.getBean(ShutdownSettings.class);
                assertThat(shutdown.readinessDelay()).isEqualTo(Duration.ofSeconds(5));
                assertThat(shutdown.drainTimeout()).isEqualTo(Duration.ofSeconds(20));
            }

            EmailSettings email = ctx.getBean(EmailSettings.class);
            assertThat(email.from()).isEqualTo(env("RECEIPT_FROM_EMAIL", "receipts@patientpayments.example"));
            assertThat(email.region()).isEqualTo(env("AWS_REGION", "us-east-1"));
            assertThat(email.standInPort()).isEqualTo(Integer.parseInt(env("MAIL_PORT", "0")));
            assertThat(email.perSessionHour()).isEqualTo(5);
            assertThat(email.maxAttempts()).isEqualTo(4);
            assertThat(email.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(email.markerTtl()).isEqualTo(Duration.ofDays(1));

            StripeSettings stripe = ctx.getBean(StripeSettings.class);
            assertThat(stripe.currency()).isEqualTo("usd");
            assertThat(stripe.minimumCents()).isEqualTo(50);
            assertThat(stripe.timeout()).isEqualTo(Duration.ofSeconds(10));

            PaymentSettings payment = ctx.getBean(PaymentSettings.class);
            assertThat(payment.recentWindow()).isEqualTo(Duration.ofMinutes(5));
            assertThat(payment.providerRecheckAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(payment.providerRecheckEvery()).isEqualTo(Duration.ofSeconds(3));

            JanitorSettings janitor = ctx.getBean(JanitorSettings.class);
            assertThat(janitor.enabled()).isTrue();
            assertThat(janitor.interval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(janitor.minAge()).isEqualTo(Duration.ofMinutes(10));
            assertThat(janitor.abandonAfter()).isEqualTo(Duration.ofHours(2));
            assertThat(janitor.batch()).isEqualTo(100);

            ReconciliationSettings reconciliation = ctx.getBean(ReconciliationSettings.class);
            assertThat(reconciliation.enabled()).isTrue();
            assertThat(reconciliation.interval()).isEqualTo(Duration.ofMinutes(15));
            assertThat(reconciliation.window()).isEqualTo(Duration.ofDays(2));

            EmrSettings emr = ctx.getBean(EmrSettings.class);
            assertThat(emr.readAttempts()).isEqualTo(2);
            assertThat(emr.retryDelay()).isEqualTo(Duration.ofMillis(50));
            assertThat(emr.circuitReset()).isEqualTo(Duration.ofSeconds(5));

            assertThat(ctx.getBean(WebhookSettings.class).tolerance()).isEqualTo(Duration.ofMinutes(5));

            if (System.getenv("STRIPE_WEBHOOK_SECRET") == null) {
                assertThat(ctx.getBean(WebhookSettings.class).secrets()).containsExactly("whsec_demo_patient_payments");
            }
            assertThat(ctx.getBean(SpaSettings.class).distDir())
                    .isEqualTo(env("UI_DIST_DIR", "ui-angular/dist/ui-angular/browser"));
            assertThat(ctx.getProperty("micronaut.router.static-resources.spa.paths", String.class))
                    .contains("file:" + env("UI_DIST_DIR", "ui-angular/dist/ui-angular/browser"));
            assertThat(ctx.getBean(GraphQLSettings.class).devTools())
                    .isEqualTo(Boolean.parseBoolean(env("GRAPHQL_DEV_TOOLS", "false")));
            if (System.getenv("ALLOWED_ORIGINS") == null && System.getenv("TRUSTED_PROXIES") == null) {
                HttpSettings http = ctx.getBean(HttpSettings.class);
                assertThat(http.allowedOrigins()).isEqualTo(List.of());
                assertThat(http.trustedProxies()).isEqualTo(List.of());
                assertThat(http.forwardedHeader()).isEqualTo("X-Forwarded-For");
            }
        }
    }

    @Test
    void aNegativeShutdownBoundStopsTheStartInsteadOfFallingBackToASecondDefault() {
        assertThatThrownBy(() -> new ShutdownSettings(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHUTDOWN_READINESS_DELAY");
        assertThatThrownBy(() -> new ShutdownSettings(Duration.ZERO, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHUTDOWN_DRAIN_TIMEOUT");
    }

    @Test
    void aBreakerWithoutAReadAttemptStopsTheStart() {
        assertThatThrownBy(() -> new EmrSettings("k", 0, Duration.ofMillis(50), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments.emr.read-attempts");
        assertThatThrownBy(() -> new EmrSettings("k", 2, null, Duration.ofSeconds(5)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("payments.emr.retry-delay");
    }
}
