package dev.weft.runtime.middleware;

import dev.weft.runtime.http.HttpException;
import java.util.Map;

/**
 * A {@link Guard}'s decision: allow, or reject with an error status, a reason for the client, and
 * headers the answer must carry (such as {@code WWW-Authenticate}).
 */
public final class Verdict {

    private static final Verdict ALLOW = new Verdict(0, null, Map.of());

    private final int status;
    private final String reason;
    private final Map<String, String> headers;

    private Verdict(int status, String reason, Map<String, String> headers) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
    }

    public static Verdict allow() {
        return ALLOW;
    }

    public static Verdict reject(int status, String reason) {
        return reject(status, reason, Map.of());
    }

    public static Verdict reject(int status, String reason, Map<String, String> headers) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a rejection's status is 400 to 599, not " + status);
        }
        return new Verdict(status, reason, Map.copyOf(headers));
    }

    public boolean allowed() {
        return this == ALLOW;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** Continues when allowed; otherwise throws the rejection, which answers as a problem. */
    public void orThrow() {
        if (!allowed()) {
            throw new Rejection(this);
        }
    }

    /** A rejected request, on its way to becoming a problem response. */
    static final class Rejection extends HttpException {
        Rejection(Verdict verdict) {
            super(verdict.status, verdict.reason, Map.of(), verdict.headers, null);
        }
    }
}
