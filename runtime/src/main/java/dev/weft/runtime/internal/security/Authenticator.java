package dev.weft.runtime.internal.security;

import dev.weft.runtime.http.Request;

/** One way of proving who makes a request: a bearer JWT, an API key. */
public interface Authenticator {

    /** The {@code WWW-Authenticate} challenge that asks for this kind of credential. */
    String challenge();

    /** What the request's credential of this kind proves; {@link Authentication.Outcome#none()} when it carries none. */
    Authentication.Outcome authenticate(Request request);
}
