package com.patientpayments.bff.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the SPA's production build is ({@code UI_DIST_DIR}); relative paths are resolved against the working
 * directory (the repository root for {@code make demo}).
 *
 * @param distDir directory holding {@code index.html} and the built assets
 */
@ConfigurationProperties("payments.spa")
public record SpaSettings(
        @Bindable(defaultValue = "ui-angular/dist/ui-angular/browser")
        String distDir) {}
