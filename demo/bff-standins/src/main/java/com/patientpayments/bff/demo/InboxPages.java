package com.patientpayments.bff.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The demo inbox as small HTML pages for a person (the {@code mail=} link of the DEMO line): a list of the messages
 * with links, one message's readable view (headers, text body, links to its HTML body and attachments). Only the
 * SES stand-in serves them; everything shown is escaped, and the message's own HTML is served apart under a
 * sandboxing CSP.
 */
public final class InboxPages {

    private static final String STYLE =
            "<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem;max-width:60rem;"
                    + "color:#1e293b}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;"
                    + "border-bottom:1px solid #e2e8f0}pre{white-space:pre-wrap;background:#f8fafc;padding:1rem;"
                    + "border:1px solid #e2e8f0}</style>";

    private InboxPages() {}

    /** The inbox: newest message first. */
    static String list(List<Map<String, Object>> messages) {
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> m = messages.get(i);
            String id = String.valueOf(m.get("messageId"));
            rows.append("<tr><td>")
                    .append(esc(m.get("at")))
                    .append("</td><td>")
                    .append(esc(m.get("to")))
                    .append("</td><td><a href=\"/store/")
                    .append(esc(id))
                    .append("\">")
                    .append(esc(m.get("subject")))
                    .append("</a></td><td>")
                    .append(attachmentLinks(id, m))
                    .append("</td></tr>");
        }
        return page(
                "Demo inbox",
                "<h1>Demo inbox</h1><p>" + messages.size() + " message"
                        + (messages.size() == 1 ? "" : "s") + " received by the demo's email stand-in. "
                        + "<a href=\"/store\" type=\"application/json\">JSON</a>: send <code>Accept: application/json</code>."
                        + "</p>"
                        + (messages.isEmpty()
                                ? "<p>No messages yet.</p>"
                                : "<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead>"
                                        + "<tbody>" + rows + "</tbody></table>"));
    }

    /** One message, readable. */
    public static String message(Map<String, Object> m) {
        String id = String.valueOf(m.get("messageId"));
        return page(
                String.valueOf(m.get("subject")),
                "<p><a href=\"/store\">\u2190 Inbox</a></p><h1>"
                        + esc(m.get("subject")) + "</h1><table>"
                        + "<tr><th>From</th><td>" + esc(m.get("from")) + "</td></tr>"
                        + "<tr><th>To</th><td>" + esc(m.get("to")) + "</td></tr>"
                        + "<tr><th>Received</th><td>" + esc(m.get("at")) + "</td></tr>"
                        + "<tr><th>Attachments</th><td>" + attachmentLinks(id, m) + "</td></tr></table>"
                        + (m.get("html") == null
                                ? ""
                                : "<p><a href=\"/store/" + esc(id) + "/html\">HTML version</a></p>")
                        + "<pre>" + esc(m.get("text") == null ? "" : m.get("text")) + "</pre>");
    }

    /** The message with {@code id}, if received. */
    static Optional<Map<String, Object>> find(List<Map<String, Object>> messages, String id) {
        return messages.stream().filter(m -> id.equals(m.get("messageId"))).findFirst();
    }

    private static String attachmentLinks(String id, Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        List<?> attachments = (List<?>) m.get("attachments");
        for (int i = 0; attachments != null && i < attachments.size(); i++) {
            Map<?, ?> a = (Map<?, ?>) attachments.get(i);
            sb.append(sb.length() > 0 ? ", " : "")
                    .append("<a href=\"/store/")
                    .append(esc(id))
                    .append("/attachments/")
                    .append(i)
                    .append("\">")
                    .append(esc(a.get("filename")))
                    .append("</a> (")
                    .append(esc(a.get("contentType")))
                    .append(", ")
                    .append(a.get("size"))
                    .append(" bytes)");
        }
        return sb.length() == 0 ? "\u2014" : sb.toString();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + esc(title) + "</title>" + STYLE
                + "</head><body>" + body + "</body></html>";
    }

    static String esc(@Nullable Object value) {
        String s = value instanceof List
                ? String.join(
                        ", ", ((List<?>) value).stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
