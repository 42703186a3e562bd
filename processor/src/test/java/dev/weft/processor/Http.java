package dev.weft.processor;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.Router;
import dev.weft.runtime.http.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for dispatching fake requests through a router and reading what comes back. */
final class Http {

    private Http() {}

    static String text(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The error the router throws for {@code request}; fails if it answers instead. */
    static HttpException rejection(Router router, FakeRequest request) {
        return assertThrows(HttpException.class, () -> router.dispatch(request));
    }

    /** The violations of a 400 problem. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(HttpException error) {
        return (List<Violation>) error.extensions().get("violations");
    }
}
