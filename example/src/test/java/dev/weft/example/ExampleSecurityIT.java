package dev.weft.example;

import static dev.weft.example.RunningExample.json;
import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authentication, authorization, validation and error answers of the example, over real HTTP, as
 * one table: each row a request and the exact status and problem it must get. After the table the
 * server still answers normally.
 */
class ExampleSecurityIT {

    private static final String SECRET = "example-secret-for-the-tests-0123456789";
    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "weft-example";
    private static final String API_KEY = "k-0123456789abcdef";

    private static RunningExample server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start(Map.of(
                "EXAMPLE_JWT_SECRET", SECRET, "EXAMPLE_JWT_ISSUER", ISSUER, "EXAMPLE_JWT_AUDIENCE", AUDIENCE,
                "EXAMPLE_API_KEY", API_KEY, "EXAMPLE_API_KEY_ROLES", "reports"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A request of the table. */
    record Call(String method, String path, String authorization, String contentType, byte[] body) {

        static Call get(String path, String authorization) {
            return new Call("GET", path, authorization, null, null);
        }

        static Call post(String path, String authorization, String contentType, String body) {
            return new Call("POST", path, authorization, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Stream<Arguments> table() {
        Instant now = Instant.now();
        String user = bearer(token(c -> c.claim("roles", List.of("user"))));
        String json = "application/json";
        String invalid = "invalid bearer token: ";
        return Stream.of(
                row("no token", Call.get("/me", null), 401, "this route needs authentication"),
                row("garbled token", Call.get("/me", "Bearer abc.def"), 401, invalid + "the token is not a well-formed JWT"),
                row("expired", Call.get("/me", bearer(token(c -> c.expirationTime(Date.from(now.minusSeconds(300)))))),
                        401, invalid + "the token has expired"),
                row("not yet valid", Call.get("/me", bearer(token(c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))))),
                        401, invalid + "the token is not valid yet"),
                row("wrong issuer", Call.get("/me", bearer(token(c -> c.issuer("https://evil.example")))),
                        401, invalid + "the issuer is not accepted"),
                row("no issuer", Call.get("/me", bearer(token(c -> c.issuer(null)))), 401, invalid + "the token lacks the required claim iss"),
                row("wrong audience", Call.get("/me", bearer(token(c -> c.audience("another-api")))),
                        401, invalid + "the audience is not accepted"),
                row("no audience", Call.get("/me", bearer(token(c -> c.audience((String) null)))),
                        401, invalid + "the token lacks the required claim aud"),
                row("alg none", Call.get("/me", bearer(new PlainJWT(new PlainHeader(), claims().build()).serialize())),
                        401, invalid + "the token's algorithm or type is not accepted"),
                row("wrong key", Call.get("/me", bearer(sign(claims().build(), "a-completely-different-secret-0123456789"))),
                        401, invalid + "the signature does not verify"),
                row("another algorithm", Call.get("/me", bearer(rs256(claims().build()))),
                        401, invalid + "the token's algorithm or type is not accepted"),
                row("wrong scheme", Call.get("/me", "Basic YWRhOnNlY3JldA=="), 401, "this route needs authentication"),
                row("wrong role", Call.get("/admin/stats", user), 403, "'ada' lacks the role this route needs: admin"),
                row("item missing", Call.post("/orders", user, json, "{\"quantity\":2}"), 400,
                        "body field 'item' is required", violation("item", "is required")),
                row("item blank", Call.post("/orders", user, json, "{\"item\":\"  \",\"quantity\":2}"), 400,
                        "body field 'item' must not be blank", violation("item", "must not be blank")),
                row("item too long", Call.post("/orders", user, json, "{\"item\":\"" + "x".repeat(65) + "\",\"quantity\":2}"),
                        400, "body field 'item' must be from 1 to 64 characters long",
                        violation("item", "must be from 1 to 64 characters long")),
                row("quantity missing", Call.post("/orders", user, json, "{\"item\":\"tea\"}"), 400,
                        "body field 'quantity' is required", violation("quantity", "is required")),
                row("quantity not a number", Call.post("/orders", user, json, "{\"item\":\"tea\",\"quantity\":\"two\"}"),
                        400, "body field 'quantity' must be an integer from -2147483648 to 2147483647",
                        violation("quantity", "must be an integer from -2147483648 to 2147483647")),
                row("quantity too small", Call.post("/orders", user, json, "{\"item\":\"tea\",\"quantity\":0}"), 400,
                        "body field 'quantity' must be at least 1", violation("quantity", "must be at least 1")),
                row("quantity too large", Call.post("/orders", user, json, "{\"item\":\"tea\",\"quantity\":1001}"), 400,
                        "body field 'quantity' must be at most 1000", violation("quantity", "must be at most 1000")),
                row("two violations", Call.post("/orders", user, json, "{\"item\":\"\",\"quantity\":-1}"), 400,
                        "body field 'item' must not be blank (and 1 more)",
                        violation("item", "must not be blank"), violation("quantity", "must be at least 1")),
                row("malformed JSON", Call.post("/orders", user, json, "{\"item\": \"tea\", "), 400, "malformed JSON body: '{' is not closed"),
                row("wrong content type", Call.post("/orders", user, "text/plain", "{\"item\":\"tea\",\"quantity\":2}"),
                        415, "the body must be JSON (Content-Type: application/json), not text/plain"),
                row("oversize body", Call.post("/orders", user, json, "{\"item\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"),
                        413, "the request body of 2097163 bytes exceeds the limit of 1048576 bytes"),
                row("unknown route", Call.get("/no/such/thing", user), 404, "no route matches /no/such/thing"),
                row("wrong method", new Call("DELETE", "/orders", user, null, null), 405, "method DELETE is not allowed on /orders; allowed: GET, POST, HEAD, OPTIONS"),
                row("unknown order", Call.get("/orders/987654", user), 404, "there is no order 987654"));
    }

    /**
     * The whole problem body: type, title, status, detail, instance, the request id of the
     * response's X-Request-Id header, and the violations where the row lists some.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answersEachRowWithItsStatusAndProblem(String name, Call call, int status, String detail,
            List<Map<String, String>> violations) throws Exception {
        HttpResponse<byte[]> response = send(call);
        assertEquals(status, response.statusCode(), name + ": " + text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), name);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "about:blank");
        expected.put("title", TITLES.get(status));
        expected.put("status", (long) status);
        expected.put("detail", detail);
        expected.put("instance", call.path());
        expected.put("requestId", requestId);
        if (!violations.isEmpty()) {
            expected.put("violations", violations);
        }
        Map<String, Object> problem = new LinkedHashMap<>(json(response));
        problem.put("status", ((Number) problem.get("status")).longValue());
        assertEquals(expected, problem, name);
        if (status == 401) {
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer realm=\"weft\""),
                    name);
        }
        if (status == 405) {
            assertEquals("GET, POST, HEAD, OPTIONS", response.headers().firstValue("Allow").orElseThrow());
        }
    }

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not Found", 405, "Method Not Allowed", 413, "Content Too Large", 415, "Unsupported Media Type");

    @Test
    void afterTheTableTheServerStillServesEveryone() throws Exception {
        for (Arguments row : table().toList()) {
            send((Call) row.get()[1]);
        }
        String ada = bearer(token(c -> c));
        HttpResponse<byte[]> created = send(Call.post("/orders", ada, "application/json", "{\"item\":\"tea\",\"quantity\":3}"));
        assertEquals(201, created.statusCode(), text(created));
        String location = created.headers().firstValue("Location").orElseThrow();
        Map<String, Object> order = json(created);
        assertEquals(Map.of("item", "tea", "quantity", 3L, "owner", "ada"),
                Map.of("item", order.get("item"), "quantity", ((Number) order.get("quantity")).longValue(),
                        "owner", order.get("owner")));
        assertEquals(order, json(send(Call.get(location, ada))));

        assertEquals(200, send(Call.get("/admin/stats", ada)).statusCode());
        assertEquals(Map.of("subject", "ada", "roles", List.of("admin", "user"), "seenBy", "java"),
                json(send(Call.get("/me", ada))));
        // The same principal, as the wasm guest reads it through the principal host function.
        assertEquals(Map.of("subject", "ada", "roles", List.of("admin", "user"), "seenBy", "wasm"),
                json(send(Call.get("/me/wasm", ada))));
        // An API key is the other way in; its client has role reports, not admin.
        HttpResponse<byte[]> byKey = server.send(HttpRequest.newBuilder(server.uri("/me")).header("X-API-Key", API_KEY).build());
        assertEquals(Map.of("subject", "example-client", "roles", List.of("reports"), "seenBy", "java"), json(byKey));
        HttpResponse<byte[]> wrongKey = server.send(HttpRequest.newBuilder(server.uri("/me")).header("X-API-Key", "nope").build());
        assertEquals(401, wrongKey.statusCode());
        assertEquals("unknown API key", json(wrongKey).get("detail"));
        // The application's own middleware: ServerTiming with @Use on OrdersApi, inside the global ServerTiming "total".
        List<String> timings = List.of(String.join(", ", created.headers().allValues("Server-Timing")).split(", "));
        assertEquals(2, timings.size(), timings.toString());
        assertTrue(timings.get(0).startsWith("app;dur="), timings.toString());
        assertTrue(timings.get(1).startsWith("total;dur="), timings.toString());
        assertTrue(duration(timings.get(1)) >= duration(timings.get(0)), "the global one includes the route's: " + timings);
        // Public routes stay public, whatever a client sends.
        assertEquals("Hello, Ada!", text(send(Call.get("/hello/Ada", null))));
        assertEquals("Hello, Ada!", text(send(Call.get("/hello/Ada", "Bearer garbage"))));
    }

    @Test
    void logsOneStructuredLinePerRequestWithItsId() throws Exception {
        HttpResponse<byte[]> response = server.send(HttpRequest.newBuilder(server.uri("/hello/Bob"))
                .header("X-Request-Id", "trace-me-42").build());
        assertEquals("trace-me-42", response.headers().firstValue("X-Request-Id").orElseThrow());
        long deadline = System.currentTimeMillis() + 5_000;
        while (!server.log().contains("request_id=trace-me-42") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String line = server.log().lines().filter(l -> l.contains("request_id=trace-me-42")).findFirst().orElseThrow();
        assertTrue(line.contains("weft.access: method=GET route=/hello/{name} path=/hello/Bob status=200 duration_ms="),
                line);
    }

    @Test
    void answersCorsPreflightsForTheConfiguredOrigin() throws Exception {
        HttpResponse<byte[]> preflight = server.send(HttpRequest.newBuilder(server.uri("/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals("http://localhost:3000", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertNotNull(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));

        HttpResponse<byte[]> stranger = server.send(HttpRequest.newBuilder(server.uri("/hello/x"))
                .header("Origin", "https://elsewhere.example").build());
        assertEquals(200, stranger.statusCode());
        assertTrue(stranger.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @SafeVarargs
    private static Arguments row(String name, Call call, int status, String detail, Map<String, String>... violations) {
        return Arguments.of(name, call, status, detail, List.of(violations));
    }

    private static Map<String, String> violation(String field, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("in", "body");
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    private static double duration(String timing) {
        return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
    }

    private static HttpResponse<byte[]> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(call.path()));
        if (call.authorization() != null) {
            request.header("Authorization", call.authorization());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), call.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        return server.send(request.build());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("ada").issuer(ISSUER).audience(AUDIENCE)
                .claim("roles", List.of("admin", "user"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims()).build(), SECRET);
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JWTClaimsSet claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
