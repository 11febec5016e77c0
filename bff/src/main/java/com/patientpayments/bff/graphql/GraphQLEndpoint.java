package com.patientpayments.bff.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.patientpayments.bff.ErrorCode;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.jackson.JacksonDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /graphql}, replacing micronaut-graphql's controller (which also executes GET requests, any content type,
 * {@code ?query=} and unbounded JSON-array batches). Method, content type, origin and query string are checked by
 * {@link GraphQLRequestFilter} before the body is read; here the body must be exactly one JSON object (no repeated
 * key, nothing after it) with a string {@code query}. Every error graphql-java raises before execution (parse,
 * validation, operation selection, variable coercion — strict scalars, {@link StrictScalars}) is
 * {@code BAD_USER_INPUT}, never a 500. Runs on the blocking executor, so data fetchers may call the connector and Redis synchronously.
 */
@Replaces(GraphQLController.class)
@Controller("${graphql.path:/graphql}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GraphQLEndpoint {

    /**
     * Strict request parsing: a key given twice ({@code "query"} twice — which one runs?) or anything after the JSON
     * object is refused, as every other malformed body is. The body is decoded by micronaut-serde's Jackson decoder
     * straight into the maps graphql-java takes (no tree, no copy), over a jackson-core parser of our own: serde's
     * {@link JsonMapper} has no setting that refuses content after the value, and only our parser can be asked.
     */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final GraphQL graphQL;
    /** micronaut-serde: writes the response, once per request. */
    private final JsonMapper json;

    private final GraphQLSettings limits;
    private final List<GraphQLExchangeHook> hooks;
    private final ParserOptions parserOptions;

    public GraphQLEndpoint(GraphQL graphQL, JsonMapper json, GraphQLSettings limits, List<GraphQLExchangeHook> hooks) {
        this.graphQL = graphQL;
        this.json = json;
        this.limits = limits;
        this.hooks = hooks;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(b -> b.maxTokens(limits.maxTokens())
                        .maxCharacters(limits.maxBodyBytes())
                        .captureSourceLocation(true));
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body String body) {
        if (body == null || body.isBlank()) {
            return rejected(HttpStatus.BAD_REQUEST, "The request body must be a JSON object with a `query`.");
        }
        if (body.length() > limits.maxBodyBytes()) {
            return rejected(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request is too large.");
        }
        Object node;
        try {
            node = parse(body);
        } catch (TrailingContent e) {
            return rejected(HttpStatus.BAD_REQUEST, TrailingContent.MESSAGE);
        } catch (IOException e) {
            return rejected(HttpStatus.BAD_REQUEST, invalidJson(e));
        }
        if (node instanceof List) {
            return rejected(
                    HttpStatus.BAD_REQUEST, "Batched requests are not supported: send one operation per request.");
        }
        if (!(node instanceof Map<?, ?> object) || !(object.get("query") instanceof String query) || query.isBlank()) {
            return rejected(HttpStatus.BAD_REQUEST, "The request body must be a JSON object with a `query`.");
        }
        Object op = object.get("operationName");
        Object vars = object.get("variables");
        if (!(op == null || op instanceof String) || !(vars == null || vars instanceof Map)) {
            return rejected(HttpStatus.BAD_REQUEST, "`operationName` must be a string and `variables` an object.");
        }
        // An empty operationName is no name (graphql-java would silently run the first of several operations).
        String operationName = op instanceof String name && !name.isEmpty() ? name : null;
        return execute(request, query, operationName, vars instanceof Map<?, ?> map ? map : Map.of());
    }

    /** The one JSON value of the body as maps, lists, strings, numbers, booleans and null. */
    static @Nullable Object parse(String body) throws IOException {
        try (JsonParser parser = STRICT.createParser(body)) {
            Object value =
                    JacksonDecoder.create(parser, LimitingStream.DEFAULT_LIMITS).decodeArbitrary();
            JsonProcessingException unreadable = null;
            try {
                if (parser.nextToken() == null) {
                    return value;
                }
            } catch (JsonProcessingException e) {
                unreadable = e;
            }
            throw new TrailingContent(unreadable);
        }
    }

    /** Something (even unreadable) follows the body's JSON value. */
    static final class TrailingContent extends IOException {
        private static final long serialVersionUID = 1L;
        static final String MESSAGE = "The request body must be one JSON object with nothing after it.";

        TrailingContent(@Nullable Throwable cause) {
            super(MESSAGE, cause);
        }
    }

    @SuppressWarnings("unchecked")
    private HttpResponse<?> execute(
            HttpRequest<?> request, String query, @Nullable String operationName, Map<?, ?> variables) {
        MutableHttpResponse<String> response = HttpResponse.ok();
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(operationName)
                .variables((Map<String, Object>) variables)
                .graphQLContext(b -> b.of(ParserOptions.class, parserOptions))
                .build();
        GraphQLContext ctx = input.getGraphQLContext();
        GraphQLRequestContext.put(ctx, request, response);
        if (!limits.devTools()) {
            ctx.put(graphql.introspection.Introspection.INTROSPECTION_DISABLED, true);
        }
        ExecutionResult result;
        try {
            result = graphQL.execute(input);
        } catch (RuntimeException e) {
            // graphql-java throws some request errors instead of returning them (operation selection: several
            // operations and no operationName, an unknown operationName): they are the client's, never a 500.
            if (!(e instanceof GraphQLError || e instanceof graphql.GraphQLException)) {
                throw e;
            }
            result = ExecutionResult.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError()
                            .message(clientSafe(e.getMessage()))
                            .errorType(graphql.ErrorType.ValidationError)
                            .extensions(ApiErrorHandler.extensions(ErrorCode.BAD_USER_INPUT))
                            .build())
                    .build();
        }
        hooks.forEach(h -> h.afterExecution(request, response, ctx));
        try {
            return response.body(json.writeValueAsString(specification(result)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException | RuntimeException e) {
            return rejected(HttpStatus.INTERNAL_SERVER_ERROR, ApiErrorHandler.INTERNAL_MESSAGE, ErrorCode.INTERNAL);
        }
    }

    /**
     * The result as JSON, every error carrying contract extensions: parse, validation and limit errors (which never
     * reach a data fetcher) are {@code BAD_USER_INPUT}.
     */
    private static Map<String, Object> specification(ExecutionResult result) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError e : result.getErrors()) {
                Map<String, Object> error = withCode(e).toSpecification();
                if (error.get("extensions") instanceof Map<?, ?> ext && ext.containsKey("classification")) {
                    // graphql-java's classification names Java types ("DataFetchingException"): not for clients.
                    Map<Object, Object> copy = new LinkedHashMap<>(ext);
                    copy.remove("classification");
                    error.put("extensions", copy);
                }
                errors.add(error);
            }
            spec.put("errors", errors);
        }
        if (result.isDataPresent()) {
            spec.put("data", result.getData());
        }
        return spec;
    }

    private static GraphQLError withCode(GraphQLError e) {
        if (e.getExtensions() != null && e.getExtensions().containsKey("code")) {
            return e;
        }
        ErrorClassification type = e.getErrorType();
        boolean requestError = type instanceof graphql.ErrorType t && t != graphql.ErrorType.DataFetchingException;
        ErrorCode code = requestError ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL;
        String message = requestError ? clientSafe(e.getMessage()) : ApiErrorHandler.INTERNAL_MESSAGE;
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(e.getLocations())
                .path(e.getPath())
                .errorType(requestError ? type : graphql.ErrorType.DataFetchingException)
                .extensions(ApiErrorHandler.extensions(code))
                .build();
    }

    /**
     * graphql-java's validation and coercion messages echo AST node renderings ({@code BooleanValue{value=true}}) and
     * Java type names ({@code 'LinkedHashMap'}); clients get the message without them.
     */
    static String clientSafe(@Nullable String message) {
        if (message == null) {
            return "The request is not valid.";
        }
        return message.replaceAll("[A-Za-z]+Value\\{[^}]*}", "the given value")
                .replaceAll(
                        "'(LinkedHashMap|HashMap|Map|ArrayList|List|BigInteger|BigDecimal|Integer|Long|Double|Float|"
                                + "Boolean|String|Object)'",
                        "'another type'")
                .replaceAll("\\b(java|javax|graphql)\\.[\\w.$]+", "a value");
    }

    /** A specific message for a body the parser refused, naming only the API's own keys. */
    static String invalidJson(IOException e) {
        String message =
                e instanceof JsonProcessingException p && p.getOriginalMessage() != null ? p.getOriginalMessage() : "";
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '([A-Za-z0-9_]{1,40})'")
                .matcher(message);
        if (duplicate.find()) {
            return "`" + duplicate.group(1) + "` is given twice in the request body.";
        }
        if (message.startsWith("Duplicate field")) {
            return "A key is given twice in the request body.";
        }
        return "The request body is not valid JSON.";
    }

    static MutableHttpResponse<Map<String, Object>> rejected(HttpStatus status, String message) {
        return rejected(status, message, ErrorCode.BAD_USER_INPUT);
    }

    /** A request refused before execution; micronaut-serde writes the body. */
    static MutableHttpResponse<Map<String, Object>> rejected(HttpStatus status, String message, ErrorCode code) {
        Map<String, Object> error = Map.of("message", message, "extensions", ApiErrorHandler.extensions(code));
        return HttpResponse.<Map<String, Object>>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("errors", List.of(error)));
    }
}
