package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.json.JsonTypes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every route of the packaged example, over real HTTP, bad inputs included. */
class ExampleServerIT {

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start("-Dweft.health.details=true");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void greetsInJava() throws Exception {
        HttpResponse<byte[]> response = server.get("/hello/Ada");
        assertEquals(200, response.statusCode());
        assertEquals("Hello, Ada!", text(response));
        assertEquals("text/plain; charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());

        assertEquals("Hello, Ada Lovelace!", text(server.get("/hello/Ada%20Lovelace")));
    }

    /** The contract's reference checksums, computed by bench/peers/ReferenceChecksum.java. */
    @ParameterizedTest
    @CsvSource({"1,1,0.08731609112189746", "2,1,1.7407857144998435", "100,1,249252.8425196466",
            "200,7,1990844.2641906105"})
    void multipliesInWasmAndJavaToTheReferenceChecksum(int n, long seed, double checksum) throws Exception {
        for (String route : List.of("/matmul", "/java/matmul")) {
            HttpResponse<byte[]> response = server.get(route + "?n=" + n + "&seed=" + seed);
            assertEquals(200, response.statusCode(), route + ": " + text(response));
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(List.of("n", "seed", "checksum", "computeMs"), List.copyOf(json(response).keySet()), route);
            MatmulResult result = matmul(response);
            assertEquals(n, result.n(), route);
            assertEquals(seed, result.seed(), route);
            assertEquals(checksum, result.checksum(), 0.0, route);
            assertTrue(result.computeMs() >= 0.0, route);
        }
    }

    @Test
    void servesTheBenchmarksSmallEndpointsFromWasmAndJava() throws Exception {
        for (String prefix : List.of("", "/java")) {
            HttpResponse<byte[]> hello = server.get(prefix + "/hello");
            assertEquals(200, hello.statusCode());
            assertEquals("hi", text(hello));
            assertEquals("text/plain; charset=UTF-8", hello.headers().firstValue("Content-Type").orElseThrow());
            HttpResponse<byte[]> message = server.get(prefix + "/json");
            assertEquals("{\"message\":\"Hello, World!\"}", text(message));
            assertEquals("application/json", message.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void wasmAndJavaAgreeBitForBitOnALargerMatrix() throws Exception {
        double wasm = matmul(server.get("/matmul?n=300&seed=12345")).checksum();
        double java = matmul(server.get("/java/matmul?n=300&seed=12345")).checksum();
        assertEquals(Double.doubleToRawLongBits(java), Double.doubleToRawLongBits(wasm));
    }

    @Test
    void takesSeedOneByDefaultAndTheLargestUnsignedSeed() throws Exception {
        assertEquals(1L, matmul(server.get("/matmul?n=2")).seed());
        assertEquals(matmul(server.get("/java/matmul?n=3&seed=4294967295")).checksum(),
                matmul(server.get("/matmul?n=3&seed=4294967295")).checksum(), 0.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|n|is required",
        "n=0|n|must be an integer from 1 to 5000",
        "n=5001|n|must be an integer from 1 to 5000",
        "n=abc|n|must be an integer from 1 to 5000",
        "n=1.5|n|must be an integer from 1 to 5000",
        "n=99999999999|n|must be an integer from 1 to 5000",
        "n=2&seed=-1|seed|must be an integer from 0 to 4294967295",
        "n=2&seed=4294967296|seed|must be an integer from 0 to 4294967295",
        "n=2&seed=x|seed|must be an integer from 0 to 4294967295",
    })
    void refusesBadMatmulParametersWithAProblemNamingThem(String query, String parameter, String message)
            throws Exception {
        for (String route : List.of("/matmul", "/java/matmul")) {
            HttpResponse<byte[]> response = server.get(route + "?" + query);
            assertEquals(400, response.statusCode(), route + "?" + query);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            Map<String, Object> problem = json(response);
            assertEquals(400, ((Number) problem.get("status")).intValue());
            assertEquals("Bad Request", problem.get("title"));
            assertEquals("query parameter '" + parameter + "' " + message, problem.get("detail"));
            assertEquals(List.of(Map.of("in", "query", "field", parameter, "message", message)),
                    problem.get("violations"));
        }
        // The server keeps serving after bad input.
        assertEquals(200, server.get("/matmul?n=2").statusCode());
    }

    @Test
    void listsEveryViolationAtOnce() throws Exception {
        Map<String, Object> problem = json(server.get("/matmul?n=0&seed=-5"));
        assertEquals(2, ((List<?>) problem.get("violations")).size());
    }

    @Test
    void echoesBinaryBodiesByteForByteThroughTheGuest() throws Exception {
        byte[] body = new byte[200_000];
        new Random(7).nextBytes(body);
        HttpResponse<byte[]> response = server.post("/echo", "application/octet-stream", body);
        assertEquals(200, response.statusCode());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(body, response.body());

        HttpResponse<byte[]> empty = server.post("/echo", "application/octet-stream", new byte[0]);
        assertEquals(200, empty.statusCode());
        assertEquals(0, empty.body().length);
    }

    @Test
    void summarisesJsonInTheGuest() throws Exception {
        HttpResponse<byte[]> response = server.post("/stats", "application/json",
                "{\"values\":[1.5, 2, -3, 10]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(Map.of("count", 4L, "sum", 10.5, "mean", 2.625, "min", -3.0, "max", 10.0),
                normalise(json(response)));
    }

    @Test
    void refusesBadJsonForTheGuest() throws Exception {
        HttpResponse<byte[]> malformed = server.post("/stats", "application/json", "{\"values\": [1,".getBytes());
        assertEquals(400, malformed.statusCode());
        assertTrue(((String) json(malformed).get("detail")).startsWith("malformed JSON body"), text(malformed));

        // Well-formed, but the guest refuses it through weft.fail.
        HttpResponse<byte[]> empty = server.post("/stats", "application/json", "{\"values\":[]}".getBytes());
        assertEquals(400, empty.statusCode(), text(empty));
        assertEquals("values must be a non-empty array of numbers", json(empty).get("detail"));

        assertEquals(200, server.post("/stats", "application/json", "{\"values\":[4]}".getBytes()).statusCode());
    }

    @Test
    void answersUnknownRoutesWith404AndWrongMethodsWith405() throws Exception {
        HttpResponse<byte[]> missing = server.get("/no/such/route");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("/no/such/route", json(missing).get("instance"));

        HttpResponse<byte[]> wrongMethod = server.post("/hello/Ada", "text/plain", new byte[0]);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET, HEAD, OPTIONS", wrongMethod.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, ((Number) json(wrongMethod).get("status")).intValue());

        HttpResponse<byte[]> delete = server.send(HttpRequest.newBuilder(server.uri("/echo")).DELETE().build());
        assertEquals(405, delete.statusCode());
        assertEquals("POST, OPTIONS", delete.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void reportsHealthWithItsModules() throws Exception {
        HttpResponse<byte[]> response = server.get("/health");
        assertEquals(200, response.statusCode());
        Map<String, Object> body = json(response);
        assertEquals("UP", body.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> modules = (Map<String, Object>) body.get("modules");
        assertEquals(List.of("echo", "faults", "hello", "json", "ledger", "matmul", "sandbox", "stats", "tally", "visits", "whoami"), modules.keySet().stream().sorted().toList());
    }

    @Test
    void servesManyParallelRequestsToOneModuleWithoutMixingThemUp() throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int value = i;
                answers.add(clients.submit(() -> {
                    byte[] body = ("{\"values\":[" + value + "," + (value + 2) + "]}").getBytes(StandardCharsets.UTF_8);
                    HttpResponse<byte[]> response = server.post("/stats", "application/json", body);
                    return response.statusCode() == 200
                            && ((Number) json(response).get("mean")).doubleValue() == value + 1;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get());
            }
        }
    }

    /** /faults/java throws a Java exception: the client learns nothing of it but the request id. */
    @Test
    void logsNoStackTraceToClients() throws Exception {
        HttpResponse<byte[]> response = server.get("/faults/java");
        assertEquals(500, response.statusCode(), text(response));
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(Map.of("type", "about:blank", "title", "Internal Server Error", "status", 500L,
                "detail", "the server failed to handle the request", "instance", "/faults/java", "requestId", id),
                numbersAsLong(json(response)));
        assertFalse(text(response).contains("Exception"), text(response));
        assertFalse(text(response).contains("at dev.weft"), text(response));
    }

    /**
     * Requests Helidon refuses before Weft sees them still get a problem body and a request id:
     * a malformed percent-encoding in the query or the path, a malformed request line, a target
     * or headers too long.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad query encoding  | GET /matmul?n=%zz HTTP/1.1           | 400 | Bad Request     | the request is malformed
            bad path encoding   | GET /hello/%zz HTTP/1.1              | 400 | Bad Request     | the request is malformed
            bad request line    | GARBAGE                              | 400 | Bad Request     | the request is malformed
            target too long     | GET /hello/LONG HTTP/1.1             | 414 | Client Error    | the request target is too long
            """)
    void answersRequestsHelidonRefusesWithAProblem(String name, String requestLine, int status, String title, String detail)
            throws Exception {
        String line = requestLine.replace("LONG", "a".repeat(70_000));
        RunningExample.RawResponse response = server.raw((line + "\r\nHost: x\r\nX-Request-Id: raw-" + status
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertProblem(name, response, status, title, detail);
        assertEquals(200, server.get("/hello/Ada").statusCode(), "the server still answers");
    }

    @Test
    void answersHeadersTooLargeWithAProblem() throws Exception {
        RunningExample.RawResponse response = server.raw(("GET /hello/Ada HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(70_000) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(response.status() == 400 || response.status() == 431, response.toString());
        assertEquals("application/problem+json", response.headers().get("content-type"), response.toString());
        assertEquals(response.headers().get("x-request-id"), json(response.body()).get("requestId"));
    }

    /**
     * A chunk size that is not hexadecimal is the client's mistake, not a server failure. (After
     * answering, Helidon drains the rest of the body: the next line must not look like a chunk size
     * either, or it would wait for that chunk.)
     */
    @Test
    void answersABrokenChunkedBodyWith400() throws Exception {
        RunningExample.RawResponse response = server.raw(("POST /echo HTTP/1.1\r\nHost: x\r\nX-Request-Id: chunky\r\n"
                + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "zz\r\nnot hex either\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, response.status(), response.toString());
        assertEquals(Map.of("type", "about:blank", "title", "Bad Request", "status", 400L,
                "detail", "the request body could not be read", "instance", "/echo", "requestId", "chunky"),
                numbersAsLong(json(response.body())));
        assertEquals("chunky", response.headers().get("x-request-id"));
    }

    @Test
    void answersAnUnknownMethodWith501AndARequestId() throws Exception {
        HttpResponse<byte[]> response = server.send(HttpRequest.newBuilder(server.uri("/hello/Ada"))
                .method("BREW", HttpRequest.BodyPublishers.noBody()).header("X-Request-Id", "teapot-1").build());
        assertEquals(501, response.statusCode());
        assertEquals("teapot-1", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals(Map.of("type", "about:blank", "title", "Not Implemented", "status", 501L,
                "detail", "method BREW is not implemented", "instance", "/hello/Ada", "requestId", "teapot-1"),
                numbersAsLong(json(response)));
    }

    /** ServerTiming "total", registered with WeftServer.Builder.use, runs around every route, routing included. */
    @Test
    void globalMiddlewareRunsAroundEveryRoute() throws Exception {
        for (String path : List.of("/hello/Ada", "/java/hello", "/health")) {
            List<String> timings = server.get(path).headers().allValues("Server-Timing");
            assertEquals(1, timings.size(), path + ": " + timings);
            assertTrue(timings.get(0).matches("total;dur=\\d+\\.\\d{3}"), path + ": " + timings);
        }
    }

    private static void assertProblem(String name, RunningExample.RawResponse response, int status, String title,
            String detail) {
        assertEquals(status, response.status(), name + ": " + response);
        assertEquals("application/problem+json", response.headers().get("content-type"), name);
        // The caller's id when Helidon read the headers before refusing, else a fresh one.
        String id = response.headers().get("x-request-id");
        assertTrue(id != null && !id.isEmpty(), name + ": " + response);
        Map<String, Object> body = numbersAsLong(json(response.body()));
        body.remove("instance"); // Helidon's view of a malformed target; not always there
        assertEquals(Map.of("type", "about:blank", "title", title, "status", (long) status, "detail", detail,
                "requestId", id), body, name);
    }

    /** JSON numbers as longs, so that a problem compares whole with Map.equals. */
    private static Map<String, Object> numbersAsLong(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        body.forEach((key, value) -> copy.put(key, value instanceof Number number ? (Object) number.longValue() : value));
        return copy;
    }

    /** Parsed with Weft's own JSON, whose doubles are exact (unlike a generic map's). */
    private static MatmulResult matmul(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), text(response));
        return JsonTypes.of(MatmulResult.class).fromJson(response.body());
    }

    private static Map<String, Object> normalise(Map<String, Object> body) {
        return Map.of("count", ((Number) body.get("count")).longValue(),
                "sum", ((Number) body.get("sum")).doubleValue(),
                "mean", ((Number) body.get("mean")).doubleValue(),
                "min", ((Number) body.get("min")).doubleValue(),
                "max", ((Number) body.get("max")).doubleValue());
    }
}
