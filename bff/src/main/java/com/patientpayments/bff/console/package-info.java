// Every type here is non-null unless marked @Nullable (issue 17; NullAway checks it at compile time).
/**
 * The practice console's domain: staff sessions (the Redis store), role/practice authorization, one-time export
 * downloads, statement links and their QR codes, CSV cells, funnel counts and the operations views. Its GraphQL
 * wiring is in {@code graphql} ({@code Console*Wiring}, {@code StaffSignInWiring}), its file controller in {@code web}
 * and its connector client in {@code emr} ({@code ConsoleEmr}).
 */
@NullMarked
package com.patientpayments.bff.console;

import org.jspecify.annotations.NullMarked;
