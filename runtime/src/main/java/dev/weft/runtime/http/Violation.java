package dev.weft.runtime.http;

/**
 * One reason a request is invalid: which input ({@code in} is {@code query}, {@code path},
 * {@code header} or {@code body}), which field of it, and what is wrong.
 */
public record Violation(String in, String field, String message) {

    /** A sentence for a problem's {@code detail}: {@code query parameter 'n' must be an integer}. */
    public String describe() {
        return switch (in) {
            case "body" -> field.isEmpty() ? "body " + message : "body field '" + field + "' " + message;
            default -> in + " parameter '" + field + "' " + message;
        };
    }
}
