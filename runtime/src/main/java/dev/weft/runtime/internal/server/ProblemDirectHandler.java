package dev.weft.runtime.internal.server;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.internal.http.Problem;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.middleware.RequestIds;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Map;

/**
 * Answers the requests Helidon refuses before any handler runs (a malformed request line or
 * percent-encoding, a target or headers too long, a broken chunk) with the same
 * {@code application/problem+json} body and request id header as every other error, rather than
 * Helidon's empty body. Helidon's own message is not passed on: it may quote the request.
 */
final class ProblemDirectHandler implements DirectHandler {

    /** An instance longer than this (a 414's target, say) is left out of the body. */
    private static final int MAX_INSTANCE_LENGTH = 256;

    private final RequestIds requestIds;

    ProblemDirectHandler(RequestIds requestIds) {
        this.requestIds = requestIds;
    }

    /** This handler for every kind of event Helidon answers directly. */
    static DirectHandlers forEveryEvent(RequestIds requestIds) {
        ProblemDirectHandler handler = new ProblemDirectHandler(requestIds);
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
            ServerResponseHeaders headers, String message) {
        int code = status.code() >= 400 && status.code() <= 599 ? status.code() : eventType.defaultStatus().code();
        String id = requestIds.idFor(request.headers().first(HeaderNames.create(requestIds.header())).orElse(null));
        String path = request.path();
        String instance = path == null || path.isEmpty() || path.length() > MAX_INSTANCE_LENGTH ? null : path;
        Response problem = Problem.of(new HttpException(code, detail(code)), instance, id);
        TransportResponse.Builder response = TransportResponse.builder()
                .status(Status.create(code))
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .header(HeaderNames.create(requestIds.header()), id)
                .header(HeaderNames.CONTENT_TYPE, problem.contentType());
        for (Map.Entry<String, String> header : problem.headers()) {
            response.header(HeaderNames.create(header.getKey()), header.getValue());
        }
        return response.entity(problem.body()).build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 413 -> "the request is too large";
            case 414 -> "the request target is too long";
            case 431 -> "the request headers are too large";
            case 505 -> "the HTTP version is not supported";
            default -> status < 500 ? "the request was refused" : "the server failed to read the request";
        };
    }
}
