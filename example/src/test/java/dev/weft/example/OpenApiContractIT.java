package dev.weft.example;

import static dev.weft.example.RunningExample.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.weft.client.ProblemException;
import dev.weft.client.WeftClient;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's OpenAPI document, as the running jar serves it, against the example's behaviour:
 * the document is valid OpenAPI 3.1 (swagger-parser); then every operation is called through the
 * generated clients with a valid request and, where it takes input, invalid ones, and every answer
 * must be one the document lists for that operation, with a body matching its schema. A route
 * whose behaviour drifts from its description, or a new route without a case here, fails.
 */
class OpenApiContractIT {

    private static final String SECRET = "contract-secret-for-the-tests-0123456789";
    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "weft-example";

    private static RunningExample server;
    private static ContractCheck contract;
    /** The answers of the current call, as the clients' observer saw them. */
    private static final List<HttpResponse<byte[]>> answers = new CopyOnWriteArrayList<>();
    /** The operations whose answers were checked against the document. */
    private static final Set<String> answered = new ConcurrentSkipListSet<>();

    @BeforeAll
    static void start() throws Exception {
        server = RunningExample.start(Map.of(
                "EXAMPLE_JWT_SECRET", SECRET, "EXAMPLE_JWT_ISSUER", ISSUER, "EXAMPLE_JWT_AUDIENCE", AUDIENCE));
        HttpResponse<byte[]> document = server.get("/openapi.json");
        assertEquals(200, document.statusCode(), text(document));
        assertEquals("application/json", document.headers().firstValue("Content-Type").orElseThrow());
        contract = new ContractCheck(document.body());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theServedDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(contract.document().toString(), null, options);
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertEquals("Weft example", result.getOpenAPI().getInfo().getTitle());
        assertTrue(result.getOpenAPI().getPaths().containsKey("/orders/{id}"));
        assertEquals(List.of("admin"), result.getOpenAPI().getPaths().get("/admin/stats").getGet().getSecurity().get(0).get("bearerAuth"));
    }

    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        WeftClient anonymous = client(() -> null);
        WeftClient user = client(() -> bearer(List.of("user")));
        WeftClient admin = client(() -> bearer(List.of("admin", "user")));

        MatmulApi matmul = new MatmulApiClient(anonymous);
        valid(() -> matmul.matmul(3, 7));
        valid(() -> matmul.javaMatmul(3, 7));
        invalid(400, () -> matmul.matmul(0, 1));
        invalid(400, () -> matmul.javaMatmul(5001, MatmulApi.MAX_SEED + 1));

        valid(() -> new GreetingApiClient(anonymous).hello("Ada Lovelace"));

        BenchmarkApi benchmark = new BenchmarkApiClient(anonymous);
        valid(benchmark::hello);
        valid(benchmark::json);
        valid(benchmark::javaHello);
        valid(benchmark::javaJson);

        valid(() -> new EchoApiClient(anonymous).echo(new byte[] {0, 1, (byte) 0xff}));

        StatsApi stats = new StatsApiClient(anonymous);
        valid(() -> stats.stats(new StatsApi.Samples(List.of(1.0, 2.0, 3.5))));

        valid(() -> new AccountApiClient(user).me(null));
        valid(() -> new AccountApiClient(user).whoami());
        invalid(401, () -> new AccountApiClient(anonymous).me(null));

        OrdersApi orders = new OrdersApiClient(user);
        valid(() -> orders.create(new OrdersApi.NewOrder("tea", 2), null));
        valid(() -> orders.find(1));
        invalid(404, () -> orders.find(987_654));
        invalid(400, () -> orders.create(new OrdersApi.NewOrder(" ", 0), null));
        invalid(400, () -> orders.create(new OrdersApi.NewOrder("x".repeat(65), null), null));
        invalid(401, () -> new OrdersApiClient(anonymous).find(1));
        valid(() -> orders.newest(5));
        invalid(400, () -> orders.newest(0));
        valid(orders::summary);
        valid(orders::javaSummary);

        DataProbeApi data = new DataProbeApiClient(anonymous);
        valid(() -> data.visit("contract"));
        invalid(400, () -> data.visit("x".repeat(129)));
        // The guest's own refusal of a data source it is not granted: a 4XX of the guest's.
        invalid(403, data::denied);
        // A statement past the module's deadline: 504 when the guest is stopped, 500 when it
        // reports the cancelled statement first.
        invalidOneOf(Set.of(500, 504), data::slow);

        valid(() -> new AdminApiClient(admin).stats());
        invalid(403, () -> new AdminApiClient(user).stats());
        invalid(401, () -> new AdminApiClient(anonymous).stats());

        // The faults answer with their documented errors: a valid request, an error answer.
        FaultsApi faults = new FaultsApiClient(anonymous);
        valid(faults::state);
        valid(faults::statefulState);
        valid(() -> faults.divide(7, 2));
        valid(() -> faults.oom(1));
        valid(() -> faults.version(0));
        invalid(400, () -> faults.version(-1));
        invalid(400, () -> faults.oom(4097));
        invalid(500, () -> faults.divide(1, 0));
        invalid(500, faults::trap);
        invalid(500, faults::outOfBounds);
        invalid(500, faults::recursion);
        invalid(500, faults::javaFailure);
        invalid(504, faults::loop);

        SandboxApi sandbox = new SandboxApiClient(anonymous);
        valid(sandbox::probe);
        valid(sandbox::context);
        invalid(500, sandbox::clock);
        invalid(500, sandbox::monotonic);
        invalid(500, sandbox::random);

        valid(() -> new DocsApiClient(anonymous).page());

        Set<String> documented = new TreeSet<>();
        contract.document().get("paths").forEach(path -> path.forEach(operation -> documented.add(operation.get("operationId").asText())));
        assertEquals(documented, answered, "every documented operation has a case here, answered as documented");
    }

    @Test
    void requestsTheClientCannotSendGetDocumentedAnswersToo() throws Exception {
        // A body that is not JSON where JSON is documented: 415, a problem.
        checkRaw(HttpRequest.newBuilder(server.uri("/stats")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("1,2,3")), 415);
        // Malformed JSON: 400.
        checkRaw(HttpRequest.newBuilder(server.uri("/stats")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\": [1,")), 400);
        // A query parameter that is no integer: 400.
        checkRaw(HttpRequest.newBuilder(server.uri("/matmul?n=two")).GET(), 400);
        // A body over the limit (1 MiB by default): 413.
        checkRaw(HttpRequest.newBuilder(server.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])), 413);
    }

    @Test
    void theDocsPageIsServedFromTheJarAndTheDocumentCanBeTurnedOff() throws Exception {
        HttpResponse<byte[]> page = server.get("/docs");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(text(page).contains("fetch(\"/openapi.json\")"), "the page reads the served document");
        try (RunningExample withoutDocument = RunningExample.start("-Dweft.openapi.enabled=false")) {
            assertEquals(404, withoutDocument.get("/openapi.json").statusCode());
            assertEquals(200, withoutDocument.get("/hello/Ada").statusCode());
        }
    }

    @Test
    void aProblemBecomesAProblemExceptionWithTheViolations() {
        OrdersApi orders = new OrdersApiClient(client(() -> bearer(List.of("user"))));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> orders.create(new OrdersApi.NewOrder("", 0), null));
        assertEquals(400, problem.status());
        assertEquals("Bad Request", problem.title());
        assertEquals(List.of("item", "quantity"), problem.violations().stream().map(ProblemException.Violation::field).toList());
    }

    private void checkRaw(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<byte[]> answer = server.send(request.build());
        assertEquals(expectedStatus, answer.statusCode(), text(answer));
        contract.check(answer);
    }

    /** Calls through a generated client; the call must succeed, and its answer fit the document. */
    private static void valid(Supplier<?> call) throws Exception {
        answers.clear();
        call.get();
        HttpResponse<byte[]> answer = checkedAnswer();
        assertTrue(answer.statusCode() < 300, answer.request().uri() + " answered " + answer.statusCode() + ": " + text(answer));
    }

    /** A call that must fail with {@code status}, a problem the document lists for the operation. */
    private static void invalid(int status, Supplier<?> call) throws Exception {
        answers.clear();
        ProblemException problem = assertThrows(ProblemException.class, call::get);
        assertEquals(status, problem.status(), problem.getMessage());
        checkedAnswer();
    }

    /** A call that must fail with one of {@code statuses}, a problem the document lists. */
    private static void invalidOneOf(Set<Integer> statuses, Supplier<?> call) throws Exception {
        answers.clear();
        ProblemException problem = assertThrows(ProblemException.class, call::get);
        assertTrue(statuses.contains(problem.status()), problem.getMessage());
        checkedAnswer();
    }

    /** The one answer of the last call, checked against the document; its operation counts as covered. */
    private static HttpResponse<byte[]> checkedAnswer() throws Exception {
        assertEquals(1, answers.size(), "one call, one answer");
        HttpResponse<byte[]> answer = answers.get(0);
        answered.add(contract.check(answer));
        return answer;
    }

    private static WeftClient client(Supplier<String> authorization) {
        return WeftClient.builder(server.uri("/")).authorization(authorization).observer(answers::add).build();
    }

    private static String bearer(List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ada").issuer(ISSUER).audience(AUDIENCE)
                .claim("roles", roles).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
