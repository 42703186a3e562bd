package dev.weft.runtime.internal.http;

import dev.weft.runtime.http.Request;
import java.util.Optional;

/**
 * The request being handled on the current thread, for code that is called far from the route,
 * such as the host functions a wasm guest calls. Each request runs on its own virtual thread.
 */
public final class CurrentRequest {

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {}

    public static Optional<Request> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code action} with {@code request} as the current request. */
    public static <T> T with(Request request, ThrowingSupplier<T> action) throws Exception {
        Request previous = CURRENT.get();
        CURRENT.set(request);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** A supplier that may throw, as a route handler may. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
