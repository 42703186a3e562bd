package dev.weft.runtime.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error that ends a request with an HTTP status and a problem body (RFC 9457). Handlers throw
 * it, or a subtype, to answer with a client error; anything else they throw becomes a 500.
 */
public class HttpException extends RuntimeException {

    private final int status;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public HttpException(int status, String detail) {
        this(status, detail, Map.of(), Map.of(), null);
    }

    public HttpException(int status, String detail, Throwable cause) {
        this(status, detail, Map.of(), Map.of(), cause);
    }

    protected HttpException(
            int status, String detail, Map<String, Object> extensions, Map<String, String> headers, Throwable cause) {
        super(detail, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HTTP error status is 400 to 599, not " + status);
        }
        this.status = status;
        this.extensions = new LinkedHashMap<>(extensions);
        this.headers = new LinkedHashMap<>(headers);
    }

    public static HttpException badRequest(String detail) {
        return new HttpException(400, detail);
    }

    public static HttpException notFound(String detail) {
        return new HttpException(404, detail);
    }

    /** 400 listing every violation; the detail names the first. */
    public static HttpException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).describe()
                : violations.get(0).describe() + " (and " + (violations.size() - 1) + " more)";
        return new HttpException(400, detail, Map.of("violations", violations), Map.of(), null);
    }

    /** 405 with the {@code Allow} header listing what the path does answer. */
    public static HttpException methodNotAllowed(HttpMethod method, String path, String allow) {
        return new HttpException(
                405, "method " + method + " is not allowed on " + path + "; allowed: " + allow,
                Map.of(), Map.of("Allow", allow), null);
    }

    public int status() {
        return status;
    }

    /** The problem detail: a sentence for the client. */
    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem body, such as {@code violations}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Headers the error response carries, such as {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }
}
