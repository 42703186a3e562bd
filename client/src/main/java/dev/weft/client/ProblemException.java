package dev.weft.client;

import java.util.List;

/**
 * An error answer of a Weft server (status 400 and above), read from its RFC 9457 problem body:
 * the status, the title and detail, and for a 400 every violation found.
 */
public final class ProblemException extends RuntimeException {

    /** One refused parameter or body field, as the server named it. */
    public record Violation(String in, String field, String message) {}

    private final int status;
    private final String title;
    private final String detail;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The server's explanation, or null. */
    public String detail() {
        return detail;
    }

    /** Every refused parameter or field of a 400; empty otherwise. */
    public List<Violation> violations() {
        return violations;
    }
}
