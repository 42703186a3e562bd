package dev.weft.test;

import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.internal.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link TestRequest} as the server's pipeline reads one: what Helidon's request is over a socket. */
final class InProcessRequest extends ServerRequest {

    private final HttpMethod method;
    private final String rawPath;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;

    InProcessRequest(TestRequest request) {
        this.method = request.method();
        String target = request.target();
        int question = target.indexOf('?');
        this.rawPath = question < 0 ? target : target.substring(0, question);
        if (question >= 0 && question < target.length() - 1) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        for (Map.Entry<String, String> header : request.headers()) {
            headers.computeIfAbsent(header.getKey(), n -> new ArrayList<>()).add(header.getValue());
        }
        this.body = request.body();
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
        return values == null ? null : values.get(0);
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
