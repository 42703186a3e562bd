package dev.weft.test;

import dev.weft.runtime.json.JsonTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole response, as a test reads it: status, headers, body as text, bytes or JSON. The same
 * for a route called in process and for a server called over HTTP.
 */
public final class TestResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    TestResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        this.headers = byName;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in order; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The {@code Content-Type} header, or null. */
    public String contentType() {
        return header("Content-Type");
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as JSON into a record annotated {@code @io.avaje.jsonb.Json} (its adapter
     * generated at compile time), with Weft's own JSON settings.
     */
    public <T> T json(Class<T> type) {
        return JsonTypes.of(type).fromJson(text());
    }

    /**
     * The body read as JSON into plain values: a {@code Map<String, Object>} for an object, a
     * {@code List<Object>} for an array, a String, a number (a {@code Long} or a
     * {@code BigDecimal}... as avaje-jsonb reads it) or a Boolean.
     */
    public Object json() {
        return JsonTypes.of(Object.class).fromJson(text());
    }

    @Override
    public String toString() {
        return status + " " + (contentType() == null ? "" : contentType() + " ") + text();
    }
}
