package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.Money;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.console.ConsoleAccess;
import com.patientpayments.bff.console.ConsoleDownloads;
import com.patientpayments.bff.console.ConsoleOperationsView;
import com.patientpayments.bff.console.Csv;
import com.patientpayments.bff.console.StatementLinks;
import com.patientpayments.bff.console.StatementQr;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.ConsoleErrors;
import com.patientpayments.bff.practice.PracticeLogoUrls;
import com.patientpayments.bff.receipt.ReceiptDownloadTokens;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.contract.BrandingState;
import com.patientpayments.contract.ConsolePayment;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.RoiReport;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Query.console} and everything under it. {@code console} is null without a staff session (a patient's
 * session is never read here); every practice-level field checks the caller's role for that practice
 * ({@link ConsoleAccess}) and the connector checks the membership again and writes the audit row.
 */
@Singleton
public class ConsoleQueryWiring implements GraphQLWiring {
    static final String USD = "USD";
    /** The connector's payment detail always has its lists; one without them is a broken answer ({@code INTERNAL}). */
    private static final String DETAIL = "the connector's payment detail lacks a list";

    private final ConsoleStaffSession staffSession;
    private final ConsoleAccess access;
    private final ConsoleEmr emr;
    private final ConsoleDownloads downloads;
    private final StatementLinks links;
    private final ReceiptDownloadTokens receiptTokens;
    private final ConsoleOperationsView operations;

    public ConsoleQueryWiring(
            ConsoleStaffSession staffSession,
            ConsoleAccess access,
            ConsoleEmr emr,
            ConsoleDownloads downloads,
            StatementLinks links,
            ReceiptDownloadTokens receiptTokens,
            ConsoleOperationsView operations) {
        this.staffSession = staffSession;
        this.access = access;
        this.emr = emr;
        this.downloads = downloads;
        this.links = links;
        this.receiptTokens = receiptTokens;
        this.operations = operations;
    }

    @Override
    public void wire(RuntimeWiring.Builder builder) {
        builder.type(
                "Query",
                t -> t.dataFetcher(
                        "console",
                        env -> staffSession
                                .staff(env)
                                .map(ConsoleNodes.Root::new)
                                .orElse(null)));
        builder.type(
                "Console",
                t -> t.dataFetcher(
                                "me", env -> env.<ConsoleNodes.Root>getSource().staff())
                        .dataFetcher("practices", env -> {
                            ConsoleDtos.Staff s =
                                    env.<ConsoleNodes.Root>getSource().staff();
                            return s.practices().stream()
                                    .map(p -> new ConsoleNodes.PracticeNode(s, p))
                                    .toList();
                        })
                        .dataFetcher("practice", env -> {
                            ConsoleDtos.Staff s =
                                    env.<ConsoleNodes.Root>getSource().staff();
                            return new ConsoleNodes.PracticeNode(
                                    s, ConsoleAccess.practice(s, env.getArgument("id"), ConsoleAccess.Capability.READ));
                        })
                        .dataFetcher("operations", env -> {
                            ConsoleDtos.Staff s = staffSession.requireSupport(env);
                            return operations.view(s);
                        }));
        builder.type(
                "StaffMember",
                t -> t.dataFetcher("memberships", env -> {
                    ConsoleDtos.Staff s = env.getSource();
                    return s.support()
                            ? List.of()
                            : s.practices().stream()
                                    .map(p ->
                                            new ConsoleNodes.Membership(new ConsoleNodes.PracticeNode(s, p), p.role()))
                                    .toList();
                }));
        builder.type(
                "ConsolePractice",
                t -> t.dataFetcher("id", env -> node(env).practice().id())
                        .dataFetcher("hash", env -> node(env).practice().hash())
                        .dataFetcher("name", env -> node(env).practice().name())
                        .dataFetcher("role", env -> node(env).practice().role())
                        .dataFetcher("locations", env -> node(env).practice().locations())
                        .dataFetcher("payments", this::payments)
                        .dataFetcher("paymentsCsv", this::paymentsCsv)
                        .dataFetcher("payment", env -> {
                            ConsoleNodes.PracticeNode p = node(env);
                            String tx = ConsoleArgs.id(env.getArgument("transactionId"), "transactionId");
                            var found = emr.payment(p.staff().id(), p.practice().id(), tx);
                            return found.isNotFound()
                                    ? null
                                    : new ConsoleNodes.PaymentNode(p, ConsoleErrors.value(found, "Payment not found."));
                        })
                        .dataFetcher("receiptPdf", this::receiptPdf)
                        .dataFetcher("receiptBranding", env -> {
                            ConsoleNodes.PracticeNode p = node(env);
                            ConsoleAccess.practice(
                                    p.staff(), p.practice().id(), ConsoleAccess.Capability.VIEW_SETTINGS);
                            return brandingState(
                                    p.practice().hash(),
                                    ConsoleErrors.value(
                                            emr.branding(
                                                    p.staff().id(), p.practice().id()),
                                            "Not found."));
                        })
                        .dataFetcher("roi", this::roi)
                        .dataFetcher("statementLink", this::statementLink)
                        .dataFetcher("statementLinksExport", this::statementLinksExport));
        builder.type(
                "ConsolePayment",
                t -> t.dataFetcher("transactionId", env -> pay(env).payment().transactionId())
                        .dataFetcher(
                                "providerReference", env -> pay(env).payment().providerReference())
                        .dataFetcher("source", env -> pay(env).payment().source())
                        .dataFetcher("status", env -> pay(env).payment().status())
                        .dataFetcher("amount", env -> usd(pay(env).payment().amountCents()))
                        .dataFetcher("refunded", env -> usd(pay(env).payment().refundedCents()))
                        .dataFetcher("refundable", env -> usd(pay(env).payment().refundableCents()))
                        .dataFetcher("paidAt", env -> local(pay(env).payment().paidAt(), pay(env).practice()))
                        .dataFetcher("methodLabel", env -> methodLabel(pay(env).payment()))
                        .dataFetcher("accountNumber", env -> pay(env).payment().accountNumber())
                        .dataFetcher("guarantorName", env -> pay(env).payment().guarantorName())
                        .dataFetcher(
                                "allocations",
                                env -> Objects.requireNonNull(detail(env).allocations(), DETAIL).stream()
                                        .map(a -> {
                                            Map<String, Object> m = new LinkedHashMap<>();
                                            m.put("chargeId", a.chargeId());
                                            m.put("patientName", a.patientName());
                                            m.put("serviceDate", a.serviceDate());
                                            m.put("procedureCode", a.procedureCode());
                                            m.put("procedureName", a.procedureName());
                                            m.put("locationName", a.locationName());
                                            m.put("applied", usd(a.appliedCents()));
                                            m.put("remaining", usd(a.remainingCents()));
                                            return m;
                                        })
                                        .toList())
                        .dataFetcher("timeline", env -> {
                            ConsoleNodes.PracticeNode p = pay(env).practice();
                            return Objects.requireNonNull(detail(env).timeline(), DETAIL).stream()
                                    .map(a -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("kind", a.kind());
                                        m.put("status", a.status());
                                        m.put("amount", usd(a.amountCents()));
                                        m.put("at", local(a.at(), p));
                                        m.put("reference", a.reference());
                                        return m;
                                    })
                                    .toList();
                        })
                        .dataFetcher("auditTrail", env -> {
                            ConsoleNodes.PracticeNode p = pay(env).practice();
                            return Objects.requireNonNull(detail(env).audit(), DETAIL).stream()
                                    .map(a -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("at", local(a.at(), p));
                                        m.put("action", a.action());
                                        m.put("actor", a.actor() == null ? "system" : a.actor());
                                        m.put("amount", a.amountCents() == null ? null : usd(a.amountCents()));
                                        return m;
                                    })
                                    .toList();
                        }));
    }

    private Map<String, Object> payments(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        Integer first = env.getArgument("first");
        if (first == null || first < 1 || first > 100) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`first` must be 1 to 100.");
        }
        Map<String, @Nullable Object> query = ConsoleArgs.filter(env.getArgument("filter"), p.practice());
        query.put("first", first);
        String after = env.getArgument("after");
        if (after != null && (after.length() > 200 || !after.matches("[A-Za-z0-9_-]+"))) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`after` is not a cursor of this list.");
        }
        query.put("after", after);
        ConsolePayment.Page page =
                ConsoleErrors.value(emr.payments(p.staff().id(), p.practice().id(), query), "Not found.");
        List<Map<String, Object>> edges = new ArrayList<>();
        for (ConsolePayment row : page.rows()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursorOf(row));
            edge.put("node", new ConsoleNodes.PaymentNode(p, row));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.hasNextPage());
        pageInfo.put("endCursor", page.endCursor());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edges", edges);
        out.put("pageInfo", pageInfo);
        out.put("totalCount", (int) Math.min(Integer.MAX_VALUE, page.totalCount()));
        return out;
    }

    /** The connector's cursor format (base64url of paidAt|id): the same as its page's endCursor. */
    private static String cursorOf(ConsolePayment row) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((row.paidAt() + "|" + row.transactionId()).getBytes(StandardCharsets.UTF_8));
    }

    private ReceiptDownloadTokens.Link paymentsCsv(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        Map<String, @Nullable Object> query = ConsoleArgs.filter(env.getArgument("filter"), p.practice());
        query.put("first", 1000);
        StringBuilder csv = new StringBuilder("transaction_id,paid_at,amount,refunded,status,method,account_number,"
                + "guarantor,provider_reference\r\n");
        int rows = 0;
        String after = null;
        do {
            query.put("after", after);
            ConsolePayment.Page page = ConsoleErrors.value(
                    emr.payments(p.staff().id(), p.practice().id(), query), "Not found.");
            for (ConsolePayment r : page.rows()) {
                csv.append(Csv.cell(r.transactionId()))
                        .append(',')
                        .append(Csv.cell(local(r.paidAt(), p)))
                        .append(',')
                        .append(java.math.BigDecimal.valueOf(r.amountCents(), 2).toPlainString())
                        .append(',')
                        .append(java.math.BigDecimal.valueOf(r.refundedCents(), 2)
                                .toPlainString())
                        .append(',')
                        .append(r.status())
                        .append(',')
                        .append(Csv.cell(methodLabel(r)))
                        .append(',')
                        .append(Csv.cell(r.accountNumber()))
                        .append(',')
                        .append(Csv.cell(r.guarantorName()))
                        .append(',')
                        .append(Csv.cell(r.providerReference()))
                        .append("\r\n");
                rows++;
            }
            after = page.hasNextPage() ? page.endCursor() : null;
        } while (after != null && rows < 50_000);
        access.audit(p.staff().id(), "EXPORT_PAYMENTS", p.practice().id(), null, null, "rows=" + rows);
        return downloads.issue(new ConsoleDownloads.File(
                "payments-" + p.practice().hash() + ".csv",
                "text/csv; charset=utf-8",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private ReceiptDownloadTokens.Link receiptPdf(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        String tx = ConsoleArgs.id(env.getArgument("transactionId"), "transactionId");
        String locale = ReceiptLocale.language(env.getArgument("locale"), "locale", ReceiptLocale.DEFAULT);
        // The payment must be this practice's (the connector answers 404 for another practice's).
        ConsoleErrors.value(emr.payment(p.staff().id(), p.practice().id(), tx), "We could not find that payment.");
        access.audit(p.staff().id(), "VIEW_RECEIPT", p.practice().id(), tx, null, null);
        return receiptTokens.issue(new ReceiptDownloadTokens.Grant(
                ReceiptDownloadTokens.Grant.Kind.PRACTICE_TX, tx, p.practice().hash(), locale));
    }

    private Map<String, Object> roi(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        String from = ConsoleArgs.date(env.getArgument("from"), "from");
        String to = ConsoleArgs.date(env.getArgument("to"), "to");
        String location = env.getArgument("locationId");
        if (location != null && p.practice().locations().stream().noneMatch(l -> l.id().equals(location))) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`locationId` is not a location of this practice.");
        }
        RoiReport r = ConsoleErrors.value(emr.roi(p.staff().id(), p.practice().id(), from, to, location), "Not found.");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("onlineCollections", usd(r.onlineCents()));
        m.put("allCollections", usd(r.allCents()));
        m.put(
                "bySource",
                r.bySource().stream()
                        .map(s -> Map.of("source", s.source(), "amount", usd(s.cents()), "count", s.count()))
                        .toList());
        m.put("householdsPayingOnlineShare", r.householdsPayingOnlineShare());
        m.put("medianDaysToPayOnline", r.medianDaysToPayOnline());
        m.put("medianDaysToPayOther", r.medianDaysToPayOther());
        m.put(
                "funnel",
                r.funnel().stream()
                        .map(f -> Map.of("step", f.step(), "count", (int) Math.min(Integer.MAX_VALUE, f.count())))
                        .toList());
        m.put(
                "byLocation",
                r.byLocation().stream()
                        .map(l -> Map.of(
                                "locationId",
                                l.locationId(),
                                "locationName",
                                l.locationName(),
                                "online",
                                usd(l.onlineCents()),
                                "all",
                                usd(l.allCents())))
                        .toList());
        m.put(
                "byProcedureCategory",
                r.byProcedureCategory().stream()
                        .map(c -> Map.of(
                                "category", c.category(), "online", usd(c.onlineCents()), "all", usd(c.allCents())))
                        .toList());
        m.put(
                "byDay",
                r.byDay().stream()
                        .map(d -> Map.of("date", d.date(), "online", usd(d.onlineCents()), "all", usd(d.allCents())))
                        .toList());
        return m;
    }

    private Map<String, Object> statementLink(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        String account = ConsoleArgs.account(env.getArgument("accountNumber"));
        ConsoleErrors.value(
                emr.household(p.staff().id(), p.practice().id(), account),
                "No household of this practice has that account number.");
        access.audit(p.staff().id(), "STATEMENT_LINK", p.practice().id(), null, null, null);
        String url = links.url(p.practice().hash(), account);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountNumber", account);
        m.put("url", url);
        m.put("qrSvg", StatementQr.svg(url));
        m.put(
                "qrPngUrl",
                "/console-files/qr.png?practiceId=" + p.practice().id() + "&account="
                        + java.net.URLEncoder.encode(account, StandardCharsets.UTF_8));
        return m;
    }

    private ReceiptDownloadTokens.Link statementLinksExport(DataFetchingEnvironment env) {
        ConsoleNodes.PracticeNode p = node(env);
        List<?> raw = env.getArgument("accountNumbers");
        if (raw == null || raw.isEmpty() || raw.size() > 5000) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`accountNumbers` must list 1 to 5,000 accounts.");
        }
        List<String> accounts =
                raw.stream().map(a -> ConsoleArgs.account(a)).distinct().toList();
        Object format = env.getArgument("format");
        boolean png = "PNG".equals(format);
        access.audit(p.staff().id(), "STATEMENT_EXPORT", p.practice().id(), null, null, "accounts=" + accounts.size());
        return downloads.issue(new ConsoleDownloads.File(
                "statement-links-" + p.practice().hash() + ".zip",
                "application/zip",
                links.zip(p.practice().hash(), accounts, png)));
    }

    /** The GraphQL {@code ReceiptBrandingState}. */
    static Map<String, Object> brandingState(String practiceHash, BrandingState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draft", branding(practiceHash, s.draft(), s.published()));
        m.put("published", branding(practiceHash, s.published(), s.published()));
        return m;
    }

    private static @Nullable Map<String, Object> branding(
            String hash, BrandingState.@Nullable Branding b, BrandingState.@Nullable Branding published) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signatureText", b.signatureText());
        m.put("footerText", b.footerText());
        // Only the published logo has a public address; a draft logo shows once published (or in the PDF preview).
        PracticeLogo logo = b.logo();
        PracticeLogo publishedLogo = published == null ? null : published.logo();
        String logoUrl = null;
        if (logo != null && publishedLogo != null && publishedLogo.sha256().equals(logo.sha256())) {
            logoUrl = PracticeLogoUrls.url(hash, logo.contentType(), logo.sha256());
        }
        m.put("logoUrl", logoUrl);
        m.put("updatedAt", b.updatedAt() == null ? Instant.EPOCH.toString() : b.updatedAt());
        return m;
    }

    private ConsolePayment detail(DataFetchingEnvironment env) {
        ConsoleNodes.PaymentNode n = pay(env);
        if (n.payment().allocations() != null) {
            return n.payment();
        }
        // A row of a page: its detail, once per request and payment.
        return env.getGraphQlContext()
                .computeIfAbsent(
                        "pp.console.payment." + n.payment().transactionId(),
                        k -> ConsoleErrors.value(
                                emr.payment(
                                        n.practice().staff().id(),
                                        n.practice().practice().id(),
                                        n.payment().transactionId()),
                                "Payment not found."));
    }

    static String methodLabel(ConsolePayment p) {
        if (p.methodBrand() == null) {
            return "Card";
        }
        return p.methodBrand() + (p.methodLast4() == null ? "" : " ••••" + p.methodLast4());
    }

    /** An instant at the practice's offset (ISO-8601). */
    static String local(String instant, ConsoleNodes.PracticeNode p) {
        return Instant.parse(instant)
                .atZone(ZoneId.of(p.practice().timeZone()))
                .toOffsetDateTime()
                .toString();
    }

    static Money usd(long cents) {
        return Money.of(cents, USD);
    }

    private static ConsoleNodes.PracticeNode node(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static ConsoleNodes.PaymentNode pay(DataFetchingEnvironment env) {
        return env.getSource();
    }
}
