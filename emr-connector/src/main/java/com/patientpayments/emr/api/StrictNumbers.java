package com.patientpayments.emr.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Every number the connector reads from a JSON body is a JSON <em>integer</em> token: Micronaut Serde's own decoders
 * coerce {@code true} to 1, {@code "1e2"} to 100 and {@code [250]} to 250, which is how a money field once accepted
 * all three. These deserializers replace the built-in ones for every numeric Java type (boxed and primitive), so any
 * request record — including those added later — refuses booleans, strings, arrays, objects, fractions and exponents
 * ({@code 1.0}, {@code 1e2}) with {@code 400 VALIDATION_FAILED} naming the field
 * ({@link ProblemErrorResponseProcessor}). The API has no fractional numbers: amounts are integer cents.
 */
public final class StrictNumbers {

    /** Prefix of the decoder's message; {@link ProblemErrorResponseProcessor} recognizes it. */
    static final String NOT_AN_INTEGER = "must be a JSON integer";
    /** The decoder's message starts with the field's name in brackets (the property path is not kept by Serde). */
    static final String FIELD_PREFIX = "field [";

    private StrictNumbers() {}

    /** The next value as an integer, or an exception when it is any other JSON value. Null is handled by callers. */
    static BigInteger integer(Decoder decoder, Argument<?> field) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (node.isNumber()) {
            Number n = node.getNumberValue();
            if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
                return BigInteger.valueOf(n.longValue());
            }
            if (n instanceof BigInteger big) {
                return big;
            }
        }
        throw decoder.createDeserializationException(FIELD_PREFIX + field.getName() + "] " + NOT_AN_INTEGER, null);
    }

    static long inRange(Decoder decoder, Argument<?> field, BigInteger value, long min, long max) throws IOException {
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw decoder.createDeserializationException(
                    FIELD_PREFIX + field.getName() + "] " + NOT_AN_INTEGER + " between " + min + " and " + max, null);
        }
        return value.longValue();
    }

    /** The shared shape of the strict deserializers: JSON null stays null for boxed types. */
    abstract static class Strict<T> implements Deserializer<T> {
        abstract T convert(Decoder decoder, Argument<?> field, BigInteger value) throws IOException;

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            return convert(decoder, type, integer(decoder, type));
        }

        @Override
        public @Nullable T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            if (decoder.decodeNull()) {
                return null;
            }
            return deserialize(decoder, context, type);
        }
    }

    /** {@code long} and {@code Long}. */
    @Singleton
    static final class Longs extends Strict<Long> {
        @Override
        Long convert(Decoder decoder, Argument<?> field, BigInteger value) throws IOException {
            return inRange(decoder, field, value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** {@code int} and {@code Integer}. */
    @Singleton
    static final class Integers extends Strict<Integer> {
        @Override
        Integer convert(Decoder decoder, Argument<?> field, BigInteger value) throws IOException {
            return (int) inRange(decoder, field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    /** {@code short} and {@code Short}. */
    @Singleton
    static final class Shorts extends Strict<Short> {
        @Override
        Short convert(Decoder decoder, Argument<?> field, BigInteger value) throws IOException {
            return (short) inRange(decoder, field, value, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    }

    /** {@code BigInteger}: any integer, however large (callers bound it). */
    @Singleton
    static final class BigIntegers extends Strict<BigInteger> {
        @Override
        BigInteger convert(Decoder decoder, Argument<?> field, BigInteger value) {
            return value;
        }
    }

    /**
     * {@code BigDecimal}: used by request records only to report integers beyond {@code long} precisely
     * ({@link Amounts#require(BigDecimal, String)}); still an integer token.
     */
    @Singleton
    static final class BigDecimals extends Strict<BigDecimal> {
        @Override
        BigDecimal convert(Decoder decoder, Argument<?> field, BigInteger value) {
            return new BigDecimal(value);
        }
    }

    /** {@code double}/{@code Double}: the API has none; an integer token is still the only number accepted. */
    @Singleton
    static final class Doubles extends Strict<Double> {
        @Override
        Double convert(Decoder decoder, Argument<?> field, BigInteger value) {
            return value.doubleValue();
        }
    }
}
