package com.patientpayments.bff.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the SES v2 API (demo and tests only; never used when {@code SES_ENDPOINT} is set), on
 * 127.0.0.1: {@code POST /v2/email/outbound-emails} stores a raw message and answers a {@code MessageId};
 * {@code GET /store} lists the messages received as JSON ({@code emails[]} with from, to, subject, text, html and
 * base64 attachments), like the npm emulator {@code aws-ses-v2-local}, or, for a browser, as HTML pages with links to
 * each message and its PDF attachment ({@link InboxPages}).
 */
public final class SesStandIn implements Supplier<URI>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesStandIn.class);
    private final HttpServer server;
    private final ObjectMapper json;
    private final List<Map<String, Object>> store = new CopyOnWriteArrayList<>();
    private volatile int failNext;

    public SesStandIn(ObjectMapper json, int port) throws IOException {
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v2/email/outbound-emails", this::send);
        server.createContext("/store", this::list);
        server.start();
        LOG.info("SES stand-in listening on {} (inbox at {})", endpoint(), inboxUrl());
    }

    /** Endpoint for the SES v2 client. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The SES v2 endpoint as a URI: what the BFF's SES client is pointed at (bean {@link StandInBeans#SES}). */
    @Override
    public URI get() {
        return URI.create(endpoint());
    }

    /** Where the received messages are listed (the demo's {@code mail=} address). */
    public String inboxUrl() {
        return endpoint() + "/store";
    }

    /** For tests of the retry path: the next {@code count} sends answer 500 as SES does on an internal failure. */
    public void failNext(int count) {
        failNext = count;
    }

    /** Messages received so far (oldest first). */
    public List<Map<String, Object>> messages() {
        return List.copyOf(store);
    }

    private void send(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, Map.of("message", "POST only"));
                return;
            }
            if (failNext > 0) {
                failNext--;
                reply(exchange, 500, Map.of("message", "stand-in: simulated internal failure"));
                return;
            }
            Map<?, ?> body = json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            Object content = body.get("Content");
            Object raw = content instanceof Map ? ((Map<?, ?>) content).get("Raw") : null;
            Object data = raw instanceof Map ? ((Map<?, ?>) raw).get("Data") : null;
            if (!(data instanceof String)) {
                reply(exchange, 400, Map.of("message", "only raw messages are supported by the stand-in"));
                return;
            }
            String messageId = UUID.randomUUID().toString();
            store.add(describe(messageId, Base64.getDecoder().decode((String) data), body));
            reply(exchange, 200, Map.of("MessageId", messageId));
        } catch (Exception e) {
            LOG.warn("SES stand-in could not parse a message ({})", e.getClass().getSimpleName());
            reply(exchange, 400, Map.of("message", "malformed request"));
        }
    }

    private Map<String, Object> describe(String messageId, byte[] mime, Map<?, ?> request) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", messageId);
        m.put("from", String.valueOf(request.get("FromEmailAddress")));
        Object destination = request.get("Destination");
        m.put("to", destination instanceof Map ? ((Map<?, ?>) destination).get("ToAddresses") : List.of());
        m.put("subject", message.getSubject());
        m.put("at", Instant.now().toString());
        List<Map<String, Object>> attachments = new ArrayList<>();
        collect(message, m, attachments);
        m.put("attachments", attachments);
        m.put("raw", Base64.getEncoder().encodeToString(mime));
        return m;
    }

    private static void collect(Part part, Map<String, Object> m, List<Map<String, Object>> attachments)
            throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, m, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            attachments.add(Map.of(
                    "filename",
                    part.getFileName(),
                    "contentType",
                    part.getContentType().split(";")[0].trim(),
                    "size",
                    bytes.length,
                    "content",
                    Base64.getEncoder().encodeToString(bytes)));
        } else if (part.isMimeType("text/plain")) {
            m.put("text", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            m.put("html", part.getContent().toString());
        }
    }

    /**
     * {@code GET /store}: JSON ({@code emails[]}) for {@code Accept: application/json} and for clients that do not ask
     * for HTML; an HTML list for browsers. {@code /store/{id}} one message (HTML or JSON), {@code /store/{id}/html}
     * its HTML body (sandboxed), {@code /store/{id}/attachments/{n}} an attachment's bytes (the receipt PDF).
     */
    private void list(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI()
                    .getPath()
                    .replaceFirst("^/store/?", "")
                    .split("/");
            boolean html = wantsHtml(exchange);
            if (parts.length == 0 || parts[0].isEmpty()) {
                if (html) {
                    replyHtml(exchange, 200, InboxPages.list(store), null);
                } else {
                    reply(exchange, 200, Map.of("emails", store));
                }
                return;
            }
            var message = InboxPages.find(store, parts[0]);
            if (message.isEmpty() || parts.length > 3) {
                replyHtml(exchange, 404, "<!doctype html><title>Not found</title><p>No such message.</p>", null);
            } else if (parts.length == 1) {
                if (html) {
                    replyHtml(exchange, 200, InboxPages.message(message.get()), null);
                } else {
                    reply(exchange, 200, message.get());
                }
            } else if (parts.length == 2
                    && "html".equals(parts[1])
                    && message.get().get("html") != null) {
                replyHtml(
                        exchange,
                        200,
                        String.valueOf(message.get().get("html")),
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
            } else if (parts.length == 3
                    && "attachments".equals(parts[1])
                    && parts[2].matches("\\d{1,3}")
                    && message.get().get("attachments") instanceof List<?> attachments
                    && Integer.parseInt(parts[2]) < attachments.size()) {
                Map<?, ?> a = (Map<?, ?>) attachments.get(Integer.parseInt(parts[2]));
                byte[] bytes = Base64.getDecoder().decode(String.valueOf(a.get("content")));
                exchange.getResponseHeaders().set("Content-Type", String.valueOf(a.get("contentType")));
                exchange.getResponseHeaders()
                        .set(
                                "Content-Disposition",
                                "inline; filename=\""
                                        + String.valueOf(a.get("filename")).replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } else {
                replyHtml(exchange, 404, "<!doctype html><title>Not found</title><p>No such part.</p>", null);
            }
        }
    }

    /** HTML only when the client asks for it and does not ask for JSON (browsers send {@code text/html}). */
    static boolean wantsHtml(HttpExchange exchange) {
        String accept = String.join(",", exchange.getRequestHeaders().getOrDefault("Accept", List.of()))
                .toLowerCase(java.util.Locale.ROOT);
        return accept.contains("text/html") && !accept.contains("application/json");
    }

    private static void replyHtml(HttpExchange exchange, int status, String html, @Nullable String csp)
            throws IOException {
        byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        csp != null ? csp : "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
