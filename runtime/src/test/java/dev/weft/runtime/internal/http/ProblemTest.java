package dev.weft.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void rendersAnErrorAsRfc9457ProblemJson() {
        FakeRequest request = FakeRequest.get("/matmul");
        request.requestId("abc123");
        Response response = Problem.of(
                HttpException.invalid(List.of(new Violation("query", "n", "is required"))), request);
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"query parameter 'n' is required\",\"instance\":\"/matmul\","
                        + "\"requestId\":\"abc123\","
                        + "\"violations\":[{\"in\":\"query\",\"field\":\"n\",\"message\":\"is required\"}]}",
                new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void carriesTheErrorsHeaders() {
        Response response = Problem.of(HttpException.methodNotAllowed(HttpMethod.PUT, "/x", "GET, HEAD, OPTIONS"), FakeRequest.get("/x"));
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, OPTIONS", response.header("Allow"));
    }

    @Test
    void saysNothingOfTheCauseOfA500() {
        String body = new String(Problem.internalError(FakeRequest.get("/boom")).body(), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                + "\"detail\":\"the server failed to handle the request\",\"instance\":\"/boom\"}", body);
    }

    @Test
    void refusesStatusesThatAreNotErrors() {
        assertThrows(IllegalArgumentException.class, () -> new HttpException(200, "fine"));
        assertThrows(IllegalArgumentException.class, () -> Response.status(99));
    }
}
