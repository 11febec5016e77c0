package com.patientpayments.bff.graphql;

import com.patientpayments.bff.Money;
import com.patientpayments.bff.emr.ReceiptLine;
import com.patientpayments.bff.receipt.ReceiptJasperAdapter;
import com.patientpayments.bff.receipt.ReceiptView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link ReceiptView} as the GraphQL {@code Receipt} type (maps read by graphql-java's default fetchers). */
final class ReceiptGraphQLMapper {

    private ReceiptGraphQLMapper() {}

    static Map<String, Object> receipt(ReceiptView v) {
        ZoneId zone = ReceiptJasperAdapter.zoneOf(v);
        Map<String, Object> m = new HashMap<>();
        m.put("txId", v.txId());
        m.put("providerReference", v.providerReference());
        m.put("paidAt", instant(v.paidAt(), zone));
        m.put("timeZone", zone.getId());
        m.put("methodLabel", v.methodLabel());
        m.put("total", money(v.totalCents(), v.currency()));
        m.put("applied", money(v.appliedCents(), v.currency()));
        m.put("credit", money(v.creditCents(), v.currency()));
        m.put("practice", practice(v.practice()));
        m.put("guarantorName", v.guarantorName());
        m.put("lines", v.lines().stream().map(l -> line(l, v.currency())).collect(Collectors.toList()));
        m.put("balanceAfter", v.balanceAfterCents() == null ? null : money(v.balanceAfterCents(), v.currency()));
        m.put(
                "adjustments",
                v.adjustments().stream()
                        .map(a -> Map.of(
                                "kind",
                                a.kind(),
                                "amount",
                                money(a.amountCents(), v.currency()),
                                "at",
                                instant(a.occurredAt(), zone)))
                        .collect(Collectors.toList()));
        return m;
    }

    /** GraphQL {@code Money} (cents, currency and {@link Money#formatted()}, read by the default fetchers). */
    static Money money(long cents, String currency) {
        return Money.of(cents, currency);
    }

    private static Map<String, Object> line(ReceiptLine l, String currency) {
        Map<String, Object> m = new HashMap<>();
        m.put("chargeId", l.chargeId());
        m.put("patientName", l.patientName());
        m.put("serviceDate", l.serviceDate().toString());
        m.put("procedureName", l.procedureName());
        m.put("providerName", l.providerName());
        m.put("chargeAmount", money(l.chargeAmountCents(), currency));
        m.put("applied", money(l.appliedCents(), currency));
        m.put("remaining", money(l.remainingCents(), currency));
        return m;
    }

    private static Map<String, Object> practice(ReceiptView.Practice p) {
        Map<String, Object> m = new HashMap<>();
        m.put("hash", p.hash());
        m.put("name", p.name());
        m.put("phone", p.phone());
        m.put("phoneE164", p.phoneE164());
        m.put("logoUrl", p.logoUrl());
        m.put("timeZone", p.timeZone());
        m.put("locations", List.of());
        if (p.line1() != null && p.city() != null) {
            Map<String, Object> a = new HashMap<>();
            a.put("line1", p.line1());
            a.put("line2", p.line2());
            a.put("city", p.city());
            a.put("state", p.state() == null ? "" : p.state());
            a.put("postalCode", p.postalCode() == null ? "" : p.postalCode());
            a.put(
                    "formatted",
                    p.line1() + (p.line2() == null || p.line2().isBlank() ? "" : ", " + p.line2()) + ", "
                            + p.cityLine().trim());
            m.put("address", a);
        }
        return m;
    }

    private static String instant(java.time.Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
