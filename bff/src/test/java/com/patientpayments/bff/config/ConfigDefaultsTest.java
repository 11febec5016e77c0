package com.patientpayments.bff.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.email.EmailSettings;
import com.patientpayments.bff.graphql.GraphQLSettings;
import com.patientpayments.bff.household.CacheSettings;
import com.patientpayments.bff.lifecycle.ShutdownSettings;
import com.patientpayments.bff.payment.WebhookSettings;
import com.patientpayments.bff.receipt.MintAdminToken;
import com.patientpayments.bff.receipt.ReceiptSettings;
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
 * environment variable, and the queue keys {@code infra/} reads) in {@code application.yml}: what the running
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
}
