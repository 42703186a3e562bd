package dev.weft.runtime.generated;

import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.security.Authentication;
import dev.weft.runtime.middleware.Guard;
import dev.weft.runtime.middleware.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The guards behind {@code @Authenticated} and {@code @RolesAllowed}. Authentication itself runs
 * earlier, for every request ({@link Authentication}); these only read its outcome: 401 with a
 * {@code WWW-Authenticate} challenge when there is no principal, 403 when the principal lacks
 * every one of the roles.
 */
public final class Guards {

    private Guards() {}

    /** Allows any authenticated principal. */
    public static Guard authenticated() {
        return request -> principal(request) != null ? Verdict.allow() : unauthenticated(request);
    }

    /** Allows a principal with at least one of {@code roles}. */
    public static Guard rolesAllowed(String... roles) {
        List<String> allowed = List.of(roles);
        String description = String.join(", ", allowed);
        return request -> {
            Principal principal = principal(request);
            if (principal == null) {
                return unauthenticated(request);
            }
            for (String role : allowed) {
                if (principal.hasRole(role)) {
                    return Verdict.allow();
                }
            }
            return Verdict.reject(403, "'" + principal.subject() + "' lacks the role this route needs: " + description);
        };
    }

    private static Principal principal(Request request) {
        return request.attribute(Principal.ATTRIBUTE);
    }

    private static Verdict unauthenticated(Request request) {
        Authentication.Outcome failure = Authentication.failureOf(request);
        String reason = failure == null ? "this route needs authentication" : failure.reason();
        String challenge = failure == null ? Authentication.challenges(request) : failure.challenge();
        return Verdict.reject(401, reason, Map.of("WWW-Authenticate", challenge));
    }
}
