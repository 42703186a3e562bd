package dev.weft.test;

import dev.weft.runtime.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A request a test is writing, in process ({@link RouteTester}) or over HTTP ({@link TestClient}):
 * add headers and a body, then {@link #send()}.
 *
 * <pre>{@code
 * TestResponse created = routes.post("/orders").header("Authorization", "Bearer " + token)
 *         .json("{\"item\": \"tea\", \"quantity\": 2}").send();
 * }</pre>
 */
public final class TestRequest {

    private final HttpMethod method;
    private final String target;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private final Function<TestRequest, TestResponse> sender;

    TestRequest(HttpMethod method, String target, Function<TestRequest, TestResponse> sender) {
        this.method = Objects.requireNonNull(method, "method");
        this.target = Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("a target is a path with an optional query, starting with /: " + target);
        }
        this.sender = sender;
    }

    /** Adds a header; a name may be added more than once. */
    public TestRequest header(String name, String value) {
        headers.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return this;
    }

    /** A body of this media type. */
    public TestRequest body(String contentType, byte[] body) {
        this.body = body.clone();
        return header("Content-Type", contentType);
    }

    /** A UTF-8 text body, {@code text/plain}. */
    public TestRequest text(String text) {
        return body("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON body, {@code application/json}. */
    public TestRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request and returns the whole response; a failure of the route is a response too (4xx, 5xx). */
    public TestResponse send() {
        return sender.apply(this);
    }

    HttpMethod method() {
        return method;
    }

    /** The path, still percent-encoded, and the query: {@code /hello/Ada%20L?x=1}. */
    String target() {
        return target;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
