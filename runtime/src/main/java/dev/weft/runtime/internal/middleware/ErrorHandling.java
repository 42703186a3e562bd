package dev.weft.runtime.internal.middleware;

import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.http.RouteHandler;
import dev.weft.runtime.internal.http.Problem;
import dev.weft.runtime.middleware.Middleware;
import dev.weft.runtime.wasm.WasmCallException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure below it into an RFC 9457 problem response. An {@link HttpException} keeps
 * its status and detail; an exception type mapped to a status answers with that status and the
 * exception's message; an {@link OutOfMemoryError} is a 503 with {@code Retry-After} (the heap is
 * exhausted, not the request wrong); anything else, an {@link Error} included, is a 500 that tells the client nothing but the request id,
 * while the server log gets the whole stack trace (at most {@link StackTraceBudget#PER_MINUTE} a
 * minute). Expected failures, an {@code HttpException} of 500 or more (503 busy, 504 timed out)
 * or a guest's {@link WasmCallException}, log one line without a stack trace.
 */
public final class ErrorHandling implements Middleware {

    private static final Logger LOG = System.getLogger("weft.errors");

    private final Map<Class<? extends Throwable>, Integer> statuses;

    /** @param statuses exception types answered with a status of their own, such as 404 or 409 */
    public ErrorHandling(Map<Class<? extends Throwable>, Integer> statuses) {
        statuses.values().forEach(status -> {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an exception maps to an error status, 400 to 599, not " + status);
            }
        });
        this.statuses = new LinkedHashMap<>(statuses);
    }

    @Override
    public Response handle(Request request, RouteHandler next) {
        try {
            return next.handle(request);
        } catch (HttpException e) {
            // Expected outcomes (503 busy, 504 timed out, validation): one line, no stack trace.
            if (LOG.isLoggable(e.status() >= 500 ? Level.WARNING : Level.DEBUG)) {
                LOG.log(e.status() >= 500 ? Level.WARNING : Level.DEBUG, describe(request) + " answered " + e.status()
                        + ": " + oneLine(e.getMessage()));
            }
            return Problem.of(e, request);
        } catch (WasmCallException e) {
            // A guest that trapped or failed is the module's expected way of failing: one line.
            LOG.log(Level.WARNING, describe(request) + " answered 500: " + oneLine(e.getMessage())
                    + (e.getCause() == null ? "" : " (" + oneLine(String.valueOf(e.getCause().getMessage())) + ")"));
            return Problem.internalError(request);
        } catch (OutOfMemoryError e) {
            // The heap, not the request, is at fault: the client may try again once memory is
            // freed. One line: the stack trace says nothing of who holds the memory.
            LOG.log(Level.ERROR, describe(request) + " answered 503: the JVM ran out of memory ("
                    + oneLine(e.getMessage()) + "); max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
            return Problem.of(new OutOfMemory(), request);
        } catch (Throwable e) {
            // Errors too (an AssertionError, a LinkageError): otherwise the answer would skip the
            // request id header and the access log line that the middleware above this one add.
            Integer status = statusOf(e);
            if (status != null) {
                return Problem.of(new HttpException(status, e.getMessage() == null ? "" : e.getMessage()), request);
            }
            log(request, e);
            return Problem.internalError(request);
        }
    }

    /** What a request that ran the JVM out of memory answers: 503, try again in a second. */
    private static final class OutOfMemory extends HttpException {
        OutOfMemory() {
            super(503, "the server ran out of memory for this request; try again later", Map.of(),
                    Map.of("Retry-After", "1"), null);
        }
    }

    /** The mapped status of the exception's class or its nearest mapped superclass. */
    private Integer statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Integer status = statuses.get(type);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    /** An unexpected failure: its stack trace, within the server's budget of them; else one line. */
    private static void log(Request request, Throwable error) {
        if (StackTraceBudget.SERVER.take()) {
            long left = StackTraceBudget.SERVER.suppressedSince();
            LOG.log(Level.ERROR, describe(request) + " failed"
                    + (left == 0 ? "" : " (" + left + " stack traces left out in the last minute)"), error);
        } else {
            LOG.log(Level.ERROR, describe(request) + " failed: " + error.getClass().getName() + ": "
                    + oneLine(String.valueOf(error.getMessage())) + " (stack trace left out: over "
                    + StackTraceBudget.PER_MINUTE + " a minute)");
        }
    }

    private static String describe(Request request) {
        String id = request.requestId();
        String path = request.rawPath();
        return request.method() + " " + oneLine(path.length() > 200 ? path.substring(0, 200) + "..." : path)
                + (id == null ? "" : " (request " + id + ")");
    }

    /** A message on one line, at most 300 characters: a client's input never splits a log record. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String flat = message.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
