package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.runtime.WeftConfig;
import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.Router;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security annotations and @Use classes run before the generated handler, in order (app/SecuredApi.java). */
class RouteChainTest {

    private final Router secured = TestApp.get().router("app.SecuredApiRoutes", "Secured",
            WeftConfig.of(Map.of("weft.audit.name", "audit-log")));

    private static FakeRequest delete(String target) {
        return FakeRequest.of(HttpMethod.DELETE, target);
    }

    @Test
    void anonymousRequestToAnAuthenticatedRouteIsA401WithAChallenge() {
        FakeRequest request = FakeRequest.get("/secured/me");
        HttpException error = rejection(secured, request);
        assertEquals(401, error.status());
        assertEquals("Bearer realm=\"weft\"", error.headers().get("WWW-Authenticate"));
        assertNull(request.attribute("chain"), "neither the @Use classes nor the handler ran");
    }

    @Test
    void authenticatedRequestPassesTheInterfaceMiddlewareAndReceivesThePrincipal() throws Exception {
        Response response = secured.dispatch(FakeRequest.get("/secured/me").as("ada"));
        assertEquals("ada via tagging>", text(response));
        assertEquals("yes", response.header("X-Tagged"));
    }

    @Test
    void principalWithoutAnyOfTheMethodsRolesIsA403() {
        FakeRequest request = delete("/secured/things/2").as("bob", "user");
        HttpException error = rejection(secured, request);
        assertEquals(403, error.status());
        assertEquals("'bob' lacks the role this route needs: admin, owner", error.detail());
        assertNull(request.attribute("chain"), "neither the @Use classes nor the handler ran");
    }

    @Test
    void interfaceThenMethodUseClassesRunInTheOrderWritten() throws Exception {
        FakeRequest request = delete("/secured/things/2").as("ada", "owner");
        assertEquals("deleted 2 via tagging>maintenance>audit-log>even-ids>", text(secured.dispatch(request)));
        assertEquals("tagging>maintenance>audit-log>even-ids>handler>", request.attribute("chain"));
    }

    @Test
    void middlewareThatAnswersItselfSkipsTheRestOfTheChainAndTheHandler() throws Exception {
        FakeRequest request = delete("/secured/things/2").as("ada", "owner").header("X-Maintenance", "on");
        Response response = secured.dispatch(request);
        assertEquals(503, response.status());
        assertEquals("closed for maintenance", text(response));
        assertEquals("yes", response.header("X-Tagged"), "the middleware before it still sees the answer");
        assertEquals("tagging>maintenance>", request.attribute("chain"), "audit, even-ids and the handler did not run");
    }

    @Test
    void guardFromUseRejectsWithItsStatusAndReason() {
        FakeRequest request = delete("/secured/things/3").as("ada", "admin");
        HttpException error = rejection(secured, request);
        assertEquals(422, error.status());
        assertEquals("odd ids are kept", error.detail());
        assertEquals("tagging>maintenance>audit-log>even-ids>", request.attribute("chain"), "the handler did not run");
    }

    /**
     * "Auditor" and "auditor" would both make a static field ROLES_AUDITOR; the generated class must
     * keep one field per role set, so that each route checks exactly its own role.
     */
    @Test
    void rolesDifferingOnlyInCaseAreCheckedSeparately() throws Exception {
        assertEquals("audits", text(secured.dispatch(FakeRequest.get("/secured/audits").as("ada", "Auditor"))));
        assertEquals(403, rejection(secured, FakeRequest.get("/secured/audit-log").as("ada", "Auditor")).status());
    }
}
