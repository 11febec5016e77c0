package com.patientpayments.bff.demo;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;

/**
 * The three stand-ins as one process, for the BFF image's AppCDS training run: the production jar is trained against
 * them over the network, so the image never holds them (bff/Dockerfile mounts the demo jar for that one step only).
 * Usage: {@code java -cp bff-demo.jar com.patientpayments.bff.demo.StandIns <redisPort> <sqsPort> <sesPort>}; runs
 * until killed.
 */
public final class StandIns {

    private StandIns() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StandIns <redisPort> <sqsPort> <sesPort>");
        }
        String redis = EmbeddedRedis.start(Integer.parseInt(args[0]));
        EmbeddedSqs sqs = EmbeddedSqs.start(Integer.parseInt(args[1]));
        SesStandIn ses = new SesStandIn(ObjectMapper.getDefault(), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ses.close();
            sqs.stop();
        }));
        System.out.println("stand-ins ready: redis=" + redis + " sqs=" + sqs.endpoint() + " ses=" + ses.endpoint());
        Thread.currentThread().join();
    }
}
