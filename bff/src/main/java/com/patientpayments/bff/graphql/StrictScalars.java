package com.patientpayments.bff.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The built-in {@code Int} and {@code ID} with strict input coercion, replacing graphql-java's, which accept a variable
 * {@code 250.0} or {@code 1e2} (a JSON float) as the Int 250 or 100. Every {@code Int} argument — money
 * ({@code amountCents}) and anything added later — takes JSON integers only: floats, exponents, strings, booleans,
 * arrays and objects are refused ({@code BAD_USER_INPUT} naming the variable, see {@link GraphQLEndpoint}); {@code ID}
 * takes strings or integers (GraphQL spec). graphql-java's {@code String} and {@code Boolean} are already strict
 * (and {@code String} cannot be replaced: introspection types use it). Output is unchanged.
 */
final class StrictScalars {

    private StrictScalars() {}

    /** Replaces the three built-ins in this wiring. */
    static void install(RuntimeWiring.Builder builder) {
        builder.scalar(GraphQLScalarType.newScalar(graphql.Scalars.GraphQLInt)
                .coercing(new StrictInt())
                .build());
        builder.scalar(GraphQLScalarType.newScalar(graphql.Scalars.GraphQLID)
                .coercing(new StrictId())
                .build());
    }

    private static int intOf(Object input) {
        BigInteger value;
        if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
            value = BigInteger.valueOf(((Number) input).longValue());
        } else if (input instanceof BigInteger big) {
            value = big;
        } else {
            throw new CoercingParseValueException(
                    "must be a JSON integer (digits only: no quotes, decimal point, " + "exponent, boolean or array)");
        }
        if (value.bitLength() > 31) {
            throw new CoercingParseValueException(
                    "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    @SuppressWarnings("deprecation")
    private static final class StrictInt implements Coercing<Integer, Integer> {
        private final Coercing<?, ?> builtIn = graphql.Scalars.GraphQLInt.getCoercing();

        @Override
        public Integer serialize(Object dataFetcherResult, GraphQLContext context, Locale locale)
                throws CoercingSerializeException {
            return (Integer) builtIn.serialize(dataFetcherResult, context, locale);
        }

        @Override
        public Integer parseValue(Object input, GraphQLContext context, Locale locale) {
            return intOf(input);
        }

        @Override
        public Integer parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof IntValue v)) {
                throw new CoercingParseLiteralException("must be an integer literal");
            }
            if (v.getValue().bitLength() > 31) {
                throw new CoercingParseLiteralException(
                        "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
            return v.getValue().intValue();
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return IntValue.newIntValue(BigInteger.valueOf(intOf(input))).build();
        }
    }

    @SuppressWarnings("deprecation")
    private static final class StrictId implements Coercing<Object, Object> {
        private final Coercing<?, ?> builtIn = graphql.Scalars.GraphQLID.getCoercing();

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return builtIn.serialize(dataFetcherResult, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String s) {
                return s;
            }
            if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                return input.toString();
            }
            throw new CoercingParseValueException("must be a JSON string or integer");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                return s.getValue();
            }
            if (input instanceof IntValue i) {
                return i.getValue().toString();
            }
            throw new CoercingParseLiteralException("must be a string or integer literal");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(parseValue(input, context, locale).toString())
                    .build();
        }
    }
}
