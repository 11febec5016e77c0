package com.patientpayments.bff.graphql;

import com.patientpayments.bff.receipt.ReceiptAdminPreview;
import com.patientpayments.bff.receipt.ReceiptDownloadTokens;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.bff.session.PatientSession;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * GraphQL fields of the receipt feature: {@code Query.receipt}, {@code Mutation.downloadReceipt} (signed-in
 * household) and {@code Query.receiptPreview} (practice admins, bearer JWT). Work runs on the blocking executor.
 */
@Singleton
public class ReceiptGraphQLWiring implements GraphQLWiring {

    private final CookieSessionAccess sessions;
    private final ReceiptService receipts;
    private final ReceiptDownloadTokens tokens;
    private final ReceiptAdminPreview adminPreview;
    private final ExecutorService blocking;

    public ReceiptGraphQLWiring(
            CookieSessionAccess sessions,
            ReceiptService receipts,
            ReceiptDownloadTokens tokens,
            ReceiptAdminPreview adminPreview,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.receipts = receipts;
        this.tokens = tokens;
        this.adminPreview = adminPreview;
        this.blocking = blocking;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Query",
                t -> t.dataFetcher("receipt", this::receipt).dataFetcher("receiptPreview", this::receiptPreview));
        builder.type("Mutation", t -> t.dataFetcher("downloadReceipt", this::downloadReceipt));
    }

    private CompletionStage<Map<String, Object>> receipt(DataFetchingEnvironment env) {
        PatientSession session = sessions.require(env);
        String txId = env.getArgument("txId");
        return async(() -> ReceiptGraphQLMapper.receipt(receipts.forHousehold(session.householdId(), txId)));
    }

    private CompletionStage<Map<String, Object>> downloadReceipt(DataFetchingEnvironment env) {
        PatientSession session = sessions.require(env);
        String txId = env.getArgument("txId");
        String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", session.locale());
        return async(() -> {
            receipts.forHousehold(session.householdId(), txId);
            return link(tokens.issue(new ReceiptDownloadTokens.Grant(
                    ReceiptDownloadTokens.Grant.Kind.HOUSEHOLD, txId, session.householdId(), locale)));
        });
    }

    private CompletionStage<Map<String, Object>> receiptPreview(DataFetchingEnvironment env) {
        HttpRequest<?> request = GraphQLRequestContext.request(env);
        String authorization =
                request == null ? null : request.getHeaders().getAuthorization().orElse(null);
        String practiceHash = env.getArgument("practiceHash");
        String txId = env.getArgument("txId");
        return async(() -> link(adminPreview.preview(authorization, practiceHash, txId)));
    }

    static Map<String, Object> link(ReceiptDownloadTokens.Link link) {
        return Map.of("url", link.url(), "expiresAt", link.expiresAt().toString());
    }

    private <T> CompletionStage<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, blocking);
    }
}
