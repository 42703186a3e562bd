package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.WeftConfig;
import dev.weft.test.RouteTester;
import dev.weft.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes called in process, through the server's request pipeline, without a socket. */
class GreetingRoutesTest {

    private static RouteTester routes;

    @BeforeAll
    static void buildTheServer() {
        routes = RouteTester.of(Application.configure(WeftConfig.load()));
    }

    @AfterAll
    static void releaseTheModules() {
        routes.close();
    }

    @Test
    void javaRoute() {
        TestResponse response = routes.get("/hello/Ada").send();
        assertEquals(200, response.status());
        assertEquals("Hello, Ada!", response.text());
    }

    @Test
    void rustRoute() {
        TestResponse response = routes.post("/shout").text("quiet, please").send();
        assertEquals(200, response.status(), response.text());
        assertEquals("QUIET, PLEASE!", response.text());
    }

    @Test
    void anUnknownPathIsA404() {
        assertEquals(404, routes.get("/nowhere").send().status());
    }
}
