package com.patientpayments.bff.practice;

import com.patientpayments.bff.emr.EmrAddress;
import com.patientpayments.bff.emr.EmrLocation;
import com.patientpayments.bff.emr.EmrPractice;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** GraphQL {@code Practice}: public landing data only (no ids, tenant or Stripe account). */
public record PracticeView(
        String hash,
        String name,
        @Nullable String phone,
        @Nullable String phoneE164,
        @Nullable AddressView address,
        @Nullable String logoUrl,
        String timeZone,
        List<LocationView> locations) {

    static PracticeView of(EmrPractice p) {
        List<LocationView> locations = p.locations() == null
                ? List.of()
                : p.locations().stream().map(LocationView::of).toList();
        return new PracticeView(
                p.hash(),
                p.name(),
                p.phone(),
                p.phoneE164(),
                AddressView.of(p.address()),
                p.logo() == null
                        ? null
                        : PracticeLogoUrls.url(
                                p.hash(), p.logo().contentType(), p.logo().sha256()),
                p.timeZone(),
                locations);
    }

    /** GraphQL {@code Location}. */
    public record LocationView(
            String id,
            String name,
            @Nullable String phone,
            @Nullable AddressView address) {
        static LocationView of(EmrLocation l) {
            return new LocationView(l.id(), l.name(), l.phone(), AddressView.of(l.address()));
        }
    }

    /** GraphQL {@code Address}. */
    public record AddressView(String line1, @Nullable String line2, String city, String state, String postalCode) {
        static @Nullable AddressView of(@Nullable EmrAddress a) {
            return a == null ? null : new AddressView(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
        }

        /** One line, e.g. {@code 120 Main St, Suite 4, Austin, TX 78701}. */
        public String formatted() {
            return Stream.of(line1, line2, city, state + " " + postalCode)
                    .filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(", "));
        }
    }
}
