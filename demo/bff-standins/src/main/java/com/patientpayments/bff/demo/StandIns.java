package com.patientpayments.bff.demo;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;

/**
 * The four stand-ins as one process, for the BFF image's AppCDS training run: the production jar is trained against
 * them over the network, so the image never holds them (bff/Dockerfile mounts the demo jar for that one step only).
 * Usage: {@code java -cp bff-demo.jar com.patientpayments.bff.demo.StandIns <redisPort> <sqsPort> <sesPort>
 * <stripePort>}; the Stripe stand-in takes the key {@value #TRAINING_STRIPE_KEY} and delivers no events. Runs until
 * killed.
 */
public final class StandIns {

    /** The Stripe stand-in's key in the training run ({@code STRIPE_SECRET_KEY} of the trained BFF). */
    public static final String TRAINING_STRIPE_KEY = "sk_test_training";

    private StandIns() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: StandIns <redisPort> <sqsPort> <sesPort> <stripePort>");
        }
        String redis = EmbeddedRedis.start(Integer.parseInt(args[0]));
        EmbeddedSqs sqs = EmbeddedSqs.start(Integer.parseInt(args[1]));
        SesStandIn ses = new SesStandIn(ObjectMapper.getDefault(), Integer.parseInt(args[2]));
        StripeStandIn stripe = new StripeStandIn(Integer.parseInt(args[3]), TRAINING_STRIPE_KEY, null, "unused");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            ses.close();
            sqs.stop();
        }));
        System.out.println("stand-ins ready: redis=" + redis + " sqs=" + sqs.endpoint() + " ses=" + ses.endpoint()
                + " stripe=" + stripe.url());
        Thread.currentThread().join();
    }
}
