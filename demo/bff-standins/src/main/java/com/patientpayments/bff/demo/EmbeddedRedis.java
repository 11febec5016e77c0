package com.patientpayments.bff.demo;

import java.io.IOException;
import redis.embedded.RedisServer;

/**
 * The demo's Redis stand-in: when {@code PAYMENTS_EMBEDDED=true} (set by {@code make demo}) and {@code REDIS_URL} is
 * not given, a bundled Redis 6.2 ({@code embedded-redis}) is started on 127.0.0.1 on a free port before the
 * application context, and stopped when the JVM exits. Production always sets {@code REDIS_URL}.
 */
public final class EmbeddedRedis {

    private EmbeddedRedis() {}

    /** Starts the stand-in if the environment asks for it; sets {@code payments.redis.uri} for the context. */
    public static void startIfWanted() {
        boolean embedded = Boolean.parseBoolean(System.getenv().getOrDefault("PAYMENTS_EMBEDDED", "false"));
        String url = System.getenv("REDIS_URL");
        if (!embedded || (url != null && !url.isBlank())) {
            return;
        }
        System.setProperty("payments.redis.uri", start(LocalPorts.freePort()));
    }

    /**
     * Starts a bundled Redis on 127.0.0.1:{@code port}, stopped when the JVM exits.
     *
     * @return its URI, {@code redis://127.0.0.1:<port>}
     * @throws IllegalStateException when it cannot start
     */
    public static String start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    server.stop();
                                } catch (IOException e) {
                                    // The JVM is exiting; the child process is killed with it.
                                }
                            },
                            "embedded-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded Redis stand-in", e);
        }
    }
}
