package dev.weft.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The checker OpenApiContractIT relies on fails an answer that drifts from its description. */
class ContractCheckTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"operationId": "find", "responses": {
               "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "404": {"$ref": "#/components/responses/NotFound"}}}}},
             "components": {
               "schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "minimum": 1}}}},
               "responses": {"NotFound": {"description": "none", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}
            """;

    private final ContractCheck contract = new ContractCheck(DOCUMENT.getBytes(StandardCharsets.UTF_8));

    ContractCheckTest() throws Exception {}

    @Test
    void aDocumentedAnswerPasses() throws Exception {
        assertEquals("find", contract.check(answer("/things/7", 200, "application/json", "{\"id\":7}")));
        assertEquals("find", contract.check(answer("/things/8", 404, "application/problem+json", "{\"status\":404}")));
    }

    @Test
    void aStatusTheOperationDoesNotListFails() {
        assertThrows(AssertionFailedError.class, () -> contract.check(answer("/things/7", 500, "application/problem+json", "{}")));
    }

    @Test
    void aBodyThatBreaksItsSchemaFails() {
        assertThrows(AssertionFailedError.class, () -> contract.check(answer("/things/7", 200, "application/json", "{\"id\":0}")));
        assertThrows(AssertionFailedError.class, () -> contract.check(answer("/things/7", 200, "application/json", "{}")));
    }

    @Test
    void anUndocumentedMediaTypeOrOperationFails() {
        assertThrows(AssertionFailedError.class, () -> contract.check(answer("/things/7", 200, "text/plain", "7")));
        assertThrows(AssertionFailedError.class, () -> contract.check(answer("/other", 200, "application/json", "{}")));
    }

    private static HttpResponse<byte[]> answer(String path, int status, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost" + path)).GET().build();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            @Override public int statusCode() { return status; }
            @Override public HttpRequest request() { return request; }
            @Override public Optional<HttpResponse<byte[]>> previousResponse() { return Optional.empty(); }
            @Override public HttpHeaders headers() { return headers; }
            @Override public byte[] body() { return bytes; }
            @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
            @Override public URI uri() { return request.uri(); }
            @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
