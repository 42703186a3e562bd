package dev.weft.runtime.internal.http;

import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request without a server: a method, a target such as {@code /a/b?x=1}, headers and a body.
 * Shared with the processor's tests, which run generated routes against it (the runtime's test jar).
 */
public final class FakeRequest extends ServerRequest {

    private final HttpMethod method;
    private final String rawPath;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];

    public FakeRequest(HttpMethod method, String target) {
        this.method = method;
        int question = target.indexOf('?');
        this.rawPath = question < 0 ? target : target.substring(0, question);
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
    }

    public static FakeRequest of(HttpMethod method, String target) {
        return new FakeRequest(method, target);
    }

    public static FakeRequest get(String target) {
        return of(HttpMethod.GET, target);
    }

    public FakeRequest query(String name, String... values) {
        query.put(name, List.of(values));
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }

    /** A header sent once per value. */
    public FakeRequest headers(String name, String... values) {
        headers.put(name, List.of(values));
        return this;
    }

    /** Marks the request as authenticated, as the server's authentication would. */
    public FakeRequest as(String subject, String... roles) {
        attribute(Principal.ATTRIBUTE, new Principal(subject, List.of(roles)));
        return this;
    }

    public FakeRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    public FakeRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public FakeRequest json(String json) {
        return header("Content-Type", "application/json").body(json);
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
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    protected byte[] readBody(long limit) {
        if (body.length > limit) {
            throw bodyTooLarge(limit);
        }
        return body.clone();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
