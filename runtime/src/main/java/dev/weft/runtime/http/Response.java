package dev.weft.runtime.http;

import dev.weft.runtime.internal.json.JsonCodec;
import io.avaje.jsonb.JsonType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a route answers: a status, headers and a body held in memory.
 *
 * <pre>{@code
 * return Response.status(201).header("Location", "/orders/7").json(ORDER_JSON, order);
 * }</pre>
 */
public final class Response {

    public static final String TEXT = "text/plain; charset=UTF-8";
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] EMPTY = new byte[0];

    private int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>(2);
    private String contentType;
    private byte[] body = EMPTY;

    private Response(int status) {
        this.status = status;
    }

    /** An empty response with this status; add a body with {@link #text}, {@link #json} or {@link #bytes}. */
    public static Response status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new Response(status);
    }

    /** 200 with a UTF-8 text body. */
    public static Response ofText(String text) {
        return status(200).text(text);
    }

    /** 200 with a binary body. */
    public static Response ofBytes(byte[] bytes) {
        return status(200).bytes(bytes);
    }

    /** 200 with a JSON body. */
    public static <T> Response ofJson(JsonType<T> type, T value) {
        return status(200).json(type, value);
    }

    /** 200 with a JSON number or boolean, for methods that return one. */
    public static Response ofJsonValue(Object scalar) {
        return status(200).body(JSON, JsonCodec.writeValue(scalar));
    }

    /** 204, for methods that return nothing. */
    public static Response noContent() {
        return status(204);
    }

    public Response text(String text) {
        return body(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public Response bytes(byte[] bytes) {
        return body(OCTET_STREAM, bytes);
    }

    public <T> Response json(JsonType<T> type, T value) {
        return body(JSON, JsonCodec.write(type, value));
    }

    public Response body(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    /** Adds a header; a name may appear more than once. */
    public Response header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public int status() {
        return status;
    }

    /** The body's media type, or null when there is no body. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** A copy of this response without a body, as HEAD answers it. */
    public Response withoutBody() {
        Response copy = new Response(status);
        copy.headers.addAll(headers);
        copy.contentType = contentType;
        return copy;
    }
}
