package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.json.Json;
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
        server = RunningExample.start();
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
        assertEquals(List.of("echo", "faults", "hello", "json", "matmul", "sandbox", "stats", "tally", "whoami"), modules.keySet().stream().sorted().toList());
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

    @Test
    void logsNoStackTraceToClients() throws Exception {
        HttpResponse<byte[]> response = server.get("/matmul?n=abc");
        assertFalse(text(response).contains("Exception"), text(response));
        assertFalse(text(response).contains("at dev.weft"), text(response));
    }

    /** Parsed with Weft's own JSON, whose doubles are exact (unlike a generic map's). */
    private static MatmulResult matmul(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), text(response));
        return Json.type(MatmulResult.class).fromJson(response.body());
    }

    private static Map<String, Object> normalise(Map<String, Object> body) {
        return Map.of("count", ((Number) body.get("count")).longValue(),
                "sum", ((Number) body.get("sum")).doubleValue(),
                "mean", ((Number) body.get("mean")).doubleValue(),
                "min", ((Number) body.get("min")).doubleValue(),
                "max", ((Number) body.get("max")).doubleValue());
    }
}
