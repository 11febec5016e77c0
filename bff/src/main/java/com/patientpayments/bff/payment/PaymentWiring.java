package com.patientpayments.bff.payment;

import com.patientpayments.bff.graphql.ApiException;
import com.patientpayments.bff.graphql.Arguments;
import com.patientpayments.bff.graphql.ErrorCode;
import com.patientpayments.bff.graphql.GraphQLWiring;
import com.patientpayments.bff.graphql.SchemaFilter;
import com.patientpayments.bff.payment.LedgerDtos.PaymentAttempt;
import com.patientpayments.bff.session.PatientSession;
import com.patientpayments.bff.session.SessionAccess;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * {@code Mutation.startPayment}, {@code Query.payment} and, with the simulated provider only,
 * {@code Mutation.confirmSimulatedPayment} (removed from the schema in {@code STRIPE} mode). The GraphQL endpoint
 * runs fetchers on the blocking executor, so connector and provider calls are made directly.
 */
@Singleton
public class PaymentWiring implements GraphQLWiring, SchemaFilter {

    static final String CONFIRM = "confirmSimulatedPayment";

    private final SessionAccess sessions;
    private final PaymentService payments;
    private final PaymentProvider provider;

    public PaymentWiring(SessionAccess sessions, PaymentService payments, PaymentProvider provider) {
        this.sessions = sessions;
        this.payments = payments;
        this.provider = provider;
    }

    @Override
    public void apply(TypeDefinitionRegistry registry) {
        if (provider instanceof SimulatedPaymentProvider) {
            return;
        }
        registry.getType("Mutation", ObjectTypeDefinition.class).ifPresent(mutation -> {
            List<FieldDefinition> kept = mutation.getFieldDefinitions().stream()
                    .filter(f -> !CONFIRM.equals(f.getName())).toList();
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
                    throw new ApiException(ErrorCode.BAD_USER_INPUT, "The payment request is malformed. Please try again.");
                }
                return payments.start(session, amount == null ? 0 : amount, key);
            });
            if (provider instanceof SimulatedPaymentProvider simulator) {
                t.dataFetcher(CONFIRM, env -> {
                    PatientSession session = sessions.require(env);
                    String id = Arguments.id(env, "paymentId", 100);
                    String card = Arguments.text(env, "cardNumber", 40);
                    PaymentAttempt attempt = payments.ownAttempt(session, id);
                    if (attempt.providerIntentId() == null) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "We could not find that payment.");
                    }
                    simulator.confirm(attempt.providerIntentId(), card);
                    return payments.status(session, id);
                });
            }
            return t;
        });
        builder.type("Query", t -> t.dataFetcher("payment",
                env -> payments.status(sessions.require(env), Arguments.id(env, "id", 100))));
    }
}
