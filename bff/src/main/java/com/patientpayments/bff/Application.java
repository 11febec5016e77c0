package com.patientpayments.bff;

import com.patientpayments.bff.lifecycle.GracefulShutdown;
import com.patientpayments.bff.webhook.OperatorCommands;
import io.micronaut.runtime.Micronaut;

/**
 * Entry point of the patient-facing BFF. {@code java -jar bff.jar replay-dlq} and {@code … reconcile [from [to]]}
 * run an operator command instead of the server (see {@link OperatorCommands}). {@code EMR_URL} names one connector or
 * several (comma-separated, round robin); SIGTERM drains the instance before it exits ({@link GracefulShutdown}).
 */
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        run(args, () -> {});
    }

    /**
     * Runs an operator command, or else {@code beforeContext} and then the server. The demo jar's entry point
     * ({@code demo/bff-demo}) passes the start of its embedded Redis here, so a stand-in's address is known to the
     * context; production passes nothing.
     */
    public static void run(String[] args, Runnable beforeContext) {
        String emrUrl = System.getenv("EMR_URL");
        if (emrUrl != null && !emrUrl.isBlank()) {
            // One base URL or several, comma-separated: requests go round robin (emr.EmrHttp).
            System.setProperty("micronaut.http.services.emr.urls", emrUrl.replace(" ", ""));
        }
        var command = OperatorCommands.run(args, System.out);
        if (command.isPresent()) {
            System.exit(command.get());
        }
        beforeContext.run();
        var context = Micronaut.run(Application.class, args);
        // SIGTERM: readiness down, queue drained, then exit (lifecycle.GracefulShutdown).
        GracefulShutdown.installSignalHandler(context);
    }
}
