package com.patientpayments.bff.webhook;

import com.patientpayments.bff.reconciliation.Reconciliation;
import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One-shot operator commands run instead of the server ({@code java -jar bff.jar <command>}):
 * <ul>
 *   <li>{@code replay-dlq} — moves every message of the webhook dead-letter queue back to the main queue, where the
 *   running BFFs' consumers post it (idempotently). Needs {@code SQS_ENDPOINT} (and the AWS credentials) of the
 *   queue the servers use: an embedded queue lives inside its server process.</li>
 *   <li>{@code reconcile [from-ISO-instant [to-ISO-instant]]} — posts provider payments the ledger lacks; default
 *   window: the last 2 days. Needs the same {@code STRIPE_SECRET_KEY}, {@code EMR_URL}/{@code EMR_API_KEY} as the
 *   server.</li>
 * </ul>
 */
public final class OperatorCommands {

    private OperatorCommands() {}

    /** Runs the command named by {@code args[0]} if it is one; empty when {@code args} ask for the server. */
    public static Optional<Integer> run(String[] args, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("replay-dlq") || args[0].equals("reconcile"))) {
            return Optional.empty();
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "payments.queue.consumer-enabled",
                        false,
                        "payments.reconciliation.enabled",
                        false,
                        // Not a server: nothing is served, so web.DemoSecretsGuard (what a server accepts) stays off.
                        "payments.operator-command",
                        true))
                .start()) {
            if (args[0].equals("replay-dlq")) {
                int moved = context.getBean(WebhookQueue.class).replayDeadLetters();
                out.println("replay-dlq moved=" + moved);
            } else {
                Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.now();
                Instant from = args.length > 1 ? Instant.parse(args[1]) : to.minus(Duration.ofDays(2));
                var report = context.getBean(Reconciliation.class).run(from, to);
                out.println("reconcile from=" + from + " to=" + to + " providerSucceeded=" + report.providerSucceeded()
                        + " repaired=" + report.repairedTransactionIds().size());
            }
            return Optional.of(0);
        } catch (RuntimeException e) {
            out.println(args[0] + " failed: " + e.getClass().getSimpleName());
            return Optional.of(1);
        }
    }
}
