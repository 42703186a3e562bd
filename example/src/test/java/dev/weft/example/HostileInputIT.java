package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: hostile clients and heavy handlers, over real HTTP against the packaged example.
 * Out-of-range, fractional and non-ASCII numbers, deep JSON, repeated single-valued parameters and
 * credentials each answer a short 400 that names the field; CPU-heavy Java handlers on every core
 * leave /health and /metrics answering within a second, and stop at the handler timeout.
 * Each test prints one line per case ({@code HOSTILE …}), the figures kept in the commit message.
 */
class HostileInputIT {

    private static final String SECRET = "example-secret-for-the-tests-0123456789";
    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "weft-example";
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(3);

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start(Map.of(
                        "EXAMPLE_JWT_SECRET", SECRET, "EXAMPLE_JWT_ISSUER", ISSUER, "EXAMPLE_JWT_AUDIENCE", AUDIENCE),
                "-Dweft.http.handler-timeout=PT" + HANDLER_TIMEOUT.toSeconds() + "S");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> bodies() {
        // An unknown field: avaje skips its value recursively, one frame per level.
        String deep = "{\"item\":\"tea\",\"quantity\":1,\"extra\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        return Stream.of(
                Arguments.of("2^32+1", "{\"item\":\"tea\",\"quantity\":4294967297}", "quantity"),
                Arguments.of("-2^32+5", "{\"item\":\"tea\",\"quantity\":-4294967291}", "quantity"),
                Arguments.of("2^64+3", "{\"item\":\"tea\",\"quantity\":18446744073709551619}", "quantity"),
                Arguments.of("fraction", "{\"item\":\"tea\",\"quantity\":1.5}", "quantity"),
                Arguments.of("integral fraction", "{\"item\":\"tea\",\"quantity\":1.0}", "quantity"),
                Arguments.of("exponent", "{\"item\":\"tea\",\"quantity\":1e2}", "quantity"),
                Arguments.of("nested 20000 deep", deep, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void rejectsNumbersThatDoNotFitAndDeepJson(String name, String body, String field) throws Exception {
        HttpResponse<byte[]> response = server.send(HttpRequest.newBuilder(server.uri("/orders"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        report("json " + name, response);
        assertEquals(400, response.statusCode(), text(response));
        assertTrue(response.body().length < 2_000, "a short answer, not a stack trace: " + response.body().length);
        assertTrue(text(response).contains(field), text(response));
        assertTrue(!server.log().contains("StackOverflowError"), "no stack overflow, no trace in the log");
    }

    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of("fullwidth digit", "/java/matmul?n=%EF%BC%92", "\"n\""),
                Arguments.of("arabic-indic digit", "/java/matmul?n=%D9%A3", "\"n\""),
                Arguments.of("plus sign", "/java/matmul?n=%2B2", "\"n\""),
                Arguments.of("fractional int", "/java/matmul?n=2.0", "\"n\""),
                Arguments.of("exponent int", "/java/matmul?n=1e1", "\"n\""),
                Arguments.of("repeated query", "/java/matmul?n=2&n=4000", "\"n\""),
                Arguments.of("fullwidth path id", "/orders/%EF%BC%91", "\"id\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void rejectsParametersThatAreNotPlainOrNotSingle(String name, String path, String field) throws Exception {
        HttpResponse<byte[]> response = server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token()).build());
        report("param " + name, response);
        assertEquals(400, response.statusCode(), text(response));
        assertTrue(text(response).contains(field), text(response));
    }

    @Test
    void rejectsTwoAuthorizationHeaders() throws Exception {
        String twoTokens = "GET /me HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token()
                + "\r\nAuthorization: Bearer " + token() + "x\r\n\r\n";
        RunningExample.RawResponse response = server.raw(twoTokens.getBytes(StandardCharsets.US_ASCII));
        System.out.println("HOSTILE two Authorization headers: status=" + response.status() + " bytes=" + response.body().length()
                + " " + response.body());
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("Authorization"), response.body());
        // One is fine.
        HttpResponse<byte[]> one = server.send(HttpRequest.newBuilder(server.uri("/me"))
                .header("Authorization", "Bearer " + token()).build());
        assertEquals(200, one.statusCode(), text(one));
    }

    /**
     * Two heavy Java handlers per core, then /health and /metrics: each must answer within a
     * second while they run, and the heavy ones end at the handler timeout (504), not after
     * running to completion.
     */
    @Test
    void heavyJavaHandlersLeaveHealthAnswering() throws Exception {
        int heavy = 2 * Runtime.getRuntime().availableProcessors();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) {  // warm: what is measured below is waiting, not a first call's class loading
            server.get("/health");
            server.get("/metrics");
        }
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < heavy; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/java/matmul?n=2500&seed=" + i))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        Thread.sleep(500);  // the heavy ones are running
        long worstMillis = 0;
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String path = i % 2 == 0 ? "/health" : "/metrics";
            long before = System.nanoTime();
            int status;
            try {
                status = client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.net.http.HttpTimeoutException e) {
                status = -1;
            }
            long millis = (System.nanoTime() - before) / 1_000_000;
            worstMillis = Math.max(worstMillis, millis);
            probes.add(path + "=" + status + "/" + millis + "ms");
            Thread.sleep(200);
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            statuses.add(call.join().statusCode());
        }
        long allEndedMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("HOSTILE heavy: " + heavy + " x /java/matmul?n=2500, handler timeout " + HANDLER_TIMEOUT.toMillis()
                + " ms: probes " + probes + ", worst " + worstMillis + " ms; heavy statuses " + statuses
                + ", all ended after " + allEndedMillis + " ms");
        assertTrue(worstMillis < 1_000, "/health and /metrics must answer within 1 s: " + probes);
        assertTrue(statuses.stream().allMatch(s -> s == 504 || s == 200 || s == 503), statuses.toString());
        assertTrue(allEndedMillis < HANDLER_TIMEOUT.toMillis() + 10_000,
                "the heavy handlers stop at the handler timeout, not when done: " + allEndedMillis + " ms");
        // And the server is idle again: a light request is quick.
        HttpResponse<byte[]> hello = server.get("/hello/Ada");
        assertEquals("Hello, Ada!", text(hello));
    }

    private static void report(String name, HttpResponse<byte[]> response) {
        String body = text(response);
        System.out.println("HOSTILE " + name + ": status=" + response.statusCode() + " bytes=" + response.body().length
                + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    private static String token() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ada").issuer(ISSUER).audience(AUDIENCE)
                .claim("roles", List.of("user"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
