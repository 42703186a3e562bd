package dev.weft.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.util.Elements;

/** One route as an OpenAPI operation object: parameters, body, answers, security and its javadoc. */
final class OperationDescription {

    private final Elements elements;
    private final JsonSchemas schemas;
    private final ApiInterface api;
    private final Operation operation;

    OperationDescription(Elements elements, JsonSchemas schemas, ApiInterface api, Operation operation) {
        this.elements = elements;
        this.schemas = schemas;
        this.api = api;
        this.operation = operation;
    }

    Map<String, Object> toTree() {
        Javadoc doc = Javadoc.of(elements, operation.element());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("tags", List.of(api.element().getSimpleName().toString()));
        tree.put("operationId", operation.name()); // made unique across interfaces by OpenApiWriter
        if (doc.description() != null) {
            tree.put("summary", doc.summary());
            tree.put("description", doc.description());
        }
        List<Object> parameters = new ArrayList<>();
        for (Param param : operation.params()) {
            switch (param.source()) {
                case PATH, QUERY, HEADER -> parameters.add(parameter(param, doc));
                case BODY -> tree.put("requestBody", requestBody(param, doc));
                default -> { } // the request and the principal are the server's, not the caller's
            }
        }
        if (!parameters.isEmpty()) {
            tree.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.putAll(success());
        responses.putAll(ErrorResponses.of(operation));
        tree.put("responses", responses);
        if (ErrorResponses.isGuarded(operation)) {
            List<String> roles = operation.chain().stream()
                    .filter(step -> step.kind() == ChainStep.Kind.ROLES)
                    .flatMap(step -> step.roles().stream())
                    .toList();
            // OpenAPI 3.1: for schemes other than OAuth the list may name the roles required.
            tree.put("security", List.of(Map.of(ErrorResponses.BEARER, roles), Map.of(ErrorResponses.API_KEY, roles)));
        }
        if (operation.isBound()) {
            tree.put("x-weft-wasm", Map.of("module", operation.binding().module().name(),
                    "export", operation.binding().function()));
        }
        return tree;
    }

    private Map<String, Object> parameter(Param param, Javadoc doc) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", param.externalName());
        tree.put("in", param.source().label);
        if (doc.params().containsKey(param.javaName())) {
            tree.put("description", doc.params().get(param.javaName()));
        }
        boolean required = param.source() == Param.Source.PATH
                || param.defaultValue() == null && !param.type().optional();
        tree.put("required", required);
        Map<String, Object> schema = schemas.of(param.type().type(), param.constraints());
        if (param.defaultValue() != null) {
            schema.put("default", typedDefault(param));
        }
        tree.put("schema", schema);
        return tree;
    }

    /** The {@code @Default} text as the JSON value of the parameter's type, which the processor has checked it fits. */
    private static Object typedDefault(Param param) {
        String text = param.defaultValue();
        return switch (param.type().kind()) {
            case INT, LONG -> Long.parseLong(text.strip());
            case FLOAT, DOUBLE -> Double.parseDouble(text.strip());
            case BOOLEAN -> Boolean.parseBoolean(text.strip());
            default -> text;
        };
    }

    private Map<String, Object> requestBody(Param param, Javadoc doc) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (doc.params().containsKey(param.javaName())) {
            tree.put("description", doc.params().get(param.javaName()));
        }
        tree.put("required", true);
        tree.put("content", content(param.type(), param.constraints()));
        return tree;
    }

    /** The successful answer, as the generated handler renders the method's return value. */
    private Map<String, Object> success() {
        ValueType returns = operation.returns();
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (returns.kind()) {
            case VOID -> {
                answer.put("description", "Done; no content");
                return Map.of("204", answer);
            }
            case RESPONSE -> {
                // The handler builds its own response: its status and body are not in the interface.
                answer.put("description", "The answer the handler builds");
                answer.put("content", Map.of("*/*", Map.of("schema", Map.of())));
                return Map.of("2XX", answer);
            }
            default -> {
                answer.put("description", "OK");
                answer.put("content", content(returns, Constraints.NONE));
                return Map.of("200", answer);
            }
        }
    }

    private Map<String, Object> content(ValueType type, Constraints constraints) {
        String mediaType = switch (type.kind()) {
            case STRING -> "text/plain";
            case BYTES -> "application/octet-stream";
            default -> "application/json";
        };
        Map<String, Object> schema = switch (type.kind()) {
            case STRING -> JsonSchemas.withConstraints(new LinkedHashMap<>(Map.of("type", "string")), constraints);
            case BYTES -> new LinkedHashMap<>(); // any bytes
            default -> schemas.of(type.type(), constraints);
        };
        return Map.of(mediaType, Map.of("schema", schema));
    }
}
