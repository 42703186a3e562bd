package dev.weft.runtime.internal.http;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.Violation;
import dev.weft.runtime.internal.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders errors as RFC 9457 problem details ({@code application/problem+json}), so that every
 * failure, whatever produced it, reads the same to a client.
 */
public final class Problem {

    private Problem() {}

    /** The response for an {@link HttpException} raised while handling {@code request}. */
    public static Response of(HttpException error, Request request) {
        return of(error, request.rawPath(), request.requestId());
    }

    /** The response for an error on {@code path}; {@code path} and {@code requestId} may be null. */
    public static Response of(HttpException error, String path, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", reasonPhrase(error.status()));
        body.put("status", error.status());
        body.put("detail", error.detail());
        if (path != null) {
            body.put("instance", path);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        error.extensions().forEach((name, value) -> body.put(name, toTree(value)));
        Response response = Response.status(error.status()).body(Response.PROBLEM_JSON, JsonCodec.writeTree(body));
        error.headers().forEach(response::header);
        return response;
    }

    /** A 500 that says nothing of the cause: the details belong in the server log. */
    public static Response internalError(Request request) {
        return of(new HttpException(500, "the server failed to handle the request"), request);
    }

    private static Object toTree(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Problem::toTree).toList();
        }
        if (value instanceof Violation violation) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("in", violation.in());
            tree.put("field", violation.field());
            tree.put("message", violation.message());
            return tree;
        }
        return value;
    }

    /** The standard reason phrase, used as the problem's title. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
