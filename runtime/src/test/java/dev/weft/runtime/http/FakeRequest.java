package dev.weft.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request built in memory, for testing routing and parameters without a server. */
public final class FakeRequest extends Request {

    private final HttpMethod method;
    private final String rawPath;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    public FakeRequest(HttpMethod method, String rawPath) {
        this.method = method;
        this.rawPath = rawPath;
    }

    public static FakeRequest get(String rawPath) {
        return new FakeRequest(HttpMethod.GET, rawPath);
    }

    public FakeRequest query(String name, String... values) {
        query.put(name, List.of(values));
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    public FakeRequest body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    @Override
    protected byte[] readBody(long limit) {
        if (body.length > limit) {
            throw bodyTooLarge(limit);
        }
        return body;
    }
}
