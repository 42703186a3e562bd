package dev.weft.processor;

import static dev.weft.processor.Http.rejection;
import static dev.weft.processor.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.Router;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security annotations and @Use classes run before the generated handler, in order (app/SecuredApi.java). */
class RouteChainTest {

    private final Router secured = TestApp.get().router("app.SecuredApiRoutes", "Secured",
            Config.just(ConfigSources.create(Map.of("weft.audit.name", "audit-log"))));

    private static FakeRequest delete(String target) {
        return FakeRequest.of(HttpMethod.DELETE, target);
    }

    @Test
    void anonymousRequestToAnAuthenticatedRouteIsA401WithAChallenge() {
        HttpException error = rejection(secured, FakeRequest.get("/secured/me"));
        assertEquals(401, error.status());
        assertEquals("Bearer realm=\"weft\"", error.headers().get("WWW-Authenticate"));
    }

    @Test
    void authenticatedRequestPassesTheInterfaceMiddlewareAndReceivesThePrincipal() throws Exception {
        Response response = secured.dispatch(FakeRequest.get("/secured/me").as("ada"));
        assertEquals("ada via tagging>", text(response));
        assertEquals("yes", response.header("X-Tagged"));
    }

    @Test
    void principalWithoutAnyOfTheMethodsRolesIsA403() {
        HttpException error = rejection(secured, delete("/secured/things/2").as("bob", "user"));
        assertEquals(403, error.status());
        assertEquals("'bob' lacks the role this route needs: admin, owner", error.detail());
    }

    @Test
    void interfaceThenMethodUseClassesRunInTheOrderWritten() throws Exception {
        assertEquals("deleted 2 via tagging>audit-log>even-ids>",
                text(secured.dispatch(delete("/secured/things/2").as("ada", "owner"))));
    }

    @Test
    void guardFromUseRejectsWithItsStatusAndReason() {
        HttpException error = rejection(secured, delete("/secured/things/3").as("ada", "admin"));
        assertEquals(422, error.status());
        assertEquals("odd ids are kept", error.detail());
    }

    /** Both routes' guards are held in one static field, ROLES_AUDITOR: the first one written wins. */
    @Test
    void rolesDifferingOnlyInCaseAreCheckedSeparately() throws Exception {
        assertEquals("audits", text(secured.dispatch(FakeRequest.get("/secured/audits").as("ada", "Auditor"))));
        assertEquals(403, rejection(secured, FakeRequest.get("/secured/audit-log").as("ada", "Auditor")).status());
    }
}
