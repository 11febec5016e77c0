package com.patientpayments.emr.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A real PostgreSQL started in-process for the demo when no {@code DATABASE_URL} is given; bound to 127.0.0.1. */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a fresh cluster on a free local port (a new data directory each time: the demo starts fresh). */
    public static EmbeddedDatabase start() {
        try {
            return start(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }

    /** Starts a fresh cluster on 127.0.0.1:{@code port}; user {@code postgres}, no password, database {@code postgres}. */
    public static EmbeddedDatabase start(int port) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start", e);
        }
    }

    /**
     * A PostgreSQL alone, for the connector image's AppCDS training run: the production jar is trained against it
     * over the network, so the image never holds it (emr-connector/Dockerfile mounts the demo jar for that step only).
     * Usage: {@code java -cp emr-connector-demo.jar com.patientpayments.emr.demo.EmbeddedDatabase <port>}; runs until
     * killed, then stops the cluster.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EmbeddedDatabase <port>");
        }
        EmbeddedDatabase db = start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
        System.out.println("embedded PostgreSQL ready: " + db.jdbcUrl());
        Thread.currentThread().join();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
