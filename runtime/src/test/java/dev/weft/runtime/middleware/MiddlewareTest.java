package dev.weft.runtime.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiddlewareTest {

    private final List<String> calls = new ArrayList<>();

    private Middleware recording(String name) {
        return (request, next) -> {
            calls.add(name + " before");
            Response response = next.handle(request);
            calls.add(name + " after");
            return response.header("X-Seen-By", name);
        };
    }

    private final RouteHandler handler = request -> {
        calls.add("handler");
        return Response.ofText("done");
    };

    @Test
    void runsMiddlewareInDeclaredOrderAroundTheHandler() throws Exception {
        Response response = Middleware.chain(List.of(recording("outer"), recording("inner")), handler)
                .handle(FakeRequest.get("/"));
        assertEquals(List.of("outer before", "inner before", "handler", "inner after", "outer after"), calls);
        assertEquals(List.of(Map.entry("X-Seen-By", "inner"), Map.entry("X-Seen-By", "outer")), response.headers());
    }

    @Test
    void letsMiddlewareAnswerWithoutCallingTheRest() throws Exception {
        Middleware shortCircuit = (request, next) -> Response.status(429).text("slow down");
        Response response = Middleware.chain(List.of(recording("outer"), shortCircuit, recording("inner")), handler)
                .handle(FakeRequest.get("/"));
        assertEquals(429, response.status());
        assertEquals(List.of("outer before", "outer after"), calls);
    }

    @Test
    void anEmptyChainIsTheHandler() throws Exception {
        assertEquals(200, Middleware.chain(List.of(), handler).handle(FakeRequest.get("/")).status());
        assertEquals(List.of("handler"), calls);
    }

    @Test
    void aRejectingGuardStopsTheRequestWithItsStatusReasonAndHeaders() {
        Guard closed = request -> Verdict.reject(503, "closed for maintenance", Map.of("Retry-After", "60"));
        HttpException error = assertThrows(HttpException.class, () -> closed.check(FakeRequest.get("/")).orThrow());
        assertEquals(503, error.status());
        assertEquals("closed for maintenance", error.detail());
        assertEquals(Map.of("Retry-After", "60"), error.headers());
        Verdict.allow().orThrow();
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(302, "not an error"));
    }
}
