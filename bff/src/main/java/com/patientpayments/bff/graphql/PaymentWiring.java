package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.payment.AllocationPreviews;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.bff.payment.PaymentService;
import com.patientpayments.bff.payment.ProviderRefusedException;
import com.patientpayments.bff.payment.TestModeControls;
import com.patientpayments.bff.session.PatientSession;
import com.patientpayments.contract.PaymentAttempt;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * {@code Mutation.startPayment}, {@code Query.payment}, {@code Household.allocationPreview} and
 * {@code Household.recentPayments}; in {@code SIMULATED} mode only (the demo's Stripe stand-in),
 * {@code Mutation.confirmSimulatedPayment} and the demo controls {@code simulateRefund} / {@code simulateDisputeEvidence}
 * as Stripe test-mode calls ({@link TestModeControls}; removed from the schema in {@code STRIPE} mode). The GraphQL endpoint runs fetchers on the blocking executor, so connector and provider calls are made
 * directly.
 */
@Singleton
public class PaymentWiring implements GraphQLWiring, SchemaFilter {

    static final String CONFIRM = "confirmSimulatedPayment";
    static final Set<String> SIMULATOR_ONLY = Set.of(CONFIRM, "simulateRefund", "simulateDisputeEvidence");
    private static final String NOT_FOUND = "We could not find that payment.";

    private final CookieSessionAccess sessions;
    private final PaymentService payments;
    private final AllocationPreviews previews;
    private final PaymentProvider provider;

    public PaymentWiring(
            CookieSessionAccess sessions,
            PaymentService payments,
            AllocationPreviews previews,
            PaymentProvider provider) {
        this.sessions = sessions;
        this.payments = payments;
        this.previews = previews;
        this.provider = provider;
    }

    @Override
    public void apply(TypeDefinitionRegistry registry) {
        if (provider.testModeControls().isPresent()) {
            return;
        }
        registry.getType("Mutation", ObjectTypeDefinition.class).ifPresent(mutation -> {
            List<FieldDefinition> kept = mutation.getFieldDefinitions().stream()
                    .filter(f -> !SIMULATOR_ONLY.contains(f.getName()))
                    .toList();
            registry.remove(mutation);
            registry.add(mutation.transform(b -> b.fieldDefinitions(kept)));
        });
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type("Mutation", t -> {
            t.dataFetcher("startPayment", env -> {
                PatientSession session = sessions.require(env);
                Integer amount = env.getArgument("amountCents");
                String key = env.getArgument("idempotencyKey");
                if (key != null && key.length() > 100) {
                    throw new PaymentsException(
                            ErrorCode.BAD_USER_INPUT, "The payment request is malformed. Please try again.");
                }
                return payments.start(session, amount == null ? 0 : amount, key);
            });
            provider.testModeControls().ifPresent(controls -> wireTestMode(t, controls));
            return t;
        });
        builder.type(
                "Query",
                t -> t.dataFetcher(
                        "payment", env -> payments.status(sessions.require(env), Arguments.id(env, "id", 100))));
        builder.type(
                "Household",
                t -> t.dataFetcher("allocationPreview", env -> {
                            Integer amount = env.getArgument("amountCents");
                            return previews.preview(session(env), amount == null ? 0 : amount);
                        })
                        .dataFetcher("recentPayments", env -> payments.recent(session(env))));
    }

    private void wireTestMode(graphql.schema.idl.TypeRuntimeWiring.Builder t, TestModeControls controls) {
        t.dataFetcher(CONFIRM, env -> {
            PatientSession session = sessions.require(env);
            String id = Arguments.id(env, "paymentId", 100);
            String card = Arguments.text(env, "cardNumber", 40);
            OwnIntent own = intentOf(session, id);
            // Confirming the same payment again after a decline: it is processing again until the event arrives.
            payments.resumeForRetry(own.attempt());
            controls.confirm(own.intentId(), card, payments.account(own.attempt()));
            return payments.status(session, id);
        });
        t.dataFetcher("simulateRefund", env -> {
            PatientSession session = sessions.require(env);
            String id = Arguments.id(env, "paymentId", 100);
            Integer amount = env.getArgument("amountCents");
            OwnIntent own = intentOf(session, id);
            try {
                controls.refund(own.intentId(), amount == null ? 0 : amount, payments.account(own.attempt()));
            } catch (ProviderRefusedException e) {
                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, e.reason());
            }
            return payments.status(session, id);
        });
        t.dataFetcher("simulateDisputeEvidence", env -> {
            PatientSession session = sessions.require(env);
            String id = Arguments.id(env, "paymentId", 100);
            String evidence = Arguments.text(env, "evidence", 40);
            OwnIntent own = intentOf(session, id);
            try {
                controls.disputeEvidence(own.intentId(), evidence, payments.account(own.attempt()));
            } catch (ProviderRefusedException e) {
                throw new PaymentsException(ErrorCode.BAD_USER_INPUT, e.reason());
            }
            return payments.status(session, id);
        });
    }

    /** The session's own attempt with a provider intent, else NOT_FOUND. */
    private OwnIntent intentOf(PatientSession session, String paymentId) {
        PaymentAttempt attempt = payments.ownAttempt(session, paymentId);
        String intentId = attempt.providerIntentId();
        if (intentId == null) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND);
        }
        return new OwnIntent(attempt, intentId);
    }

    /** The household's own attempt and the provider intent it has. */
    private record OwnIntent(PaymentAttempt attempt, String intentId) {}

    private static PatientSession session(DataFetchingEnvironment env) {
        HouseholdRef ref = env.getSource();
        return ref.session();
    }
}
