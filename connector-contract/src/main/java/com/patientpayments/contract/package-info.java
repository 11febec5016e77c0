/**
 * The EMR connector's REST payloads (emr-connector/API.md), shared by the connector, which returns them, and the BFF's
 * connector client, which decodes them. Records and enums only: no HTTP, no database, no behaviour beyond small copies
 * and the statuses' own rules (which attempt status may follow which, how a transaction's status follows from its
 * refunds and disputes). Amounts are integer cents; times are ISO-8601 strings on the wire (instants in UTC,
 * {@code Z}, as {@link java.time.Instant#toString()} writes them; days {@code yyyy-MM-dd}). The console payloads keep
 * them as strings, as the connector wrote them before they moved here; {@link Transaction} and {@link PaymentAttempt}
 * hold {@link java.time.Instant}s, which serde writes the same way (the connector's ContractWireFormatTest pins it).
 */
@NullMarked
package com.patientpayments.contract;

import org.jspecify.annotations.NullMarked;
