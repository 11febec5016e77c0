package com.patientpayments.bff.web;

import com.patientpayments.bff.session.SessionSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response (HSTS too when cookies are {@code Secure}). The CSP fits the SPA served from this origin plus Stripe.js (scripts and
 * frames from js.stripe.com, API calls to api.stripe.com); nothing may frame the BFF's pages. CORS stays closed: no
 * {@code Access-Control-Allow-*} header is ever sent (allowed extra origins are for same-site deployments behind a
 * proxy, checked by the GraphQL request filter).
 */
@ServerFilter("/**")
public class SecurityHeadersFilter {

    /**
     * HSTS: two years, subdomains too (RFC 6797; the preload list asks for at least one year). Sent on every response
     * whenever session cookies are {@code Secure} (the BFF is served over HTTPS), never on plain-http local runs.
     */
    static final String HSTS = "max-age=63072000; includeSubDomains";

    private final boolean hsts;

    public SecurityHeadersFilter(SessionSettings session) {
        this.hsts = session.cookieSecure();
    }

    static final String CSP = "default-src 'self'; "
            // The hash allows only Angular's critical-CSS loader attribute onload="this.media='all'".
            + "script-src 'self' https://js.stripe.com 'unsafe-hashes' 'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https://*.stripe.com; "
            + "font-src 'self' data:; "
            + "connect-src 'self' https://api.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var h = response.getHeaders();
        if (!h.contains("Content-Security-Policy")) {
            h.add("Content-Security-Policy", CSP);
        }
        h.add("X-Content-Type-Options", "nosniff");
        h.add("Referrer-Policy", "no-referrer");
        h.add("X-Frame-Options", "DENY");
        h.add("Cross-Origin-Opener-Policy", "same-origin");
        h.add("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hsts && !h.contains("Strict-Transport-Security")) {
            h.add("Strict-Transport-Security", HSTS);
        }
        if (!h.contains("Cache-Control")) {
            // The SPA's content-hashed files never change under their name; everything else is never stored.
            boolean hashedAsset =
                    response.status() == HttpStatus.OK && SpaAssetsFilter.isHashedAsset(request.getPath());
            h.add("Cache-Control", hashedAsset ? SpaAssetsFilter.IMMUTABLE : "no-store");
        }
    }
}
