package com.patientpayments.bff.graphql;

import com.patientpayments.bff.email.EmailReceiptService;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.bff.session.PatientSession;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * {@code Mutation.emailReceipt}: answers {@code queued: true} once the email is accepted for background sending. The
 * email and its PDF are in {@code locale} ({@code en}, {@code es}), by default the session's language.
 */
@Singleton
public class EmailGraphQLWiring implements GraphQLWiring {

    private final CookieSessionAccess sessions;
    private final EmailReceiptService emails;
    private final ExecutorService blocking;

    public EmailGraphQLWiring(
            CookieSessionAccess sessions,
            EmailReceiptService emails,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.emails = emails;
        this.blocking = blocking;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type("Mutation", t -> t.dataFetcher("emailReceipt", this::emailReceipt));
    }

    private CompletionStage<Map<String, Object>> emailReceipt(DataFetchingEnvironment env) {
        PatientSession session = sessions.require(env);
        String txId = env.getArgument("txId");
        String email = env.getArgument("email");
        String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", session.locale());
        return CompletableFuture.supplyAsync(
                () -> {
                    emails.queue(session, txId, email, locale);
                    return Map.<String, Object>of("queued", true);
                },
                blocking);
    }
}
