package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one HTTP answer against an OpenAPI document: the operation its request was for must list
 * its status (or the status's range, {@code 2XX}), one of that answer's media types must be its
 * {@code Content-Type}, and its body must match that media type's JSON Schema.
 */
final class ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;

    ContractCheck(byte[] document) throws IOException {
        this.document = JSON.readTree(document);
    }

    JsonNode document() {
        return document;
    }

    /** Checks {@code answer}; returns the operation id it answered. */
    String check(HttpResponse<byte[]> answer) throws IOException {
        String method = answer.request().method().toLowerCase(Locale.ROOT);
        String path = answer.request().uri().getRawPath();
        String what = answer.request().method() + " " + answer.request().uri() + " answered " + answer.statusCode();
        JsonNode operation = operation(method, path);
        if (operation == null) {
            fail(what + ": the document describes no such operation");
        }
        JsonNode responses = operation.get("responses");
        String status = String.valueOf(answer.statusCode());
        JsonNode response = responses.has(status) ? responses.get(status) : responses.get(status.charAt(0) + "XX");
        if (response == null) {
            fail(what + ", a status " + operation.get("operationId").asText() + " does not list: " + responses.properties()
                    .stream().map(Map.Entry::getKey).toList() + "\n" + new String(answer.body()));
        }
        response = resolve(response);
        JsonNode content = response.get("content");
        if (content == null) {
            assertTrue(answer.body().length == 0, what + ": the document says no content, but got a body");
            return operation.get("operationId").asText();
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        String mediaType = contentType.split(";")[0].strip();
        JsonNode media = content.has(mediaType) ? content.get(mediaType) : content.get("*/*");
        if (media == null) {
            fail(what + " as " + contentType + ", a media type the document does not list: "
                    + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        if (mediaType.endsWith("json")) {
            List<Error> errors = schema(media.get("schema")).validate(JSON.readTree(answer.body()));
            assertTrue(errors.isEmpty(), what + ": the body does not match its schema: " + errors + "\n" + new String(answer.body()));
        }
        return operation.get("operationId").asText();
    }

    /** The operation of {@code method} whose path template matches {@code path}, or null. */
    JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (matches(entry.getKey(), path) && entry.getValue().has(method)) {
                return entry.getValue().get(method);
            }
        }
        return null;
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].startsWith("{") && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** A response may be a {@code $ref} to {@code components/responses}. */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    /**
     * The schema, with the document's {@code components} beside it, so that its
     * {@code #/components/schemas/...} references resolve as they do in the document.
     */
    private Schema schema(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        root.set("allOf", JSON.createArrayNode().add(schema));
        return SCHEMAS.getSchema(root);
    }
}
