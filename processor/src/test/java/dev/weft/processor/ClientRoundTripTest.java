package dev.weft.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.ProblemException;
import dev.weft.client.WeftClient;
import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.WeftServer;
import io.avaje.jsonb.Jsonb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Api>Client}s of the test application (src/test/resources/app) against a
 * real server running its generated routes: what a client sends is what the handler receives, and
 * an error answer is a {@link ProblemException}.
 */
class ClientRoundTripTest {

    private static WeftServer server;
    private static WeftClient client;

    @BeforeAll
    static void start() {
        TestApp app = TestApp.get();
        server = WeftServer.builder(WeftConfig.of(Map.of("server.host", "127.0.0.1", "server.port", "0")))
                .routes(app.routes("app.ParamsApiRoutes", app.implementation("Params")))
                .routes(app.routes("app.BodiesApiRoutes", app.implementation("Bodies")))
                .routes(app.routes("app.ValidatedApiRoutes", app.implementation("Validated")))
                .start();
        Jsonb jsonb = app.withContextLoader(() -> Jsonb.builder().build());
        client = WeftClient.builder(URI.create("http://127.0.0.1:" + server.port())).jsonb(jsonb).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void pathVariablesOfEveryTypeArriveAsSentAndTextIsPercentEncoded() {
        Object params = client("app.ParamsApiClient");
        assertEquals("i=-3 l=4294967297 d=2.5 b=true c=GREEN", call(params, "path", -3, 4294967297L, 2.5, true, color("GREEN")));
        assertEquals("id=a b/c path=/params/request/a%20b%2Fc", call(params, "request", "a b/c", null));
    }

    @Test
    void absentQueryValuesAreLeftOutSoThatTheServerDefaultsApply() {
        Object params = client("app.ParamsApiClient");
        assertEquals("n=7 f=1.5 opt=Optional.empty color=GREEN flag=true",
                call(params, "query", 7, 1.5f, Optional.empty(), null, true));
        assertEquals("n=7 f=1.5 opt=Optional[9] color=RED flag=false",
                call(params, "query", 7, 1.5f, Optional.of(9L), color("RED"), false));
        assertEquals("count=2 name=Optional[Ada Lovelace] mode=fast",
                call(params, "header", 2L, Optional.of("Ada Lovelace"), null));
    }

    @Test
    void bytesTextAndJsonBodiesGoAndComeBack() throws Exception {
        Object bodies = client("app.BodiesApiClient");
        assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) call(bodies, "bytes", (Object) new byte[] {1, 2, 3}));
        assertEquals("ÉTÉ", call(bodies, "text", "été"));
        Class<?> item = TestApp.get().load("app.Item");
        Object pen = item.getConstructors()[0].newInstance("pen", 2);
        assertEquals(item.getConstructors()[0].newInstance("pen", 3), call(bodies, "item", pen));
        assertEquals(6, call(bodies, "count", List.of(pen, item.getConstructors()[0].newInstance("ink", 4))));
    }

    @Test
    void anInvalidRequestIsAProblemExceptionWithEveryViolation() throws Exception {
        Object validated = client("app.ValidatedApiClient");
        Class<?> order = TestApp.get().load("app.ValidatedApi$Order");
        Object empty = order.getConstructors()[0].newInstance("ada", List.of(), null);
        ProblemException problem = assertThrows(ProblemException.class,
                () -> call(validated, "order", "abcdef", Optional.of("Bad1"), empty));
        assertEquals(400, problem.status());
        assertEquals("Bad Request", problem.title());
        assertEquals(List.of("code", "tag", "lines"),
                problem.violations().stream().map(ProblemException.Violation::field).toList());
        assertTrue(problem.violations().stream().allMatch(violation -> !violation.message().isBlank()));
    }

    @Test
    void anUnknownRouteIsAProblemExceptionToo() {
        WeftClient elsewhere = WeftClient.builder(URI.create("http://127.0.0.1:" + server.port() + "/nothing-here")).build();
        Object params = newClient("app.ParamsApiClient", elsewhere);
        ProblemException problem = assertThrows(ProblemException.class, () -> call(params, "header", 1L, Optional.empty(), null));
        assertEquals(404, problem.status());
        assertEquals("Not Found", problem.title());
    }

    private static Object client(String className) {
        return newClient(className, client);
    }

    private static Object newClient(String className, WeftClient weftClient) {
        try {
            return TestApp.get().load(className).getConstructor(WeftClient.class).newInstance(weftClient);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object color(String name) {
        return Arrays.stream(TestApp.get().load("app.Color").getEnumConstants())
                .filter(constant -> ((Enum<?>) constant).name().equals(name)).findFirst().orElseThrow();
    }

    /** Calls the interface method {@code name} on a generated client, as the test application's own code would. */
    private static Object call(Object target, String name, Object... arguments) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(name)).findFirst().orElseThrow();
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
