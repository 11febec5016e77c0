package com.patientpayments.bff.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback address for the demo's stand-ins and the tests' servers. */
public final class LocalPorts {

    private LocalPorts() {}

    /** A port on 127.0.0.1 that was free a moment ago (the caller binds it next). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
