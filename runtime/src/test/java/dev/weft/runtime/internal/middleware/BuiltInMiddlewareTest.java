package dev.weft.runtime.internal.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.generated.Route;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.middleware.Middleware;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class BuiltInMiddlewareTest {

    private static final RouteHandler OK = request -> Response.ofText("ok");

    @Test
    void requestIdsKeepAPlainCallerIdAndReplaceOthers() throws Exception {
        RequestIds ids = new RequestIds("X-Request-Id");
        FakeRequest given = FakeRequest.get("/").header("X-Request-Id", "abc-123");
        assertEquals("abc-123", ids.handle(given, OK).header("X-Request-Id"));
        assertEquals("abc-123", given.requestId());

        FakeRequest hostile = FakeRequest.get("/").header("X-Request-Id", "evil\nline");
        String replaced = ids.handle(hostile, OK).header("X-Request-Id");
        assertNotEquals("evil\nline", replaced);
        assertEquals(32, replaced.length());
        assertNotEquals(replaced, ids.handle(FakeRequest.get("/"), OK).header("X-Request-Id"));
    }

    @Test
    void accessLogLinesNameMethodRouteStatusDurationAndId() throws Exception {
        Router router = Router.of(List.of(Route.get("/orders/{id}", OK)));
        FakeRequest request = FakeRequest.get("/orders/7");
        request.requestId("r1");
        router.dispatch(request);
        assertEquals("method=GET route=/orders/{id} path=/orders/7 status=200 duration_ms=1.500 request_id=r1",
                AccessLog.line(request, 200, 1.5));
        assertEquals("method=GET route=- path=\"/a b\\\"\" status=404 duration_ms=0.000",
                AccessLog.line(FakeRequest.get("/a b\""), 404, 0));
    }

    @Test
    void errorHandlingRendersProblemsMapsExceptionsAndHidesCauses() throws Exception {
        ErrorHandling errors = new ErrorHandling(Map.of(IllegalStateException.class, 409));
        FakeRequest request = FakeRequest.get("/x");
        request.requestId("r2");

        Response notFound = errors.handle(request, r -> { throw HttpException.notFound("no such order"); });
        assertEquals(404, notFound.status());
        assertTrue(body(notFound).contains("\"requestId\":\"r2\""), body(notFound));

        Response mapped = errors.handle(request, r -> { throw new IllegalStateException("already shipped"); });
        assertEquals(409, mapped.status());
        assertTrue(body(mapped).contains("\"detail\":\"already shipped\""), body(mapped));

        Response failed = errors.handle(request, r -> { throw new NullPointerException("secret.internal.Field"); });
        assertEquals(500, failed.status());
        assertFalse(body(failed).contains("secret"), body(failed));
        assertFalse(body(failed).contains("NullPointer"), body(failed));
    }

    /** A handler that exhausts the heap answers 503 with Retry-After, and the next request is served. */
    @Test
    void outOfMemoryAnswers503WithRetryAfter() throws Exception {
        ErrorHandling errors = new ErrorHandling(Map.of());
        FakeRequest request = FakeRequest.get("/big");
        request.requestId("r3");
        Response exhausted = errors.handle(request, r -> { throw new OutOfMemoryError("Java heap space"); });
        assertEquals(503, exhausted.status());
        assertEquals("1", exhausted.header("Retry-After"));
        assertTrue(body(exhausted).contains("\"detail\":\"the server ran out of memory for this request; try again later\""),
                body(exhausted));
        assertTrue(body(exhausted).contains("\"requestId\":\"r3\""), body(exhausted));
        assertFalse(body(exhausted).contains("heap space"), body(exhausted));
        assertEquals(200, errors.handle(FakeRequest.get("/next"), r -> Response.ofText("ok")).status());
    }

    /** An Error below error handling still gets a problem body, the request id header and an access log line. */
    @Test
    void errorsAreAnsweredWithTheRequestIdAndLoggedLikeExceptions() throws Exception {
        List<String> accessLines = new ArrayList<>();
        java.util.logging.Logger accessLog = java.util.logging.Logger.getLogger("weft.access");
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { accessLines.add(record.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        accessLog.addHandler(capture);
        try {
            for (Error error : List.<Error>of(new AssertionError("invariant broken"), new NoClassDefFoundError("Gone"))) {
                RouteHandler failing = Middleware.chain(List.of(new RequestIds("X-Request-Id"), new AccessLog(),
                        new ErrorHandling(Map.of())), request -> { throw error; });
                String id = "id-" + accessLines.size();
                Response response = failing.handle(FakeRequest.get("/x").header("X-Request-Id", id));
                assertEquals(500, response.status(), error.toString());
                assertEquals(id, response.header("X-Request-Id"));
                assertTrue(body(response).contains("\"requestId\":\"" + id + "\""), body(response));
                assertFalse(body(response).contains("Gone") || body(response).contains("invariant"), body(response));
                assertTrue(accessLines.getLast().startsWith("method=GET route=- path=/x status=500 duration_ms="),
                        accessLines.toString());
                assertTrue(accessLines.getLast().endsWith(" request_id=" + id), accessLines.toString());
            }
        } finally {
            accessLog.removeHandler(capture);
        }
    }

    @Test
    void bodyLimitRefusesAnAnnouncedOrActualBodyOverTheLimit() throws Exception {
        BodyLimit limit = new BodyLimit(10);
        HttpException announced = assertThrows(HttpException.class,
                () -> limit.handle(new FakeRequest(HttpMethod.POST, "/").header("Content-Length", "11"), OK));
        assertEquals(413, announced.status());

        RouteHandler reader = request -> Response.ofBytes(request.body());
        assertEquals(413, assertThrows(HttpException.class,
                () -> limit.handle(new FakeRequest(HttpMethod.POST, "/").body("eleven char"), reader)).status());
        assertEquals(200, limit.handle(new FakeRequest(HttpMethod.POST, "/").body("ten chars!"), reader).status());
        assertEquals(400, assertThrows(HttpException.class,
                () -> limit.handle(new FakeRequest(HttpMethod.POST, "/").header("Content-Length", "x"), OK)).status());
    }

    @Test
    void handlerTimeoutInterruptsASlowHandlerAndAnswers504() throws Exception {
        HandlerTimeout timeout = new HandlerTimeout(Duration.ofMillis(100));
        long started = System.nanoTime();
        HttpException error = assertThrows(HttpException.class, () -> timeout.handle(FakeRequest.get("/"), request -> {
            Thread.sleep(10_000);
            return Response.ofText("too late");
        }));
        assertEquals(504, error.status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "the sleep should have been interrupted");
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak to the next request");
        assertEquals(200, timeout.handle(FakeRequest.get("/"), OK).status());
    }

    @Test
    void corsAnswersAllowedPreflightsAndMarksAllowedResponses() throws Exception {
        Cors cors = new Cors(List.of("https://app.example"), List.of("GET", "POST"), List.of("Content-Type"),
                List.of("X-Request-Id"), false, Duration.ofMinutes(5));
        Request preflight = new FakeRequest(HttpMethod.OPTIONS, "/orders")
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
        Response answer = cors.handle(preflight, request -> { throw new AssertionError("preflight reached the route"); });
        assertEquals(204, answer.status());
        assertEquals("https://app.example", answer.header("Access-Control-Allow-Origin"));
        assertEquals("GET, POST", answer.header("Access-Control-Allow-Methods"));
        assertEquals("300", answer.header("Access-Control-Max-Age"));

        Request otherOrigin = new FakeRequest(HttpMethod.OPTIONS, "/orders")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST");
        assertNull(cors.handle(otherOrigin, OK).header("Access-Control-Allow-Origin"));

        Response simple = cors.handle(FakeRequest.get("/orders").header("Origin", "https://app.example"), OK);
        assertEquals("https://app.example", simple.header("Access-Control-Allow-Origin"));
        assertEquals("X-Request-Id", simple.header("Access-Control-Expose-Headers"));
        assertEquals("Origin", simple.header("Vary"));
        Response noOrigin = cors.handle(FakeRequest.get("/orders"), OK);
        assertNull(noOrigin.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", noOrigin.header("Vary"), "a cache must not give this answer to a page of another origin");
        assertThrows(IllegalArgumentException.class,
                () -> new Cors(List.of("*"), List.of(), List.of(), List.of(), true, Duration.ZERO));
    }

    /** YAML's {@code allowed-origins: [a, b]} is a list node, not a string: it must not turn CORS off. */
    @Test
    void corsOriginsMayBeConfiguredAsAList() throws Exception {
        Config listed = Config.just(ConfigSources.create(ConfigNode.ObjectNode.builder()
                .addList("allowed-origins", ConfigNode.ListNode.builder()
                        .addValue("https://a.example").addValue("https://b.example").build())
                .addList("allowed-methods", ConfigNode.ListNode.builder().addValue("GET").build())
                .build()));
        assertTrue(listed.get("allowed-origins").isList());
        Cors cors = Cors.fromConfig(listed);
        assertNotNull(cors, "CORS is on");
        Request preflight = new FakeRequest(HttpMethod.OPTIONS, "/orders")
                .header("Origin", "https://b.example").header("Access-Control-Request-Method", "GET");
        Response answer = cors.handle(preflight, OK);
        assertEquals("https://b.example", answer.header("Access-Control-Allow-Origin"));
        assertEquals("GET", answer.header("Access-Control-Allow-Methods"));

        Cors commaSeparated = Cors.fromConfig(Config.just(ConfigSources.create(Map.of(
                "allowed-origins", "https://a.example, https://b.example"))));
        assertEquals("https://b.example", commaSeparated.handle(preflight, OK).header("Access-Control-Allow-Origin"));
        assertNull(Cors.fromConfig(Config.empty()), "no origins, no CORS");
    }

    private static String body(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
