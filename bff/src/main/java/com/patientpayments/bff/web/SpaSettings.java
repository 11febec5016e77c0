package com.patientpayments.bff.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the SPA's production build is ({@code UI_DIST_DIR}); relative paths are resolved against the working
 * directory (the repository root for {@code make demo}).
 *
 * @param distDir directory holding {@code index.html} and the built assets; default
 *                {@code ui-angular/dist/ui-angular/browser}, set in {@code application.yml} (where {@code UI_DIST_DIR}
 *                is bound and the static-resource mapping reads it)
 */
@ConfigurationProperties("payments.spa")
public record SpaSettings(String distDir) {}
