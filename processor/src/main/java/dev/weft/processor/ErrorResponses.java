package dev.weft.processor;

import dev.weft.annotations.Compute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error answers Weft's runtime gives, as OpenAPI responses: each an RFC 9457 problem
 * ({@code application/problem+json}) of the shape {@code dev.weft.runtime.internal.http.Problem}
 * writes, listed on an operation only when the operation can get it.
 */
final class ErrorResponses {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKey";

    /** Status, name under {@code components/responses}, and when the runtime answers it. */
    private record Answer(int status, String name, String description) {}

    private static final List<Answer> ANSWERS = List.of(
            new Answer(400, "BadRequest", "A parameter or the body is missing or invalid; `violations` lists every one"),
            new Answer(401, "Unauthorized", "No credential, or an invalid one; `WWW-Authenticate` names the schemes"),
            new Answer(403, "Forbidden", "The principal lacks the role the route needs"),
            new Answer(404, "NotFound", "Nothing has this id"),
            new Answer(413, "ContentTooLarge", "The body is larger than `weft.http.max-body-size`"),
            new Answer(415, "UnsupportedMediaType", "The body is not sent as `application/json`"),
            new Answer(500, "InternalServerError", "The handler failed; the cause is in the server log only"),
            new Answer(503, "ServiceUnavailable", "No wasm instance or compute thread came free in time; retry after `Retry-After`"),
            new Answer(504, "GatewayTimeout", "The handler ran past its timeout"));

    /**
     * A wasm guest may fail with a client error of its own (weft-guest's {@code Failure}, say a 403
     * for a grant it lacks): only the guest knows which, so a bound operation lists the range.
     */
    private static final Answer GUEST_CLIENT_ERROR = new Answer(0, "GuestClientError",
            "The wasm guest refused the request with a client error of its own");

    private ErrorResponses() {}

    static boolean isGuarded(Operation operation) {
        return operation.chain().stream().anyMatch(step ->
                step.kind() == ChainStep.Kind.AUTHENTICATED || step.kind() == ChainStep.Kind.ROLES);
    }

    /** The error answers of one operation, by status, as references to {@link #shared()}. */
    static Map<String, Object> of(Operation operation) {
        boolean guarded = isGuarded(operation);
        boolean roles = operation.chain().stream().anyMatch(step -> step.kind() == ChainStep.Kind.ROLES);
        boolean body = operation.params().stream().anyMatch(param -> param.source() == Param.Source.BODY);
        boolean jsonBody = operation.params().stream().anyMatch(param -> param.source() == Param.Source.BODY
                && (param.type().kind() == ValueType.Kind.JSON || param.type().kind() == ValueType.Kind.JSON_LIST));
        boolean input = operation.params().stream().anyMatch(param -> switch (param.source()) {
            case PATH, QUERY, HEADER, BODY -> true;
            default -> false;
        });
        boolean waits = operation.isBound() || isCompute(operation);
        Map<String, Object> responses = new TreeMap<>();
        for (Answer answer : ANSWERS) {
            boolean listed = switch (answer.status()) {
                case 400 -> input || guarded; // two Authorization headers are a 400 too
                case 401 -> guarded;
                case 403 -> roles;
                case 404 -> !operation.template().variables().isEmpty();
                case 413 -> body;
                case 415 -> jsonBody;
                case 503 -> waits;
                default -> true;
            };
            if (listed) {
                responses.put(String.valueOf(answer.status()), Map.of("$ref", "#/components/responses/" + answer.name()));
            }
        }
        if (operation.isBound()) {
            responses.put("4XX", Map.of("$ref", "#/components/responses/" + GUEST_CLIENT_ERROR.name()));
        }
        return responses;
    }

    private static boolean isCompute(Operation operation) {
        return operation.element().getAnnotation(Compute.class) != null
                || operation.element().getEnclosingElement().getAnnotation(Compute.class) != null;
    }

    /** {@code components/responses}: one per error status. */
    static Map<String, Object> shared() {
        Map<String, Object> responses = new LinkedHashMap<>();
        for (Answer answer : concat(ANSWERS, GUEST_CLIENT_ERROR)) {
            responses.put(answer.name(), Map.of(
                    "description", answer.description(),
                    "content", Map.of(PROBLEM_JSON, Map.of("schema", Map.of("$ref", JsonSchemas.REF_PREFIX + PROBLEM)))));
        }
        return responses;
    }

    private static List<Answer> concat(List<Answer> answers, Answer last) {
        List<Answer> all = new java.util.ArrayList<>(answers);
        all.add(last);
        return all;
    }

    /** What {@code Problem.of} writes; further extension members may follow. */
    static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "description", "always about:blank"));
        properties.put("title", Map.of("type", "string", "description", "the status's reason phrase"));
        properties.put("status", Map.of("type", "integer", "minimum", 400, "maximum", 599));
        properties.put("detail", Map.of("type", List.of("string", "null")));
        properties.put("instance", Map.of("type", "string", "description", "the request's path"));
        properties.put("requestId", Map.of("type", "string"));
        properties.put("violations", Map.of("type", "array", "items", Map.of("$ref", JsonSchemas.REF_PREFIX + VIOLATION)));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "An RFC 9457 problem, as every Weft error answer carries");
        schema.put("properties", properties);
        schema.put("required", List.of("type", "title", "status"));
        return schema;
    }

    static Map<String, Object> violationSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("in", Map.of("type", "string", "description", "path, query, header or body"));
        properties.put("field", Map.of("type", "string"));
        properties.put("message", Map.of("type", "string"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("in", "field", "message"));
        return schema;
    }

    /**
     * The credentials the runtime accepts when configured ({@code weft.security.jwt},
     * {@code weft.security.api-keys}); the API key's header is the default one.
     */
    static Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"));
        schemes.put(API_KEY, Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"));
        return schemes;
    }
}
