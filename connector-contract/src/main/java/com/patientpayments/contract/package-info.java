/**
 * The EMR connector's REST payloads (emr-connector/API.md), shared by the connector, which returns them, and the BFF's
 * connector client, which decodes them. Records and enums only: no HTTP, no database, no behaviour beyond small copies.
 * Amounts are integer cents; times are ISO-8601 strings on the wire (instants in UTC, {@code Z}; days
 * {@code yyyy-MM-dd}), kept as strings here so the JSON stays byte-identical to what the connector wrote before.
 */
@NullMarked
package com.patientpayments.contract;

import org.jspecify.annotations.NullMarked;
