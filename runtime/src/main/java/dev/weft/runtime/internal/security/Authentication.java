package dev.weft.runtime.internal.security;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.middleware.Middleware;
import io.helidon.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Establishes who makes each request, before routing: the first configured {@link Authenticator}
 * that finds its kind of credential decides. A valid credential leaves a {@link Principal} on the
 * request, for guards, Java handlers and wasm guests alike. An invalid one is only recorded: the
 * guards of routes that need authentication answer it with 401, while public routes stay public.
 *
 * <p>Configured under {@code weft.security}: {@code jwt} ({@link JwtAuthenticator}) and
 * {@code api-keys} ({@link ApiKeyAuthenticator}).
 */
public final class Authentication implements Middleware {

    private static final String FAILURE = "weft.authentication.failure";
    private static final String CHALLENGES = "weft.authentication.challenges";
    private static final String DEFAULT_CHALLENGE = "Bearer realm=\"weft\"";

    private final List<Authenticator> authenticators;
    private final String challenges;

    public Authentication(List<Authenticator> authenticators) {
        if (authenticators.isEmpty()) {
            throw new IllegalArgumentException("authentication needs at least one authenticator");
        }
        this.authenticators = List.copyOf(authenticators);
        this.challenges = authenticators.stream().map(Authenticator::challenge).collect(Collectors.joining(", "));
    }

    /** Authentication as configured under {@code weft.security}, or null when nothing is. */
    public static Authentication fromConfig(Config security) {
        List<Authenticator> authenticators = new ArrayList<>();
        JwtAuthenticator.fromConfig(security.get("jwt")).ifPresent(authenticators::add);
        ApiKeyAuthenticator.fromConfig(security.get("api-keys")).ifPresent(authenticators::add);
        return authenticators.isEmpty() ? null : new Authentication(authenticators);
    }

    @Override
    public Response handle(Request request, RouteHandler next) throws Exception {
        request.attribute(CHALLENGES, challenges);
        // Two credentials are ambiguous: taking the first would let a proxy and the server disagree on who calls.
        int authorizations = request.headerValues("Authorization").size();
        if (authorizations > 1) {
            throw HttpException.invalid(List.of(new Violation("header", "Authorization",
                    "must be sent once, not " + authorizations + " times")));
        }
        for (Authenticator authenticator : authenticators) {
            Outcome outcome = authenticator.authenticate(request);
            if (outcome.principal() != null) {
                request.attribute(Principal.ATTRIBUTE, outcome.principal());
                break;
            }
            if (outcome.reason() != null) {
                request.attribute(FAILURE, outcome);
                break;
            }
        }
        return next.handle(request);
    }

    /** Why the request's credential was refused, or null when it had none or it was valid. */
    public static Outcome failureOf(Request request) {
        return request.attribute(FAILURE);
    }

    /** The challenges of the configured authenticators, for a 401's {@code WWW-Authenticate}. */
    public static String challenges(Request request) {
        String configured = request.attribute(CHALLENGES);
        return configured == null ? DEFAULT_CHALLENGE : configured;
    }

    /**
     * What an authenticator made of a request: no credential of its kind, a principal, or a
     * refusal with a reason for the client and the challenge to send back.
     */
    public record Outcome(Principal principal, String reason, String challenge) {

        private static final Outcome NONE = new Outcome(null, null, null);

        public static Outcome none() {
            return NONE;
        }

        public static Outcome authenticated(Principal principal) {
            return new Outcome(Objects.requireNonNull(principal), null, null);
        }

        public static Outcome refused(String reason, String challenge) {
            return new Outcome(null, Objects.requireNonNull(reason), Objects.requireNonNull(challenge));
        }
    }
}
