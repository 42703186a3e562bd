package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.Router;
import org.junit.jupiter.api.Test;

/** Generated route tables in the runtime's router: HEAD, OPTIONS, 405 and 404 (app/ReturnsApi.java). */
class RouterIntegrationTest {

    private final Router returns = TestApp.get().router("app.ReturnsApiRoutes", "Returns");

    @Test
    void headIsAnsweredByTheGetRouteWithoutItsBody() throws Exception {
        Response response = returns.dispatch(FakeRequest.of(HttpMethod.HEAD, "/returns/text"));
        assertEquals(200, response.status());
        assertEquals(Response.TEXT, response.contentType());
        assertEquals(0, response.body().length);
    }

    @Test
    void optionsListsTheMethodsOfThePath() throws Exception {
        Response response = returns.dispatch(FakeRequest.of(HttpMethod.OPTIONS, "/returns/text"));
        assertEquals(204, response.status());
        assertEquals("GET, DELETE, HEAD, OPTIONS", response.header("Allow"));
    }

    @Test
    void methodThePathDoesNotAnswerIsA405WithAllow() {
        HttpException error = rejection(returns, FakeRequest.of(HttpMethod.PUT, "/returns/text"));
        assertEquals(405, error.status());
        assertEquals("GET, DELETE, HEAD, OPTIONS", error.headers().get("Allow"));
    }

    @Test
    void pathWithoutRouteIsA404() {
        assertEquals(404, rejection(returns, FakeRequest.get("/returns/nothing")).status());
    }

    @Test
    void routesOfANestedInterfaceAreNamedAfterItsOuterClass() throws Exception {
        Router nested = TestApp.get().router("app.Outer_InnerApiRoutes", "Inner");
        assertEquals("pong", text(nested.dispatch(FakeRequest.get("/nested/ping"))));
    }
}
